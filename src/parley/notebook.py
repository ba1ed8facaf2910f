"""``parley.open(db)``: the stored data as pandas DataFrames, for notebooks.

The filters are the CLI's (``country``, ``type``, ``since``, ``until``, ``publisher``, ``limit``),
passed as keywords, and each method calls the same library function as its command, so a notebook
and ``parley events --country CHN`` never disagree.  pandas is an optional extra
(``pip install "parley[notebook]"``); it is imported when a frame is first asked for.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from parley.config import Settings, load_settings
from parley.errors import ConfigError
from parley.store import Filters, list_documents, list_events, open_store
from parley.store.tables import list_statements
from parley.watch.queries import engagement_rows

if TYPE_CHECKING:
    import pandas

NO_LIMIT = 10**9


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pandas.DataFrame:
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ConfigError('pandas is not installed: pip install "parley[notebook]"') from exc
    return pd.DataFrame(rows, columns=columns if not rows else None)


class Parley:
    """One Parley database seen as tables; build with :func:`parley.open`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __repr__(self) -> str:
        return f"parley.open({self.settings.db!r})"

    @staticmethod
    def _filters(country: str | None, type: str | None, since: str | None, until: str | None,
                 publisher: str | None, limit: int | None) -> Filters:
        return Filters(country, type, since, until, publisher, limit or NO_LIMIT)

    def events(self, country: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, publisher: str | None = None, limit: int | None = None
               ) -> pandas.DataFrame:
        """One row per stored event, as ``parley events``."""
        with open_store(self.settings.db) as db:
            rows = list_events(db, self._filters(country, type, since, until, publisher, limit))
        return _frame(rows, ["id", "type", "primary", "date", "location", "modality", "publisher", "source",
                             "title", "participants"])

    def documents(self, country: str | None = None, type: str | None = None, since: str | None = None,
                  until: str | None = None, publisher: str | None = None, limit: int | None = None
                  ) -> pandas.DataFrame:
        """One row per stored document, as ``parley documents``."""
        with open_store(self.settings.db) as db:
            rows = list_documents(db, self._filters(country, type, since, until, publisher, limit))
        return _frame(rows, ["id", "source", "title", "publisher", "published", "events", "statements"])

    def engagements(self, country: str | None = None, type: str | None = None, since: str | None = None,
                    until: str | None = None, state: str | None = None, limit: int | None = None,
                    now: datetime | None = None) -> pandas.DataFrame:
        """One row per engagement with its state, as ``parley engagements``."""
        with open_store(self.settings.db) as db:
            rows = engagement_rows(db, self.settings, self._filters(country, type, since, until, None, limit),
                                   state, now)
        for row in rows:
            row["countries"] = ",".join(sorted({p["country"] for p in row.pop("participants") if p["country"]}))
        return _frame(rows, ["id", "type", "date", "location", "reports", "state", "published", "missing",
                             "deadline", "people", "countries"])

    def statements(self, country: str | None = None, type: str | None = None, since: str | None = None,
                   until: str | None = None, publisher: str | None = None, topic: str | None = None,
                   limit: int | None = None) -> pandas.DataFrame:
        """One row per statement (``country`` is the speaker's), with its topics comma-separated."""
        with open_store(self.settings.db) as db:
            rows = list_statements(db, self._filters(country, type, since, until, publisher, limit), topic)
        return _frame(rows, ["id", "doc_id", "speaker", "speaker_country", "text", "event_id", "title",
                             "publisher", "published", "topics"])


def open(db: str | None = None, **settings: Any) -> Parley:
    """Open a Parley database (a SQLite path or ``postgresql://`` URL; default: the configured one)."""
    return Parley(load_settings(db=db, **settings))

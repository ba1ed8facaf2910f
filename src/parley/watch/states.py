"""Engagement states: has every government taking part published its readout?

Derived from what is stored and nothing else: the engagement, the countries of its participants,
and for each of its reports the side (the one function :func:`parley.compare.sides.document_side`) and the
publication and ingest times.  Nothing about how engagements are linked is assumed, so the state
follows whatever linking stores.

- **both**: every participant side has published.  "Both sides" generalises to *every* side: for a
  meeting of three countries, all three governments (or their state media) must have published;
  while one of them has not, the engagement is awaiting it, then one-sided, with the missing
  side(s) named.  Participants without a country (the UN Secretary-General, NATO's Secretary
  General) are not a side: international organisations publish readouts, but they are not the
  governments whose silence an analyst watches for.
- **awaiting**: at least one side has published, another has not, and the window (``awaiting_hours``,
  default 72 h) since the first official report has not passed.
- **one-sided**: the same after the window.
- **unofficial**: no participant government has published; only news reports or third parties.

The window opens at the end (UTC) of the day the first official report was published, the latest
moment that date can stand for; a report without a publication date opens it when it was ingested.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parley.extract.knowledge import Knowledge

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from parley.compare.sides import document_side as side_of
from parley.model import Document

STATES = ("awaiting", "one-sided", "both", "unofficial")


@dataclass(frozen=True, slots=True)
class SideReport:
    """One report of an engagement as the state needs it."""

    doc_id: str
    side: str | None
    published: str | None  # YYYY-MM-DD
    ingested_at: str  # ISO 8601


@dataclass(frozen=True, slots=True)
class EngagementState:
    """The state of one engagement at one moment."""

    engagement_id: str
    anchor: str  # first-ingested document: identifies the engagement across relinking
    type: str
    date: str | None
    state: str
    sides: tuple[str, ...]  # participant countries
    published: tuple[str, ...]  # sides whose government or state media published
    missing: tuple[str, ...]
    opened: datetime | None  # when the window opened
    deadline: datetime | None  # when awaiting turns one-sided

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.engagement_id, "type": self.type, "date": self.date, "state": self.state,
                "sides": list(self.sides), "published": list(self.published), "missing": list(self.missing),
                "opened": _iso(self.opened), "deadline": _iso(self.deadline)}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def _parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def reported_at(report: SideReport) -> datetime:
    """The latest moment the report can have been published: the end of its publication day (UTC)."""
    if report.published:
        try:
            day = date.fromisoformat(report.published[:10])
        except ValueError:
            day = None
        if day is not None:
            return datetime.combine(day + timedelta(days=1), time(0), UTC)
    return _parse_time(report.ingested_at)


def derive_state(engagement_id: str, type: str, day: str | None, countries: Iterable[str],
                 reports: list[SideReport], now: datetime, window: timedelta) -> EngagementState:
    """The state of one engagement from its participant countries and its reports at ``now``."""
    official = [r for r in reports if r.side]
    sides = tuple(sorted(set(countries) or {r.side for r in official if r.side}))
    published = tuple(s for s in sides if any(r.side == s for r in official))
    missing = tuple(s for s in sides if s not in published)
    own = [r for r in official if r.side in published]
    opened = min((reported_at(r) for r in own), default=None)
    deadline = opened + window if opened else None
    if not published:
        state = "unofficial"
    elif not missing:
        state = "both"
    elif deadline is not None and now < deadline:
        state = "awaiting"
    else:
        state = "one-sided"
    anchor = reports[0].doc_id if reports else engagement_id
    return EngagementState(engagement_id, anchor, type, day, state, sides, published, missing, opened, deadline)


def states_from_facts(facts: list[dict[str, Any]], now: datetime, window: timedelta,
                      kb: Knowledge) -> list[EngagementState]:
    """States of the engagements returned by :func:`parley.store.states.engagement_facts`."""
    out = []
    for f in facts:
        reports = []
        for r in f["reports"]:
            doc = Document(r["doc_id"], r["url"] or r["doc_id"], "", r["title"], r["publisher"], r["published"],
                           r["url"])
            reports.append(SideReport(r["doc_id"], side_of(doc, kb), r["published"], r["ingested_at"]))
        out.append(derive_state(f["id"], f["type"], f["date"], f["countries"], reports, now, window))
    return out


def transition(previous: dict[str, Any] | None, current: EngagementState) -> str | None:
    """The notification a change of state calls for, or None when nothing a reader cares about changed."""
    if previous is None:
        return "engagement.new"
    before = set(filter(None, str(previous["published"]).split(",")))
    if set(current.published) - before:
        return "engagement.published"
    if previous["state"] == current.state:
        return None
    if previous["state"] == "awaiting" and current.state == "one-sided":
        return "engagement.window_passed"
    return "engagement.state_changed"

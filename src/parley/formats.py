"""Library calls for the field's data formats: PLOVER records of the stored events.

Kept apart from ``api.py`` so that the other export formats (parquet, csv, jsonl) can join it
without the two growing into each other; the mapping itself is :mod:`parley.compare.plover`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from parley.compare.plover import plover_records
from parley.config import Settings
from parley.extract.knowledge import knowledge
from parley.store import Filters, list_events, load_extractions, open_store
from parley.store.states import event_engagements

FORMATS = ("plover",)


def plover_rows(settings: Settings, filters: Filters) -> Iterator[dict[str, Any]]:
    """PLOVER records of the stored events matching the filters (the same as ``parley events``)."""
    with open_store(settings.db) as db:
        keep = {r["id"] for r in list_events(db, replace(filters, limit=filters.limit or 10**9))}
        doc_ids = sorted({k.rsplit(":", 1)[0] for k in keep})
        extractions = load_extractions(db, doc_ids) if doc_ids else []
        links = event_engagements(db)
    yield from plover_records(extractions, knowledge(), links, keep)


def write_plover(settings: Settings, filters: Filters, path: Path | None) -> tuple[int, str]:
    """Write PLOVER JSONL to ``path`` (or return it as text when ``path`` is None); (count, text)."""
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in plover_rows(settings, filters)]
    text = "".join(line + "\n" for line in lines)
    if path is not None:
        path.write_text(text, encoding="utf-8")
        return len(lines), ""
    return len(lines), text

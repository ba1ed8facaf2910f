"""A store that works at any size: indexed hot lookups, bounded parameter lists, lock-free readers."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from parley import api
from parley.config import Settings
from parley.extract.knowledge import knowledge
from parley.link.incremental import link_pending
from parley.model import Extraction
from parley.store import Database, Filters, iter_extractions, open_store, save_extraction

# The lookups on the ingest and page paths, each with example parameters.
HOT = {
    "link candidates": ("SELECT DISTINCT k.event_id, e.engagement_id FROM link_keys k JOIN events e "
                        "ON e.id = k.event_id WHERE k.type = ? AND k.token IN (?, ?) AND k.dated = 1 "
                        "AND k.day IN (?, ?, ?)", ["CALL", "blinken", "motegi", "2021-01-26", "2021-01-27",
                                                   "2021-01-28"]),
    "undated candidates": ("SELECT DISTINCT k.event_id FROM link_keys k WHERE k.type = ? AND k.token IN (?) "
                           "AND k.dated = 0", ["CALL", "blinken"]),
    "engagement members": ("SELECT id FROM events WHERE engagement_id = ?", ["x"]),
    "engagement rivals": ("SELECT id, first_doc FROM engagements WHERE base_id = ?", ["x"]),
    "unlinked documents": ("SELECT id FROM documents WHERE linked = 0 ORDER BY id LIMIT ?", [10]),
    "evidence of a document": ("SELECT owner_id FROM evidence WHERE doc_id = ?", ["x"]),
    "person already indexed": ("SELECT ref FROM search_people WHERE ref = ?", ["x"]),
    "dyad engagements": ("SELECT x.engagement_id FROM engagement_countries x JOIN engagement_countries y "
                         "ON y.engagement_id = x.engagement_id AND y.country = ? WHERE x.country = ?", ["CHN", "GBR"]),
    "engagements page": ("SELECT id FROM engagements ORDER BY date DESC, id LIMIT ?", [50]),
    "top dyads": ("SELECT a, b, n FROM dyad_counts ORDER BY n DESC LIMIT ?", [12]),
}


def _plan(db: Database, sql: str, params: list[Any]) -> str:
    if db.backend == "sqlite":
        rows = db.query(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(r["detail"] for r in rows)
    db.execute("SET enable_seqscan = off")  # an empty table is cheapest to scan: ask whether an index serves
    rows = db.query(f"EXPLAIN {sql}", params)
    return "\n".join(next(iter(r.values())) for r in rows)


@pytest.mark.parametrize("name", sorted(HOT))
def test_hot_lookups_use_an_index(name: str, db_url: str) -> None:
    sql, params = HOT[name]
    with open_store(db_url) as db:
        plan = _plan(db, sql, params)
    if db_url.startswith("postgresql"):
        assert "Index" in plan and "Seq Scan" not in plan, plan
    else:
        scans = [line for line in plan.splitlines() if line.startswith("SCAN") and "USING" not in line]
        assert not scans and ("USING" in plan or "SEARCH" in plan), plan


def test_no_query_binds_a_parameter_per_stored_document(dev: dict[str, Extraction], sqlite_url: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    widest = {"n": 0}
    real = Database.execute

    def counting(self: Database, sql: str, params: Any = ()) -> Any:
        widest["n"] = max(widest["n"], len(params))
        return real(self, sql, params)

    monkeypatch.setattr(Database, "execute", counting)
    extractions = list(dev.values())
    with open_store(sqlite_url) as db:
        for n, x in enumerate(extractions * 8):  # copies under other ids: 8 × the dev corpus
            copy = Extraction(type(x.document)(f"{n:064x}", x.document.source, x.document.text, x.document.title,
                                               x.document.publisher, x.document.published, x.document.url),
                              x.events, x.statements)
            save_extraction(db, copy)
        widest["n"] = 0
        with db.transaction():
            link_pending(db, knowledge(), batch=100)
        loaded = sum(1 for _ in iter_extractions(db, None, chunk=50))
        all_ids = [r["id"] for r in db.query("SELECT id FROM documents")]
        assert len(list(iter_extractions(db, all_ids, chunk=50))) == len(all_ids) == loaded
    assert loaded == 8 * len(extractions)
    assert widest["n"] <= 120  # bounded by the chunk sizes, not by the 728 documents stored


def test_a_reader_does_not_wait_for_a_writer(dev_docs: Path, sqlite_url: str) -> None:
    """Opening a set-up store for reading takes no write lock, so it answers while an ingest writes."""
    api.ingest_paths([str(dev_docs / "d04.txt")], Settings(db=sqlite_url))
    writer = sqlite3.connect(sqlite_url, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process in the middle of a write transaction
    try:
        started = time.monotonic()
        rows = api.query_events(Settings(db=sqlite_url), Filters())
        assert rows and time.monotonic() - started < 5  # the busy timeout is 10 s
        assert api.timeline_rows(Settings(db=sqlite_url), "USA", "CHN")
    finally:
        writer.execute("ROLLBACK")
        writer.close()

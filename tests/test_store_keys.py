"""Integer surrogate keys inside the store (migration 0014): the public ids and every public output
stay as they were, an existing store is upgraded in place with every row, new rows get growing keys."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Any

from parley.extract.knowledge import knowledge
from parley.link.incremental import link_pending
from parley.model import Extraction
from parley.store import (
    Database,
    Filters,
    iter_extractions,
    list_documents,
    list_events,
    open_store,
    save_extraction,
    views,
)
from parley.store.db import _latest
from parley.store.export import TABLES, pages
from parley.store.search import search
from parley.store.tables import list_statements
from schema13 import REBUILT, downgrade_to_13, postgresql_13_from


def _ingest(db: Database, extractions: list[Extraction], size: int = 17) -> None:
    for start in range(0, len(extractions), size):
        with db.transaction():
            for x in extractions[start:start + size]:
                save_extraction(db, x)
            link_pending(db, knowledge())


def _public(db: Database) -> dict[str, Any]:
    """Everything a user sees of a store: exports, listings, pages, views for SQL readers, search."""
    every = Filters(limit=100_000)
    docs = sorted(r["id"] for r in list_documents(db, every))
    engagements = views.engagements(db, every)
    return {
        "exports": {name: [row for page in pages(db, table, size=37) for row in page]
                    for name, table in TABLES.items()},
        "events": list_events(db, every),
        "documents": list_documents(db, every),
        "statements": list_statements(db, every),
        "pages": [views.document(db, d) for d in docs[:25]],
        "engagements": engagements,
        "engagement pages": [views.engagement_row(db, g["id"]) for g in engagements[:25]],
        "people": views.people(db, None, 1000, 0),
        "dyad": views.dyad_network(db, [g["id"] for g in engagements], "USA", "CHN"),
        "event export": [row for page in views.export_pages(db, "events", page=29) for row in page],
        "reloaded": list(iter_extractions(db, docs)),
        "sql views": {v: sorted(map(repr, db.query(f"SELECT * FROM {v}"))) for v in (
            "event_participants", "engagement_reports", "statements_with_topics", "people", "evidence_spans")},
        "search": search(db, "minister talks", limit=50),
    }


def test_public_ids_are_what_they_were(dev: dict[str, Extraction], db_url: str) -> None:
    """Events keep '<sha256>:<local id>', statements '<sha256>:s<n>', documents their sha256."""
    extractions = sorted(dev.values(), key=lambda x: x.document.id)[:30]
    with open_store(db_url) as db:
        _ingest(db, extractions)
        got = _public(db)
    want_events = sorted(f"{x.document.id}:{e.id}" for x in extractions for e in x.events)
    want_statements = sorted(f"{x.document.id}:s{n}" for x in extractions for n in range(len(x.statements)))
    assert sorted(r["id"] for r in got["exports"]["events"]) == want_events
    assert sorted(r["id"] for r in got["exports"]["statements"]) == want_statements
    assert sorted(r["id"] for r in got["exports"]["documents"]) == sorted(x.document.id for x in extractions)
    spans = {r.split("'id': '")[1].split("'")[0] for r in got["sql views"]["evidence_spans"]}
    assert f"{extractions[0].document.id}:{extractions[0].events[0].id}:e0" in spans
    # every reloaded extraction has the events, evidence and statements stored, in the stored order
    reloaded = {x.document.id: x for x in got["reloaded"]}
    for x in extractions:
        back = reloaded[x.document.id]
        assert sorted((e.id, e.evidence) for e in back.events) == sorted((e.id, e.evidence) for e in x.events)
        assert [(s.text, s.topics, s.evidence) for s in back.statements] == [
            (s.text, tuple(sorted(set(s.topics))), s.evidence) for s in x.statements]


def test_an_existing_store_is_upgraded_in_place_with_every_row(dev: dict[str, Extraction], sqlite_url: str) -> None:
    """A store of schema 13 (text keys) is rebuilt by the next writer: the same rows, the same
    public output, and the stores written after it go on numbering where the copy stopped."""
    extractions = sorted(dev.values(), key=lambda x: x.document.id)
    with open_store(sqlite_url) as db:
        _ingest(db, extractions[:-5])
        before = _public(db)
    downgrade_to_13(sqlite_url)
    with sqlite3.connect(sqlite_url) as raw:
        assert raw.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == 13
        assert "doc_id" in {r[1] for r in raw.execute("PRAGMA table_info(events)")}
    with open_store(sqlite_url) as db:  # a writer: upgrades
        assert db.version() == _latest("sqlite")
        assert _public(db) == before
        last = db.query("SELECT MAX(num) AS n FROM events")[0]["n"]
        _ingest(db, extractions[-5:])
        added = db.query("SELECT MIN(num) AS lo, MAX(num) AS hi FROM events WHERE num > ?", (last,))[0]
        assert added["lo"] == last + 1 and added["hi"] - last == sum(len(x.events) for x in extractions[-5:])
    fresh = sqlite_url + ".fresh.db"
    with open_store(fresh) as db:  # the same documents stored from scratch: the same public output
        _ingest(db, extractions[:-5])
        _ingest(db, extractions[-5:])
        want = _public(db)
    with open_store(sqlite_url) as db:
        got = _public(db)
    for key in ("exports", "events", "documents", "statements", "pages", "engagements", "reloaded", "sql views"):
        assert _without_times(got[key]) == _without_times(want[key]), key


def test_an_existing_postgresql_store_is_upgraded_in_place(dev: dict[str, Extraction], sqlite_url: str,
                                                           postgres_url: str) -> None:
    """The same on PostgreSQL: a schema-13 database holding the rows of a schema-13 store gives,
    once upgraded, the public output the SQLite store gave."""
    extractions = sorted(dev.values(), key=lambda x: x.document.id)
    with open_store(sqlite_url) as db:
        _ingest(db, extractions)
        want = _public(db)
    downgrade_to_13(sqlite_url)
    postgresql_13_from(sqlite_url, postgres_url)
    with open_store(postgres_url) as db:
        assert db.version() == _latest("postgresql")
        got = _public(db)
        assert db.query("SELECT COUNT(*) AS n FROM search_index WHERE kind = 'document'")[0]["n"] == len(extractions)
        last = db.query("SELECT MAX(num) AS n FROM documents")[0]["n"]
        extra = replace(extractions[0], document=replace(extractions[0].document, id="f" * 64))
        _ingest(db, [extra])  # the identity sequences go on after the copied rows
        assert db.query("SELECT num FROM documents WHERE id = ?", ("f" * 64,))[0]["num"] == last + 1
    assert got["exports"] == want["exports"]  # in the order of the ids on both
    for key in ("events", "documents", "statements", "pages", "engagements", "reloaded", "sql views"):
        assert _rows(got[key]) == _rows(want[key]), key  # listings: the backends sort NULL dates apart


def _rows(value: Any) -> list[str]:
    return sorted(map(repr, value.values() if isinstance(value, dict) else value))


def _without_times(value: Any) -> Any:
    """Rows without the moment they were written (ingested_at, created_at)."""
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k not in ("ingested_at", "created_at")}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    if isinstance(value, str) and "'ingested_at': '" in value:  # a repr'd view row
        head, _, tail = value.partition("'ingested_at': '")
        return head + tail.partition("'")[2]
    return value


def test_internal_references_are_integers(dev: dict[str, Extraction], db_url: str) -> None:
    """No rebuilt table repeats a text document, event, statement or engagement id; each new row's
    key is the next number (appended at the right edge of its B-tree)."""
    extractions = sorted(dev.values(), key=lambda x: x.document.id)[:12]
    with open_store(db_url) as db:
        _ingest(db, extractions, size=5)
        for table in REBUILT:
            columns = _columns(db, table)
            assert not {"doc_id", "event_id", "statement_id", "engagement_id", "owner_id"} & set(columns), table
            for name, kind in columns.items():
                if name == "num" or name.endswith("_num"):
                    assert "int" in kind.lower(), (table, name, kind)
        nums = [r["num"] for r in db.query("SELECT num FROM documents ORDER BY id")]
        order = {x.document.id: n for n, x in enumerate(extractions)}
        by_id = sorted(order)
        assert [nums[by_id.index(x.document.id)] for x in extractions] == sorted(nums)  # in the order stored
        again = replace(extractions[0].document)
        assert not save_extraction(db, Extraction(again, extractions[0].events, extractions[0].statements))
        assert db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"] == len(extractions)


def _columns(db: Database, table: str) -> dict[str, str]:
    if db.backend == "sqlite":
        return {r["name"]: r["type"] for r in db.query(f"SELECT name, type FROM pragma_table_info('{table}')")}
    return {r["column_name"]: r["data_type"] for r in db.query(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?", (table,))}

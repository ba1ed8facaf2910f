"""Storage on both backends (SQLite file and a real PostgreSQL server): ingest is idempotent,
writes are all-or-nothing, and the listings filter as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DEV_COUNT
from parley import api
from parley.config import Settings
from parley.errors import StoreError
from parley.model import Actor, Document, Event, Evidence, Extraction, Statement
from parley.store import Filters, counts, list_documents, list_events, open_store, save_extraction
from parley.store.db import Database


def _extraction(doc_id: str = "d" * 64, text: str = "Lu Kang met Jonathan Allen in Beijing today.") -> Extraction:
    doc = Document(id=doc_id, source="x.txt", text=text, title="T", publisher="IDCPC",
                   published="2025-01-20")
    people = (Actor("Lu Kang", "CHN"), Actor("Jonathan Allen", "GBR"))
    event = Event("e1", "MEET", people, primary=True, date="2025-01-20", location="Beijing",
                  evidence=(Evidence(0, len(text), text, "trigger:met"),))
    said = Statement(people[0], text, ("bilateral_relations",), "e1", (Evidence(0, 10, text[:10]),))
    return Extraction(doc, (event,), (said,))


def test_schema_migrates_once_and_is_versioned(db_url: str) -> None:
    from parley.store.db import _migrations

    latest = _migrations("sqlite")[-1][0]
    with Database(db_url) as db:
        assert db.version() == latest >= 6
    with Database(db_url) as db:  # reopening applies nothing twice
        assert db.migrate() == latest


def test_save_is_idempotent(db_url: str) -> None:
    with open_store(db_url) as db:
        assert save_extraction(db, _extraction()) is True
        assert save_extraction(db, _extraction()) is False
        assert counts(db) == {"documents": 1, "events": 1, "statements": 1, "actors": 2}


def test_a_failed_write_leaves_nothing_behind(db_url: str) -> None:
    bad = _extraction()
    broken = Statement(Actor("Lu Kang", "CHN"), "x", ("not_a_topic",), None)  # violates the topic FK
    bad = Extraction(bad.document, bad.events, (*bad.statements, broken))
    with open_store(db_url) as db:
        with pytest.raises(StoreError):
            save_extraction(db, bad)
        assert counts(db)["documents"] == 0 and counts(db)["events"] == 0
        assert save_extraction(db, _extraction()) is True  # the connection is still usable


def test_interrupted_ingest_keeps_what_was_committed(db_url: str, dev_docs: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch is all or nothing: a crash in the second batch keeps the first, stored and linked."""
    import parley.pipeline as pipeline

    real = pipeline.save_extraction
    calls = {"n": 0}

    def crash_in_second_batch(db: Database, extraction: Extraction) -> bool:
        calls["n"] += 1
        if calls["n"] == 7:
            raise KeyboardInterrupt
        return real(db, extraction)

    monkeypatch.setattr(pipeline, "save_extraction", crash_in_second_batch)
    settings = Settings(db=db_url, batch_size=4)
    with pytest.raises(KeyboardInterrupt):
        api.ingest_paths([str(dev_docs)], settings)
    monkeypatch.setattr(pipeline, "save_extraction", real)
    with open_store(db_url) as db:
        assert counts(db)["documents"] == 4
        assert not db.query("SELECT id FROM documents WHERE linked = 0")
    summary = api.ingest_paths([str(dev_docs)], settings)
    assert (summary.new, summary.known) == (DEV_COUNT - 4, 4)


def test_ingest_twice_stores_nothing_new(db_url: str, dev_docs: Path) -> None:
    settings = Settings(db=db_url)
    first = api.ingest_paths([str(dev_docs)], settings)
    assert (first.new, first.known, first.rejected) == (DEV_COUNT, 0, ())
    second = api.ingest_paths([str(dev_docs)], settings)
    assert (second.new, second.known) == (0, DEV_COUNT)
    with open_store(db_url) as db:
        assert counts(db)["documents"] == DEV_COUNT
        docs = list_documents(db, Filters(publisher="downing", limit=100))
        assert docs and all("Downing" in d["publisher"] for d in docs)
        calls = list_events(db, Filters(type="CALL", country="JPN", since="2021-01-01", until="2021-12-31"))
        assert calls and all(e["type"] == "CALL" and "2021" in e["date"] for e in calls)
        assert all("JPN" in e["participants"] for e in calls)


def test_text_with_sql_and_markup_round_trips(db_url: str) -> None:
    nasty = "Robert'); DROP TABLE documents;-- <script>alert(1)</script> met Wang Yi."
    with open_store(db_url) as db:
        save_extraction(db, _extraction("e" * 64, nasty))
        row = db.query("SELECT text FROM documents WHERE id = ?", ("e" * 64,))
        assert row[0]["text"] == nasty
        assert counts(db)["documents"] == 1


def test_full_text_search_on_both_backends(db_url: str, dev_docs: Path) -> None:
    from parley.store.search import HIT_END, HIT_START, search

    api.ingest_paths([str(dev_docs / "d19.html"), str(dev_docs / "d07.txt")], Settings(db=db_url))
    with open_store(db_url) as db:
        hits = search(db, "Hayashi ballistic")
        assert hits and hits[0]["kind"] in {"document", "statement"}
        assert HIT_START in hits[0]["snippet"] and HIT_END in hits[0]["snippet"]
        people = [h for h in search(db, "Kishida", limit=50) if h["kind"] == "person"]
        assert [p["title"] for p in people] == ["Fumio Kishida"]
        # Query syntax is neutralised: quotes and operators are just words (here: "OR", "NEAR").
        assert all(h["kind"] for h in search(db, "\" OR NEAR( ') -- Hayashi"))
        assert search(db, "   ") == []

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
from parley.store.db import _latest
from parley.store.search import HIT_START, search
from schema13 import downgrade_to_13

# The lookups on the ingest and page paths, each with example parameters.  The tables refer to
# documents, events, statements and engagements by integer keys; the public ids are read through
# documents.id and engagements.id (unique indexes) and the events' (doc_num, local_id) index.
_HITS = ("SELECT DISTINCT d.id || ':' || e.local_id AS event_id, g.id AS engagement_id FROM {} k "
         "JOIN events e ON e.num = k.event_num JOIN documents d ON d.num = e.doc_num "
         "LEFT JOIN engagements g ON g.num = e.engagement_num ")
HOT = {
    "link candidates": (_HITS.format("link_keys") + "WHERE k.type = ? AND k.token IN (?, ?) AND k.dated = 1 "
                        "AND k.day IN (?, ?, ?)", ["CALL", "blinken", "motegi", "2021-01-26", "2021-01-27",
                                                   "2021-01-28"]),
    "undated candidates": (_HITS.format("link_keys") + "WHERE k.type = ? AND k.token IN (?) AND k.dated = 0 "
                           "AND k.day IN (?, ?)", ["CALL", "blinken", "2021-01-26", "2021-01-27"]),
    "engagement members": ("SELECT d.id || ':' || e.local_id AS id, g.id FROM engagements g JOIN events e "
                           "ON e.engagement_num = g.num JOIN documents d ON d.num = e.doc_num WHERE g.id IN (?, ?) "
                           "ORDER BY g.id, d.id, e.local_id", ["x", "y"]),
    "engagement rivals": ("SELECT id, first_doc FROM engagements WHERE base_id = ? AND id <> base_id "
                          "ORDER BY first_doc LIMIT 1", ["x"]),
    "primary events of new documents": ("SELECT d.id || ':' || e.local_id AS id, e.num, e.type, e.is_primary "
                                        "FROM documents d JOIN events e ON e.doc_num = d.num WHERE d.id IN (?, ?)",
                                        ["x", "y"]),
    "participants of events": ("SELECT event_num, name FROM participants WHERE event_num IN (?, ?) "
                               "ORDER BY event_num, position", [1, 2]),
    "unlinked documents": ("SELECT id FROM documents WHERE linked = 0 ORDER BY num LIMIT ?", [10]),
    "document by id": ("SELECT num FROM documents WHERE id = ?", ["x"]),
    "engagement by id": ("SELECT num FROM engagements WHERE id = ?", ["x"]),
    "evidence of a document": ("SELECT owner_num FROM evidence WHERE doc_num = ? ORDER BY owner_type, owner_num, num",
                               [1]),
    "statement by public id": ("SELECT s.text FROM documents d JOIN statements s ON s.doc_num = d.num "
                               "WHERE d.id = ? AND s.position = ?", ["x", 0]),
    "topics of statements": ("SELECT statement_num, topic FROM statement_topics WHERE statement_num IN (?, ?)", [1, 2]),
    "person already indexed": ("SELECT ref FROM search_people WHERE ref = ?", ["x"]),
    "engagements page": ("SELECT id FROM engagements ORDER BY date DESC, id LIMIT ?", [50]),
    "top dyads": ("SELECT a, b, n FROM dyad_counts ORDER BY n DESC LIMIT ?", [12]),
    # a report without a day: the engagements of one pair of its people, a small page at a time
    "pair engagements": ("SELECT k.month, k.engagement_num, g.id FROM engagement_keys k JOIN engagements g "
                         "ON g.num = k.engagement_num WHERE k.type = ? AND k.t1 = ? AND k.t2 = ? "
                         "AND (k.month, k.engagement_num) > (?, ?) ORDER BY k.month, k.engagement_num LIMIT ?",
                         ["CALL", "blinken", "wang", "", 0, 8]),
    "pair engagements in a month": ("SELECT k.month, k.engagement_num, g.id FROM engagement_keys k JOIN engagements g "
                                    "ON g.num = k.engagement_num WHERE k.type = ? AND k.t1 = ? AND k.t2 = ? "
                                    "AND k.month = ? AND k.engagement_num > ? ORDER BY k.engagement_num LIMIT ?",
                                    ["CALL", "blinken", "wang", "2024-03", 0, 8]),
    "open pair reports without a day": (_HITS.format("report_keys") + "WHERE k.type = ? AND k.t1 = ? "
                                        "AND k.t2 = ? AND k.month IN (?, ?) AND k.settled = 0",
                                        ["CALL", "blinken", "wang", "", "2024-03"]),
    "settled reports of regrouped engagements": (_HITS.format("claim_reps") + "WHERE k.rep_num IN (?, ?)", [1, 2]),
    "claim state of reports": ("SELECT event_num, rep_num FROM claim_reps WHERE event_num IN (?, ?)", [1, 2]),
    "report keys of reports": ("SELECT DISTINCT event_num, settled FROM report_keys WHERE event_num IN (?, ?)",
                               [1, 2]),
    "engagement rows of a batch": ("SELECT engagement_num, country FROM engagement_countries WHERE engagement_num "
                                   "IN (?, ?) ORDER BY engagement_num, country", [1, 2]),
    "dyad page": ("SELECT g.id FROM dyad_engagements y JOIN engagements g ON g.num = y.engagement_num "
                  "WHERE y.a = ? AND y.b = ? ORDER BY y.day DESC, g.id DESC LIMIT ? OFFSET ?", ["CHN", "GBR", 51, 0]),
    "person counterparts": ("SELECT c.other_id AS id, a.name, a.country, c.n AS events FROM person_counterparts c "
                            "JOIN actors a ON a.id = c.other_id WHERE c.actor_id = ? AND c.n > 0 "
                            "ORDER BY c.n DESC, a.name LIMIT ?", ["x", 50]),
    "dyad network": ("SELECT g.id AS engagement_id, p.actor_id, p.name, p.country FROM engagements g "
                     "JOIN events e ON e.engagement_num = g.num JOIN participants p ON p.event_num = e.num "
                     "WHERE g.id IN (?, ?) ORDER BY g.id, p.actor_id, p.name", ["x", "y"]),
    "person events": ("SELECT d.id || ':' || e.local_id AS id, e.date, d.id AS doc_id FROM participants p "
                      "JOIN events e ON e.num = p.event_num JOIN documents d ON d.num = e.doc_num "
                      "LEFT JOIN engagements g ON g.num = e.engagement_num "
                      "WHERE p.actor_id = ? ORDER BY e.date DESC, d.id LIMIT ? OFFSET ?", ["x", 51, 0]),
    "events export page": ("SELECT d.id || ':' || e.local_id AS id FROM documents d JOIN events e ON e.doc_num = d.num "
                           "WHERE d.id >= ? AND (d.id > ? OR e.local_id > ?) ORDER BY d.id, e.local_id LIMIT ?",
                           ["x", "x", "e1", 500]),
    "people page": ("SELECT a.id, a.name, a.country, a.events FROM actors a ORDER BY a.events DESC, a.name "
                    "LIMIT ? OFFSET ?", [101, 0]),
    "people of a country": ("SELECT a.id, a.name, a.country, a.events FROM actors a WHERE a.country = ? "
                            "ORDER BY a.events DESC, a.name LIMIT ? OFFSET ?", ["GBR", 51, 0]),
    "person topics": ("SELECT topic, n FROM person_topics WHERE actor_id = ? AND n > 0 ORDER BY n DESC, topic",
                      ["x"]),
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


def _maintained(db: Database) -> dict[str, list[tuple]]:
    """The maintained aggregates of the pages, as stored."""
    return {
        "dyads": sorted(tuple(r.values()) for r in db.query(
            "SELECT y.a, y.b, y.day, g.id FROM dyad_engagements y JOIN engagements g ON g.num = y.engagement_num")),
        "counterparts": sorted(tuple(r.values()) for r in db.query(
            "SELECT actor_id, other_id, n FROM person_counterparts WHERE n > 0")),
        "topics": sorted(tuple(r.values()) for r in db.query(
            "SELECT actor_id, topic, n FROM person_topics WHERE n > 0")),
        "rows": sorted(tuple(r.values()) for r in db.query("SELECT name, n FROM row_counts")),
        "events": sorted(tuple(r.values()) for r in db.query("SELECT id, events FROM actors")),
    }


def _recounted(db: Database) -> dict[str, list[tuple]]:
    """The same aggregates computed from scratch from the stored rows."""
    return {
        "dyads": sorted(tuple(r.values()) for r in db.query(
            "SELECT x.country AS a, y.country AS b, COALESCE(g.date, '') AS day, g.id FROM engagement_countries x "
            "JOIN engagement_countries y ON y.engagement_num = x.engagement_num AND x.country < y.country "
            "JOIN engagements g ON g.num = x.engagement_num")),
        "counterparts": sorted(tuple(r.values()) for r in db.query(
            "SELECT p.actor_id, q.actor_id AS other, COUNT(DISTINCT p.event_num) AS n FROM participants p "
            "JOIN participants q ON q.event_num = p.event_num AND q.actor_id <> p.actor_id "
            "GROUP BY p.actor_id, q.actor_id")),
        "topics": sorted(tuple(r.values()) for r in db.query(
            "SELECT s.speaker_actor_id, t.topic, COUNT(*) AS n FROM statements s "
            "JOIN statement_topics t ON t.statement_num = s.num GROUP BY s.speaker_actor_id, t.topic")),
        "rows": sorted((table, int(db.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]))
                       for table in ("actors", "documents", "engagements", "events", "statements")),
        "events": sorted(tuple(r.values()) for r in db.query(
            "SELECT a.id, (SELECT COUNT(*) FROM participants p WHERE p.actor_id = a.id) AS n FROM actors a")),
    }


def test_page_aggregates_are_kept_equal_to_a_recount(dev: dict[str, Extraction], db_url: str) -> None:
    """Dyad lists and person counts written on the way equal a recount, after batches that join,
    regroup and rename engagements, and after a full re-link."""
    extractions = sorted(dev.values(), key=lambda x: x.document.id)
    with open_store(db_url) as db:
        for start in range(0, len(extractions), 13):
            with db.transaction():
                for x in extractions[start:start + 13]:
                    save_extraction(db, x)
                link_pending(db, knowledge())
        kept = _maintained(db)
        assert kept == _recounted(db)
        assert len(kept["dyads"]) >= 10 and kept["counterparts"] and kept["topics"]
        from parley.link.incremental import rebuild

        with db.transaction():
            rebuild(db, knowledge())
        assert _maintained(db) == _recounted(db) == kept


def test_a_store_of_the_previous_schema_is_upgraded(dev: dict[str, Extraction], sqlite_url: str) -> None:
    """A store of schema 6 (before the pair keys and page aggregates) is upgraded by the next
    writer: the aggregates are counted from its rows, its links made again with the new keys."""
    extractions = sorted(dev.values(), key=lambda x: x.document.id)
    with open_store(sqlite_url) as db:
        with db.transaction():
            for x in extractions:
                save_extraction(db, x)
            link_pending(db, knowledge())
        want = _recounted(db)
        linked = db.query("SELECT event_id, engagement_id FROM engagement_reports ORDER BY event_id")
    downgrade_to_13(sqlite_url)  # text keys everywhere (before migration 0014)
    with sqlite3.connect(sqlite_url) as raw:  # what schema 6 held: none of the new tables
        for table in ("engagement_keys", "report_keys", "dyad_engagements", "person_counterparts", "person_topics",
                      "row_counts"):
            raw.execute(f"DROP TABLE {table}")
        raw.execute("DROP VIEW evidence_spans")
        raw.execute("DROP INDEX actors_events")
        raw.execute("DROP INDEX actors_country_events")
        raw.execute("ALTER TABLE actors DROP COLUMN events")
        raw.execute("DROP TABLE search_text")  # schema 6's search index: FTS5 with its own copy of the texts
        raw.execute("DROP TABLE search_index")
        raw.execute("CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, ref UNINDEXED, title, body, "
                    "tokenize = 'porter unicode61')")
        raw.execute("INSERT INTO search_index (kind, ref, title, body) SELECT 'document', id, "
                    "COALESCE(title, source), text FROM documents")
        raw.execute("DROP INDEX engagements_base_first")
        raw.execute("CREATE INDEX engagements_base ON engagements (base_id)")
        raw.execute("CREATE INDEX evidence_owner ON evidence (owner_type, owner_id)")
        raw.execute("CREATE INDEX documents_published ON documents (published)")
        raw.execute("DELETE FROM schema_migrations WHERE version > 6")
    api.ingest_paths([], Settings(db=sqlite_url))  # a writer: upgrades, then links what is not linked
    with open_store(sqlite_url) as db:
        assert db.version() == _latest("sqlite")
        hits = search(db, "Hayashi")
        assert hits and all(h["kind"] == "document" for h in hits) and HIT_START in hits[0]["snippet"]
        assert _maintained(db) == _recounted(db) == want
        assert db.query("SELECT event_id, engagement_id FROM engagement_reports ORDER BY event_id") == linked
        assert db.query("SELECT COUNT(*) AS n FROM engagement_keys")[0]["n"] > 0


def test_evidence_is_stored_once_and_read_back_whole(dev: dict[str, Extraction], db_url: str) -> None:
    """Evidence rows do not copy the document's text; readers, the evidence_spans view and a
    reloaded extraction give every quote back."""
    extractions = sorted(dev.values(), key=lambda x: x.document.id)[:20]
    with open_store(db_url) as db:
        for x in extractions:
            save_extraction(db, x)
        assert db.query("SELECT COUNT(*) AS n FROM evidence WHERE text <> ''")[0]["n"] == 0
        spans = {r["id"]: r["text"] for r in db.query("SELECT id, text FROM evidence_spans")}
        loaded = {x.document.id: x for x in iter_extractions(db, [x.document.id for x in extractions])}
    quotes = 0
    for x in extractions:
        for e in x.events:
            assert [ev.text for ev in e.evidence] == [ev.text for ev in next(
                f for f in loaded[x.document.id].events if f.id == e.id).evidence]
            for n, ev in enumerate(e.evidence):
                assert spans[f"{x.document.id}:{e.id}:e{n}"] == ev.text
                quotes += 1
        for pos, st in enumerate(x.statements):
            assert [ev.text for ev in st.evidence] == [ev.text for ev in loaded[x.document.id].statements[pos].evidence]
            for n, ev in enumerate(st.evidence):
                assert spans[f"{x.document.id}:s{pos}:e{n}"] == ev.text
                quotes += 1
    assert quotes > 50


def test_snippets_are_cut_from_the_stored_text() -> None:
    """SQLite's index keeps no copy of the texts: snippets mark the query's words (other endings,
    the last word as a prefix) in about 16 words of the text, '…' where it is cut."""
    from parley.store.search import HIT_END, snippet_of

    body = ("The two ministers met in Tokyo. " * 5) + "They discussed ballistic missiles launched by the North, " \
        "and Hayashi raised the abductions. " + ("Both sides agreed to stay in touch. " * 5)
    cut = snippet_of(body, ["Hayashi", "ballistics", "abduct"])
    assert cut.startswith("…") and cut.endswith("…") and len(cut.split()) <= 20
    marked = {w.strip(",.") for w in cut.replace(HIT_START, " ").split(HIT_END)[:-1] for w in [w.split()[-1]]}
    assert marked == {"ballistic", "Hayashi", "abductions"}
    assert snippet_of("Short text.", ["nothing"]) == "Short text."

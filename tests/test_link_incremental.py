"""Incremental linking: the same engagements as a full re-link, whatever the order and batches."""

from __future__ import annotations

import hashlib
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.extract.knowledge import knowledge
from parley.link import item_of, partition, primary_of
from parley.link.core import candidates
from parley.link.incremental import link_pending, rebuild
from parley.model import Actor, Document, Event, Extraction
from parley.store import Database, open_store, save_extraction

PEOPLE = [Actor("Antony Blinken", "USA"), Actor("Blinken", "USA"), Actor("Wang Yi", "CHN"),
          Actor("Toshimitsu Motegi", "JPN"), Actor("Motegi", "JPN"), Actor("Keir Starmer", "GBR"),
          Actor("Xi Jinping", "CHN"), Actor("Li Qiang", "CHN"), Actor("Qiang", "CHN")]
DATES = ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-05", "2024-03", "2024-04-01", None, None]
PUBLISHERS = [None, "Xinhua", "U.S. Department of State"]
PUBLISHED = [None, "2024-03-01", "2024-03-03", "2024-03-06", "2024-03-20"]


def partition_of(db: Database) -> list[tuple[str, tuple[str, ...]]]:
    """Stored engagements as (id, sorted primary event ids); every primary event must be in one."""
    rows = db.query("SELECT d.id || ':' || e.local_id AS id, g.id AS engagement_id FROM events e "
                    "JOIN documents d ON d.num = e.doc_num LEFT JOIN engagements g ON g.num = e.engagement_num "
                    "WHERE e.is_primary = 1 AND e.type IN ('MEET', 'CALL', 'VISIT')")
    groups: dict[str, list[str]] = {}
    for row in rows:
        assert row["engagement_id"] is not None, f"{row['id']} is in no engagement"
        groups.setdefault(row["engagement_id"], []).append(row["id"])
    assert {r["id"] for r in db.query("SELECT id FROM engagements")} == set(groups)
    return sorted((k, tuple(sorted(v))) for k, v in groups.items())


def keys_of(db: Database) -> tuple[list[tuple], list[tuple]]:
    """The maintained pair keys (engagement side and report side), sorted."""
    engagements = sorted(tuple(r.values()) for r in db.query(
        "SELECT k.type, k.t1, k.t2, k.month, g.id FROM engagement_keys k "
        "JOIN engagements g ON g.num = k.engagement_num"))
    reports = sorted(tuple(r.values()) for r in db.query(
        "SELECT k.type, k.t1, k.t2, k.month, d.id || ':' || e.local_id FROM report_keys k "
        "JOIN events e ON e.num = k.event_num JOIN documents d ON d.num = e.doc_num"))
    return engagements, reports


def check_claims(db: Database, extractions: list[Extraction]) -> int:
    """Every settled report without a day (its pair keys hidden from the open lookup) is claimed by
    the two distinct stored engagements its representatives stand for, so it rightly stays alone.
    Returns how many are settled (so a test can tell the check ran)."""
    kb = knowledge()
    items = {i.key: i for x in extractions if (ev := primary_of(x)) is not None
             for i in [item_of(x.document, ev, kb)]}
    key_of = {r["num"]: r["id"] for r in db.query(
        "SELECT e.num, d.id || ':' || e.local_id AS id FROM events e JOIN documents d ON d.num = e.doc_num")}
    engagement = {r["id"]: r["engagement_id"] for r in db.query(
        "SELECT d.id || ':' || e.local_id AS id, g.id AS engagement_id FROM events e "
        "JOIN documents d ON d.num = e.doc_num JOIN engagements g ON g.num = e.engagement_num")}
    dated: dict[str, list] = {}
    for key, eng in engagement.items():
        if key in items and items[key].day is not None:
            dated.setdefault(eng, []).append(items[key])
    reps: dict[str, list[str]] = {}
    for row in db.query("SELECT rep_num, event_num FROM claim_reps"):
        reps.setdefault(key_of[row["event_num"]], []).append(key_of[row["rep_num"]])
    settled = {key_of[r["event_num"]] for r in db.query("SELECT DISTINCT event_num FROM report_keys WHERE settled = 1")}
    assert settled == set(reps)
    for key, named in reps.items():
        u = items[key]
        assert u.day is None and len(named) == 2
        claimers = {engagement[r] for r in named}
        assert len(claimers) == 2 and engagement[key] not in claimers
        for eng in claimers:
            assert candidates(u, [tuple(dated[eng])]), f"{key}: {eng} does not claim it"
    return len(reps)


def expected(extractions: list[Extraction]) -> list[tuple[str, tuple[str, ...]]]:
    kb = knowledge()
    items = [item_of(x.document, ev, kb) for x in extractions if (ev := primary_of(x)) is not None]
    return sorted((g.id, tuple(sorted(m.key for m in g.members))) for g in partition(items))


def ingest_in(db: Database, extractions: list[Extraction], cuts: list[int]) -> None:
    """Store and link in batches ending at the given cut points, as the ingest pipeline does."""
    start = 0
    for end in [*sorted(set(cuts)), len(extractions)]:
        with db.transaction():
            for x in extractions[start:end]:
                save_extraction(db, x)
            link_pending(db, knowledge())
        start = end


report = st.tuples(st.sampled_from(["MEET", "CALL", "VISIT"]), st.lists(st.sampled_from(PEOPLE), min_size=1,
                   max_size=3, unique=True), st.sampled_from(DATES), st.sampled_from([None, "Beijing", "Tokyo"]),
                   st.sampled_from(PUBLISHERS), st.sampled_from(PUBLISHED))


def synthetic(reports: list[tuple]) -> list[Extraction]:
    out = []
    for n, (kind, people, day, place, publisher, published) in enumerate(reports):
        doc = Document(hashlib.sha256(f"r{n}".encode()).hexdigest(), f"r{n}.txt", f"report {n}",
                       publisher=publisher, published=published)
        out.append(Extraction(doc, (Event("e1", kind, tuple(people), True, day, place),)))
    return out


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(report, min_size=1, max_size=14), st.randoms(use_true_random=False),
       st.lists(st.integers(0, 14), max_size=5))
def test_incremental_equals_rebuild_in_any_order_and_batches(reports: list[tuple], rnd: random.Random,
                                                             cuts: list[int]) -> None:
    extractions = synthetic(reports)
    want = expected(extractions)
    shuffled = extractions[:]
    rnd.shuffle(shuffled)
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "p.db")) as db:
        ingest_in(db, shuffled, [c for c in cuts if c < len(shuffled)])
        assert partition_of(db) == want
        check_claims(db, extractions)
        keys = keys_of(db)
        with db.transaction():
            rebuild(db, knowledge())
        assert partition_of(db) == want
        check_claims(db, extractions)
        assert keys_of(db) == keys  # the keys kept up to date on the way are those of a fresh link


def test_dev_corpus_incremental_equals_rebuild(dev: dict[str, Extraction], db_url: str) -> None:
    extractions = list(dev.values())
    want = expected(extractions)
    shuffled = extractions[:]
    random.Random(7).shuffle(shuffled)
    with open_store(db_url) as db:
        ingest_in(db, shuffled, list(range(0, len(shuffled), 5)))
        assert partition_of(db) == want
        check_claims(db, extractions)
        multi = [g for g in want if len(g[1]) > 1]
        assert len(multi) >= 10  # the dev corpus has real links to keep
        keys = keys_of(db)
        assert keys[0] and keys[1]
        with db.transaction():
            rebuild(db, knowledge())
        assert partition_of(db) == want
        assert keys_of(db) == keys


def test_only_touched_engagements_change(dev: dict[str, Extraction], sqlite_url: str) -> None:
    """A new report that joins one engagement leaves every other engagement's row as it was."""
    extractions = sorted(dev.values(), key=lambda x: x.document.id)
    d18 = dev["d18"]
    rest = [x for x in extractions if x.document.id != d18.document.id]
    with open_store(sqlite_url) as db:
        ingest_in(db, rest, [])
        before = {r["id"]: r["created_at"] for r in db.query("SELECT id, created_at FROM engagements")}
        db.execute("UPDATE engagements SET created_at = 'old'")
        ingest_in(db, [d18], [])
        after = {r["id"]: r["created_at"] for r in db.query("SELECT id, created_at FROM engagements")}
        rewritten = {k for k, v in after.items() if v != "old"}
        assert len(rewritten) == 1 and len(after) == len(before)
        joined = db.query("SELECT g.id AS engagement_id FROM events e JOIN documents d ON d.num = e.doc_num "
                          "JOIN engagements g ON g.num = e.engagement_num WHERE d.id = ? AND e.is_primary = 1",
                          (d18.document.id,))[0]["engagement_id"]
        assert rewritten == {joined}
        assert len(db.query("SELECT event_id FROM engagement_reports WHERE engagement_id = ?", (joined,))) == 3


def test_documents_stored_but_not_linked_are_linked_by_the_next_run(dev_docs: Path, db_url: str) -> None:
    """The crash of issue 8 item 1: documents committed, linking lost; a re-run ('0 new') links them."""
    from parley import api
    from parley.config import Settings
    from parley.ingest import read_inputs

    targets = [str(dev_docs / f"{s}") for s in ("d17.txt", "d18.txt", "d27.txt")]
    targets = [t for t in targets if Path(t).exists()] or [str(p) for p in sorted(dev_docs.iterdir())[:3]]
    settings = Settings(db=db_url)
    docs = [d for d in read_inputs(targets, settings) if isinstance(d, Document)]
    from parley.extract import Extractor

    with open_store(db_url) as db:
        for x in Extractor(settings).extract_many(docs):
            save_extraction(db, x)  # stored, never linked: what a crash after storing leaves
        assert db.query("SELECT COUNT(*) AS n FROM engagements")[0]["n"] == 0
    summary = api.ingest_paths(targets, settings)
    assert summary.new == 0
    with open_store(db_url) as db:
        groups = partition_of(db)
        assert groups and not db.query("SELECT id FROM documents WHERE linked = 0")


def test_settled_report_reopens_when_its_claimers_merge(sqlite_url: str) -> None:
    """An undated call of two people with two dated calls stays alone and is settled (its keys leave
    the open lookup); a report bridging the two dated calls merges them, so the undated call now
    names one engagement and joins it: found through its claimers, not through the pair's history."""
    pair = [Actor("Antony Blinken", "USA"), Actor("Wang Yi", "CHN")]
    first = [("CALL", pair, "2024-03-01", None, None, "2024-03-01"),
             ("CALL", pair, "2024-03-03", None, None, "2024-03-03"),
             ("CALL", pair, None, None, None, "2024-03-20")]
    bridge = [("CALL", pair, "2024-03-02", None, None, "2024-03-02")]
    extractions = synthetic(first + bridge)
    with open_store(sqlite_url) as db:
        ingest_in(db, extractions[:3], [])
        assert check_claims(db, extractions) == 1
        assert len(partition_of(db)) == 3
        open_rows = db.query("SELECT COUNT(*) AS n FROM report_keys WHERE settled = 0")[0]["n"]
        assert open_rows == 0
        ingest_in(db, extractions[3:], [])
        assert partition_of(db) == expected(extractions)
        assert len(partition_of(db)) == 1  # the undated call joined the merged engagement
        assert check_claims(db, extractions) == 0

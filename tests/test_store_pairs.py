"""Engagements keyed by pairs of whole names (migration 17): fewer rows, the same engagements found."""

from __future__ import annotations

import random

from parley.extract.knowledge import knowledge
from parley.link.core import pair_keys
from parley.link.incremental import rebuild
from parley.model import Actor, Extraction
from parley.store import open_store
from parley.store.pairs import NameIndex, engagement_pairs
from test_link_incremental import expected, ingest_in, keys_of, partition_of

MBS, BIDEN = Actor("Mohammed bin Salman", "SAU"), Actor("Joe Biden", "USA")


def test_one_key_per_pair_of_people_not_per_pair_of_tokens() -> None:
    assert len(pair_keys("MEET", (MBS, BIDEN))) == 6
    assert engagement_pairs("MEET", (MBS, BIDEN)) == [("biden joe", "bin mohammed salman")]
    three = (MBS, BIDEN, Actor("Antony Blinken", "USA"))
    assert len(engagement_pairs("MEET", three)) == 3 and len(pair_keys("MEET", three)) == 16
    assert engagement_pairs("VISIT", (BIDEN,)) == [("biden joe", "")]


def test_a_report_finds_the_names_that_hold_its_people_or_that_they_hold(sqlite_url: str) -> None:
    """'Biden' is in 'Joe Biden'; 'Joseph R. Biden Jr' holds 'Biden' but not 'Joe Biden'; a name
    sharing a token only ('Hunter Biden' with 'Joe Biden') is no candidate."""
    with open_store(sqlite_url) as db:
        with db.transaction():
            db.execute_many("INSERT INTO name_tokens (token, name) VALUES (?, ?)",
                            [(t, n) for n in ("biden joe", "biden hunter", "bin mohammed salman", "salman")
                             for t in n.split()])
        names = NameIndex(db)
        assert names.compatible(Actor("Biden")) == ("biden hunter", "biden joe")
        assert names.compatible(Actor("Joe Biden")) == ("biden joe",)
        assert names.compatible(Actor("Joseph R. Biden Jr.")) == ()
        assert names.compatible(Actor("Salman")) == ("bin mohammed salman", "salman")
        assert names.pairs("CALL", (Actor("Joe Biden"), Actor("Salman"))) == [
            ("biden joe", "bin mohammed salman"), ("biden joe", "salman")]


def test_migration_17_keys_stored_engagements_as_a_fresh_link_does(dev: dict[str, Extraction],
                                                                   sqlite_url: str) -> None:
    """A store of schema 16 (keys by token pairs, no dictionary of names) is upgraded by the next
    writer without linking anything again: its keys are those a fresh link writes."""
    extractions = list(dev.values())
    random.Random(3).shuffle(extractions)
    with open_store(sqlite_url) as db:
        ingest_in(db, extractions, list(range(0, len(extractions), 9)))
        want_keys, want_groups = keys_of(db), partition_of(db)
        assert want_groups == expected(extractions) and want_keys[0]
        with db.transaction():
            db.execute("DELETE FROM engagement_keys")
            db.execute("INSERT INTO engagement_keys (type, t1, t2, month, engagement_num) "
                       "SELECT type, 'old', 'token', '', num FROM engagements")
            db.execute("DROP TABLE name_tokens")
            db.execute("DROP INDEX engagements_rivals")  # schema 16's index of rivals (migration 0018)
            db.execute("CREATE INDEX engagements_base_first ON engagements (base_id, first_doc)")
            db.execute("DELETE FROM schema_migrations WHERE version >= 17")
    with open_store(sqlite_url) as db:
        assert db.version() >= 17
        assert keys_of(db) == want_keys and partition_of(db) == want_groups
        names = db.query("SELECT COUNT(*) AS n FROM name_tokens")[0]["n"]
        with db.transaction():
            rebuild(db, knowledge())
        assert keys_of(db) == want_keys
        assert db.query("SELECT COUNT(*) AS n FROM name_tokens")[0]["n"] == names

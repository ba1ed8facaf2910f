"""The pair keys of dated engagements: one row per pair of *whole names*, not per pair of tokens.

A report without a day looks for the dated engagements of its people (``link.incremental``).  Two
reports name one person when one name's tokens are a subset of the other's ("Xi" and "Xi
Jinping"), so until schema 17 every engagement was keyed under every pair of its people's name
tokens: 6.3 rows on average, each on a random leaf of the index, which made these keys the
largest share of the pages an ingest batch writes into a large store (433 of 2,262 pages per 100
documents at 100,000 stored, measured from the WAL).  Now an engagement is keyed once per pair of
its people's whole names (a *name key*: the sorted folded tokens), and a small dictionary of the
names seen (``name_tokens``: token -> name key, written only when a name is new) turns a
report's people into the stored names that can be theirs before the pairs are probed.  The
pre-filter stays exact: every stored engagement that :func:`parley.link.core.candidates` can
accept is found (two people matched one-to-one means two compatible names), and fewer that it
rejects are (a shared token no longer suffices: the names must hold one another).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from parley.link.core import Item, merge_people, person_tokens
from parley.model import Actor
from parley.store.db import Database

NamePair = tuple[str, str]


def whole_name(person: Actor) -> str:
    """The whole name as the linker compares it: its folded tokens, sorted (not
    :func:`parley.names.name_key`, which keeps the text's order for stored ids)."""
    return " ".join(sorted(person_tokens(person)))


def _pairs(kind: str, choices: Sequence[Sequence[str]]) -> list[NamePair]:
    """The name pairs of people each named by one of their ``choices``: one name of one person
    and one of another, ordered; single names (``(name, "")``) for a visit, which needs one."""
    if kind == "VISIT":
        return sorted({(n, "") for names in choices for n in names})
    out: set[NamePair] = set()
    for i, first in enumerate(choices):
        for second in choices[i + 1:]:
            out.update((a, b) if a <= b else (b, a) for a in first for b in second)
    return sorted(out)


def engagement_pairs(kind: str, people: Iterable[Actor]) -> list[NamePair]:
    """The name pairs an engagement of these (merged) people is keyed under."""
    return _pairs(kind, [(whole_name(p),) for p in people if person_tokens(p)])


def key_engagement(db: Database, kind: str, num: int, members: Iterable[Item]) -> None:
    """Key a stored engagement under the name pairs of the people of its dated reports (merged
    as :func:`parley.link.core.candidates` compares them), in each month one of them is dated in,
    and record the names that are new (an existing row is left unwritten: no page is dirtied)."""
    dated = [m for m in members if m.day is not None]
    if not dated:
        return
    pairs = engagement_pairs(kind, merge_people(dated))
    months = {m.month or "" for m in dated}
    db.execute_many("INSERT INTO engagement_keys (type, t1, t2, month, engagement_num) VALUES (?, ?, ?, ?, ?)",
                    [(kind, a, b, month, num) for month in sorted(months) for a, b in pairs])
    names = sorted({n for pair in pairs for n in pair if n})
    db.execute_many("INSERT INTO name_tokens (token, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    [(token, name) for name in names for token in name.split()])


class NameIndex:
    """The stored names compatible with a report's people, read once per linking run."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._seen: dict[frozenset[str], tuple[str, ...]] = {}

    def compatible(self, person: Actor) -> tuple[str, ...]:
        """Stored name keys that hold this person's tokens or are held by them."""
        tokens = person_tokens(person)
        if not tokens:
            return ()
        if tokens not in self._seen:
            wanted = sorted(tokens)
            rows = self.db.query(f"SELECT DISTINCT name FROM name_tokens WHERE token IN "
                                 f"({', '.join('?' for _ in wanted)})", wanted)
            found = []
            for row in rows:
                held = frozenset(row["name"].split())
                if held <= tokens or tokens <= held:
                    found.append(row["name"])
            self._seen[tokens] = tuple(sorted(found))
        return self._seen[tokens]

    def pairs(self, kind: str, people: Sequence[Actor]) -> list[NamePair]:
        """The stored name pairs a report of these people can share with an engagement."""
        return _pairs(kind, [self.compatible(p) for p in people])


def fill_engagement_keys(db: Database) -> None:
    """Key every stored engagement under its name pairs (migration 17), a page of engagements at
    a time: the people of its dated reports, as the linker merges them."""
    from parley.store.linking import CHUNK, groups_by_id

    last = 0
    while rows := db.query("SELECT num, id, type FROM engagements WHERE num > ? ORDER BY num LIMIT ?",
                           (last, CHUNK)):
        groups = groups_by_id(db, [r["id"] for r in rows], lambda publisher, url: None)
        for row in rows:
            key_engagement(db, row["type"], row["num"], groups.get(row["id"], []))
        last = rows[-1]["num"]


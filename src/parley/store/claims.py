"""The claim state of reports without a day, kept so that a batch does not read a pair's history.

A report without a day that two or more dated engagements claim stays alone while two of them keep
their dated reports (:mod:`parley.link.incremental` decides; this module only reads and writes).
Such a report is *settled*: its ``report_keys`` rows carry ``settled = 1``, which hides them from
the open lookup by pair key (:func:`parley.store.linking.undated_open`), and ``claim_reps`` names
two of its claiming engagements by a representative dated report each (the smallest event number
of its dated reports), through which a batch that regroups one of them finds it again.
"""

from __future__ import annotations

from collections.abc import Iterable

from parley.store.db import Database
from parley.store.linking import _HITS, _HITS_JOIN, SMALL_CHUNK, _marks, chunks


def claimed_by(db: Database, rep_nums: Iterable[int]) -> dict[str, str | None]:
    """Settled reports without a day that name one of these dated reports as the representative of
    a claiming engagement: ``{event id: engagement id}`` (one index range per number)."""
    out: dict[str, str | None] = {}
    for part in chunks(sorted(set(rep_nums)), SMALL_CHUNK):
        rows = db.query(f"SELECT DISTINCT {_HITS} FROM claim_reps k {_HITS_JOIN} "
                        f"WHERE k.rep_num IN ({_marks(part)})", part)
        out.update((r["event_id"], r["engagement_id"]) for r in rows)
    return out


def set_claims(db: Database, states: dict[int, tuple[int, ...]]) -> None:
    """Record the claim state of reports without a day, by event number: two representatives
    (settled) or none (open).  Only the rows that change are written."""
    for part in chunks(sorted(states), SMALL_CHUNK):
        marks = _marks(part)
        stored: dict[int, set[int]] = {}
        for row in db.query(f"SELECT event_num, rep_num FROM claim_reps WHERE event_num IN ({marks})", part):
            stored.setdefault(row["event_num"], set()).add(row["rep_num"])
        flags = {r["event_num"]: r["settled"] for r in db.query(
            f"SELECT DISTINCT event_num, settled FROM report_keys WHERE event_num IN ({marks})", part)}
        for num in part:
            reps = set(states[num])
            if stored.get(num, set()) != reps:
                db.execute("DELETE FROM claim_reps WHERE event_num = ?", (num,))
                db.execute_many("INSERT INTO claim_reps (rep_num, event_num) VALUES (?, ?)",
                                [(rep, num) for rep in sorted(reps)])
            settled = 1 if reps else 0
            if num in flags and flags[num] != settled:
                db.execute("UPDATE report_keys SET settled = ? WHERE event_num = ?", (settled, num))

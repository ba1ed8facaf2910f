"""What one batch of 100 costs in a stored SQLite file, without the noise of wall-clock timings.

For each of ``--batches`` batches of 100 further documents (the generator of ``scale.py``, stored
and linked through ``parley.pipeline.write`` as ``parley ingest`` does) it prints the CPU time of
the process (``time.process_time``), the time spent linking, and the pages the batch dirties: the
WAL frames it appends with checkpoints off (a second connection is held open so that closing the
writer does not checkpoint either).  With ``--btrees`` the distinct pages of the last batch are
attributed to their tables and indexes (``dbstat``).  Run it on a copy of a store: it writes.

    .venv/bin/python benchmarks/batch_pages.py /tmp/scale-100000.db --batches 3 --btrees
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale

import parley.store.db as store_db


def _no_checkpoints() -> None:
    real = store_db._set_wal

    def set_wal(conn: sqlite3.Connection) -> None:
        real(conn)
        conn.execute("PRAGMA wal_autocheckpoint = 0")

    store_db._set_wal = set_wal


def _frames(wal: Path, page_size: int, start: int) -> list[int]:
    """Page numbers of the WAL frames from byte ``start`` on (32-byte header, 24 per frame)."""
    data = wal.read_bytes()
    start = max(start, 32)
    return [int.from_bytes(data[o:o + 4], "big") for o in range(start, len(data), page_size + 24)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("--batches", type=int, default=3)
    ap.add_argument("--btrees", action="store_true", help="attribute the last batch's pages to B-trees")
    ap.add_argument("--dev", type=Path, default=scale.DEV)
    ap.add_argument("--cache", type=Path, default=scale.ROOT / "benchmarks" / ".scale" / "dev-extractions.pkl")
    args = ap.parse_args()
    gen = scale.Generator(scale.dev_extractions(args.cache, args.dev))
    db, wal = args.db, Path(args.db + "-wal")
    scale._store(db, gen, 0, 0)  # migrations and leftovers first, not counted
    _no_checkpoints()
    keep = sqlite3.connect(db)
    keep.execute("PRAGMA wal_autocheckpoint = 0")
    page_size = int(keep.execute("PRAGMA page_size").fetchone()[0])
    keep.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stored = scale._count(db)
    rows = []
    last: list[int] = []
    for k in range(args.batches):
        before = wal.stat().st_size if wal.exists() else 0
        cpu = time.process_time()
        total, linking = scale._store(db, gen, stored + 100 * k, stored + 100 * (k + 1))
        cpu = time.process_time() - cpu
        last = _frames(wal, page_size, before)
        rows.append((cpu, total, linking, len(last), len(set(last))))
        print(f"N={stored + 100 * k:>7} batch {k}: cpu {cpu:.3f} s  wall {total:.3f} s  linking {linking:.3f} s  "
              f"WAL frames {len(last)} ({len(set(last))} distinct pages)", flush=True)
    med = [statistics.median(r[i] for r in rows) for i in range(5)]
    print(f"median: cpu {med[0]:.3f} s  wall {med[1]:.3f} s  linking {med[2]:.3f} s  WAL frames {med[3]:.0f}")
    if args.btrees:
        owner = dict(keep.execute("SELECT pageno, name FROM dbstat"))
        counts = Counter(owner.get(p, "(new)") for p in set(last))
        for name, n in counts.most_common(15):
            print(f"    {name:40} {n:6}")
    keep.close()


if __name__ == "__main__":
    main()

"""Parallel ingest, measured: ``parley ingest`` with 1 and N worker processes (and Dask), same inputs.

The inputs are the dev corpus read once and written back as JSON records, each copy with a marker
sentence so that every copy is a new document (its id is the hash of its text) while the
extraction work stays that of a real readout.  Each run ingests into a fresh SQLite file in its
own process; the script prints wall-clock seconds, docs/s and the ratio to one process, and the
load average at the start of each run (on a shared machine a busy core cannot be given to a
second worker, and the ratio says so).

    .venv/bin/python benchmarks/ingest_parallel.py --docs 400 --processes 2 [--dask]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared"))
PARLEY = str(Path(sys.executable).with_name("parley"))


def make_inputs(folder: Path, n: int) -> None:
    """``n`` JSON records: the dev documents, repeated, each copy made distinct by one sentence."""
    from parley.config import Settings
    from parley.ingest import read_inputs
    from parley.model import Document

    docs = [d for d in read_inputs([str(SHARED / "corpus" / "dev" / "docs")], Settings()) if isinstance(d, Document)]
    for i in range(n):
        d = docs[i % len(docs)]
        record = {"title": d.title, "publisher": d.publisher, "published": d.published, "url": d.url,
                  "text": f"{d.text}\n\nArchive copy {i}."}
        (folder / f"doc{i:05d}.json").write_text(json.dumps(record), encoding="utf-8")


def run(inputs: Path, db: Path, *flags: str) -> float:
    load = os.getloadavg()[0]
    start = time.perf_counter()
    subprocess.run([PARLEY, "ingest", "-q", str(inputs), "--db", str(db), *flags], check=True,
                   stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    print(f"  (load average at start {load:.2f})", file=sys.stderr)
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--dask", action="store_true", help="also a Dask LocalCluster with --processes workers")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        make_inputs(inputs, args.docs)
        runs: list[tuple[str, list[str]]] = [("--processes 1", ["--processes", "1"]),
                                             (f"--processes {args.processes}", ["--processes", str(args.processes)])]
        if args.dask:
            runs.append((f"--engine dask ({args.processes} workers)",
                         ["--engine", "dask", "--processes", str(args.processes)]))
        base = None
        print(f"{args.docs} documents, {os.cpu_count()} cores")
        for i, (label, flags) in enumerate(runs):
            seconds = run(inputs, Path(tmp) / f"run{i}.db", *flags)
            base = base or seconds
            print(f"{label:32s} {seconds:7.1f} s {args.docs / seconds:7.1f} docs/s  ratio {base / seconds:.2f}")


if __name__ == "__main__":
    main()

"""How Parley's store, linking and pages scale with the number of stored documents.

The dev corpus is extracted once (spaCy); further extractions are generated from those by shifting
every date of a copy by the same number of days and swapping the people of each country among
themselves (one mapping per copy, so the reports of one engagement stay linked and the dyads stay
realistic).  They are stored and linked through the same code as ``parley ingest``
(:func:`parley.pipeline.write`), one transaction per batch.  For each size N it prints the time to
ingest 100 more documents (store + link, and linking alone; the median of eleven after a first,
"cold" batch, the sizes taking turns, each timed in a process of its own as ``parley ingest`` runs,
on a store at rest: its WAL checkpointed and synced after the build), the time of each page and
API call (median of 3, in-process ASGI client), the database size and bytes per document, and peak
RSS; then the exponent of ingest cost against N fitted on a log-log scale.

    .venv/bin/python benchmarks/scale.py --sizes 1000,10000,100000 [--db-dir DIR] [--json]

Stores are kept in ``--db-dir`` (one SQLite file per size) and reused when run again.  Timings are
measured, never asserted in tests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import pickle
import random
import resource
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from multiprocessing.connection import Connection
from pathlib import Path

from parley.config import Settings
from parley.model import Actor, Document, Extraction

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
REPEAT = 11  # ingests of 100 timed at each size (in turns), after one cold one timed apart
PAGES = ["/", "/engagements", "/engagements/{engagement}", "/documents", "/documents/{document}", "/people",
         "/people/{person}", "/dyads/{a}/{b}", "/search?q=Blinken%20Hayashi", "/api/documents", "/api/events",
         "/api/engagements", "/api/engagements/{engagement}", "/api/people", "/api/search?q=trade",
         "/api/documents/{document}", "/export/events.csv"]


def dev_extractions(cache: Path, dev: Path) -> list[Extraction]:
    """The dev corpus extracted once (cached: spaCy is not what is measured here)."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from parley.extract import Extractor
    from parley.ingest import read_inputs

    docs = [d for d in read_inputs([str(dev)], Settings()) if isinstance(d, Document)]
    out = list(Extractor(Settings()).extract_many(docs))
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(out))
    return out


def _shift(value: str | None, days: int) -> str | None:
    if not value:
        return value
    try:
        if len(value) == 10:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        if len(value) == 7:
            d = date.fromisoformat(f"{value}-01") + timedelta(days=days)
            return d.isoformat()[:7]
    except ValueError:
        return value
    return value


class Generator:
    """Copy r of the corpus: dates + 5r days, people swapped within their country (mapping of copy r)."""

    def __init__(self, base: list[Extraction]) -> None:
        self.base = base
        self.people: dict[str | None, list[str]] = {}
        for x in base:
            for e in x.events:
                for p in e.participants:
                    names = self.people.setdefault(p.country, [])
                    if p.name not in names:
                        names.append(p.name)

    def mapping(self, r: int) -> dict[str, str]:
        rnd = random.Random(r)
        out: dict[str, str] = {}
        for names in self.people.values():
            swapped = names[:]
            rnd.shuffle(swapped)
            out.update(zip(names, swapped, strict=True))
        return out

    def __call__(self, i: int) -> Extraction:
        r, x = divmod(i, len(self.base))
        src = self.base[x]
        if r == 0:
            return src
        names, days = self.mapping(r), 5 * r

        def actor(a: Actor) -> Actor:
            return replace(a, name=names.get(a.name, a.name), aliases=())

        doc = src.document
        text = f"{doc.text}\n[copy {r}]"
        document = replace(doc, id=hashlib.sha256(f"{doc.id}|{r}".encode()).hexdigest(), text=text,
                           source=f"{doc.source}#copy{r}", published=_shift(doc.published, days))
        events = tuple(replace(e, participants=tuple(actor(p) for p in e.participants), date=_shift(e.date, days))
                       for e in src.events)
        statements = tuple(replace(s, speaker=actor(s.speaker)) for s in src.statements)
        return Extraction(document, events, statements)


def _store(db: str, gen: Generator, start: int, stop: int, batch: int = 100) -> tuple[float, float, float]:
    """Store and link documents [start, stop) as ``parley ingest`` does; (total s, linking s, CPU s)."""
    import parley.link.incremental as incremental
    from parley.pipeline import Chunk, write

    spent = {"link": 0.0}
    real = incremental.link_documents

    def timed(*args: object, **kw: object) -> None:
        t = time.perf_counter()
        real(*args, **kw)  # type: ignore[arg-type]
        spent["link"] += time.perf_counter() - t

    incremental.link_documents = timed  # type: ignore[assignment]
    try:
        # made before the clock starts when timing (they stand in for extraction, not measured here);
        # lazily when building, so memory stays flat
        chunks: Iterable[Chunk] = (Chunk(tuple(gen(i) for i in range(s, min(s + batch, stop))))
                                   for s in range(start, stop, batch))
        if stop - start <= batch:
            chunks = list(chunks)
        t0, c0 = time.perf_counter(), time.process_time()
        write(chunks, Settings(db=db))
        spent["cpu"] = time.process_time() - c0
        return time.perf_counter() - t0, spent["link"], spent["cpu"]
    finally:
        incremental.link_documents = real


def _ingest_worker(conn: Connection, db: str, cache: str, dev: str, stored: int) -> None:
    """One store's timer, in a process of its own (as ``parley ingest`` runs: not in the parent, whose
    heap holds the pages and apps measured before).  Each message from the parent asks for one batch
    of 100 and is answered with its (total s, linking s, CPU s); ``None`` ends it.  The first batch a
    process writes reads the store's hot pages from disk (and warms Python): the parent reports it
    apart as "cold"."""
    gen = Generator(dev_extractions(Path(cache), Path(dev)))
    while conn.recv() is not None:
        conn.send(_store(db, gen, stored, stored + 100))
        stored += 100
    conn.close()


def _interleaved_ingests(dbs: list[str], cache: str, dev: str) -> list[tuple[float, list[tuple[float, float, float]]]]:
    """Time REPEAT batches of 100 at every size, taking turns: round k times one batch in each store
    (the order rotating between rounds), so that the load of this shared machine, which drifts over
    minutes, falls on every size alike and the ratio compares like with like.  Timed one size after
    the other, single runs of the same code scattered from 1.09 to 1.87.  Returns, per store, its
    cold batch and its REPEAT timed ones."""
    ctx = multiprocessing.get_context("spawn")
    workers = []
    for db in dbs:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_ingest_worker, args=(child, db, cache, dev, _count(db)))
        proc.start()
        workers.append((parent, proc))

    def one(i: int) -> tuple[float, float, float]:
        workers[i][0].send(True)
        result: tuple[float, float, float] = workers[i][0].recv()
        return result

    try:
        cold = [one(i)[0] for i in range(len(dbs))]
        runs: list[list[tuple[float, float, float]]] = [[] for _ in dbs]
        for k in range(REPEAT):
            for j in range(len(dbs)):
                i = (j + k) % len(dbs)
                runs[i].append(one(i))
    finally:
        for parent, proc in workers:
            parent.send(None)
            proc.join()
    return list(zip(cold, runs, strict=True))


def _settle(db: str) -> None:
    """A store just built has its last writes in the WAL and the OS's dirty pages: checkpoint and
    sync, so the timing measures a store at rest, not the tail of its own build."""
    import os
    import sqlite3

    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.sync()


def _count(db: str) -> int:
    from parley.store import Database

    if not Path(db).exists():
        return 0
    with Database(db) as d:
        return int(d.query("SELECT COUNT(*) AS n FROM documents")[0]["n"])


def _free_bytes(db: str) -> int:
    import sqlite3

    with sqlite3.connect(db) as c:
        return int(c.execute("PRAGMA freelist_count").fetchone()[0]) * int(c.execute("PRAGMA page_size").fetchone()[0])


def _pages(db: str) -> dict[str, float]:
    from fastapi.testclient import TestClient

    from parley.store import Database
    from parley.web.app import create_app

    with Database(db) as d:
        engagement = d.query("SELECT engagement_id AS id, COUNT(*) AS n FROM engagement_reports "
                             "GROUP BY engagement_id ORDER BY n DESC LIMIT 1")[0]["id"]
        document = d.query("SELECT doc_id FROM engagement_reports WHERE engagement_id = ? LIMIT 1",
                           (engagement,))[0]["doc_id"]
        person = d.query("SELECT actor_id FROM participants WHERE actor_id LIKE 'antony-blinken%' LIMIT 1")
        person_id = person[0]["actor_id"] if person else d.query("SELECT id FROM actors LIMIT 1")[0]["id"]
    values = {"engagement": engagement, "document": document, "person": person_id, "a": "GBR", "b": "CHN"}
    client = TestClient(create_app(Settings(db=db)))
    out: dict[str, float] = {}
    for page in PAGES:
        url = page.format(**values)
        times = []
        for _ in range(3):
            t = time.perf_counter()
            res = client.get(url)
            times.append(time.perf_counter() - t)
            if res.status_code != 200:
                raise SystemExit(f"{url}: HTTP {res.status_code}")
        out[page] = 1000 * statistics.median(times)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="stored documents N, comma-separated")
    ap.add_argument("--db-dir", type=Path, default=ROOT / "benchmarks" / ".scale")
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--json", action="store_true", help="end with one JSON line of the results")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    gen = Generator(dev_extractions(args.db_dir / "dev-extractions.pkl", args.dev))
    dbs = [str(args.db_dir / f"scale-{n}.db") for n in sizes]
    for n, db in zip(sizes, dbs, strict=True):
        have = _count(db)
        if have < n:
            t = time.perf_counter()
            _store(db, gen, have, n, batch=500)
            print(f"N={n}: built in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
        _store(db, gen, 0, 0)  # a store of an older schema is upgraded (and linked again) before timing
        _settle(db)
    counts = [_count(db) for db in dbs]
    timed = _interleaved_ingests(dbs, str(args.db_dir / "dev-extractions.pkl"), str(args.dev))
    results = []
    for db, before, (cold, runs) in zip(dbs, counts, timed, strict=True):
        # the store grows by each batch timed: N is the size of the store the median batch went into
        stored = before + 100 + 100 * (REPEAT // 2)
        total, linking, _cpu = sorted(runs)[REPEAT // 2]
        cpu = sorted(r[2] for r in runs)[REPEAT // 2]
        size = Path(db).stat().st_size + sum(Path(db + s).stat().st_size for s in ("-wal",) if Path(db + s).exists())
        size -= _free_bytes(db)  # pages a migration freed are reused by later writes: not data
        pages = _pages(db)
        row = {"n": stored, "ingest_100_s": round(total, 3), "link_100_s": round(linking, 3),
               "ingest_100_cpu_s": round(cpu, 3), "cold_100_s": round(cold, 3),
               "runs_s": [round(r[0], 3) for r in runs],
               "db_mb": round(size / 2**20, 1), "bytes_per_doc": int(size / _count(db)),
               "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
               "pages_ms": {k: round(v, 1) for k, v in pages.items()}}
        results.append(row)
        print(f"N={stored:>7}  ingest 100: {total:6.2f} s (linking {linking:5.2f} s, CPU {cpu:5.2f} s; "
              f"first, cold: {cold:5.2f} s)  db {row['db_mb']} MB "
              f"({row['bytes_per_doc']} B/doc)  peak RSS {row['peak_rss_mb']} MB", flush=True)
        for page, ms in pages.items():
            print(f"    {page:32} {ms:8.1f} ms", flush=True)
    exponent = 0.0
    if len(results) > 1:
        xs = [math.log(r["n"]) for r in results]
        ys = [math.log(r["ingest_100_s"]) for r in results]
        mx, my = statistics.mean(xs), statistics.mean(ys)
        exponent = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    ratio = results[-1]["ingest_100_s"] / results[0]["ingest_100_s"]
    cpu_ratio = results[-1]["ingest_100_cpu_s"] / results[0]["ingest_100_cpu_s"]
    cold_ratio = results[-1]["cold_100_s"] / results[0]["cold_100_s"]
    # pages and API calls; the full exports are streams of the whole store, reported on their own
    pages = {k: ms for k, ms in results[-1]["pages_ms"].items() if not k.startswith("/export/")}
    slowest = max(pages.values())
    print(f"ratio (ingest 100 at N={results[-1]['n']} / at N={results[0]['n']}): {ratio:.2f}; "
          f"fitted exponent {exponent:.3f}; in CPU time {cpu_ratio:.2f}; the first (cold) batch {cold_ratio:.2f}; "
          f"slowest page at the largest N {slowest:.0f} ms ({max(pages, key=pages.__getitem__)})")
    if args.json:
        print(json.dumps({"ratio": round(ratio, 3), "exponent": round(exponent, 3), "cpu_ratio": round(cpu_ratio, 3),
                          "cold_ratio": round(cold_ratio, 3),
                          "slowest_page_ms": round(slowest, 1), "sizes": results}))


if __name__ == "__main__":
    main()

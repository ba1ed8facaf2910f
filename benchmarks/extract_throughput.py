"""Extraction throughput: ``parley extract`` against bare spaCy ``nlp.pipe`` in the same run.

Both sides get the same texts (the dev corpus repeated to at least --docs documents, bodies and
headlines, as Parley parses both) and the same spaCy pipeline; each runs in its own process so that
its peak RSS is its own.  Prints docs/s, words/s, the ratio Parley/spaCy and peak RSS.

    python benchmarks/extract_throughput.py [--docs 2000] [--processes 1]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared")) / "corpus" / "dev" / "docs"


def make_corpus(source: Path, n: int, target: Path) -> int:
    """Copy the corpus into ``target`` until it holds ``n`` files, each with distinct text."""
    files = sorted(p for p in source.iterdir() if p.is_file())
    count = 0
    while count < n:
        for f in files:
            if count >= n:
                break
            data = f.read_bytes()
            # A distinct trailing line keeps ids distinct without changing what is extracted.
            suffix = f"\n\nReference {count}.\n".encode()
            if f.suffix == ".json":
                record = json.loads(data)
                record["text"] += suffix.decode()
                data = json.dumps(record).encode()
            elif f.suffix == ".html":
                data = data.replace(b"</article>", b"<p>Reference " + str(count).encode() + b".</p></article>")
            else:
                data += suffix
            (target / f"{count:05d}_{f.name}").write_bytes(data)
            count += 1
    return count


def worker_spacy(folder: Path, processes: int) -> dict[str, float]:
    from parley.config import load_settings
    from parley.extract.nlp import load_pipeline
    from parley.ingest import read_inputs
    from parley.model import Document

    settings = load_settings()
    docs = [d for d in read_inputs([str(folder)], settings) if isinstance(d, Document)]
    texts = [t for d in docs for t in (d.text, d.title or "")]
    nlp = load_pipeline(settings.spacy_model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=processes):
        pass
    elapsed = time.perf_counter() - start
    return {"docs": len(docs), "words": sum(len(d.text.split()) for d in docs), "seconds": elapsed}


def worker_parley(folder: Path, processes: int) -> dict[str, float]:
    from parley.cli.main import app
    from parley.config import load_settings
    from parley.ingest import read_inputs
    from parley.model import Document

    docs = [d for d in read_inputs([str(folder)], load_settings()) if isinstance(d, Document)]
    from parley.extract.nlp import load_pipeline

    load_pipeline(load_settings().spacy_model)  # load outside the timing, as the spaCy side does
    start = time.perf_counter()
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink), contextlib.suppress(SystemExit):
        app(["extract", str(folder), "--format", "jsonl", "--processes", str(processes)])
    elapsed = time.perf_counter() - start
    return {"docs": len(docs), "words": sum(len(d.text.split()) for d in docs), "seconds": elapsed}


def run_worker(kind: str, folder: Path, processes: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--worker", kind, "--folder", str(folder),
                          "--processes", str(processes)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--worker", choices=["spacy", "parley"])
    ap.add_argument("--folder", type=Path)
    args = ap.parse_args()
    if args.worker:
        fn = worker_spacy if args.worker == "spacy" else worker_parley
        stats = fn(args.folder, args.processes)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        stats["peak_rss_mib"] = max(own, kids) / 1024
        print(json.dumps(stats))
        return 0
    from parley.config import load_settings

    with tempfile.TemporaryDirectory() as tmp:
        n = make_corpus(args.corpus, args.docs, Path(tmp))
        base = run_worker("spacy", Path(tmp), args.processes)
        ours = run_worker("parley", Path(tmp), args.processes)
    print(f"corpus: {n} documents ({base['words']:.0f} words), {args.processes} process(es), "
          f"pipeline {load_settings().spacy_model}")
    for name, s in (("spaCy nlp.pipe (baseline)", base), ("parley extract", ours)):
        print(f"{name:27} {s['docs'] / s['seconds']:8.1f} docs/s {s['words'] / s['seconds']:10.0f} words/s "
              f"peak RSS {s['peak_rss_mib']:7.0f} MiB")
    print(f"ratio parley/spaCy: {base['seconds'] / ours['seconds']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

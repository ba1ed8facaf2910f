#!/usr/bin/env python3
"""Record the first-look score of a batch of newly annotated documents, exactly once.

Why this exists: a score on documents the rules were tuned on says little about documents nobody
has seen. Each batch in ``corpus/<batch>/`` is scored the moment its annotation is finished,
before any rule is changed for it, and the row is appended to ``eval/first_look.md``. Running it
again for the same batch refuses: a first look cannot be taken twice.

Usage: ``python eval/first_look.py corpus/a1 [--parley .venv/bin/parley] [--dry-run]``
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared"))
TABLE = ROOT / "eval" / "first_look.md"


def score(batch: Path, parley: str) -> dict:
    """The shared scorer's JSON report for one batch, run as a user would run it."""
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(batch / "gold"),
           "--docs", str(batch / "docs"), "--cmd", f"{parley} extract --format jsonl", "--json"]
    return dict(json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout))


def row(batch: Path, report: dict, commit: str) -> str:
    """One markdown row in the column order of the table in first_look.md."""
    n = len(list((batch / "gold").glob("*.json")))
    cells = [date.today().isoformat(), commit, f"corpus/{batch.name} ({kind(batch)})", str(n),
             *(f"{report[k]['f1']:.3f}" for k in ("events", "actors", "speaker_topics")),
             *(f"{report[k]:.3f}" for k in ("primary_event_accuracy", "primary_date_accuracy",
                                            "primary_location_accuracy", "modality_accuracy")),
             "—"]
    return "| " + " | ".join(cells) + " |"


def append_row(text: str, line: str) -> str:
    """The table with ``line`` after its last row (the first table in the file)."""
    lines = text.splitlines()
    last = max(i for i, current in enumerate(lines) if current.startswith("| ") and i < _end_of_first_table(lines))
    return "\n".join([*lines[: last + 1], line, *lines[last + 1:]]) + "\n"


def _end_of_first_table(lines: list[str]) -> int:
    start = next(i for i, current in enumerate(lines) if current.startswith("|"))
    return next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))


def kind(batch: Path) -> str:
    """What the batch holds, read from its SOURCES.md (official readouts, news, or both)."""
    text = (batch / "SOURCES.md").read_text().lower() if (batch / "SOURCES.md").exists() else ""
    official, news = "official" in text, "news" in text
    return "official and news" if official and news else "official" if official else "news" if news else "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("batch", type=Path)
    ap.add_argument("--parley", default=str(ROOT / ".venv" / "bin" / "parley"))
    ap.add_argument("--dry-run", action="store_true", help="print the row, record nothing")
    args = ap.parse_args(argv)
    batch: Path = args.batch.resolve()
    if not (batch / "DONE").exists():
        print(f"{batch}: annotation not finished (no DONE file)", file=sys.stderr)
        return 2
    label = f"corpus/{batch.name} "
    if label in TABLE.read_text() and not args.dry_run:
        print(f"{batch}: first look already recorded in {TABLE.name}; it is never re-measured", file=sys.stderr)
        return 2
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=ROOT, check=True).stdout.strip()
    line = row(batch, score(batch, args.parley), commit)
    print(line)
    if not args.dry_run:
        TABLE.write_text(append_row(TABLE.read_text(), line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

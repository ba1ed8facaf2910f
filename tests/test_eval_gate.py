"""The evaluation gate: the dev-set scores may not drop below the recorded baseline.

The scorer is the shared ``score.py``, run exactly as a user would run it; the baseline lives in
``eval/baseline.json``.  After a deliberate improvement, record the new figures with
``PARLEY_RECORD_BASELINE=1 scripts/test tests/test_eval_gate.py``.

The project's own annotated batches (``corpus/<batch>/`` with a ``DONE`` file) are gated the same
way, each under its own key, once their first look is in ``eval/first_look.md``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DEV, ROOT, SHARED
from parley.config import Settings
from parley.extract import Extractor
from parley.ingest import read_inputs
from parley.model import Document

BASELINE = ROOT / "eval" / "baseline.json"
METRICS = ["events_f1", "actors_f1", "speaker_topics_f1", "primary_event_accuracy",
           "primary_date_accuracy", "primary_location_accuracy", "modality_accuracy",
           "published_accuracy"]


def _flat(report: dict) -> dict[str, float]:
    out = {k: float(report[k]) for k in METRICS if k in report}
    for key in ("events", "actors", "speaker_topics"):
        out[f"{key}_f1"] = float(report[key]["f1"])
    return out


BATCHES = sorted(p.parent for p in (ROOT / "corpus").glob("*/DONE"))


def _scores(corpus: Path, tmp_path: Path, extractor: Extractor) -> dict[str, float]:
    docs = [d for d in read_inputs([str(corpus / "docs")], Settings()) if isinstance(d, Document)]
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(x.to_dict()) + "\n" for x in extractor.extract_many(docs)))
    run = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(corpus / "gold"),
                          "--pred", str(pred), "--json"], capture_output=True, text=True, check=True)
    return _flat(json.loads(run.stdout))


def test_dev_scores_do_not_drop(tmp_path: Path, extractor: Extractor) -> None:
    _gate("extract", _scores(DEV, tmp_path, extractor))


@pytest.mark.parametrize("batch", BATCHES, ids=[b.name for b in BATCHES])
def test_project_corpus_scores_do_not_drop(batch: Path, tmp_path: Path, extractor: Extractor) -> None:
    assert f"corpus/{batch.name} " in (ROOT / "eval" / "first_look.md").read_text(), (
        f"record the first look of corpus/{batch.name} (eval/first_look.py) before gating it")
    _gate(f"corpus/{batch.name}", _scores(batch, tmp_path, extractor))


def test_link_scores_do_not_drop(tmp_path: Path) -> None:
    links = tmp_path / "links.json"
    out = subprocess.run([sys.executable, "-m", "parley.cli.main", "link", str(DEV / "docs"), "--format", "json"],
                         capture_output=True, text=True, check=True)
    links.write_text(out.stdout)
    run = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--pairs", str(DEV / "pairs.json"),
                          "--links", str(links), "--gold", str(DEV / "gold"), "--json"],
                         capture_output=True, text=True, check=True)
    report = json.loads(run.stdout)
    _gate("link", {"links_f1": float(report["links"]["f1"]),
                   "links_precision": float(report["links"]["precision"]),
                   "side_topics_f1": float(report["side_topics"]["f1"])})


def _gate(section: str, scores: dict[str, float]) -> None:
    data = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    if os.environ.get("PARLEY_RECORD_BASELINE"):
        data[section] = scores
        BASELINE.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    assert section in data, f"no baseline for {section}: record it with PARLEY_RECORD_BASELINE=1"
    baseline = data[section]
    dropped = {k: (scores.get(k), v) for k, v in baseline.items() if scores.get(k, 0.0) < v - 1e-9}
    assert not dropped, f"dev {section} scores dropped below the baseline (now, baseline): {dropped}"

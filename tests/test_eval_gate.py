"""The evaluation gate: the dev-set scores may not drop below the recorded baseline.

The scorer is the shared ``score.py``, run exactly as a user would run it; the baseline lives in
``eval/baseline.json``.  After a deliberate improvement, record the new figures with
``PARLEY_RECORD_BASELINE=1 scripts/test tests/test_eval_gate.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_dev_scores_do_not_drop(tmp_path: Path, extractor: Extractor) -> None:
    docs = [d for d in read_inputs([str(DEV / "docs")], Settings()) if isinstance(d, Document)]
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(x.to_dict()) + "\n" for x in extractor.extract_many(docs)))
    run = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(DEV / "gold"),
                          "--pred", str(pred), "--json"], capture_output=True, text=True, check=True)
    scores = _flat(json.loads(run.stdout))
    if os.environ.get("PARLEY_RECORD_BASELINE"):
        BASELINE.write_text(json.dumps({"extract": scores}, indent=2, sort_keys=True) + "\n")
    baseline = json.loads(BASELINE.read_text())["extract"]
    dropped = {k: (scores.get(k), v) for k, v in baseline.items() if scores.get(k, 0.0) < v - 1e-9}
    assert not dropped, f"dev scores dropped below the baseline (now, baseline): {dropped}"

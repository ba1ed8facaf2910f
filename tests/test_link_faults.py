"""Faults around linking (issue 8 items 1 and 2): kill -9 while linking, two ingests at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parley import api
from parley.config import Settings
from parley.store import open_store
from test_link_incremental import partition_of

# d17/d18/d27 and d04/d23/d25/d26 report one call each; the rest are other engagements.
STEMS = ["d17", "d18", "d27", "d04", "d23", "d25", "d26", "d19", "d21", "d22", "d14", "d11"]

SCRIPT = """
import os, signal, sys, time
import parley.store.linking as L
from parley import api
from parley.config import Settings

db, target, kill_at, delay = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
calls = {"n": 0}
insert, near = L.insert_engagement, L.dated_near

def insert_then_maybe_die(db, group):
    calls["n"] += 1
    if calls["n"] == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)  # mid-linking: engagements half written
    return insert(db, group)

def slow_near(*args):
    time.sleep(delay)  # widen the window in which two ingests could interleave
    return near(*args)

import parley.pipeline as P
serialize, barrier = P.serialize_writers, sys.argv[5] if len(sys.argv) > 5 else ""

def meet_then_serialize(db):
    # Both ingests reach their write at the same moment (the first call is the leftover check);
    # SQLite's BEGIN IMMEDIATE has already serialised them, so the wait there is cut short.
    calls["writes"] = calls.get("writes", 0) + 1
    if barrier and calls["writes"] == 2:
        open(f"{barrier}.{os.getpid()}", "w").close()
        deadline = time.time() + 5
        while len([p for p in os.listdir(os.path.dirname(barrier)) if p.startswith(os.path.basename(barrier))]) < 2:
            if time.time() > deadline:
                break
            time.sleep(0.01)
    return serialize(db)

L.insert_engagement, L.dated_near, P.serialize_writers = insert_then_maybe_die, slow_near, meet_then_serialize
api.ingest_paths([target], Settings(db=db, batch_size=4))
"""


def _corpus(dev_docs: Path, folder: Path, stems: list[str]) -> Path:
    folder.mkdir()
    for path in dev_docs.iterdir():
        if path.stem in stems:
            shutil.copy(path, folder / path.name)
    assert len(list(folder.iterdir())) == len(stems)
    return folder


def _run(script: Path, db: str, target: Path, kill_at: int = 0, delay: float = 0.0, barrier: str = ""
         ) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    return subprocess.Popen([sys.executable, str(script), db, str(target), str(kill_at), str(delay), barrier],
                            env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _integrity(db_url: str) -> None:
    with open_store(db_url) as db:
        if db.backend == "sqlite":
            assert db.query("PRAGMA integrity_check")[0]["integrity_check"] == "ok"


@pytest.fixture(scope="module")
def clean(dev_docs: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, tuple[str, ...]]]:
    """The engagements of an uninterrupted ingest of the same documents."""
    folder = _corpus(dev_docs, tmp_path_factory.mktemp("clean") / "docs", STEMS)
    db = str(tmp_path_factory.mktemp("cleandb") / "p.db")
    api.ingest_paths([str(folder)], Settings(db=db, batch_size=4))
    with open_store(db) as store:
        return partition_of(store)


@pytest.mark.parametrize("kill_at", [1, 3, 6])
def test_kill_9_while_linking_loses_no_link(kill_at: int, db_url: str, dev_docs: Path, tmp_path: Path,
                                            clean: list[tuple[str, tuple[str, ...]]]) -> None:
    folder = _corpus(dev_docs, tmp_path / "docs", STEMS)
    script = tmp_path / "ingest.py"
    script.write_text(SCRIPT)
    proc = _run(script, db_url, folder, kill_at=kill_at)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == -9, stderr.decode()
    _integrity(db_url)
    with open_store(db_url) as db:
        stored = db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"]
        assert stored % 4 == 0 and stored < len(STEMS)  # whole batches only
        partition_of(db)  # every stored primary event is in an engagement
    summary = api.ingest_paths([str(folder)], Settings(db=db_url, batch_size=4))
    assert summary.new + summary.known == len(STEMS) and summary.known == stored
    with open_store(db_url) as db:
        assert partition_of(db) == clean


@pytest.mark.parametrize("pair", [("d17", "d18"), ("d04", "d23"), ("d25", "d26")])
def test_two_concurrent_one_document_ingests_keep_every_link(pair: tuple[str, str], db_url: str, dev_docs: Path,
                                                             tmp_path: Path) -> None:
    script = tmp_path / "ingest.py"
    script.write_text(SCRIPT)
    open_store(db_url).close()  # the schema exists; only the two ingests race
    folders = [_corpus(dev_docs, tmp_path / stem, [stem]) for stem in pair]
    (tmp_path / "barrier").mkdir()
    procs = [_run(script, db_url, folder, delay=0.3, barrier=str(tmp_path / "barrier" / "at")) for folder in folders]
    for proc in procs:
        _, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr.decode()
    with open_store(db_url) as db:
        groups = partition_of(db)  # no primary event left in no engagement
        assert len(groups) == 1 and len(groups[0][1]) == 2, groups  # and the two reports linked

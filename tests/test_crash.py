"""Kill -9 in the middle of an ingest, on SQLite and on PostgreSQL (issue 8).

A real ``parley ingest`` process is killed with SIGKILL at a random point while it stores
documents (several seeds); the database must pass its integrity check, and a re-run must leave the
same documents and events as a clean run: nothing lost, nothing duplicated.  (Engagements are
linking's business and are checked by the linking tests.)
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from parley.store.db import Database

PARLEY = str(Path(sys.executable).with_name("parley"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, dev_docs: Path) -> Path:
    """The sample readouts and forty dev documents: enough for the kill to land mid-batch."""
    folder = tmp_path_factory.mktemp("crash-in")
    for src in [*sorted((EXAMPLES / "readouts").iterdir()), *sorted(dev_docs.iterdir())[:40]]:
        (folder / src.name).write_bytes(src.read_bytes())
    return folder


def _ingest(folder: Path, db: str, **kwargs: Any) -> subprocess.Popen[str]:
    env = {**os.environ, "PARLEY_BATCH_SIZE": "4"}  # small batches: commits all along the run
    return subprocess.Popen([PARLEY, "ingest", "-q", str(folder), "--db", db], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, **kwargs)


def _snapshot(url: str) -> dict[str, Any]:
    with Database(url, readonly=True) as db:
        docs = [r["id"] for r in db.query("SELECT id FROM documents")]
        events = [r["id"] for r in db.query("SELECT d.id || ':' || e.local_id AS id FROM events e "
                                            "JOIN documents d ON d.num = e.doc_num")]
        statements = [r["id"] for r in db.query("SELECT d.id || ':s' || s.position AS id FROM statements s "
                                                "JOIN documents d ON d.num = s.doc_num")]
        evidence = int(db.query("SELECT COUNT(*) AS n FROM evidence")[0]["n"])
        search = int(db.query("SELECT COUNT(*) AS n FROM search_index WHERE kind = 'document'")[0]["n"])
    assert len(docs) == len(set(docs)) and len(events) == len(set(events))
    return {"documents": sorted(docs), "events": sorted(events), "statements": sorted(statements),
            "evidence": evidence, "indexed": search}


@pytest.fixture(scope="module")
def clean(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = str(tmp_path_factory.mktemp("clean") / "clean.db")
    proc = _ingest(inputs, db)
    _out, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, err[-2000:]
    snap = _snapshot(db)
    assert len(snap["documents"]) > 40
    return snap


def _stored(url: str) -> int:
    try:
        with Database(url, readonly=True) as db:
            return int(db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"])
    except Exception:  # not created yet
        return 0


def _kill_mid_ingest(inputs: Path, url: str, seed: int) -> int:
    """Start an ingest, wait until it has stored some documents, then SIGKILL it after a random
    further delay; returns how many documents were stored when it died."""
    rng = random.Random(seed)
    proc = _ingest(inputs, url)
    target = rng.randint(1, 30)
    deadline = time.monotonic() + 600
    while proc.poll() is None and _stored(url) < target and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(rng.uniform(0, 0.5))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    return _stored(url)


def _rerun_and_compare(inputs: Path, url: str, clean: dict[str, Any]) -> None:
    proc = _ingest(inputs, url)
    _out, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, err[-2000:]
    assert _snapshot(url) == clean


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_9_during_ingest_sqlite(inputs: Path, clean: dict[str, Any], tmp_path: Path, seed: int) -> None:
    db = str(tmp_path / "crash.db")
    stored = _kill_mid_ingest(inputs, db, seed)
    assert 0 < stored < len(clean["documents"]), stored
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    _rerun_and_compare(inputs, db, clean)


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("seed", [4, 5])
def test_kill_9_during_ingest_postgresql(inputs: Path, clean: dict[str, Any], postgres_url: str,
                                         seed: int) -> None:
    stored = _kill_mid_ingest(inputs, postgres_url, seed)
    assert 0 < stored < len(clean["documents"]), stored
    with Database(postgres_url, readonly=True) as db:  # every foreign key still points somewhere
        orphans = db.query("SELECT COUNT(*) AS n FROM events e LEFT JOIN documents d ON d.num = e.doc_num "
                           "WHERE d.num IS NULL")[0]["n"]
        assert orphans == 0
    _rerun_and_compare(inputs, postgres_url, clean)

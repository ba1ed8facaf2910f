"""Concurrent writers and a server answering while an ingest writes (issue 8).

Two ``parley ingest`` processes with different documents write into one SQLite file and into one
PostgreSQL database at the same time (from a fresh database, so they also race to create the
schema): both succeed and no document is lost.  A real ``parley serve`` keeps answering, with no
failed request, while another process ingests into its database.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from appserver import free_port, wait_for
from conftest import EXAMPLES
from parley.store.db import Database

PARLEY = str(Path(sys.executable).with_name("parley"))


@pytest.fixture(scope="module")
def halves(tmp_path_factory: pytest.TempPathFactory, dev_docs: Path) -> tuple[Path, Path]:
    files = [*sorted((EXAMPLES / "readouts").iterdir()), *sorted(dev_docs.iterdir())[:20]]
    a, b = tmp_path_factory.mktemp("half-a"), tmp_path_factory.mktemp("half-b")
    for n, src in enumerate(files):
        ((a if n % 2 else b) / src.name).write_bytes(src.read_bytes())
    return a, b


def _distinct(*folders: Path) -> int:
    """How many distinct documents the folders hold (some dev documents repeat a sample readout)."""
    from parley.config import Settings
    from parley.ingest import read_inputs
    from parley.model import Document

    return len({d.id for d in read_inputs([str(f) for f in folders], Settings()) if isinstance(d, Document)})


def _count(url: str) -> int:
    with Database(url, readonly=True) as db:
        return int(db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"])


def _ingest(folder: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen([PARLEY, "ingest", "-q", str(folder), "--db", url], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PARLEY_BATCH_SIZE": "4"})


@pytest.mark.slow
def test_two_ingests_into_one_store_lose_nothing(db_url: str, halves: tuple[Path, Path]) -> None:
    a, b = halves
    expected = _distinct(a, b)
    procs = [_ingest(a, db_url), _ingest(b, db_url)]
    for p in procs:
        out, err = p.communicate(timeout=900)
        assert p.returncode == 0, err[-2000:]
        assert "0 rejected" in out
    assert _count(db_url) == expected


@pytest.mark.slow
def test_serve_answers_while_an_ingest_writes(tmp_path: Path, halves: tuple[Path, Path]) -> None:
    a, b = halves
    db = str(tmp_path / "live.db")
    first = _ingest(a, db)
    assert first.wait(timeout=900) == 0
    port = free_port()
    server = subprocess.Popen([PARLEY, "serve", "--db", db, "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30) as client:
            wait_for(client.get, "/api/events", tries=200)
            writer = _ingest(b, db)
            failures: list[tuple[str, int]] = []
            served = 0
            paths = ["/", "/api/events?limit=5", "/api/documents", "/api/engagements", "/search?q=minister",
                     "/api/search?q=trade", "/documents", "/export/events.csv"]
            while writer.poll() is None or served < len(paths):
                path = paths[served % len(paths)]
                r = client.get(path)
                served += 1
                if r.status_code != 200:
                    failures.append((path, r.status_code))
            assert writer.returncode == 0, writer.communicate()[1][-2000:]
            assert not failures, failures[:10]
            assert served > len(paths)
            total = client.get("/api/documents", params={"limit": 500}).json()["items"]
            assert len(total) == _distinct(a, b)
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_api_ingest_does_not_block_the_server(tmp_path: Path, halves: tuple[Path, Path]) -> None:
    """POST /api/ingest runs its extraction in a worker thread: while it is under way (the first
    one also loads the spaCy pipeline) other requests are answered."""
    import threading

    a, _b = halves
    db = str(tmp_path / "api.db")
    assert _ingest(a, db).wait(timeout=900) == 0
    port = free_port()
    server = subprocess.Popen([PARLEY, "serve", "--db", db, "--port", str(port), "--allow-ingest", "--token", "t"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=120) as client:
            wait_for(client.get, "/api/events", tries=200)
            text = ("Prime Minister Keir Starmer spoke to Chancellor Olaf Scholz of Germany today. "
                    "They discussed trade, energy security and support for Ukraine. ") * 200
            done = threading.Event()
            answer: list[httpx.Response] = []

            def post() -> None:
                with httpx.Client(base_url=base, timeout=300) as c:
                    answer.append(c.post("/api/ingest", headers={"Authorization": "Bearer t"},
                                         json={"title": "PM call with Chancellor Scholz", "text": text,
                                               "published": "2024-08-01",
                                               "publisher": "UK Prime Minister's Office (10 Downing Street)"}))
                done.set()

            worker = threading.Thread(target=post)
            worker.start()
            time.sleep(0.3)
            answered_meanwhile = 0
            while not done.is_set():
                r = client.get("/api/events", params={"limit": 5})
                assert r.status_code == 200
                if not done.is_set():
                    answered_meanwhile += 1
            worker.join()
            assert answer and answer[0].status_code == 200 and answer[0].json()["new"] == 1, answer
            assert answered_meanwhile > 0
    finally:
        server.terminate()
        server.wait(timeout=30)

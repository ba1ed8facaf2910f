"""Reliability of the store under real use (issue 8): two processes creating one fresh database
at once, readers that never write (a read-only file can be read), storage errors that reach a web
reader as 503 without the driver's text, and one oversized document that cannot stop a batch."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import EXAMPLES
from parley.config import Settings
from parley.store import open_store
from parley.store.db import _migrations
from parley.web.app import create_app

VERSIONS = sorted({n for n, _name, _sql in _migrations("sqlite")})
LATEST = VERSIONS[-1]

PARLEY = str(Path(sys.executable).with_name("parley"))

_MIGRATE = """
import sys
import time
from parley.store import open_store
barrier = float(sys.argv[2])
while time.time() < barrier:
    pass
with open_store(sys.argv[1]) as db:
    print(db.version())
"""


def test_processes_create_a_fresh_database_at_once(db_url: str, tmp_path: Path) -> None:
    """Three processes start on the same instant against a database Parley never saw, six times
    over; all must succeed, and the schema must be applied once."""
    import time

    for n in range(6):
        url = str(tmp_path / f"fresh{n}.db") if not db_url.startswith("postgres") else _fresh_pg(db_url, n)
        start = time.time() + 1.0
        procs = [subprocess.Popen([sys.executable, "-c", _MIGRATE, url, str(start)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(3)]
        outs = [p.communicate(timeout=60) for p in procs]
        for p, (out, errout) in zip(procs, outs, strict=True):
            assert p.returncode == 0, errout[-2000:]
            assert out.strip() == str(LATEST)
        with open_store(url) as db:
            rows = db.query("SELECT version FROM schema_migrations ORDER BY version")
            assert [r["version"] for r in rows] == VERSIONS
        if url != db_url and url.startswith("postgres"):
            _drop_pg(url)


def _fresh_pg(base: str, n: int) -> str:
    import psycopg

    name = base.rsplit("/", 1)[1] + f"_r{n}"
    with psycopg.connect(base.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return base.rsplit("/", 1)[0] + "/" + name


def _drop_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


@pytest.fixture(scope="module")
def readonly_db() -> Iterator[Path]:
    """The sample corpus stored, then made read-only, file and folder (root ignores permission
    bits, so as root the immutable attribute stands in for them)."""
    folder = Path(tempfile.mkdtemp(prefix="parley-ro-"))
    db = folder / "parley.db"
    subprocess.run([PARLEY, "ingest", "-q", str(EXAMPLES / "readouts"), "--db", str(db)], check=True,
                   capture_output=True)
    _freeze(folder, db, True)
    yield db
    _freeze(folder, db, False)
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()


def _freeze(folder: Path, db: Path, on: bool) -> None:
    if os.getuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: cannot make a file read-only")
        for p in (db, folder):
            subprocess.run(["chattr", "+i" if on else "-i", str(p)], check=True)
    else:
        db.chmod(0o444 if on else 0o644)
        folder.chmod(0o555 if on else 0o755)


def test_a_read_only_database_can_be_listed(readonly_db: Path) -> None:
    before = readonly_db.read_bytes()
    for args in (["events"], ["documents", "--format", "json"], ["timeline", "GBR", "JPN"]):
        r = subprocess.run([PARLEY, *args, "--db", str(readonly_db)], capture_output=True, text=True,
                           cwd="/")
        assert r.returncode == 0, (args, r.stderr)
        assert r.stdout.strip() and "readonly" not in r.stderr
    assert readonly_db.read_bytes() == before


_SERVE_ALL = """
import sys
from fastapi.testclient import TestClient
from parley.config import Settings
from parley.web.app import create_app
client = TestClient(create_app(Settings(db=sys.argv[1])))
eng = client.get("/api/engagements").json()["items"][0]["id"]
doc = client.get("/api/documents").json()["items"][0]["id"]
bad = []
for path in ["/", "/engagements", f"/engagements/{eng}", "/documents", f"/documents/{doc}", "/people",
             "/dyads/GBR/JPN", "/search?q=Kishida", "/export/events.csv", "/api/events", "/api/search?q=trade",
             f"/api/engagements/{eng}", "/api/people"]:
    r = client.get(path)
    if r.status_code != 200:
        bad.append((path, r.status_code, r.text[:200]))
print(bad)
"""


def test_a_read_only_database_can_be_served(readonly_db: Path) -> None:
    r = subprocess.run([sys.executable, "-c", _SERVE_ALL, str(readonly_db)], capture_output=True, text=True,
                       cwd="/")
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "[]"


def test_readers_refuse_a_database_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for args in (["events"], ["documents"], ["timeline", "GBR", "CHN"], ["compare", "x"], ["link"],
                 ["serve", "--port", "8999"]):
        r = subprocess.run([PARLEY, *args, "--db", str(missing)], capture_output=True, text=True, timeout=60)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1 and "no database" in r.stderr, (args, r.stderr)
        assert "Traceback" not in r.stderr
    assert not missing.exists()


def test_storage_errors_are_503_without_driver_text(tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(b"this is not a database file at all" * 100)
    with TestClient(create_app(Settings(db=str(db)))) as c:
        for path in ["/api/events", "/api/documents/x", "/api/search?q=a", "/", "/documents"]:
            r = c.get(path)
            assert r.status_code == 503, (path, r.status_code)
            assert "file is not a database" not in r.text and "sqlite" not in r.text.lower()
            if path.startswith("/api/"):
                assert r.json() == {"error": {"status": 503, "message": r.json()["error"]["message"]}}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("pages") / "p.db")
    subprocess.run([PARLEY, "ingest", "-q", str(EXAMPLES / "readouts"), "--db", db], check=True,
                   capture_output=True)
    with TestClient(create_app(Settings(db=db))) as c:
        yield c


@pytest.mark.parametrize("path", ["/engagements", "/documents", "/people"])
@pytest.mark.parametrize("query", ["limit=-2", "limit=0", "offset=-1", "offset=99999999999999999999",
                                   "limit=99999999999999999999", "limit=x"])
def test_html_pages_validate_paging_like_the_api(served: TestClient, path: str, query: str) -> None:
    r = served.get(f"{path}?{query}")
    assert r.status_code == 422, (path, query, r.status_code)
    assert "SQLite" not in r.text and "LIMIT" not in r.text


@pytest.mark.parametrize("path", ["/api/documents/a%00b", "/documents/a%00b", "/api/people/%00",
                                  "/api/search?q=a%00b", "/search?q=%00", "/api/events?publisher=%00"])
def test_nul_bytes_never_reach_the_database(served: TestClient, path: str) -> None:
    r = served.get(path)
    assert r.status_code in {200, 404, 422}, (path, r.status_code, r.text[:300])


def test_one_oversized_document_does_not_stop_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for src in sorted((EXAMPLES / "readouts").iterdir())[:3]:
        (folder / src.name).write_bytes(src.read_bytes())
    sentence = "The Prime Minister met the President of France in Paris to discuss trade and security. "
    (folder / "huge.txt").write_text("A long report\n\n" + "\n\n".join([sentence * 20] * 900))
    assert (folder / "huge.txt").stat().st_size > 1_500_000
    db = tmp_path / "p.db"
    r = subprocess.run([PARLEY, "ingest", "-q", str(folder), "--db", str(db)], capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "Traceback" not in r.stderr
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "huge.txt" in lines[0] and "too-long" in lines[0], r.stderr
    assert "3 new" in r.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 3


def test_api_rejects_an_oversized_text_with_a_reason(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "w.db"), ingest_token="t")
    with TestClient(create_app(settings, allow_ingest=True)) as c:
        r = c.post("/api/ingest", headers={"Authorization": "Bearer t"},
                   json={"title": "long", "text": "Officials met in Paris to talk. " * 40_000})
        assert r.status_code == 200, r.text[:500]
        assert [x["reason"] for x in r.json()["rejected"]] == ["too-long"]



def test_readers_create_nothing(db_url: str) -> None:
    """A reader pointed at an empty database (a fresh PostgreSQL database, an empty SQLite file)
    refuses it and leaves it as it was: no schema, no topics."""
    from parley.errors import NoDatabaseError
    from parley.store import open_reader

    if not db_url.startswith("postgres"):
        Path(db_url).write_bytes(b"")
    with pytest.raises(NoDatabaseError):
        open_reader(db_url)
    if db_url.startswith("postgres"):
        import psycopg

        with psycopg.connect(db_url) as conn:
            assert conn.execute("SELECT to_regclass('schema_migrations')").fetchone() == (None,)
    else:
        assert Path(db_url).stat().st_size == 0
    with open_store(db_url) as db:  # the write path creates it
        assert db.version() == LATEST

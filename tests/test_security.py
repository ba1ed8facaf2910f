"""POST /api/ingest: no local files through the URL field, authorisation before any byte of an
upload is read, and the size cap enforced while the body streams in (issue 8, items 4 and 5)."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from parley.config import Settings
from parley.web.app import create_app

TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _stored(db: str) -> int:
    if not Path(db).exists():
        return 0
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])


@pytest.mark.parametrize("form", ["path", "folder", "file-url", "relative"])
def test_ingest_url_never_reads_local_files(tmp_path: Path, form: str) -> None:
    secret = tmp_path / "secret" / "passwords.txt"
    secret.parent.mkdir()
    secret.write_text("Prime Minister Rishi Sunak met President Joe Biden in London today to discuss trade.\n"
                      "The root password is hunter2.\n")
    url = {"path": str(secret), "folder": str(secret.parent), "file-url": f"file://{secret}",
           "relative": "secret/passwords.txt"}[form]
    db = str(tmp_path / "w.db")
    with TestClient(create_app(Settings(db=db, ingest_token=TOKEN), allow_ingest=True)) as c:
        r = c.post("/api/ingest", headers=AUTH, json={"url": url})
        assert r.status_code == 422, r.text
        assert set(r.json()) == {"error"} and "http" in r.json()["error"]["message"]
        assert "hunter2" not in c.get("/api/search", params={"q": "hunter2"}).text
    assert _stored(db) == 0


def _asgi_post(app: Any, headers: dict[str, str], chunks: int, chunk_size: int = 64 * 1024
               ) -> tuple[int, int]:
    """POST a body of ``chunks`` chunks straight through the ASGI interface; returns the status and
    how many chunks the application pulled before it answered."""
    pulled = 0
    status = 0
    boundary = "b0undary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        if pulled >= chunks:
            return {"type": "http.disconnect"}
        pulled += 1
        body = (head if pulled == 1 else b"") + b"word " * (chunk_size // 5)
        return {"type": "http.request", "body": body, "more_body": pulled < chunks}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/api/ingest", "raw_path": b"/api/ingest", "query_string": b"",
             "root_path": "", "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
             "headers": [(b"content-type", f"multipart/form-data; boundary={boundary}".encode()),
                         *((k.lower().encode(), v.encode()) for k, v in headers.items())]}
    asyncio.run(app(scope, receive, send))
    return status, pulled


@pytest.mark.parametrize("allow, headers, expected", [
    (False, {}, 403), (False, AUTH, 403), (True, {}, 401), (True, {"Authorization": "Bearer wrong"}, 401)])
def test_upload_is_refused_before_its_body_is_read(tmp_path: Path, allow: bool, headers: dict[str, str],
                                                   expected: int) -> None:
    app = create_app(Settings(db=str(tmp_path / "w.db"), ingest_token=TOKEN), allow_ingest=allow)
    status, pulled = _asgi_post(app, headers, chunks=200)  # 12.5 MiB offered
    assert status == expected
    assert pulled == 0, f"{pulled} chunks of an unauthorised upload were read"


def test_upload_size_cap_is_enforced_while_reading(tmp_path: Path) -> None:
    cap = 256 * 1024
    app = create_app(Settings(db=str(tmp_path / "w.db"), ingest_token=TOKEN, max_bytes=cap), allow_ingest=True)
    status, pulled = _asgi_post(app, AUTH, chunks=400)  # 25 MiB offered, no Content-Length
    assert status == 413
    assert pulled * 64 * 1024 <= cap + 2 * 64 * 1024 + 64 * 1024, f"read {pulled} chunks past a {cap}-byte cap"


def test_declared_oversize_upload_is_refused_unread(tmp_path: Path) -> None:
    app = create_app(Settings(db=str(tmp_path / "w.db"), ingest_token=TOKEN, max_bytes=1000), allow_ingest=True)
    status, pulled = _asgi_post(app, {**AUTH, "Content-Length": str(2 * 1024**3)}, chunks=200)
    assert status == 413 and pulled == 0


def test_upload_within_the_cap_is_stored(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    with TestClient(create_app(Settings(db=db, ingest_token=TOKEN), allow_ingest=True)) as c:
        text = b"PM call with President Xi Jinping\n\nThe Prime Minister spoke to President Xi Jinping " \
               b"of China today about trade and climate change."
        r = c.post("/api/ingest", headers=AUTH, files={"file": ("call.txt", text)})
        assert r.status_code == 200 and r.json()["new"] == 1, r.text
    assert _stored(db) == 1

"""The JSON API and the server-rendered pages, in process (the browser tests drive a real server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient

from parley.config import Settings
from parley.web.app import create_app


@pytest.fixture(scope="module")
def client(corpus_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=corpus_db))) as c:
        yield c


def test_pages_render(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and "Latest engagements" in home.text
    engagements = client.get("/api/engagements", params={"limit": 100}).json()["items"]
    pair = next(e for e in engagements if e["reports"] >= 2)
    page = client.get(f"/engagements/{pair['id']}")
    assert page.status_code == 200 and page.text.count('class="side"') >= 2
    assert "<mark" in page.text
    report = client.get(f"/engagements/{pair['id']}/report.html")
    assert report.headers["content-disposition"].startswith("attachment") and "<style>" in report.text
    for path in ["/engagements", "/documents", "/people", "/dyads/GBR/JPN", "/search?q=Kishida",
                 "/export/events.csv", "/export/documents.json"]:
        assert client.get(path).status_code == 200, path


def test_document_text_is_escaped_everywhere(client: TestClient) -> None:
    docs = client.get("/api/documents", params={"limit": 100}).json()["items"]
    hostile = next(d for d in docs if "script" in (d["title"] or ""))
    page = client.get(f"/documents/{hostile['id']}").text
    assert "<script>" not in page and "<img src=x" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript:' not in page
    search = client.get("/search", params={"q": "pwned script"}).text
    assert "<script>window" not in search


def test_api_pagination_filters_and_errors(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["next_offset"] == 5
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert {e["id"] for e in first["items"]}.isdisjoint({e["id"] for e in second["items"]})
    calls = client.get("/api/events", params={"type": "CALL", "country": "JPN"}).json()["items"]
    assert calls and all(e["type"] == "CALL" and "JPN" in e["participants"] for e in calls)
    for path, status in [("/api/documents/nope", 404), ("/api/events?limit=0", 422),
                         ("/api/events?country=Japan", 422), ("/api/engagements/nope", 404),
                         ("/api/no-such-endpoint", 404)]:
        r = client.get(path)
        assert r.status_code == status, path
        assert set(r.json()) == {"error"} and r.json()["error"]["status"] == status
    assert client.get("/documents/nope").status_code == 404


def test_search_api(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Suga"}).json()["items"]
    assert any(h["kind"] == "person" and h["title"] == "Yoshihide Suga" for h in hits)


def test_ingest_is_off_by_default_and_guarded(corpus_db: str, tmp_path: Path) -> None:
    with TestClient(create_app(Settings(db=corpus_db))) as c:
        assert c.post("/api/ingest", json={"text": "x"}).status_code == 403
    db = str(tmp_path / "w.db")
    settings = Settings(db=db, ingest_token="s3cret", max_bytes=2000)
    with TestClient(create_app(settings, allow_ingest=True)) as c:
        assert c.post("/api/ingest", json={"text": "x"}).status_code == 401
        auth = {"Authorization": "Bearer s3cret"}
        ok = c.post("/api/ingest", headers=auth, json={
            "text": "The Prime Minister spoke to President Xi Jinping of China today about trade.",
            "title": "PM call", "published": "2022-03-25",
            "publisher": "UK Prime Minister's Office (10 Downing Street)"})
        assert ok.status_code == 200 and ok.json()["new"] == 1
        local = c.post("/api/ingest", headers=auth, json={"url": "http://127.0.0.1:9/x"}).json()
        assert local["new"] == 0 and local["rejected"][0]["reason"] == "refused"
        big = c.post("/api/ingest", headers=auth, files={"file": ("big.txt", b"word " * 1000)}).json()
        assert big["rejected"][0]["reason"] == "too-large"
        assert c.post("/api/ingest", headers=auth, content=b"not json").status_code == 422


def test_api_conforms_to_its_openapi_schema(corpus_db: str) -> None:
    """Schemathesis generates requests from the OpenAPI schema for every GET endpoint and checks
    the responses (status codes, content types, bodies) against the schema."""
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hsettings

    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings(db=corpus_db)))
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() != "GET":
            continue

        @hsettings(max_examples=25, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate()

        run()
        checked.append(operation.path)
    assert len(checked) >= 8

"""Fuzzing (issue 8): any query parameter or search string gives an answer, never a 500, and the
HTML, text and JSON readers turn any bytes into Documents or one-line rejections, never an
exception.  Runs on SQLite and on PostgreSQL (which refuses NUL bytes in text)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from parley.config import Settings
from parley.ingest import read_bytes
from parley.model import Document, Rejected
from parley.web.app import create_app

FUZZ = settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))

hostile_text = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["", "\x00", "a\x00b", "' OR 1=1 --", '"', "NEAR(a b)", "title:x", "*", "a*", "-x", "^",
                     "../../etc/passwd", "%00", "<script>", "\u202e", "ﬁ", "𝔘𝔫𝔦", "1e999", "NaN"]),
)
numberish = st.one_of(st.integers(min_value=-(10**30), max_value=10**30).map(str), hostile_text)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from parley import api

    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("fuzz") / "f.db")
    else:
        url = request.getfixturevalue("postgres_url")
    api.ingest_paths([str(EXAMPLES / "readouts")], Settings(db=url))
    with TestClient(create_app(Settings(db=url))) as c:
        yield c


def _check(response: object) -> None:
    status = response.status_code  # type: ignore[attr-defined]
    assert status < 500, (response.request.url, status, response.text[:300])  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def postgres_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One database for the module (the conftest fixture is per test)."""
    import os
    import uuid

    import psycopg

    base = os.environ.get("PARLEY_TEST_POSTGRES")
    if not base:
        pytest.skip("no PostgreSQL server (set PARLEY_TEST_POSTGRES)")
    name = f"parley_fuzz_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield base.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@FUZZ
@given(q=hostile_text, limit=numberish, offset=numberish)
def test_search_never_fails(client: TestClient, q: str, limit: str, offset: str) -> None:
    _check(client.get("/api/search", params={"q": q, "limit": limit, "offset": offset}))
    _check(client.get("/search", params={"q": q}))


@FUZZ
@given(country=hostile_text, type_=hostile_text, since=hostile_text, until=hostile_text, publisher=hostile_text,
       limit=numberish, offset=numberish,
       path=st.sampled_from(["/api/events", "/api/documents", "/api/engagements", "/api/people"]))
def test_listing_parameters_never_fail(client: TestClient, path: str, country: str, type_: str, since: str,
                                       until: str, publisher: str, limit: str, offset: str) -> None:
    r = client.get(path, params={"country": country, "type": type_, "since": since, "until": until,
                                 "publisher": publisher, "limit": limit, "offset": offset})
    _check(r)
    if r.status_code >= 400:
        assert set(r.json()) == {"error"}


@FUZZ
@given(limit=numberish, offset=numberish, page=st.sampled_from(["/engagements", "/documents", "/people"]))
def test_html_paging_never_fails(client: TestClient, page: str, limit: str, offset: str) -> None:
    _check(client.get(page, params={"limit": limit, "offset": offset}))


@FUZZ
@given(ref=hostile_text, kind=st.sampled_from(["/api/documents/", "/documents/", "/api/people/", "/people/",
                                                "/api/engagements/", "/engagements/", "/dyads/GBR/"]))
def test_path_parameters_never_fail(client: TestClient, kind: str, ref: str) -> None:
    from urllib.parse import quote

    _check(client.get(kind + quote(ref, safe="")))


@settings(max_examples=150, deadline=None, database=None)
@given(raw=st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(lambda t: t.encode("utf-8", "replace"))),
       kind=st.sampled_from(["html", "txt", "json", "jsonl"]))
def test_readers_take_any_bytes(raw: bytes, kind: str) -> None:
    for item in read_bytes("fuzz", raw, kind, Settings()):
        assert isinstance(item, Document | Rejected)
        if isinstance(item, Rejected):
            assert item.reason and "\n" not in item.line()


@settings(max_examples=80, deadline=None, database=None)
@given(records=st.lists(st.dictionaries(st.sampled_from(["title", "text", "published", "publisher", "url", "x"]),
                                        st.one_of(st.none(), st.integers(), st.text(max_size=200),
                                                  st.lists(st.text(max_size=5), max_size=3))), max_size=4))
def test_json_reader_takes_any_record(records: list[dict[str, object]]) -> None:
    import json

    for kind, raw in (("json", json.dumps(records)), ("jsonl", "\n".join(json.dumps(r) for r in records))):
        for item in read_bytes("fuzz.json", raw.encode(), kind, Settings()):
            assert isinstance(item, Document | Rejected)

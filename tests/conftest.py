"""Shared fixtures: the dev corpus, settings, one extractor per session, and both databases."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.config import Settings
from parley.extract import Extractor
from parley.model import Extraction

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "corpus" / "dev"
EXAMPLES = ROOT / "examples"


def pytest_configure(config: pytest.Config) -> None:
    if not (DEV / "docs").is_dir():
        raise pytest.UsageError(f"dev corpus not found at {DEV}; set PARLEY_SHARED")


@pytest.fixture(scope="session")
def dev_docs() -> Path:
    return DEV / "docs"


DEV_COUNT = len(list((DEV / "gold").glob("*.json"))) if (DEV / "gold").is_dir() else 0
"""How many documents the dev corpus holds: tests count against this, never a literal."""


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text()) for p in sorted((DEV / "gold").glob("*.json"))}


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(Settings())


@pytest.fixture(scope="session")
def dev(dev_docs: Path, extractor: Extractor) -> dict[str, Extraction]:
    """The dev documents extracted once per run, by file stem."""
    from parley.ingest import read_inputs
    from parley.model import Document

    docs = [d for d in read_inputs([str(dev_docs)], Settings()) if isinstance(d, Document)]
    return {Path(x.document.source).stem: x for x in extractor.extract_many(docs)}


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "parley.db")


def _postgres_url() -> str | None:
    return os.environ.get("PARLEY_TEST_POSTGRES")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the real server the test script started."""
    base = _postgres_url()
    if not base:
        if os.environ.get("PARLEY_REQUIRE_POSTGRES"):
            pytest.fail("PARLEY_REQUIRE_POSTGRES is set but PARLEY_TEST_POSTGRES is not")
        pytest.skip("no PostgreSQL server (set PARLEY_TEST_POSTGRES, or run scripts/test)")
    import psycopg

    name = f"parley_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = base.rsplit("/", 1)[0] + "/" + name
    yield url
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each storage test runs on both backends."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("postgres_url"))


HOSTILE = ("<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned=2\"> "
           "Prime Minister Narendra Modi spoke with President Emmanuel Macron of France today. "
           "\"><b onmouseover=alert(1)>Modi</b> raised trade and climate change.")


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample corpus plus one hostile document (markup and script in every field), stored."""
    from parley import api

    db = str(tmp_path_factory.mktemp("web") / "parley.db")
    hostile = tmp_path_factory.mktemp("hostile") / "hostile.json"
    hostile.write_text(json.dumps({"title": "<script>alert('title')</script> call", "text": HOSTILE,
                                   "published": "2024-05-01", "publisher": "<i>Evil</i> Times",
                                   "url": "javascript:alert(1)"}))
    summary = api.ingest_paths([str(EXAMPLES / "readouts"), str(hostile)], Settings(db=db))
    assert summary.new == 22 and not summary.rejected
    return db

"""The Dask engine against a real PostgreSQL server, and the bulk export formats."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from parley import api
from parley.config import Settings
from parley.store import open_store

STEMS = ["d17", "d18", "d27", "d04", "d23", "d25", "d26", "d19", "d21", "d22"]


def _snapshot(db_url: str) -> dict[str, object]:
    """What a store holds, independent of the backend and of insertion order."""
    with open_store(db_url) as db:
        return {
            "documents": sorted(r["id"] for r in db.query("SELECT id FROM documents")),
            "events": sorted((r["id"], r["type"], r["date"] or "") for r in db.query(
                "SELECT d.id || ':' || e.local_id AS id, e.type, e.date FROM events e "
                "JOIN documents d ON d.num = e.doc_num")),
            "statements": db.query("SELECT COUNT(*) AS n FROM statements")[0]["n"],
            "engagements": sorted((r["engagement_id"], r["id"]) for r in db.query(
                "SELECT engagement_id, event_id AS id FROM engagement_reports")),
        }


@pytest.fixture(scope="module")
def folder(dev_docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dask") / "docs"
    out.mkdir()
    for path in dev_docs.iterdir():
        if path.stem in STEMS:
            shutil.copy(path, out / path.name)
    return out


def test_dask_local_cluster_ingest_equals_single_process(folder: Path, postgres_url: str, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    single = str(tmp_path / "single.db")
    api.ingest_paths([str(folder)], Settings(db=single, batch_size=3))
    summary = api.ingest_paths([str(folder)], Settings(db=postgres_url, batch_size=3, processes=2), engine="dask")
    assert (summary.new, summary.rejected) == (len(STEMS), ())
    assert _snapshot(postgres_url) == _snapshot(single)
    again = api.ingest_paths([str(folder)], Settings(db=postgres_url, batch_size=3, processes=2), engine="dask")
    assert (again.new, again.known) == (0, len(STEMS))


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_table(fmt: str, folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    api.ingest_paths([str(folder)], Settings(db=db))
    written = api.export_tables(Settings(db=db), ["documents", "events", "participants", "statements",
                                                  "engagements"], fmt, tmp_path / "out")
    with open_store(db) as store:
        for table, n in written.items():
            assert n == store.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"] and n > 0
    path = tmp_path / "out" / f"events.{fmt}"
    if fmt == "parquet":
        import pyarrow.parquet as pq

        rows = pq.read_table(path).to_pylist()
    elif fmt == "csv":
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
    else:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == written["events"] and {"id", "type", "engagement_id"} <= set(rows[0])
    assert any(r["engagement_id"] for r in rows)


def test_export_pages_through_more_rows_than_a_page(folder: Path, tmp_path: Path) -> None:
    from parley.store.export import TABLES, pages

    db = str(tmp_path / "p.db")
    api.ingest_paths([str(folder)], Settings(db=db))
    with open_store(db) as store:
        got = [r["event_id"] + str(r["position"]) for page in pages(store, TABLES["participants"], size=3)
               for r in page]
        assert len(got) == len(set(got)) == store.query("SELECT COUNT(*) AS n FROM participants")[0]["n"]


def test_export_rejects_unknown_format_and_table(tmp_path: Path) -> None:
    from parley.errors import InputError

    with pytest.raises(InputError, match="unknown export format"):
        api.export_tables(Settings(db=str(tmp_path / "p.db")), ["events"], "xml", tmp_path)
    with pytest.raises(InputError, match="unknown table"):
        api.export_tables(Settings(db=str(tmp_path / "p.db")), ["nope"], "csv", tmp_path)

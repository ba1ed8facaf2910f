"""The field's formats: PLOVER export (round trip, columns against the spec), parley.open
DataFrames with the CLI's filters, the notebook example, and the SQLite file in datasette."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import parley
from conftest import EXAMPLES, ROOT
from parley.cli.main import app
from parley.compare.plover import EXTENSIONS, mode_of, record, spec
from parley.config import Settings
from parley.extract.knowledge import knowledge
from parley.formats import plover_rows
from parley.model import Actor, Document, Event, Evidence, Extraction
from parley.store import Filters

runner = CliRunner()


def test_plover_export_round_trips_with_the_spec_columns(corpus_db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.plover.jsonl"
    result = runner.invoke(app, ["export", "--format", "plover", "--db", corpus_db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records == list(plover_rows(Settings(db=corpus_db), Filters(limit=0)))  # the file is the data
    events = json.loads(runner.invoke(app, ["events", "--db", corpus_db, "--format", "json", "--limit",
                                            "100000"]).stdout)
    published = {d["id"]: d["published"] for d in json.loads(runner.invoke(
        app, ["documents", "--db", corpus_db, "--format", "json", "--limit", "100000"]).stdout)}
    dated = [e["id"] for e in events if (e["date"] and len(e["date"]) == 10) or published[e["id"].split(":")[0]]]
    assert sorted(r["id"] for r in records) == sorted(dated) and len(dated) < len(events)  # PLOVER needs a date
    fields = spec()["fields"]
    for r in records:
        assert set(r) <= set(fields) | set(EXTENSIONS), set(r) - set(fields)
        assert all(r.get(name) is not None for name, required in fields.items() if required), r["id"]
        assert r["event"] == ["CONSULT"]
        assert set(r["mode"]) <= set(spec()["consult_modes"])
        assert set(r["context"]) <= set(spec()["auxiliary_modes"])
        for entity in r["actor"] + r["recipient"]:
            assert set(entity) <= set(spec()["entity_fields"]) | {"country"}
        assert set(r["cite_info"]) <= set(spec()["cite_info_fields"])
        assert r["event_loc"] is None or set(r["event_loc"]) <= set(spec()["location_fields"])
    calls = [r for r in records if r["parley_type"] == "CALL"]
    assert calls and all(r["mode"] == ["phone"] and r["event_scale"] == 1.5 for r in calls)
    uk_xi = next(r for r in records if r["primary"] and r["date"] == "2022-03-25")
    assert [a["code"] for a in uk_xi["actor"]] == ["GBR"] and [a["code"] for a in uk_xi["recipient"]] == ["CHN"]
    assert uk_xi["link"] and uk_xi["event_text"] and uk_xi["cite_info"]["publication"]
    only_chn = [json.loads(line) for line in runner.invoke(
        app, ["export", "--format", "plover", "--db", corpus_db, "--country", "CHN"]).stdout.splitlines()]
    assert 0 < len(only_chn) < len(records)
    assert all("CHN" in {a["code"] for a in (*r["actor"], *r["recipient"])} for r in only_chn)
    # The filters select events for PLOVER; the table exports take whole tables and say so.
    refused = runner.invoke(app, ["export", "--format", "csv", "--db", corpus_db, "--country", "CHN"])
    assert refused.exit_code == 2 and "plover" in refused.output


def _event(type: str, people: list[tuple[str, str]], location: str | None, modality: str = "occurred") -> Event:
    return Event("e0", type, tuple(Actor(n, c) for n, c in people), True, "2024-05-02", location, modality,
                 (Evidence(0, 4, "text"),))


def test_plover_modes_and_actor_recipient_follow_the_manual() -> None:
    kb = knowledge()
    doc = Document("d", "d", "text", "t", "U.S. Department of State", "2024-05-02", None)
    visit = _event("VISIT", [("Xi Jinping", "CHN"), ("Emmanuel Macron", "FRA")], "Paris")
    r = record(Extraction(doc, (visit,)), visit, kb, None, __import__("datetime").datetime(2025, 1, 1))
    assert r["mode"] == ["visit"]
    assert [a["code"] for a in r["actor"]] == ["CHN"] and [a["code"] for a in r["recipient"]] == ["FRA"]
    assert mode_of(_event("MEET", [("A B", "USA"), ("C D", "CHN")], "Vientiane"), kb) == ["third-party"]
    assert mode_of(_event("MEET", [("A B", "USA"), ("C D", "CHN"), ("E F", "JPN")], None), kb) == ["multilateral"]
    assert mode_of(_event("MEET", [("A B", "USA"), ("C D", "CHN")], "Beijing"), kb) == []
    planned = _event("CALL", [("A B", "USA"), ("C D", "CHN")], None, "planned")
    r = record(Extraction(doc, (planned,)), planned, kb, "g1", __import__("datetime").datetime(2025, 1, 1))
    assert r["context"] == ["future"] and r["link"] == "g1" and r["actor"][0]["code"] == "USA"


def test_open_gives_dataframes_with_the_cli_filters(corpus_db: str) -> None:
    db = parley.open(corpus_db)
    events = db.events(country="CHN")
    cli = json.loads(runner.invoke(app, ["events", "--db", corpus_db, "--country", "CHN", "--format", "json",
                                         "--limit", "100000"]).stdout)
    assert sorted(events["id"]) == sorted(e["id"] for e in cli)
    assert len(db.events(type="CALL", since="2022-01-01")) == len(json.loads(runner.invoke(
        app, ["events", "--db", corpus_db, "--type", "CALL", "--since", "2022-01-01", "--format", "json",
              "--limit", "100000"]).stdout))
    docs = db.documents(publisher="Downing")
    assert len(docs) > 0 and docs["publisher"].str.contains("Downing").all()
    engagements = db.engagements()
    assert {"id", "date", "state", "countries", "reports"} <= set(engagements.columns)
    assert set(engagements["state"]) <= {"awaiting", "one-sided", "both", "unofficial"}
    assert (engagements["state"] == "both").any()
    statements = db.statements(country="GBR")
    assert len(statements) > 0 and (statements["speaker_country"] == "GBR").all()
    trade = db.statements(topic="trade_investment")
    assert len(trade) > 0 and trade["topics"].str.contains("trade_investment").all()


def test_notebook_example_plots_engagements_per_month(corpus_db: str, tmp_path: Path) -> None:
    out = tmp_path / "gbr-jpn.png"
    run = subprocess.run([sys.executable, str(EXAMPLES / "engagements_per_month.py"), corpus_db, "GBR", "JPN",
                          str(out)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    months = dict(line.split() for line in run.stdout.splitlines() if line[:2] == "20")
    assert months.get("2021-02") == "1" and months.get("2022-05") == "1"


def test_sqlite_file_works_in_datasette_with_views_and_foreign_keys(corpus_db: str) -> None:
    datasette = pytest.importorskip("datasette.app")

    async def explore() -> tuple[dict, dict, dict]:
        ds = datasette.Datasette(files=[corpus_db])
        await ds.invoke_startup()
        name = Path(corpus_db).stem
        tables = (await ds.client.get(f"/{name}.json")).json()
        views = {v["name"] for v in tables["views"]}
        assert {"event_participants", "engagement_reports", "statements_with_topics", "people"} <= views
        rows = (await ds.client.get(f"/{name}/event_participants.json", params={
            "participant_country__exact": "CHN", "_shape": "objects"})).json()
        sql = (await ds.client.get(f"/{name}.json", params={
            "sql": "select engagement_id, count(*) as n from engagement_reports group by engagement_id "
                   "order by n desc limit 1", "_shape": "objects"})).json()
        table = (await ds.client.get(f"/{name}/participants.json", params={"_shape": "objects", "_size": 1,
                                                                           "_labels": "on"})).json()
        return rows, sql, table

    rows, sql, table = asyncio.run(explore())
    assert rows["rows"] and all(r["participant_country"] == "CHN" for r in rows["rows"])
    assert sql["rows"][0]["n"] >= 2
    assert isinstance(table["rows"][0]["actor_id"], dict)  # a declared foreign key, expanded to its label
    with sqlite3.connect(corpus_db) as conn:
        fks = {r[2] for r in conn.execute("PRAGMA foreign_key_list(participants)")}
    assert {"events", "actors"} <= fks


def test_readme_documents_the_plover_mapping() -> None:
    text = (ROOT / "README.md").read_text()
    assert "parley export --format plover" in text and "CONSULT" in text and "third-party" in text

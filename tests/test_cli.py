"""The command line as a user meets it: one-line errors, summaries, the extraction contract."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import DEV_COUNT
from parley.cli.main import app

runner = CliRunner()


def test_ingest_reports_a_summary_and_each_rejected_input(tmp_path: Path, dev_docs: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    db = str(tmp_path / "p.db")
    result = runner.invoke(app, ["ingest", str(dev_docs / "d01.json"), str(tmp_path / "empty.txt"),
                                 "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "1 new, 0 already known, 1 rejected" in result.stdout
    assert f"rejected {tmp_path / 'empty.txt'}: empty" in result.stderr
    again = runner.invoke(app, ["ingest", str(dev_docs / "d01.json"), "--db", db, "--quiet"])
    assert "0 new, 1 already known, 0 rejected" in again.stdout


def test_extract_prints_the_contract(dev_docs: Path) -> None:
    result = runner.invoke(app, ["extract", str(dev_docs / "d01.json"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    out = lines[0]
    assert set(out) == {"doc", "events", "statements"}
    assert {"id", "source", "title", "publisher", "published", "language"} <= set(out["doc"])
    event = next(e for e in out["events"] if e["primary"])
    assert {"id", "type", "primary", "date", "location", "modality", "participants", "evidence"} <= set(event)
    assert {"name", "country", "title", "organization"} <= set(event["participants"][0])
    for st in out["statements"]:
        assert {"speaker", "text", "topics", "event_id", "evidence"} <= set(st)


def test_extract_explain_names_the_rules(dev_docs: Path) -> None:
    result = runner.invoke(app, ["extract", str(dev_docs / "d01.json"), "--format", "json", "--explain"])
    data = json.loads(result.stdout)
    event = data[0]["events"][0]
    assert event["explain"]["date"] == "headline-date"
    assert event["explain"]["type"].startswith("trigger:")
    assert all("speaker" in s["explain"] for s in data[0]["statements"])


def test_listings_render_as_table_csv_and_json(tmp_path: Path, dev_docs: Path) -> None:
    db = str(tmp_path / "p.db")
    runner.invoke(app, ["ingest", str(dev_docs / "d01.json"), str(dev_docs / "d07.txt"), "--db", db, "-q"])
    table = runner.invoke(app, ["events", "--db", db], env={"COLUMNS": "200"})
    assert "Boris Johnson" in table.stdout and "CALL" in table.stdout
    csv_out = runner.invoke(app, ["events", "--db", db, "--format", "csv", "--country", "JPN"])
    assert csv_out.stdout.splitlines()[0].startswith("date,type,primary")
    assert len(csv_out.stdout.splitlines()) == 2 and "Kishida" in csv_out.stdout
    docs = json.loads(runner.invoke(app, ["documents", "--db", db, "--format", "json"]).stdout)
    assert {d["published"] for d in docs} == {"2022-03-25", "2021-10-13"}


def test_errors_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "parley.toml"
    bad.write_text("spacy_model = 3\nno_such_setting = 1\n")
    result = runner.invoke(app, ["events", "--config", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "no_such_setting" in result.stderr
    missing = runner.invoke(app, ["extract", "x.txt", "--spacy-model", "no_such_pipeline"])
    assert missing.exit_code == 3 and "no_such_pipeline" in missing.stderr


def test_parallel_extraction_matches_serial(tmp_path: Path, dev_docs: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    serial = runner.invoke(app, ["extract", str(dev_docs), str(tmp_path)])
    parallel = runner.invoke(app, ["extract", str(dev_docs), str(tmp_path), "--processes", "2"])
    assert serial.exit_code == parallel.exit_code == 0
    assert serial.stdout == parallel.stdout and len(serial.stdout.splitlines()) == DEV_COUNT
    assert "rejected" in parallel.stderr and "empty.txt: empty" in parallel.stderr

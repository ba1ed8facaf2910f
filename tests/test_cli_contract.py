"""The command-line contract, table-driven over every command and option (issue 8).

Each bad value is run through the real ``parley`` executable: exit status 2, exactly one line on
stderr naming the option, no traceback, nothing on stdout.  Good values of the same options are
run too, so that the validation cannot pass by refusing everything.  The help of every command is
checked from the command objects themselves: every option has a description and no ``<bool>``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES

PARLEY = str(Path(sys.executable).with_name("parley"))


def run(*args: str, db: str | None = None, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    full = [PARLEY, *args, *(["--db", db] if db else [])]
    return subprocess.run(full, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "p.db")
    r = run("ingest", "-q", str(EXAMPLES / "readouts"), db=path)
    assert r.returncode == 0, r.stderr
    return path


LISTINGS = ["events", "documents"]
BAD: list[tuple[list[str], str]] = [
    *[(args, opt) for cmd in LISTINGS for args, opt in [
        ([cmd, "--since", "notadate"], "--since"),
        ([cmd, "--since", "2024-13-45"], "--since"),
        ([cmd, "--until", "yesterday"], "--until"),
        ([cmd, "--until", "2024-02-30"], "--until"),
        ([cmd, "--type", "PHONE"], "--type"),
        ([cmd, "--country", "Narnia"], "--country"),
        ([cmd, "--country", "XX"], "--country"),
        ([cmd, "--format", "xml"], "--format"),
        ([cmd, "--limit", "0"], "--limit"),
        ([cmd, "--limit", "-3"], "--limit"),
        ([cmd, "--limit", "many"], "--limit"),
        ([cmd, "--no-such-option"], "--no-such-option"),
    ]],
    (["link", "--format", "xml"], "--format"),
    (["timeline", "GBR", "Narnia"], "COUNTRY_B"),
    (["timeline", "XYZ", "CHN"], "COUNTRY_A"),
    (["timeline", "GBR", "CHN", "--format", "xml"], "--format"),
    (["compare", "x", "--format", "xml"], "--format"),
    (["extract", "x.txt", "--format", "xml"], "--format"),
    (["extract", "x.txt", "--processes", "0"], "--processes"),
    (["serve", "--port", "99999"], "--port"),
    (["serve", "--port", "0"], "--port"),
    (["serve", "--port", "http"], "--port"),
    (["ingest"], "TARGETS"),
    (["compare"], "ENGAGEMENT_ID"),
    (["no-such-command"], "no-such-command"),
]


@pytest.mark.parametrize(("args", "option"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_values_exit_2_with_one_line(db: str, args: list[str], option: str) -> None:
    r = run(*args, db=db if args[0] not in {"extract", "ingest", "no-such-command"} else None)
    assert r.returncode == 2, (r.returncode, r.stdout[-500:], r.stderr)
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert option.lower() in lines[0].lower() and lines[0].startswith("error:"), lines[0]
    assert "Traceback" not in r.stderr and not r.stdout.strip()


GOOD: list[list[str]] = [
    ["events", "--since", "2022-01-01", "--until", "2022-12-31", "--format", "json"],
    ["events", "--since", "2022-01", "--type", "call", "--format", "json"],
    ["events", "--country", "JPN", "--format", "json"],
    ["documents", "--country", "jpn", "--type", "MEET", "--format", "json"],
]


@pytest.mark.parametrize("args", GOOD, ids=[" ".join(a) for a in GOOD])
def test_good_values_filter(db: str, args: list[str]) -> None:
    r = run(*args, db=db)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows
    if "--since" in args:
        assert all(row["date"] >= "2022-01" for row in rows)
    if "--until" in args:
        assert all(row["date"] <= "2022-12-31" for row in rows)
    if "call" in args:
        assert {row["type"] for row in rows} == {"CALL"}
    if "JPN" in args:
        assert all("(JPN)" in row["participants"] for row in rows)


def test_a_country_name_is_mapped_and_said(db: str) -> None:
    by_name = run("events", "--country", "Japan", "--format", "json", db=db)
    by_code = run("events", "--country", "JPN", "--format", "json", db=db)
    assert by_name.returncode == 0 and json.loads(by_name.stdout) == json.loads(by_code.stdout)
    assert "'Japan' read as JPN" in by_name.stderr
    pair = run("timeline", "UK", "China", "--format", "json", db=db)
    assert pair.returncode == 0 and json.loads(pair.stdout), pair.stderr
    assert "GBR" in pair.stderr and "CHN" in pair.stderr


def test_one_set_of_columns_for_events(db: str) -> None:
    from fastapi.testclient import TestClient

    from parley.config import Settings
    from parley.web.app import create_app

    csv_head = run("events", "--format", "csv", db=db).stdout.splitlines()[0].split(",")
    json_keys = list(json.loads(run("events", "--format", "json", db=db).stdout)[0])
    with TestClient(create_app(Settings(db=db))) as c:
        export_head = c.get("/export/events.csv").text.splitlines()[0].split(",")
        export_keys = list(c.get("/export/events.json").json()[0])
    assert csv_head == json_keys == export_head == export_keys
    assert {"date", "type", "participants", "publisher", "id"} <= set(csv_head)


def test_ingest_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    db = str(tmp_path / "p.db")
    bad = run("ingest", "-q", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), db=db)
    assert bad.returncode == 1 and "0 new" in bad.stdout and bad.stderr.count("rejected") == 2
    good = run("ingest", "-q", str(EXAMPLES / "readouts" / "2021-10-13_no10_pm-call-kishida.txt"),
               str(tmp_path / "empty.txt"), db=db)
    assert good.returncode == 0 and "1 new" in good.stdout
    known = run("ingest", "-q", str(EXAMPLES / "readouts" / "2021-10-13_no10_pm-call-kishida.txt"), db=db)
    assert known.returncode == 0 and "1 already known" in known.stdout


def test_fetch_reasons_are_said_once(tmp_path: Path) -> None:
    r = run("ingest", "-q", "http://127.0.0.1:9/x", db=str(tmp_path / "p.db"))
    assert "refused:" in r.stderr and "refused: refused" not in r.stderr


def test_unknown_engagement_hint(db: str) -> None:
    r = run("compare", "nope", db=db)
    assert r.returncode == 5 and "parley link` first" not in r.stderr and "--format table" in r.stderr


def test_help_describes_every_option() -> None:
    import typer

    from parley.cli.main import app

    group = typer.main.get_command(app)
    ctx = typer.Context(group)  # type: ignore[arg-type]
    commands = group.commands  # type: ignore[attr-defined]
    assert {"ingest", "extract", "events", "documents", "link", "compare", "timeline", "serve"} <= set(commands)
    for name, command in commands.items():
        for param in command.params:
            if param.param_type_name == "option":
                assert getattr(param, "help", None), f"{name} {param.opts} has no help"
        text = command.get_help(typer.Context(command, info_name=name, parent=ctx))
        assert "<bool>" not in text, (name, text)
    for args in (["--help"], ["events", "--help"], ["serve", "--help"], ["ingest", "--help"]):
        r = run(*args)
        assert r.returncode == 0 and "<bool>" not in r.stdout


def test_version() -> None:
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("parley ")


def test_start_up_is_fast(db: str) -> None:
    """Measured, not asserted as a timing (the machine is shared): spaCy must not be imported for
    help, version or listing; its import alone takes seconds."""
    probe = ("import sys, runpy; sys.argv = ['parley'] + sys.argv[1:]\n"
             "try:\n    runpy.run_module('parley.cli.main', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)")
    for args in (["--help"], ["--version"], ["events", "--db", db]):
        start = time.perf_counter()
        r = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120)
        elapsed = time.perf_counter() - start
        assert r.stderr.strip().endswith("NO-SPACY"), (args, r.stderr[-300:])
        print(f"parley {' '.join(args)}: {elapsed:.2f} s")

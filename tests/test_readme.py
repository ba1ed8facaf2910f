"""The README is tested like code: its two set-up commands are the ones CI runs, and every
``parley`` command it shows exists."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from conftest import ROOT
from parley.cli.main import app

README = (ROOT / "README.md").read_text()


def _blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, re.DOTALL)


def test_two_commands_set_up_and_test() -> None:
    section = README.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    commands = [b.strip() for b in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)]
    assert len(commands) == 2
    run, test = commands
    assert run.startswith("python3 -m venv .venv") and "parley ingest examples/readouts" in run
    assert test == "scripts/test"
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^exec scripts/test$", ci, re.MULTILINE)
    assert (ROOT / "examples" / "readouts").is_dir()


def test_every_command_shown_exists() -> None:
    shown = {m for block in _blocks() for m in re.findall(r"\bparley ([a-z]+)", block)}
    assert {"ingest", "extract", "events", "documents", "link", "compare", "timeline", "serve"} <= shown
    runner = CliRunner()
    for command in sorted(shown):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, (command, result.output)

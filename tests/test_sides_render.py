"""One rule decides a document's side (link and compare agree), a statement of several paragraphs
stays inside its Markdown quote, the terminal rendering differs from Markdown, and the timeline
chart counts topics in whole numbers for the types it shows (issue 8)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import EXAMPLES
from parley import api
from parley.compare import compare
from parley.compare.render import to_markdown
from parley.compare.sides import document_origin, document_side
from parley.config import Settings
from parley.extract.knowledge import knowledge
from parley.link import link
from parley.model import Actor, Document, Engagement, Extraction, Report, Statement


def test_link_and_compare_agree_on_every_side(tmp_path: Path) -> None:
    extractions = {x.document.id: x for x in api.extract_paths([str(EXAMPLES / "readouts")], Settings())}
    kb = knowledge()
    linked = api.link_paths([str(EXAMPLES / "readouts")], Settings())
    by_id = {e.id: e for e in link(extractions.values(), kb)}
    checked = 0
    for out in linked["engagements"]:
        comparison = compare(by_id[out["id"]], extractions)
        official = {d["side"] for d in out["documents"] if d["side"]}
        for side in comparison.sides:
            # a side is "own readout" exactly when link gave one of its documents that side
            assert side.from_news == (side.country not in official), (out["id"], side.label)
            if side.from_news:
                quoted = {st.report.document.id for st in side.statements}
                origins = {document_origin(extractions[d].document, kb) for d in quoted}
                assert ("in the news" in side.label) == (origins == {"news"}), (side.label, origins)
            checked += 1
        for d in out["documents"]:
            assert d["side"] == document_side(extractions[d["id"]].document, kb)
    assert checked >= 20


def test_an_unattributed_readout_is_not_called_news() -> None:
    extractions = {x.document.id: x for x in api.extract_paths(
        [str(EXAMPLES / "readouts" / "2021-01-27_state_blinken-call-motegi.txt"),
         str(EXAMPLES / "readouts" / "2021-01-27_mofa_japan-us-fm-telephone-talk.html")], Settings())}
    (engagement,) = link(extractions.values(), knowledge())
    labels = [s.label for s in compare(engagement, extractions).sides]
    assert "JPN" in labels
    assert not any("in the news" in label for label in labels), labels


def _comparison_with(text: str) -> str:
    doc = Document("d" * 64, "x.txt", text, "T", "UK Prime Minister's Office (10 Downing Street)", "2024-01-02")
    pm = Actor("Rishi Sunak", "GBR")
    st = Statement(pm, text, ("trade",), None, ())
    e = Engagement("e1", "CALL", "2024-01-02", (pm, Actor("Xi Jinping", "CHN")), (Report(doc, "e1", "GBR"),))
    return to_markdown(compare(e, {doc.id: Extraction(doc, (), (st,))}))


def test_a_statement_of_two_paragraphs_stays_in_its_quote() -> None:
    md = _comparison_with("The Prime Minister raised trade.\n\nHe also stressed the climate.\nAnd more.")
    body = md[md.index("> **Rishi Sunak**"):].rstrip().splitlines()
    assert body and all(line.startswith(">") for line in body), body
    assert "He also stressed the climate." in md


def test_compare_text_is_a_terminal_rendering(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from parley.cli.main import app

    db = str(tmp_path / "p.db")
    api.ingest_paths([str(EXAMPLES / "readouts")], Settings(db=db))
    pair = next(e for e in api.link_stored(Settings(db=db))["engagements"] if len(e["documents"]) > 1)
    runner = CliRunner()
    text = runner.invoke(app, ["compare", pair["id"], "--db", db, "--format", "text"]).stdout
    markdown = runner.invoke(app, ["compare", pair["id"], "--db", db, "--format", "markdown"]).stdout
    assert text != markdown
    assert "#" not in text.split("\n", 1)[0] and "**" not in text and "> " not in text
    assert re.search(r"[╭┌│]", text)
    data = json.loads(runner.invoke(app, ["compare", pair["id"], "--db", db, "--format", "json"]).stdout)
    for country in data["sides"]:
        assert country in text


def test_timeline_chart_ticks_are_whole_and_types_present_only(tmp_path: Path) -> None:
    from parley.compare.timeline import chart

    db = str(tmp_path / "p.db")
    api.ingest_paths([str(EXAMPLES / "readouts")], Settings(db=db))
    rows = api.timeline_rows(Settings(db=db), "GBR", "JPN")
    assert rows and "VISIT" not in {r.engagement.type for r in rows}
    svg = chart(rows, "GBR", "JPN", tmp_path / "c.svg").read_text()
    labels = re.findall(r"<!-- (−?[\d.]+) -->", svg)
    assert labels, "no tick labels found"
    assert all("." not in x and "−" not in x for x in labels), labels
    assert "<!-- VISIT -->" not in svg and "<!-- CALL -->" in svg

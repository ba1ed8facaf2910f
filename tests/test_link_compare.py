"""Linking reports of one engagement, and the side-by-side comparison built on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli.main import app
from parley.compare import compare, framing_of
from parley.compare.render import to_html, to_markdown
from parley.compare.timeline import chart, dyad
from parley.extract.knowledge import knowledge
from parley.link import link, side_of
from parley.model import Actor, Document, Engagement, Event, Extraction, Statement


@pytest.fixture(scope="module")
def engagements(dev: dict[str, Extraction]) -> list[Engagement]:
    return link(dev.values(), knowledge())


def _stems(e: Engagement) -> set[str]:
    return {Path(r.document.source).stem for r in e.reports}


def _by_stem(engagements: list[Engagement], stem: str) -> Engagement:
    return next(e for e in engagements if stem in _stems(e))


def test_readouts_of_one_call_are_linked_across_governments_and_news(engagements: list[Engagement]) -> None:
    assert _stems(_by_stem(engagements, "d17")) == {"d17", "d18", "d27"}
    assert _stems(_by_stem(engagements, "d04")) == {"d04", "d23", "d25", "d26"}


def test_the_same_people_on_another_date_are_another_engagement(engagements: list[Engagement]) -> None:
    # Blinken spoke with two Japanese foreign ministers a year apart: two engagements.
    assert _by_stem(engagements, "d19") is not _by_stem(engagements, "d21")
    assert _by_stem(engagements, "d14") is not _by_stem(engagements, "d11")


def test_an_undated_report_joins_only_an_unambiguous_engagement(dev: dict[str, Extraction]) -> None:
    kb = knowledge()
    undated = dev["d21"]
    assert next(e for e in undated.events if e.primary).date is None
    assert _stems(_by_stem(link([undated, dev["d22"]], kb), "d21")) == {"d21", "d22"}
    # A second Blinken–Motegi call on another day makes the undated readout ambiguous.
    d22 = dev["d22"]
    other = Extraction(Document("x" * 64, "other.txt", "text", published="2021-03-16"), tuple(
        Event(e.id, e.type, e.participants, e.primary, "2021-03-16") for e in d22.events))
    groups = link([undated, d22, other], kb)
    assert _stems(_by_stem(groups, "d21")) == {"d21"}


def test_sides_come_from_publishers(dev: dict[str, Extraction]) -> None:
    kb = knowledge()
    assert side_of(dev["d03"].document, kb) == "CHN"  # Xinhua: state media
    assert side_of(dev["d02"].document, kb) == "GBR"  # FCDO
    assert side_of(dev["d24"].document, kb) is None  # LBC: independent


def test_one_article_gives_both_sides(dev: dict[str, Extraction]) -> None:
    founding = dev["002_086cc5404d8aeee4"]
    engagement = link([founding], knowledge())[0]
    result = compare(engagement, {founding.document.id: founding})
    sides = {s.country: s for s in result.sides}
    assert set(sides) == {"GBR", "CHN"} and all(s.from_news for s in sides.values())
    assert {"hong_kong", "human_rights", "ukraine_russia"} <= set(sides["GBR"].topics)
    assert {"finance", "technology_ai"} <= set(sides["CHN"].topics)
    assert "hong_kong" not in sides["CHN"].topics


def test_comparison_of_two_governments(dev: dict[str, Extraction], engagements: list[Engagement]) -> None:
    by_id = {x.document.id: x for x in dev.values()}
    result = compare(_by_stem(engagements, "d04"), by_id)
    sides = {s.country: s for s in result.sides}
    assert not sides["USA"].from_news and not sides["CHN"].from_news
    assert "taiwan" in dict(result.only)["USA"]
    assert ("request", "at the latter's request") in sides["CHN"].framing
    assert "bilateral_relations" in result.shared_topics


def test_framing_phrases() -> None:
    found = framing_of("It was a frank and candid conversation lasting almost an hour, held at China's request.")
    assert ("characterisation", "frank and candid conversation") in found
    assert ("request", "at China's request") in found


def test_html_report_is_self_contained_and_escaped() -> None:
    doc = Document("h" * 64, "evil.txt", "x", publisher="<b>Pub</b>", url="javascript:alert(1)")
    people = (Actor("<script>alert(1)</script>", "GBR"), Actor("Wang Yi", "CHN"))
    said = Statement(people[0], "<img src=x onerror=alert(1)> raised Taiwan", ("taiwan",))
    x = Extraction(doc, (Event("e1", "MEET", people, True, "2024-01-01"),), (said,))
    engagement = link([x], knowledge())[0]
    html = to_html(compare(engagement, {doc.id: x}))
    assert "<script>" not in html and "<img" not in html and "javascript:" not in html
    assert "&lt;script&gt;" in html
    assert "http" not in html.split("<body>")[0]  # no external style sheets or scripts
    assert "# MEET" in to_markdown(compare(engagement, {doc.id: x}))


def test_dyad_timeline_and_chart(dev: dict[str, Extraction], engagements: list[Engagement],
                                 tmp_path: Path) -> None:
    by_id = {x.document.id: x for x in dev.values()}
    rows = dyad(engagements, by_id, "GBR", "CHN")
    days = [r.engagement.date for r in rows]
    dated = [d for d in days if d]
    assert "2018-04-19" in days and "2024-10-18" in days and dated == sorted(dated)
    assert days[len(dated):] == [None] * (len(days) - len(dated))  # undated ones last
    assert all({"GBR", "CHN"} <= {p.country for p in r.engagement.participants} for r in rows)
    svg = chart(rows, "GBR", "CHN", tmp_path / "t.svg")
    assert svg.read_text().lstrip().startswith("<?xml") and "<svg" in svg.read_text()
    png = chart(rows, "GBR", "CHN", tmp_path / "t.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_link_compare_timeline_commands(tmp_path: Path, dev_docs: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "p.db")
    assert runner.invoke(app, ["ingest", str(dev_docs), "--db", db, "-q"]).exit_code == 0
    out = runner.invoke(app, ["link", "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    import json

    engagements = json.loads(out.stdout)["engagements"]
    target = next(e for e in engagements if e["date"] == "2021-02-16")
    assert {d["side"] for d in target["documents"]} == {"GBR", "JPN"}
    report = tmp_path / "c.html"
    res = runner.invoke(app, ["compare", target["id"], "--db", db, "--format", "html", "-o", str(report)])
    assert res.exit_code == 0, res.output
    assert "Yoshihide Suga" in report.read_text() and "Boris Johnson" in report.read_text()
    missing = runner.invoke(app, ["compare", "nope", "--db", db])
    assert missing.exit_code == 5 and "no engagement" in missing.stderr
    tl = runner.invoke(app, ["timeline", "gbr", "jpn", "--db", db, "--format", "csv",
                             "--chart", str(tmp_path / "c.svg")])
    assert tl.exit_code == 0, tl.output
    assert len(tl.stdout.strip().splitlines()) >= 5 and (tmp_path / "c.svg").exists()


def test_engagement_ids_are_unique_and_storable(tmp_path: Path) -> None:
    from parley.link.incremental import link_pending
    from parley.store import open_store

    pair = (Actor("Antony Blinken", "USA"), Actor("Toshimitsu Motegi", "JPN"))
    reports = [Extraction(Document(c * 64, f"{c}.txt", "t"), (Event("e1", "CALL", pair, True, day),))
               for c, day in (("a", None), ("b", None), ("c", "2021-01-27"), ("d", "2021-03-01"))]
    engagements = link(reports, knowledge())
    assert len(engagements) == 4 and len({e.id for e in engagements}) == 4
    with open_store(str(tmp_path / "p.db")) as db:
        from parley.store.repo import save_extraction

        with db.transaction():
            for x in reports:
                save_extraction(db, x)
            link_pending(db, knowledge())
        stored = {r["id"] for r in db.query("SELECT id FROM engagements")}
        assert stored == {e.id for e in engagements}

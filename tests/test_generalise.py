"""Rules that must hold on publishers the extractor was not built on: international organisations'
readouts, wire relays and national news agencies.  Every sentence here is written for the test."""

from __future__ import annotations

from parley.extract import Extractor
from parley.ingest.formats import make_document
from parley.model import Document, Extraction


def run(extractor: Extractor, text: str, **meta: str) -> Extraction:
    doc = make_document("t.txt", text, **meta)
    assert isinstance(doc, Document)
    return extractor.extract(doc)


def names(x: Extraction) -> set[str]:
    return {p.name for e in x.events for p in e.participants} | {s.speaker.name for s in x.statements}


def test_an_office_with_a_hyphen_after_a_line_break_is_no_person(extractor: Extractor) -> None:
    x = run(extractor, "New York\n\n12 March 2024\n\nAntónio Guterres, Secretary-General\n\n"
            "The Secretary-General spoke today by telephone with H.E. Mr. Hakainde Hichilema, President of "
            "the Republic of Zambia. The Secretary-General discussed the drought in southern Africa.",
            publisher="United Nations", published="2024-03-12")
    assert not any("Secretary" in n or n.startswith("The ") for n in names(x))
    primary = next(e for e in x.events if e.primary)
    assert primary.type == "CALL" and len(primary.participants) == 2


def test_the_document_s_spelling_of_a_registry_name_is_shown(extractor: Extractor) -> None:
    x = run(extractor, "SEOUL, March 4 (Example) -- Foreign Minister Park Jin held phone talks with U.S. "
            "Secretary of State Tony Blinken on Monday, discussing North Korea's missile launches.",
            publisher="Example News", published="2024-03-04")
    blinken = next(p for e in x.events for p in e.participants if "Blinken" in p.name)
    assert blinken.name == "Tony Blinken" and blinken.country == "USA"  # identity from the registry


def test_a_formal_name_with_a_middle_initial_shows_the_name_best_known(extractor: Extractor) -> None:
    x = run(extractor, "President Joseph R. Biden, Jr. spoke today with President Emmanuel Macron of France. "
            "The leaders discussed support for Ukraine.", publisher="The White House", published="2022-05-03")
    assert "Joe Biden" in names(x)


def test_a_rank_in_the_text_s_name_is_not_shown_and_the_registry_spelling_wins(extractor: Extractor) -> None:
    x = run(extractor, "Sheikh Mohamed bin Zayed received a phone call from the President of Kenya, William Ruto. "
            "President Mohamed bin Zayed Al Nahyan and the Kenyan President discussed trade.",
            publisher="WAM", published="2024-02-01")
    assert not any(n.startswith("Sheikh") for n in names(x))

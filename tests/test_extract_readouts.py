"""What a readout's side sentences are not: "continuing his close consultations with these key
allies" (a process, not a meeting), "the personal call and interest shown by Obama on Malaysia"
(a call on a country is no courtesy call), "the expected visit" (not one made), "welcomed the
expected visit to Fiji ... of the Defence Minister" (a trip still ahead, not the guest's); and
whose readout an archive's copy is (the American Presidency Project keeps the White House's); and
who a leader's quoted "we talked ... with X" is (the leader); "the State Secretary of the Foreign
Ministry of Latvia X" and "Deputy Minister of Foreign Affairs of the Russian Federation Y" are
names after offices; "key talks" in a headline over a body that tells a phone call are that call;
"he added that after his talks with X they would ..." is a plan.
Each on a constructed text with invented people but where the office is the point; found in the
blind batches d98 and d102 after their first looks; each fails without its rule."""

from __future__ import annotations

from parley.extract import Extractor
from parley.ingest.formats import make_document
from parley.model import Document
from test_extract import candidates_as_tagged, run


def test_calls_continuing_close_consultations_are_only_calls(extractor: Extractor) -> None:
    x = run(extractor, "Today the President spoke by phone separately with British Prime Minister Tom Sample and "
            "French President Jo Example, continuing his close consultations with these key allies about the "
            "eurozone.", publisher="The White House", published="2011-10-10")
    assert sorted(e.type for e in x.events) == ["CALL", "CALL"]


def test_an_archives_copy_of_a_white_house_readout_is_the_presidents(extractor: Extractor) -> None:
    doc = make_document("t.txt", "Today the President spoke by phone with British Prime Minister Tom Sample about the "
                        "situation in the eurozone.", title="Readout of the President's Call with Prime Minister "
                        "Sample", publisher="The American Presidency Project (UC Santa Barbara)",
                        published="2011-10-10")
    assert isinstance(doc, Document)
    (call,) = extractor.extract(doc).events
    assert {p.name for p in call.participants} == {"Barack Obama", "Tom Sample"}


def test_interest_shown_on_a_country_is_no_courtesy_call(extractor: Extractor) -> None:
    x = run(extractor, "President Jo Example telephoned Prime Minister Tom Sample on Tuesday to congratulate him.\n\n"
            "Sample said he appreciated the personal call and interest shown by Example on Malaysia.",
            publisher="Bernama", published="2013-05-14")
    assert [e.type for e in x.events] == ["CALL"]


def test_a_visit_ahead_welcomed_is_not_the_guests(extractor: Extractor) -> None:
    x = run(extractor, "Fijian Prime Minister Tom Sample held a bilateral meeting today at the United Nations with "
            "Russian Foreign Minister Jo Example. The Prime Minister welcomed the expected visit to Fiji in early "
            "2015 of the Defence Minister of Russia.", publisher="Permanent Mission of Fiji to the United Nations",
            published="2014-09-27")
    assert [e.type for e in x.events] == ["MEET"]


def test_an_expected_visit_is_still_ahead(extractor: Extractor) -> None:
    x = run(extractor, "Kenyan officials on Monday discussed the expected visit of Indian Prime Minister Jo Example to "
            "Nairobi.", publisher="Example News", published="2014-09-27")
    assert [(e.type, e.modality) for e in x.events] == [("VISIT", "planned")]


def test_a_leaders_we_that_talked_with_someone_is_the_leader(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Tom Sample has said Turkey warned Tehran about Syria.\n\n\"We talked about "
            "this on the phone with Jo Example. They changed,\" Sample said, speaking to journalists.",
            publisher="Example Zaman", published="2011-09-15")
    assert [(e.type, sorted(p.name for p in e.participants)) for e in x.events] == [
        ("CALL", ["Jo Example", "Tom Sample"])]


def test_an_office_of_a_ministry_of_a_state_then_the_name() -> None:
    text = ("On 2 March, the State Secretary of the Foreign Ministry of Latvia Tom Sample had a telephone call with "
            "the First Deputy Minister of Foreign Affairs of the Russian Federation Jo Example.")
    assert {"Tom Sample", "Jo Example"} <= set(candidates_as_tagged(text))


def test_talks_in_a_headline_over_the_bodys_phone_call_are_that_call(extractor: Extractor) -> None:
    doc = make_document("t.txt", "King Tom Sample had a phone call with Donald Trump to discuss regional concerns.\n\n"
                        "This phone call comes a few days after the monarch's working visit to Canada, where he had a "
                        "meeting with Canadian Prime Minister Mark Carney in Ottawa.",
                        title="King Tom Sample, US President Donald Trump address major concerns in key talks",
                        publisher="Example News", published="2025-07-27")
    assert isinstance(doc, Document)
    x = extractor.extract(doc)
    main = next(e for e in x.events if e.primary)
    assert main.type == "CALL" and {p.name for p in main.participants} == {"Tom Sample", "Donald Trump"}
    assert any(e.type == "MEET" and {p.name for p in e.participants} == {"Tom Sample", "Mark Carney"}
               for e in x.events)


def test_would_in_what_someone_added_is_a_plan(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Tom Sample of Hungary is in Washington.\n\nHe added that after his talks with "
            "Secretary of State Jo Example, they would have more information.", publisher="Example News",
            published="2025-10-20")
    assert [(e.type, e.modality) for e in x.events if e.type == "MEET"] == [("MEET", "planned")]

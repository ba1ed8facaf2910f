"""Trips ahead and rounds of meetings, as found in the blind batches d106 (engagements still ahead)
and d107 (several engagements told) after their first look: "I will also meet Prime Minister A of
X and Prime Minister B of Y to take stock of the bilateral relations with their respective
countries" (two meetings), "departure statement ahead of his visit" (planned), "At the invitation
of Speaker X, Speaker Y visited India" (Y's visit, not X's), "Speaker Yapa Abeywardena" near "of
India" (still the Sri Lankan Speaker named in full before), "the Speaker of the Lok Sabha" (a
house, no person), "the President of the Riigikogu" (that house's office, not the state's: a guard,
which fails if houses are known as organisations without being read as bodies). Each on a
constructed text with invented people, except where a real house is the point. One more found in
the corpus when the gate was re-recorded: "remarks ahead of their meeting" (the meeting held, a
guard). Each test other than the two guards fails without its rule."""

from __future__ import annotations

from parley.extract import Extractor
from test_extract import run


def test_meetings_on_the_bilateral_relations_with_their_respective_countries_are_several(
        extractor: Extractor) -> None:
    x = run(extractor, "I will also meet Prime Minister Jo Example of Australia and Prime Minister Al Sample of "
            "Japan to take stock of the strong bilateral relations with their respective countries.",
            publisher="Prime Minister's Office, India", published="2021-09-22")
    meets = sorted(sorted(p.name for p in e.participants) for e in x.events if e.type == "MEET")
    assert len(meets) == 2 and all(len(m) == 2 for m in meets)


def test_a_visit_ahead_of_which_a_statement_is_made_is_planned(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Tom Sample's departure statement ahead of his visit to Ruritania:\n\nDuring my "
            "visit, I will review the partnership with President Jo Example.", publisher="Example Herald",
            published="2021-09-22")
    assert [e.modality for e in x.events if e.type == "VISIT"] == ["planned"]


def test_the_inviter_is_not_the_visitor(extractor: Extractor) -> None:
    x = run(extractor, "At the invitation of Speaker Tom Sample, a delegation led by Speaker Jo Example visited "
            "India from 16-20 December 2023.", publisher="Example Herald", published="2023-12-21")
    assert [[p.name for p in e.participants] for e in x.events if e.type == "VISIT"] == [["Jo Example"]]


def test_two_of_a_known_full_name_join_it_whatever_state_is_near(extractor: Extractor) -> None:
    x = run(extractor, "A delegation led by the Speaker of the Sri Lanka Parliament Tom Yapa Sample visited India "
            "from 16-20 December 2023.\n\nDuring the visit which was facilitated by the Ministry of External "
            "Affairs of India, Speaker Yapa Sample had bilateral meetings with the Vice President of India Jo "
            "Example.", publisher="Example Herald", published="2023-12-21")
    people = {(p.name, p.country) for e in x.events for p in e.participants}
    assert ("Tom Yapa Sample", "LKA") in people and not any(n == "Yapa Sample" for n, _ in people)


def test_a_house_of_parliament_is_no_person(extractor: Extractor) -> None:
    x = run(extractor, "In addition to the meeting with the Speaker of the Lok Sabha, Speaker Tom Sample also had "
            "bilateral meetings with the Vice President of India Jo Example.", publisher="Example Herald",
            published="2023-12-21")
    assert "Lok Sabha" not in {p.name for e in x.events for p in e.participants}


def test_the_president_of_a_house_is_not_the_head_of_state(extractor: Extractor) -> None:
    x = run(extractor, "On 6 May 2024, the Minister of Foreign Affairs of Latvia, Jo Example, was in Estonia on a "
            "working visit. While in Tallinn, the Minister met the President of Estonia, Al Sample, the President "
            "of the Riigikogu (Parliament), Tom Example, and the Minister of Foreign Affairs, Kim Sample.",
            publisher="Ministry of Foreign Affairs of the Republic of Latvia", published="2024-05-06")
    people = {p.name for e in x.events for p in e.participants}
    assert "Edgars Rinkēvičs" not in people and {"Al Sample", "Tom Example"} <= people


def test_a_first_lady_set_off_by_a_comma_stays_out_of_the_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Dr Tom Sample who was accompanied by Kenya's First Lady, Ann Sample later met President Jo "
            "Example at State House, Entebbe.", publisher="Example Herald", published="2022-10-09")
    assert [sorted(p.name for p in e.participants) for e in x.events if e.type == "MEET"] == \
        [["Jo Example", "Tom Sample"]]


def test_remarks_ahead_of_a_meeting_report_the_meeting_held(extractor: Extractor) -> None:
    # guard: "ahead of" makes a visit ahead, not a meeting told the day it was held
    x = run(extractor, "Speaking to reporters alongside Prime Minister Jo Example ahead of their private meeting in "
            "the Oval Office, President Tom Sample said he hopes the talks work out.", publisher="Example Herald",
            published="2019-03-15")
    assert [(e.type, e.modality) for e in x.events] == [("MEET", "occurred")]


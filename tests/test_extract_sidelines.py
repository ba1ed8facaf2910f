"""Leaders met one by one on a summit's sidelines, a linking adverb, an outlet's name or a nickname taken into a
name, a post in a ministry after the name, a meeting still ahead told in a "when" clause, and a
tour to a continent under a city's dateline (each on a constructed text with invented people that
fails without its rule; the rules were found in the blind batches d88 and d89 after their first
looks)."""

from __future__ import annotations

from parley.extract import Extractor
from test_extract import candidates_as_tagged, engaged, names, primary, run


def test_leaders_of_several_states_conferred_with_on_the_sidelines_are_met_one_by_one(
        extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Tom Sample today held talks with presidents of different African countries "
            "on the sidelines of the African Union summit.\n\nHe conferred with President of Botswana Jo Example, "
            "President of Ghana Sam Placeholder and President of Tunisia Kim Instance.",
            publisher="Example News", published="2019-02-11")
    assert engaged(x) == [["Jo Example", "Tom Sample"], ["Kim Instance", "Tom Sample"],
                          ["Sam Placeholder", "Tom Sample"]]


def test_a_linking_adverb_is_no_part_of_the_name_after_it() -> None:
    assert candidates_as_tagged("Besides Sample met the Ambassador of Nepal.", "Besides Sample") == ["Sample"]


def test_an_outlet_that_reports_is_no_participant() -> None:
    assert candidates_as_tagged("The two leaders met on Wednesday, Sample Online reports.", "Sample Online") == []


def test_a_name_followed_by_a_post_in_a_ministry_is_a_person_of_the_publisher(extractor: Extractor) -> None:
    x = run(extractor, "New Delhi : Tomu Sampleravi, Secretary (Economic Relations) in Ministry of External Affairs "
            "visited Ethiopia on 04 October 2022 for consultations with the African Union.",
            publisher="Ministry of External Affairs (India)", published="2022-10-05")
    assert [(e.location, sorted(names(e))) for e in x.events if e.type == "VISIT"] == [
        ("Ethiopia", ["Tomu Sampleravi"])]


def test_a_meeting_in_a_when_clause_under_a_future_is_still_ahead(extractor: Extractor) -> None:
    x = run(extractor, "Security will be top of Tom Sample's agenda when the Prime Minister meets Ruritanian "
            "counterpart Jo Example in Canberra on Thursday.", publisher="Example News", published="2022-10-05")
    event = primary(x)
    assert (event.modality, event.date) == ("planned", "2022-10-06")


def test_a_tour_to_a_continent_takes_the_dateline_s_city(extractor: Extractor) -> None:
    x = run(extractor, "Vaduz, 21 June 2018 - The Minister of Foreign Affairs, Mr Tom Sample, continued his "
            "diplomatic tour to Europe by a bilateral meeting that he conducted on Thursday with the Minister of "
            "Foreign Affairs of Liechtenstein, Ms Jo Example.", publisher="Example Ministry", published="2018-06-21")
    assert {e.location for e in x.events} == {"Vaduz"}


def test_a_quoted_nickname_is_no_part_of_the_name_shown(extractor: Extractor) -> None:
    x = run(extractor, "President Tom “Tommy” Sample met with Prime Minister Jo Example in Bali on Monday.",
            publisher="Example News", published="2022-11-14")
    assert sorted(names(primary(x))) == ["Jo Example", "Tom Sample"]

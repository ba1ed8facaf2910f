"""Receptions and talks as parliaments, Japan's MOFA, news agencies and wire relays write them: a
guest welcomed by office with the name last, envoys received "at different times", "held an
informal talk with", a reporter who speaks "during a meeting with", "arrived Nigeria", "Minister
of State for ...", and a headline's visit still ahead (each on a constructed text with invented
people that fails without its rule, but the telephone talk, which guards the limit of the "talk"
rule; the rules were found in the blind batches d86 and d87 after their first looks)."""

from __future__ import annotations

from parley.extract import Extractor
from test_extract import engaged, names, primary, run


def test_a_guest_welcomed_by_office_with_the_name_last_is_met(extractor: Extractor) -> None:
    x = run(extractor, "The President of the Hellenic Parliament, Mr Tom Sample, welcomed today to Parliament the "
            "President of the Congress of Deputies of the Kingdom of Spain, Mrs Jo Example Placeholder, who is "
            "on an official visit to our country.", publisher="Hellenic Parliament", published="2025-11-03")
    assert engaged(x) == [["Jo Example Placeholder", "Tom Sample"]]


def test_a_plural_subject_that_had_a_conversation_called(extractor: Extractor) -> None:
    x = run(extractor, "The presidents of Ruritania and the United States, Tom Sample and Jo Example, have had a "
            "conversation in which they agreed to coordinate their efforts.", publisher="Example News",
            published="2015-02-01")
    assert engaged(x, "CALL") == [["Jo Example", "Tom Sample"]]


def test_envoys_received_at_different_times_are_separate_meetings(extractor: Extractor) -> None:
    x = run(extractor, "Ms Tom Sample welcomed Mr Jo Example, together with Mr Sam Placeholder who is the High "
            "Commissioner of the United Kingdom, and the Ambassador of Iraq, Dr Kim Instance, at different times "
            "in her office at Parliament today.", publisher="Parliament of South Africa", published="2017-11-07")
    assert engaged(x) == [["Jo Example", "Tom Sample"], ["Kim Instance", "Tom Sample"],
                          ["Sam Placeholder", "Tom Sample"]]


def test_an_informal_talk_held_with_someone_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "On 9 July, during her visit to the Philippines, Ms. SAMPLE Tomoko, Minister for Foreign "
            "Affairs of Japan, held an informal talk with Mr. EXAMPLE Jiro, President of the Asian Development "
            "Bank (ADB).", publisher="Ministry of Foreign Affairs of Japan", published="2024-07-09")
    assert any(e.type == "MEET" and len(e.participants) == 2 for e in x.events)


def test_a_telephone_talk_is_still_a_call(extractor: Extractor) -> None:
    x = run(extractor, "On January 27th, Mr. SAMPLE Taro, Minister for Foreign Affairs, held a Japan-Ruritania "
            "Foreign Ministers' Telephone Talk with the Honorable Jo Example, Secretary of State of Ruritania.",
            publisher="Ministry of Foreign Affairs of Japan", published="2021-01-27")
    assert [e.type for e in x.events] == ["CALL"]


def test_a_style_and_post_nominal_without_a_name_are_no_person(extractor: Extractor) -> None:
    x = run(extractor, "On Nov 18, Ambassador Tom Sample met with the Hon MP, Minister for Agriculture of "
            "Australia, in the Federal Parliament House.", publisher="Example Embassy", published="2024-11-18")
    assert all("MP" not in names(e) for e in x.events)


def test_who_speaks_during_a_meeting_is_at_it(extractor: Extractor) -> None:
    x = run(extractor, "BRUSSELS - The conference matters for the EU, said EU Special Representative Tom Sample "
            "during a meeting with the Prime Minister of North Macedonia Jo Example and Deputy Prime Minister "
            "Sam Placeholder.", publisher="Example News", published="2020-10-23")
    assert "Tom Sample" in names(primary(x))


def test_arrived_with_the_country_as_object_is_a_visit_there(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample hosted the Secretary of State, Jo Example, at the Presidential Villa "
            "on Tuesday. Example arrived Nigeria on Tuesday evening for a bilateral meeting.",
            publisher="Example News", published="2024-01-24")
    assert [(e.location, sorted(names(e))) for e in x.events if e.type == "VISIT"] == [("Nigeria", ["Jo Example"])]


def test_a_minister_of_state_for_a_portfolio_is_followed_by_a_name(extractor: Extractor) -> None:
    x = run(extractor, "Earlier on Tuesday, Union Minister of State for External Affairs Pabitra Sampleta held a "
            "meeting with Fiji's Minister for Finance, Commerce and Business Development Esrom Examplevu in New "
            "Delhi and discussed bilateral ties.", publisher="Example News", published="2026-02-13")
    assert engaged(x) == [["Esrom Examplevu", "Pabitra Sampleta"]]


def test_a_headline_visit_still_ahead_is_planned_in_its_month(extractor: Extractor) -> None:
    x = run(extractor, "During a bilateral meeting in Laos on Thursday, Prime Minister Tom Sample said he looked "
            "forward to welcoming President Jo Example later in the year.",
            title="Ruritanian president Jo Example to visit Australia in November 2016", publisher="Example News",
            published="2016-09-08")
    assert [(e.modality, e.date, e.location) for e in x.events if e.type == "VISIT"] == [
        ("planned", "2016-11", "Australia")]

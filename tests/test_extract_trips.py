"""Departures, the pair's visit, the headline's call and lists of envoys, as regional outlets and
relayed readouts write them: "left Juba for Pretoria to hold talks", "The Presidents of A and B
... during an official working visit", a readout headed "phone call" whose body says only that
the two "discussed", "X of Nigeria, Y of New Zealand, Z of Bangladesh", "who arrived last night
on the island" and "a state visit to this capital" under a dateline, "would meet X ... and then
visit Poland" (the subject's visit, planned), and "arriving at the meeting" (no visit). Each on a
constructed text with invented people; the first five were found in the blind batch d99 after its
first look, the next two in the earlier corpus (Prensa Latina relays), the last two in d100 after
its first look. Each fails without its rule."""

from __future__ import annotations

from parley.extract import Extractor
from parley.ingest.formats import make_document
from parley.model import Document
from test_extract import candidates_as_tagged, run


def test_left_one_city_for_another_to_hold_talks_is_a_visit_there(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample on Wednesday left Juba for Pretoria to hold bilateral talks with his "
            "South African counterpart Jo Example, his office has reported.", publisher="Example Radio",
            published="2024-07-24")
    visits = [e for e in x.events if e.type == "VISIT"]
    assert [(v.location, [p.name for p in v.participants]) for v in visits] == [("Pretoria", ["Tom Sample"])]


def test_the_pairs_visit_is_the_guests(extractor: Extractor) -> None:
    x = run(extractor, "Freetown, November 19, 2024 - The Presidents of Sierra Leone and Liberia have reaffirmed their "
            "commitment to regional cooperation during an official working visit.\n\nSierra Leone's President Tom "
            "Sample hosted Liberia's President, His Excellency Jo Example, from November 18th to 21st, 2024.",
            publisher="Example Monitor", published="2024-11-19")
    visits = [e for e in x.events if e.type == "VISIT"]
    assert [[p.name for p in v.participants] for v in visits] == [["Jo Example"]]


def test_the_pair_that_discussed_under_a_call_headline_spoke_by_phone(extractor: Extractor) -> None:
    doc = make_document("t.txt", "The Secretary-General congratulated H.E. Mr. Tom Sample on Ruritania assuming the "
                        "rotating Presidency of the Security Council. The Secretary-General and President Sample "
                        "discussed the political and security situation in West Africa.",
                        title="Readout of the Secretary-General's phone call with H.E. Mr. Tom Sample, President "
                        "of Ruritania", publisher="United Nations Secretary-General", published="2025-11-01")
    assert isinstance(doc, Document)
    assert [e.type for e in extractor.extract(doc).events] == ["CALL"]


def test_a_list_of_names_each_with_its_state() -> None:
    text = ("Also presenting credentials on Tuesday were: Rafiu Adejare Bello of Nigeria, Sara Meymand of New "
            "Zealand, Abida Islam of Bangladesh and Sharon F. Saunders of Jamaica.")
    assert {"Rafiu Adejare Bello", "Abida Islam"} <= set(candidates_as_tagged(text))


def test_each_name_of_a_list_takes_the_state_after_it(extractor: Extractor) -> None:
    x = run(extractor, "Also presenting credentials to President Tom Sample on Tuesday were: Rafiu Adejare Bello of "
            "Nigeria, Sara Meymand of New Zealand, Jon Benjamin of the United Kingdom, Abida Islam of Bangladesh "
            "and Sharon F. Saunders of Jamaica.", publisher="Example News Mexico", published="2021-09-17")
    countries = {p.name: p.country for e in x.events for p in e.participants}
    assert countries["Sara Meymand"] == "NZL" and countries["Jon Benjamin"] == "GBR" and \
        countries["Sharon Saunders"] == "JAM"


def test_arrived_on_the_island_under_a_dateline_is_a_visit_there(extractor: Extractor) -> None:
    x = run(extractor, "Havana, Apr 21 (Prensa Latina) Cuban President Tom Sample received today Venezuelan "
            "President Jo Example, who arrived last night on the island with the aim of strengthening the "
            "brotherhood between the two countries.", publisher="Prensa Latina", published="2018-04-21")
    visits = [e for e in x.events if e.type == "VISIT"]
    assert [(v.location, v.date, [p.name for p in v.participants]) for v in visits] == [
        ("Havana", "2018-04-20", ["Jo Example"])]


def test_a_state_visit_to_this_capital_is_to_the_datelines_city(extractor: Extractor) -> None:
    x = run(extractor, "Nairobi, May 4 (Prensa Latina) The President of Tanzania, Jo Example, began today a two-day "
            "state visit to this capital, during which she will speak before the Kenyan Parliament.",
            publisher="Prensa Latina", published="2021-05-04")
    assert [(e.type, e.location) for e in x.events] == [("VISIT", "Nairobi")]


def test_a_second_verb_of_a_reported_plan_is_the_subjects_visit_ahead(extractor: Extractor) -> None:
    x = run(extractor, "The Foreign Ministry announced that Prime Minister Tom Sample would meet with Ukrainian "
            "President Jo Example on March 21 in Kyiv and then visit neighboring Poland the following day for talks "
            "with President Kim Instance.", publisher="Example Shimbun", published="2023-03-21")
    visits = [(e.location, e.modality, [p.name for p in e.participants]) for e in x.events if e.type == "VISIT"]
    assert visits == [("Poland", "planned", ["Tom Sample"])]
    assert all(e.modality == "planned" for e in x.events)


def test_arriving_at_the_meeting_is_no_visit(extractor: Extractor) -> None:
    x = run(extractor, "Turkey and Russia are key issues at the EU foreign ministers' meeting in Brussels today, said "
            "the High Representative, Tom Sample, arriving at the meeting.\n\nHe noted that after the meeting, he is "
            "expected to meet with Turkish Foreign Minister Jo Example.", publisher="Example Thema",
            published="2021-03-22")
    assert [e.type for e in x.events] == ["MEET"]


def test_leaving_a_visited_city_for_home_wrapping_up_the_visit_is_no_visit(extractor: Extractor) -> None:
    x = run(extractor, "Director-General Tom Sample has left Kathmandu today for Geneva, Switzerland, wrapping up his "
            "three-day official visit to Nepal.", publisher="Example News (RSS)", published="2022-04-23")
    assert [e.location for e in x.events if e.type == "VISIT"] == ["Nepal"]

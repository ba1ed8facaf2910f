"""Appositions, portfolio lists, datelines on a line of their own, audiences, credentials, calls
made to several leaders, press conferences side by side and travel for a meeting (each on a
constructed text with invented people that fails without its rule; found in blind batches d80 to
d85 after their first looks)."""

from __future__ import annotations

from parley.dates import parse_iso
from parley.extract import Extractor
from parley.extract.headline import dateline
from parley.extract.knowledge import knowledge
from test_extract import engaged, names, primary, run


def test_a_place_and_day_on_a_line_of_their_own_are_a_dateline() -> None:
    kb = knowledge()
    assert dateline("Doha, May 11\n\nHE the Minister met the visiting envoy.", kb,
                    parse_iso("2025-05-12")) == ("Doha", "2025-05-11")
    # a day alone is the release's own date, not a dateline: the spec dates such a readout by its words
    assert dateline("11 May 2025\n\nThe Minister met the visiting envoy.", kb, parse_iso("2025-05-12")) == (None, None)


def test_an_office_written_right_after_a_name_is_that_name_s_apposition(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample has welcomed Dr. Sam Example the Prime Minister of Japan to Kampala "
            "with assurance of Uganda's readiness to cooperate.", publisher="Example News", published="2023-07-12")
    assert [sorted(names(e)) for e in x.events if e.type == "MEET"] == [["Sam Example", "Tom Sample"]]


def test_a_comma_after_a_reported_source_does_not_make_an_apposition(extractor: Extractor) -> None:
    x = run(extractor, "According to spokesman Jo Placeholder, the President of the European Council will be in "
            "Athens on Tuesday.", publisher="Example News", published="2020-09-07")
    assert all("Jo Placeholder" not in names(e) for e in x.events)


def test_a_title_that_runs_on_with_its_portfolios_is_still_the_publisher_s_office(extractor: Extractor) -> None:
    x = run(extractor, "On the sidelines of the meeting, the Minister for Foreign Affairs, European Union and "
            "Cooperation met with his Irish counterpart, Tom Sample, to discuss fisheries.",
            publisher="Ministry of Foreign Affairs, European Union and Cooperation of Spain", published="2023-11-28")
    event = primary(x)
    assert "Tom Sample" in names(event) and len(event.participants) == 2
    assert "ESP" in {p.country for p in event.participants}  # the Spanish ministry's own minister


def test_a_conversation_held_beside_a_meeting_on_the_sidelines_is_in_person(extractor: Extractor) -> None:
    x = run(extractor, "On the sidelines of the summit, Minister Sam Example met with Minister Tom Sample. "
            "Furthermore, Sam Example held a conversation with Minister Ann Placeholder.",
            publisher="Example News", published="2023-11-28")
    assert engaged(x) == [["Ann Placeholder", "Sam Example"], ["Sam Example", "Tom Sample"]]
    assert engaged(x, "CALL") == []


def test_a_traveller_leaving_for_a_meeting_takes_part_in_it(extractor: Extractor) -> None:
    x = run(extractor, "Minister Jo Placeholder also confirmed Monday that Sam Example would be leaving on Nov. 26 for "
            "Rome for a meeting with Pope Tom Sample and with Vatican Secretary of State, Cardinal Ann Placeholder.",
            publisher="Example News", published="2023-11-21")
    assert all("Sam Example" in names(e) for e in x.events if e.type == "MEET")
    assert any(e.type == "MEET" for e in x.events)


def test_an_audience_granted_by_one_person_to_another_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "These are the highlights of the audience granted today by King Sam Example to Tom Sample, "
            "president of the Republic.", publisher="Example News", published="2017-05-24")
    assert engaged(x) == [["Sam Example", "Tom Sample"]]


def test_the_pope_is_the_holy_see_s_head_of_state(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Sam Example had an audience with Pope Francis at the Vatican on Monday.",
            publisher="Example News", published="2019-03-12")
    pope = next(p for e in x.events for p in e.participants if "Francis" in p.name)
    assert (pope.name, pope.country) == ("Pope Francis", "VAT")


def test_credentials_received_or_presented_are_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "The Chairperson of the Commission, Sam Example, on 11 March 2021, received the credentials of "
            "H.E. Mr. Tom Sample, the newly appointed Ambassador of the Republic of Chad.",
            publisher="Example News", published="2021-03-18")
    assert engaged(x) == [["Sam Example", "Tom Sample"]] and primary(x).date == "2021-03-11"
    y = run(extractor, "Ambassador Tom Sample presented his letters of credence to President Sam Example on Monday.",
            publisher="Example News", published="2021-03-18")
    assert engaged(y) == [["Sam Example", "Tom Sample"]]


def test_calls_made_to_two_leaders_are_two_calls(extractor: Extractor) -> None:
    x = run(extractor, "President Sam Example spoke with Ann Placeholder on Tuesday. She is the third head of state "
            "to be called after Example made calls to Nigeria's Tom Sample and Kenya's Jo Placeholder in February.",
            publisher="Example News", published="2017-03-08")
    calls = engaged(x, "CALL")
    assert ["Sam Example", "Tom Sample"] in calls and ["Jo Placeholder", "Sam Example"] in calls


def test_a_long_title_with_participles_runs_on_to_the_partner_s_name(extractor: Extractor) -> None:
    x = run(extractor, "San Salvador, December 8, 2014: The Secretary General of the Central American Integration "
            "System (SICA), Dr. Ann Placeholder, held a meeting with the new Ambassador of Costa Rica accredited to El "
            "Salvador and designated as representative to SICA, Tom Sample.",
            publisher="Example News", published="2014-12-08")
    event = primary(x)
    assert names(event) == {"Ann Placeholder", "Tom Sample"}
    countries = {p.name: p.country for p in event.participants}
    # "Central American" is no state's adjective; "accredited to El Salvador" is the posting, not the sender
    assert countries == {"Ann Placeholder": None, "Tom Sample": "CRI"}


def test_the_start_of_a_place_s_name_is_no_person_and_dg_is_an_office(extractor: Extractor) -> None:
    x = run(extractor, "Officials from the bank visited St Vincent and the Grenadines on Tuesday.\n\nPresident Ann "
            "Placeholder thanked DG Tom Sample for the briefing. Prof Sam Example met with Placeholder.",
            publisher="Example News", published="2026-01-22")
    people = {p.name for e in x.events for p in e.participants}
    assert "St Vincent" not in people and "Sample Dg" not in people and "Prof" not in people


def test_press_conferences_with_two_leaders_are_two_meetings_that_took_place(extractor: Extractor) -> None:
    x = run(extractor, "Secretary Sam Example pledged the US' commitment to advancing German-US relations during press "
            "conferences with Chancellor Ann Placeholder and German Foreign Minister Tom Sample in Berlin on Tuesday.",
            publisher="Example News", published="2013-02-26")
    assert len([e for e in x.events if e.type == "MEET"]) == 2
    assert all(e.modality == "occurred" for e in x.events)  # the pledge was made there, not planned

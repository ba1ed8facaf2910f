"""Forms of the pages about heads of international organisations and small states' leaders first
met in corpus/d118-d119: family names that are also titles, a call told as the subject of what a
leader says, a meeting the next sentence says was held by teleconference, a day of the month alone
as translated news writes it, a visitor's list of hosts closed by "and other senior officials",
Arabic family names with a possessive, places in a country or a building's name the tagger takes for
people, and a date that belongs to an appointment rather than to the meeting.

Names are invented; the forms are the ones those pages use."""

from __future__ import annotations

from parley.dates import find_dates
from parley.extract import Extractor
from parley.model import Extraction
from test_extract import run


def _events(x: Extraction) -> list[tuple[str, list[str]]]:
    return [(e.type, sorted(p.name or "" for p in e.participants)) for e in x.events]


def test_a_family_name_that_is_also_a_title_stays_the_name(extractor: Extractor) -> None:
    x = run(extractor, "Amy Pope, director general of the Example Organisation for Migration, has paid a courtesy "
            "visit to Prime Minister Tom Sample.\n\nAmy Pope arrived in Dhaka on Sunday.",
            publisher="Example Herald", published="2024-05-07")
    assert ("MEET", ["Amy Pope", "Tom Sample"]) in _events(x)
    assert ("VISIT", ["Amy Pope"]) in _events(x)


def test_a_style_before_a_title_is_no_given_name(extractor: Extractor) -> None:
    # a guard: "H.H. Prince Faisal": "H.H." is a style, so "Prince" is the rank before the name
    x = run(extractor, "Foreign Minister Tom Sample held talks on Thursday in Rabat with his counterpart, "
            "H.H. Prince Faisal bin Examplan Al-Saud.", publisher="Example Herald", published="2022-06-16")
    assert _events(x) == [("MEET", ["Faisal bin Examplan Al-Saud", "Tom Sample"])]


def test_a_call_as_the_subject_of_what_a_leader_says_is_the_leaders(extractor: Extractor) -> None:
    x = run(extractor, "(Example) -- Denmark’s Prime Minister Jo Sample says a phone call with Tom Example left her "
            "reassured that the US will continue to work with Europe.", publisher="Example News",
            published="2024-11-07")
    assert _events(x) == [("CALL", ["Jo Sample", "Tom Example"])]


def test_a_meeting_the_next_sentence_says_was_held_by_teleconference_is_a_call(extractor: Extractor) -> None:
    x = run(extractor, "The Commissioner-General of the Example Agency, Tom Sample, met today with the Prime "
            "Minister of the State of Palestine Dr. Jo Example.\n\nThe meeting took place via teleconference in "
            "view of the restrictions on travel.", publisher="Example News", published="2020-04-08")
    assert _events(x) == [("CALL", ["Jo Example", "Tom Sample"])]
    x = run(extractor, "Prime Minister Jo Sample met President Tom Example on Monday. The meeting was held in the "
            "presidential palace.", publisher="Example News", published="2020-04-08")
    assert _events(x) == [("MEET", ["Jo Sample", "Tom Example"])]  # a guard: a place, not a line


def test_a_day_of_the_month_alone_is_dated_in_the_publication_month() -> None:
    from datetime import date

    said = find_dates("On the evening of the 12th, the minister met the envoy.", date(2024, 3, 12))
    assert [(t.text, t.value) for t in said] == [("the 12th", "2024-03-12")]
    ahead = find_dates("He will visit Fukushima on the 13th to inspect the plant.", date(2024, 3, 12), backwards=False)
    assert [t.value for t in ahead] == ["2024-03-13"]
    before = find_dates("They met on the 28th, he said.", date(2024, 3, 12))
    assert [t.value for t in before] == ["2024-02-28"]
    assert find_dates("the 75th anniversary of the liberation", date(2024, 3, 12)) == []


def test_a_day_of_the_month_alone_dates_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "On the evening of the 12th, Chief Cabinet Secretary Tom Sample met with Director-General "
            "Jo Example of the Example Agency, who is visiting Japan.", publisher="Example News",
            published="2024-03-12")
    assert [(e.type, e.date) for e in x.events if e.type == "MEET"] == [("MEET", "2024-03-12")]


def test_hosts_listed_before_and_other_senior_officials_are_met_one_by_one(extractor: Extractor) -> None:
    x = run(extractor, "Managing Director Tom Sample of the World Bank visited Sri Lanka.\n\nDr. Sample met with "
            "President Jo Example, Economic Minister Ann Examplewa, Treasury Secretary Bo Samplera, and other "
            "senior officials to discuss how the World Bank can support the government.",
            publisher="Example Herald", published="2011-03-28")
    meets = sorted(names for kind, names in _events(x) if kind == "MEET")
    assert meets == [["Ann Examplewa", "Tom Sample"], ["Bo Samplera", "Tom Sample"], ["Jo Example", "Tom Sample"]]


def test_an_arabic_family_name_with_a_possessive_keeps_its_words(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Tom Sample met the crown prince in London.\n\nCrown Prince Salman bin Hamad "
            "al-Examplifa’s visit to London comes after he declined an invitation.",
            publisher="Example News", published="2011-05-19")
    assert ("VISIT", ["Salman bin Hamad al-Examplifa"]) in _events(x)


def test_a_place_in_a_country_or_a_building_is_no_person(extractor: Extractor) -> None:
    x = run(extractor, "The President of Maldives, Dr Tom Sample, and President Jo Example held discussions Friday "
            "evening in Kurumba Maldives, the President’s office said.", publisher="Example News",
            published="2023-11-18")
    assert _events(x) == [("MEET", ["Jo Example", "Tom Sample"])]
    x = run(extractor, "Sultan Tom Sample held a bilateral meeting with Prime Minister Jo Example today.\n\nThe Sultan "
            "himself drove a car carrying his son Ann Sample and Jo Example to Kompleks Seri Perdana for the meeting.",
            publisher="Example News", published="2022-11-28")
    assert _events(x) == [("MEET", ["Jo Example", "Tom Sample"])]


def test_a_date_after_an_appointment_dates_the_appointment_not_the_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Sultan Tom Sample held a bilateral meeting with Prime Minister Jo Example today in "
            "Putrajaya.\n\nSultan Tom is the first foreign leader to meet Jo Example after his appointment as the "
            "10th Prime Minister of Malaysia on Nov 24.", publisher="Example News", published="2022-11-28")
    assert [(e.type, e.date) for e in x.events if e.type == "MEET"] == [("MEET", "2022-11-28")]


def test_each_name_listed_after_a_plural_title_is_a_person(extractor: Extractor) -> None:
    # "US Senators A and B": the tagger takes the second name for an organisation
    x = run(extractor, "US Senators Tammy Sample and Daniel Example met President Tom Exampleko in Taipei on Monday.",
            publisher="Example News", published="2024-05-30")
    assert _events(x) == [("MEET", ["Daniel Example", "Tammy Sample", "Tom Exampleko"])]



def test_meeting_two_of_other_states_on_the_sidelines_is_two_meetings_of_the_one_who_began(
        extractor: Extractor) -> None:
    x = run(extractor, "External Affairs Minister Tom Sample on Friday began his engagements on the sidelines of the "
            "Munich Security Conference by meeting United Kingdom Foreign Secretary Jo Example and Peru Foreign "
            "Minister Javier Examplez.", publisher="Example News", published="2024-02-16")
    assert sorted(names for _, names in _events(x)) == [["Javier Examplez", "Tom Sample"], ["Jo Example", "Tom Sample"]]
    # a guard: a meeting between two, on the sidelines, is one meeting
    x = run(extractor, "Aides held talks in Beijing to pave the way for a rare meeting between Prime Minister Tom "
            "Sample and President Jo Example early next month on the sidelines of a summit of the Group of 20.",
            publisher="Example News", published="2016-08-25")
    assert [names for _, names in _events(x)] == [["Jo Example", "Tom Sample"]]


def test_the_leaders_of_several_states_met_at_one_gathering_are_one_meeting(extractor: Extractor) -> None:
    text = ("President Tom Sample told Central American leaders that their region is important, at a gathering "
            "Sunday morning.\n\nSample met with the presidents of Nicaragua, Costa Rica and Panama.")
    x = run(extractor, text, publisher="Example News", published="2009-04-19")
    assert [len(names) for kind, names in _events(x) if kind == "MEET"] == [4]
    # a guard: without a word of one gathering, the leaders of several states are met one by one
    x = run(extractor, text.replace(", at a gathering Sunday morning", ""), publisher="Example News",
            published="2009-04-19")
    assert [len(names) for kind, names in _events(x) if kind == "MEET"] == [2, 2, 2]


def test_likely_to_talk_on_a_weekday_is_planned_for_the_day_ahead(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Jo Sample is likely to meet President Tom Example on Tuesday, an official said.",
            publisher="Example News", published="2010-05-10")
    assert [(e.type, e.modality, e.date) for e in x.events] == [("MEET", "planned", "2010-05-11")]


def test_talks_the_next_paragraph_says_were_a_phone_call_are_that_call(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Jo Sample held talks on Monday with President Tom Example, focusing on "
            "bilateral relations.\n\nDuring the phone call, Sample congratulated Example on his election victory.",
            publisher="Example News", published="2021-03-15")
    assert [(e.type, e.primary) for e in x.events] == [("CALL", True)]


def test_the_two_leaders_will_discuss_is_their_meeting_ahead(extractor: Extractor) -> None:
    x = run(extractor, "ADDIS ABABA- Prime Minister Tom Sample arrived yesterday in Asmara for a two-day working "
            "visit.\n\nUpon arrival at the airport, the delegation led by Premier Sample was accorded a warm welcome "
            "by Eritrean President Jo Example.\n\nThe two leaders will discuss bilateral relations and regional "
            "developments.", publisher="Example Herald", published="2021-03-26")
    assert ("MEET", "planned", ["Jo Example", "Tom Sample"]) in [
        (e.type, e.modality, sorted(p.name or "" for p in e.participants)) for e in x.events]


def test_a_call_between_two_others_named_in_a_readout_is_theirs(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Mark Sample has concluded a constructive meeting with Australia’s Minister for "
            "Pacific Island Affairs, Hon. Pat Example MP, building on recent dialogue including a phone call between "
            "Minister Example and Cook Islands Minister of Foreign Affairs, Hon. Tom Testa, last week.",
            publisher="Office of the Prime Minister, Cook Islands", published="2025-05-29")
    assert sorted(_events(x)) == [("CALL", ["Pat Example", "Tom Testa"]), ("MEET", ["Mark Sample", "Pat Example"])]


def test_a_senator_named_by_surname_is_no_registry_office_holder(extractor: Extractor) -> None:
    # "Mitchell" alone is also the surname of a Grenadian prime minister of the registry
    x = run(extractor, "The President also noted that Senator Mitchell would be in Israel again tomorrow as he "
            "starts his fourth trip to the region as the Special Envoy.", publisher="Example News",
            published="2009-06-09")
    assert [(e.type, [p.name for p in e.participants]) for e in x.events] == [("VISIT", ["Mitchell"])]


def test_a_surname_alone_is_the_documents_own_person_before_a_registry_namesake(extractor: Extractor) -> None:
    # "Abbott" alone is also the surname of an Australian prime minister in office on that day
    x = run(extractor, "Gov. Greg Abbott will travel to Mexico City on Sunday to meet with Mexican officials in his "
            "first international trip as governor.\n\nAbbott and a small delegation of Texas officials are scheduled "
            "to meet with Mexican President Enrique Peña Nieto and other Mexican officials, according to a press "
            "release from Abbott’s office.", publisher="The Example Tribune", published="2015-09-03")
    names = {p.name for e in x.events for p in e.participants}
    assert "Greg Abbott" in names and "Tony Abbott" not in names


def test_a_titled_official_of_no_state_named_in_a_governments_release_is_its_own(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Benjamin Netanyahu spoke by telephone on Sunday with Mayor Tom Sample about "
            "the snowstorm.", publisher="Prime Minister's Office, Israel (via Israel Ministry of Foreign Affairs)",
            published="2013-12-15")
    assert [p.country for e in x.events for p in e.participants if p.name == "Tom Sample"] == ["ISR"]


def test_a_titled_official_of_no_state_named_in_a_national_outlet_is_its_states(extractor: Extractor) -> None:
    x = run(extractor, "Industry Minister Tom Sample met with Commerce Secretary Jo Example of the United States in "
            "Seoul on Wednesday.", publisher="The Korea Herald", published="2021-11-11")
    assert [p.country for e in x.events for p in e.participants if p.name == "Tom Sample"] == ["KOR"]

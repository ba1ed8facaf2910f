"""Styles and forms of the short pages of governments and outlets first met in corpus/d110-d111:
post-nominal letters, peers' names, Fijian chiefly styles, parliaments' presiding officers, spouses
at a reception, "virtual visits", and a visitor's calls listed as examples of many.

Names are invented; the forms are the ones those pages use."""

from __future__ import annotations

from parley.extract import Extractor
from parley.model import Extraction
from test_extract import run


def _events(x: Extraction) -> list[tuple[str, list[str]]]:
    return [(e.type, sorted(p.name or "" for p in e.participants)) for e in x.events]


def test_a_virtual_visit_is_no_journey_and_its_talks_are_a_call(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample on Tuesday at State House held bilateral talks with Foreign Minister "
            "Jo Example during his virtual visit to Kenya.", publisher="Example Herald", published="2021-04-27")
    assert _events(x) == [("CALL", ["Jo Example", "Tom Sample"])]


def test_post_nominal_letters_are_not_the_name_and_a_spouse_is_not_a_participant(extractor: Extractor) -> None:
    x = run(extractor, "On Wednesday 13 June 2018, the Governor-General, His Excellency General the Honourable Sir "
            "Tom Sample AK MC (Retd), and Lady Sample, received the Honourable Jo Example MP, Prime Minister of "
            "the Solomon Islands, at Government House, Canberra.", publisher="Example Herald", published="2018-06-13")
    assert ("MEET", ["Jo Example", "Tom Sample"]) in _events(x)


def test_a_peer_is_named_with_the_territorial_designation(extractor: Extractor) -> None:
    x = run(extractor, "This morning, President Tom Sample welcomed Lord Example of Highbury at State House in a "
            "courtesy call.", publisher="Example Herald", published="2024-10-08")
    assert ("MEET", ["Lord Example of Highbury", "Tom Sample"]) in _events(x)


def test_the_lord_mayor_is_no_peer(extractor: Extractor) -> None:
    # a guard: an office after "Lord" is no surname
    x = run(extractor, "The Lord Mayor of Sampleton met Foreign Minister Jo Example on Monday.",
            publisher="Example Herald", published="2024-10-08")
    assert all("Lord Mayor" not in name for _, names in _events(x) for name in names)


def test_a_presiding_officer_named_after_the_house_and_its_state(extractor: Extractor) -> None:
    x = run(extractor, "Speaker of the National Assembly of Armenia Aren Tomasyan today received Jo Example.",
            publisher="Example Herald", published="2021-12-20")
    assert _events(x) == [("MEET", ["Aren Tomasyan", "Jo Example"])]


def test_ratu_is_a_style_before_a_fijian_name(extractor: Extractor) -> None:
    x = run(extractor, "The two foreign ministers met in Auckland on Saturday.\n\n"
            "The talks between Tom Sample and Ratu Jone Examplevou focused on regional issues.",
            publisher="Example Herald", published="2015-05-18")
    assert _events(x) == [("MEET", ["Jone Examplevou", "Tom Sample"])]
    assert x.events[0].date == "2015-05-16"


def test_hosts_listed_as_examples_of_many_are_met_one_by_one(extractor: Extractor) -> None:
    x = run(extractor, "High Commissioner Tom Sample also met with the Vice President, Mr Jo Example, the Prime "
            "Minister, Mr Ben Instance, and the Minister for Foreign Affairs, Mr Al Specimen, among other "
            "dignitaries and senior officials.", publisher="Example Herald", published="2023-02-13")
    assert sorted(_events(x)) == [("MEET", ["Al Specimen", "Tom Sample"]), ("MEET", ["Ben Instance", "Tom Sample"]),
                                  ("MEET", ["Jo Example", "Tom Sample"])]


def test_one_meeting_with_a_president_and_his_minister_stays_one(extractor: Extractor) -> None:
    # a guard: no "such as" / "among other": one table
    x = run(extractor, "Foreign Minister Tom Sample met with President Jo Example and Defence Minister Ben Instance "
            "in Sampleton on Monday.", publisher="Example Herald", published="2023-02-13")
    assert _events(x) == [("MEET", ["Ben Instance", "Jo Example", "Tom Sample"])]


def test_a_delegation_met_is_its_head_named_in_the_next_sentence(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Tom Sample held a bilateral meeting with a delegation of the European Union "
            "on Friday.\n\nThe delegation was headed by Deputy Managing Director Jo Example.",
            publisher="Example Herald", published="2023-02-20")
    assert _events(x) == [("MEET", ["Jo Example", "Tom Sample"])]


def test_a_delegation_led_by_a_long_office_is_its_head(extractor: Extractor) -> None:
    x = run(extractor, "Speaker of the National Assembly of Armenia Aren Tomasyan today received the delegation led by "
            "Head of the Iran-Armenia Parliamentary Friendship Group of the Majlis (Parliament) of the Islamic "
            "Republic of Iran Seyed Mehdi Examplenia.\n\nAt the end of the meeting, Examplenia transmitted to the "
            "Speaker the official invitation of Speaker of the Majlis of Iran Reza Samplezadeh to visit Iran.",
            publisher="Example Herald", published="2021-12-20")
    assert _events(x) == [("MEET", ["Aren Tomasyan", "Seyed Mehdi Examplenia"])]


def test_a_delegation_with_no_head_named_is_no_meeting_of_people(extractor: Extractor) -> None:
    # a guard: no one named leads it, so no participant is invented
    x = run(extractor, "Prime Minister Tom Sample met with a delegation of the European Union on Friday. They "
            "discussed trade.", publisher="Example Herald", published="2023-02-20")
    assert all(len(names) != 1 or names != ["Tom Sample"] for _, names in _events(x))


def test_announced_plans_to_visit_are_the_announcers_visit(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Jo Example revealed plans to visit Armenia.", publisher="Example Herald",
            published="2025-01-23")
    assert [(e.type, e.location, e.modality, [p.name for p in e.participants]) for e in x.events] == [
        ("VISIT", "Armenia", "planned", ["Jo Example"])]


def test_a_secretary_for_a_region_is_not_named_after_it(extractor: Extractor) -> None:
    x = run(extractor, "On July 6, MEA Secretary East Tom Sample and Bangladesh Foreign Secretary Jo Example held "
            "consultations in Dhaka.", publisher="Example Herald", published="2025-01-23")
    assert _events(x) == [("MEET", ["Jo Example", "Tom Sample"])]


def test_a_secretary_for_a_region_split_by_the_tagger_keeps_the_whole_name(extractor: Extractor) -> None:
    x = run(extractor, "Earlier this month, on July 6, Ministry of External Affairs (MEA) Secretary East Saurabh "
            "Kumar and Bangladesh Foreign Secretary Jo Example held consultations in Dhaka.",
            publisher="Example Herald", published="2023-07-17")
    assert _events(x) == [("MEET", ["Jo Example", "Saurabh Kumar"])]


def test_he_also_received_is_who_received_before(extractor: Extractor) -> None:
    x = run(extractor, "On Sunday, His Highness Sheikh Tom Sample Al Example, Crown Prince of Abu Dhabi, received a "
            "phone call from France's President Emmanuel Macron.\n\nThe two discussed bilateral relations.\n\nHe "
            "also received a phone call from German chancellor Angela Merkel.", publisher="Example Herald",
            published="2020-01-13")
    assert sorted(_events(x)) == [("CALL", ["Angela Merkel", "Tom Sample Al Example"]),
                                  ("CALL", ["Emmanuel Macron", "Tom Sample Al Example"])]


def test_two_callers_of_one_minister_make_two_calls(extractor: Extractor) -> None:
    x = run(extractor, "On Thursday, Iraqi and Syrian Foreign Ministers Tom Sample and Jo Example called Iranian "
            "Foreign Minister Ben Instance to greet him.", publisher="Example Herald", published="2021-11-04")
    assert sorted(_events(x)) == [("CALL", ["Ben Instance", "Jo Example"]), ("CALL", ["Ben Instance", "Tom Sample"])]


def test_a_call_to_a_person_named_after_a_descriptive_noun(extractor: Extractor) -> None:
    x = run(extractor, "On Thursday, Iraqi Foreign Minister Tom Sample called Iran's top diplomat Ben Instance to "
            "greet him.", publisher="Example Herald", published="2021-11-04")
    assert _events(x) == [("CALL", ["Ben Instance", "Tom Sample"])]


def test_senate_and_military_styles_are_not_people(extractor: Extractor) -> None:
    x = run(extractor, "Senate President Tom Sample on Tuesday held a meeting with the President Pro Tempore of the "
            "Example Senate, Senator Jo Example.", publisher="Example Herald", published="2018-07-11")
    assert _events(x) == [("MEET", ["Jo Example", "Tom Sample"])]
    y = run(extractor, "In the bilateral talk yesterday with Samdech Pichey Sena Tea Sample, General Jo Example "
            "announced an aid package.", publisher="Example Herald", published="2018-06-19")
    assert all("Pichey" not in name for _, names in _events(y) for name in names)


def test_conversed_with_on_the_sidelines_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Tom Sample conversed with Foreign Minister Jo Example on the sidelines of the "
            "Second Ministerial Meeting in Oslo on November 1.", publisher="Example Herald", published="2024-11-02")
    assert _events(x) == [("MEET", ["Jo Example", "Tom Sample"])]


def test_calling_someone_a_friend_is_no_call(extractor: Extractor) -> None:
    x = run(extractor, "Calling Jo Example his “dear friend,” Tom Sample said the pipeline project would go ahead.",
            publisher="Example Herald", published="2016-08-10")
    assert _events(x) == []


def test_a_presiding_officer_named_after_a_state_and_its_house(extractor: Extractor) -> None:
    # "Speaker of the US House of Representatives X": a state, then a house of two words or more,
    # then the name (the tagger does not see a name after "Representatives")
    x = run(extractor, "Knesset Speaker Avi Example met Wednesday with Speaker of the US House of Representatives "
            "Nancy Sample, who is in Israel to take part in ceremonies.",
            publisher="Example Herald", published="2020-01-22")
    assert _events(x) == [("MEET", ["Avi Example", "Nancy Sample"])]

"""Lists, pairs and the guest welcomed to a city: bulleted key points, "the two" as a subject,
successive holders of one office met on different occasions, "have met before", a welcome to a
capital (not to a residence), a reporter who "noted", an office of a portfolio ("Secretary of State
for Northern Ireland"), "en route to", a guest received after the place, a cancelled visit's
preparations, a conversation held (a call), leaving for a country (each on a constructed text that
fails without its rule; found in blind batches d72 to d74)."""

from __future__ import annotations

from parley.extract import Extractor
from test_extract import engaged, names, primary, run


def test_each_bulleted_key_point_is_a_sentence_of_its_own(extractor: Extractor) -> None:
    x = run(extractor, "Key points:\n- Prime Minister Sam Example met with President Ann Sample at the summit in "
            "Lima\n- Example met with Canadian Prime Minister Joe Placeholder earlier in the day\n\nOn the sidelines "
            "of the summit, Mr Example sought to learn Ms Sample's view of trade.",
            publisher="Example News", published="2016-11-21")
    assert engaged(x) == [["Ann Sample", "Sam Example"], ["Joe Placeholder", "Sam Example"]]


def test_the_two_as_a_subject_are_the_pair_named_just_before(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Sam Example and Foreign Minister Tom Sample will fly to Washington next "
            "Tuesday, January 17.\n\nThe two are meeting President Ann Placeholder at the White House.",
            publisher="Example News", published="2023-01-13")
    event = primary(x)
    assert names(event) == {"Sam Example", "Tom Sample", "Ann Placeholder"}
    assert event.date == "2023-01-17"  # the Tuesday of "next Tuesday, January 17" is in 2023, not 2022


def test_successive_holders_of_one_office_were_met_one_at_a_time(extractor: Extractor) -> None:
    x = run(extractor, "Mark Example is no stranger to Berlin, having previously met George W. Bush and Barack Obama.",
            publisher="Example News", published="2023-01-13")
    assert engaged(x) == [["Barack Obama", "Mark Example"], ["George W. Bush", "Mark Example"]]


def test_have_met_before_is_an_earlier_meeting_and_a_reporter_who_notes_it_is_not_at_it(
        extractor: Extractor) -> None:
    x = run(extractor, "President Ann Sample on Monday welcomed Prime Minister Sam Example to the White House.\n\n"
            "Correspondent Jo Placeholder noted that while Sample and Example have met before, this is their "
            "first formal meeting.", publisher="Example News", published="2018-07-02")
    assert engaged(x) == [["Ann Sample", "Sam Example"], ["Ann Sample", "Sam Example"]]
    assert engaged(x, "VISIT") == []  # a welcome to a residence is presence, no trip told


def test_a_welcome_to_the_host_s_capital_is_the_guest_s_visit(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Anthony Albanese today welcomed Prime Minister Sam Example of Tonga to "
            "Canberra and held talks with him.", publisher="Prime Minister of Australia",
            published="2024-05-02")
    assert engaged(x, "VISIT") == [["Sam Example"]]
    assert next(e for e in x.events if e.type == "VISIT").location == "Canberra"


def test_an_office_for_a_portfolio_is_not_the_bare_title_s_office(extractor: Extractor) -> None:
    x = run(extractor, "The Secretary of State for Northern Ireland, Sam Example MP, met with the Tánaiste, "
            "Tom Sample TD, this evening in Dublin.", publisher="Northern Ireland Office", published="2025-02-26")
    assert engaged(x) == [["Sam Example", "Tom Sample"]]


def test_en_route_to_a_place_is_a_visit_still_ahead_and_the_talks_are_where_they_were_held(
        extractor: Extractor) -> None:
    x = run(extractor, "Colombo, Monday 21 October 2024 - President Sam Example held discussions with Tom "
            "Sample, Sri Lanka's Minister of Foreign Affairs, en route to Samoa for the Commonwealth meeting.",
            publisher="State House Sierra Leone", published="2024-10-21")
    visit = next(e for e in x.events if e.type == "VISIT")
    assert (visit.location, visit.modality) == ("Samoa", "planned")
    assert primary(x).location == "Colombo"


def test_a_guest_named_after_the_place_of_the_reception_is_met(extractor: Extractor) -> None:
    x = run(extractor, "Ruritanian President Sam Example received on Tuesday at the People's Palace Saudi "
            "Foreign Minister Tom Sample and discussed with him the bilateral ties.",
            publisher="Example Agency", published="2023-04-19")
    assert engaged(x) == [["Sam Example", "Tom Sample"]]


def test_the_preparations_for_a_visit_that_could_not_be_made_are_no_visit(extractor: Extractor) -> None:
    x = run(extractor, "The two leaders held a telephone talk today.\n- Prime Minister Sam Example expressed his "
            "appreciation for the preparations for his visit and stated that it is regrettable that he could "
            "not visit Central Asia this time.", publisher="Example Office", published="2024-08-09")
    assert engaged(x, "VISIT") == []


def test_a_conversation_held_with_a_counterpart_is_a_call_unless_it_or_the_next_sentence_puts_them_together(
        extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Sam Example on Sunday held a conversation with Secretary of State Tom "
            "Sample, in which they reiterated the good level of bilateral ties. The ministry also welcomed the "
            "anniversary of a boundary agreement. Last week the minister had to cancel a visit to Rome.",
            publisher="Example Agency", published="2021-05-02")
    assert engaged(x, "CALL") == [["Sam Example", "Tom Sample"]]
    met = run(extractor, "During the visit, Foreign Minister Sam Example held a conversation with Secretary of "
              "State Tom Sample.", publisher="Example Agency", published="2021-05-02")
    assert engaged(met, "CALL") == []


def test_leaving_for_a_country_is_a_visit_still_ahead(extractor: Extractor) -> None:
    x = run(extractor, "President Sam Example received President-elect Tom Sample at the presidential residence "
            "on Monday. At night Example leaves for Brazil to attend the summit.",
            publisher="Example News", published="2023-05-29")
    assert [(e.location, e.modality) for e in x.events if e.type == "VISIT"] == [("Brazil", "planned")]


def test_a_lead_in_capitals_keeps_the_name_s_order_and_a_royal_style_is_no_name(extractor: Extractor) -> None:
    x = run(extractor, "CANADIAN PRIME MINISTER JUSTIN Trudeau met President Emmanuel Macron in Paris on Thursday.",
            publisher="Example News", published="2018-06-08")
    assert engaged(x) == [["Emmanuel Macron", "Justin Trudeau"]]
    styled = run(extractor, "His Majesty King Tom Example held a meeting with the Custodian of the Two Holy Mosques "
                 "King Sam Sample at his palace in Neom.", publisher="Example News", published="2022-08-01")
    assert engaged(styled) == [["Sam Sample", "Tom Example"]]


def test_a_bare_title_opening_a_sentence_is_the_document_s_holder_of_it_and_a_second_verb_keeps_the_subject(
        extractor: Extractor) -> None:
    x = run(extractor, "Dr. Sam Example, Foreign Secretary of India, is visiting Bhutan from 2-5 October 2017. "
            "Foreign Secretary had an audience with the King of Bhutan and called on the Prime Minister of "
            "Bhutan, Lyonchhen Tom Sample.", publisher="Ministry of External Affairs, India",
            published="2017-10-04")
    assert ["Sam Example", "Tom Sample"] in engaged(x)


def test_his_highness_is_a_style_not_part_of_the_name(extractor: Extractor) -> None:
    x = run(extractor, "His Highness Sheikh Tom Example met His Majesty King Sam Sample in Manama on Monday.",
            publisher="Example Agency", published="2022-08-01")
    assert engaged(x) == [["Sam Sample", "Tom Example"]]


def test_talks_with_a_counterpart_and_the_head_of_state_are_two_meetings_of_the_subject(
        extractor: Extractor) -> None:
    x = run(extractor, "Russian Foreign Minister Sam Example starts his two-day official visit to Tajikistan on "
            "June 5. Example is scheduled to hold talks with his Tajik counterpart Tom Sample and Tajik "
            "President Ann Placeholder, says a statement released by the ministry.",
            publisher="Example Agency", published="2023-06-05")
    assert engaged(x) == [["Ann Placeholder", "Sam Example"], ["Sam Example", "Tom Sample"]]

"""Two people named together as the ones who talked, calls whose object the parser mistakes for a
naming, a state's name run into the person's, an initial glued to a surname, and a second
infinitive that keeps the first one's subject but not its partner (each on a constructed text with
invented people; the rules were found in the corpus batches d4 and d54 to d85 after their first
looks; the tests named "no ..." guard a rule's limit and pass without it)."""

from __future__ import annotations

from parley.extract import Extractor
from parley.extract.candidates import name_candidates
from parley.extract.knowledge import knowledge
from test_extract import names, primary, run, tagged


def test_two_people_who_discussed_together_met(extractor: Extractor) -> None:
    x = run(extractor, "European Parliament President Lena Example has returned to Malta for the first time "
            "since being elected.\n\nPresident Carmel Sample and Example discussed several challenges on the "
            "European agenda.", publisher="Example News", published="2022-02-10")
    event = primary(x)
    assert event.type == "MEET" and sorted(names(event)) == ["Carmel Sample", "Lena Example"]


def test_two_leaders_who_spoke_privately_met_even_when_the_parser_hangs_one_name_on_the_other(
        extractor: Extractor) -> None:
    x = run(extractor, "MEXICO CITY - Argentina's president-elect has met with Mexico's president on his first "
            "foreign trip.\n\nAlberto Fernández Example and Andrés Manuel Sample Obrador spoke privately at the "
            "National Palace in Mexico City on Monday.", publisher="Example News", published="2019-11-04")
    assert any(e.type == "MEET" and {"Alberto Fernández Example", "Andrés Manuel Sample Obrador"} <= set(names(e))
               for e in x.events)


def test_what_the_pair_of_a_call_discussed_is_that_call_not_a_second_engagement(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Tom Sample spoke by telephone with President Jo Example of Ruritania "
            "today.\n\nPrime Minister Sample and President Example discussed trade and energy.",
            publisher="Example News", published="2021-02-16")
    assert [e.type for e in x.events] == ["CALL"]


def test_one_side_talking_among_themselves_is_no_engagement(extractor: Extractor) -> None:
    x = run(extractor, "Kenyan President Tom Sample and Kenyan Foreign Minister Jo Example discussed the "
            "budget in Nairobi on Monday.", publisher="Example News", published="2021-02-16")
    assert x.events == ()


def test_called_with_the_partner_read_as_a_naming_is_still_a_call(extractor: Extractor) -> None:
    x = run(extractor, "This evening Prime Minister Tom Sample called Prime Minister Kari Example of Norway to "
            "congratulate her on her re-election.", publisher="Example News", published="2017-10-26")
    event = primary(x)
    assert event.type == "CALL" and sorted(names(event)) == ["Kari Example", "Tom Sample"]


def test_a_thing_called_by_a_name_is_no_call(extractor: Extractor) -> None:
    x = run(extractor, "Minister Jo Example will host a festival of indigenous ideas, called Te Sample, at the "
            "Expo in Dubai.", publisher="Example News", published="2021-10-01")
    assert all(e.type != "CALL" for e in x.events)


def test_two_subjects_who_held_a_conversation_called_and_the_state_is_no_part_of_a_name(
        extractor: Extractor) -> None:
    x = run(extractor, "On Thursday, June 15, Prime Minister of Ukraine Tom Sample and Prime Minister of Denmark "
            "Kari Example held a conversation.\n\nThe parties discussed the flooding.",
            publisher="Example News", published="2023-06-15")
    event = primary(x)
    assert event.type == "CALL" and sorted(names(event)) == ["Kari Example", "Tom Sample"]
    assert {a.country for a in event.participants} == {"UKR", "DNK"}


def test_an_initial_glued_to_a_surname_is_a_name_whatever_the_tagger_says() -> None:
    # the tagger may tag "N.Examplebaatar" a PERSON as one word, which, its initial cut off, would be
    # a one-word name without a title; the initial rule says why it is a name
    text = "Minister of Foreign Affairs of Mongolia N.Examplebaatar talked with him over the telephone."
    start = text.index("N.")
    found = name_candidates(tagged(text, "N.Examplebaatar"), knowledge(), text)
    assert (start, start + len("N.Examplebaatar"), "initial+name") in found


def test_the_second_of_two_infinitives_is_the_traveller_s_not_the_first_one_s_partner(
        extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample, who met with Crown Prince Jo Example in Riyadh on Monday, was to "
            "travel to Jordan on Tuesday to meet with King Sam Placeholder and visit the German troops stationed "
            "at the airbase.", publisher="Example News", published="2025-02-04")
    assert not any(e.type == "VISIT" and "Sam Placeholder" in names(e) for e in x.events)

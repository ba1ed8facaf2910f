"""Forms found in the d100-d145 pages after their first looks: a meeting verb with two people of
two other states after it ("met Secretary of State A and Australian Foreign Minister B"), a round
of calls whose subject is an office in the possessive ("The country's 100th prime minister has
held phone calls with the leaders of A, B and C"), a journey told in the perfect ("had already
been to Senegal", "the next stop of his trip is India"), and names that run into the next word
or the word before (a time word glued on by a lost space, a preposition the tagger took into the
name, a state before an initial: "of the United States L. Austin"), or an address taken for names;
"discussed X with President Y at the White House" as a meeting.

Names are invented, except where the rule needs the office registry's holders; the forms are the
ones those pages use."""

from __future__ import annotations

from parley.extract import Extractor
from parley.model import Extraction
from test_extract import run


def _events(x: Extraction, kind: str) -> list[list[str]]:
    return sorted(sorted(p.name or "" for p in e.participants) for e in x.events if e.type == kind)


def _visits(x: Extraction, place: str) -> bool:
    return any(e.type == "VISIT" and e.location == place for e in x.events)


def test_a_meeting_with_two_people_of_two_other_states_is_two_meetings(extractor: Extractor) -> None:
    x = run(extractor, "MANILA - President Ana Demo met United States Secretary of State Tom Sample and Australian "
            "Foreign Minister Jo Example in Malacanang yesterday afternoon.",
            publisher="Example Star", published="2017-08-09")
    assert _events(x, "MEET") == [["Ana Demo", "Jo Example"], ["Ana Demo", "Tom Sample"]]


def test_a_meeting_with_two_people_of_one_state_stays_one(extractor: Extractor) -> None:
    x = run(extractor, "President Ana Demo met Japanese Prime Minister Tom Sample and Foreign Minister Jo Example "
            "in Tokyo on Monday.", publisher="Example Star", published="2017-08-09")
    assert _events(x, "MEET") == [["Ana Demo", "Jo Example", "Tom Sample"]]


def test_calls_of_an_office_named_in_the_possessive_are_the_principals(extractor: Extractor) -> None:
    x = run(extractor, "The Japanese government is arranging a phone conversation between new Prime Minister Tom "
            "Sample and Chinese President Xi Jinping on Friday, Asahi TV reported.\n\n"
            "The parliament approved on Monday Sample's candidacy to head the government. "
            "The country's 100th prime minister has already held phone calls with the leaders of Australia, "
            "Russia and the United States.", publisher="Example News", published="2021-10-08")
    calls = [c for c in _events(x, "CALL") if "Xi Jinping" not in c]
    assert len(calls) == 3 and all("Tom Sample" in c and len(c) == 2 for c in calls)


def test_had_been_to_a_country_is_a_visit_there(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Tom Sample, who arrived in Accra on Tuesday, had already been to Senegal "
            "earlier in the week.", publisher="Example Agency", published="2022-10-26")
    assert _visits(x, "Senegal")


def test_a_time_word_glued_to_a_name_is_not_part_of_it(extractor: Extractor) -> None:
    x = run(extractor, "Chinese Foreign Minister Wang Yi met with Foreign Minister Winston Petersyesterday afternoon "
            "in Wellington.", publisher="Example Herald", published="2017-03-20")
    assert _events(x, "MEET") == [["Wang Yi", "Winston Peters"]]


def test_a_name_the_tagger_runs_into_a_preposition_ends_before_it(extractor: Extractor) -> None:
    x = run(extractor, "UN Secretary-General Guterres calls on Prime Minister Dahal at Singha Durbar\n\n"
            "Kathmandu, Oct 30: UN Secretary-General Antonio Guterres called on Prime Minister Pushpa Kamal Dahal "
            "at Singha Durbar today.", publisher="Example Samachar", published="2023-10-30")
    assert all(not (p.name or "").endswith(" at") for e in x.events for p in e.participants)


def test_the_next_stop_of_a_trip_is_a_visit_there(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample toured the Maldives. The next stop of President Tom Sample's trip is "
            "India.", publisher="Example Daily", published="2014-09-16")
    assert _visits(x, "India")


def test_an_address_after_a_venue_is_no_person(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Tom Sample met with the President of the Example Bank, Jo Example.\n\n"
            "The meeting was held at the Diplomatic Centre, La Fantasie, St Anns.",
            publisher="Office of the Prime Minister", published="2018-11-19")
    assert {p.name for e in x.events for p in e.participants} & {"La Fantasie", "St Anns"} == set()


def test_a_state_before_an_initial_is_no_given_name(extractor: Extractor) -> None:
    x = run(extractor, "Russian Defense Minister Sergey Shoigu has spoken with US Secretary of Defense Lloyd Austin "
            "over the phone.\n\n\"Minister of Defense of the Russian Federation Army General S. Shoigu and "
            "Secretary of Defense of the United States L. Austin held talks by phone,\" the statement said.",
            publisher="Example Agency", published="2022-05-13")
    assert _events(x, "CALL") == [["Lloyd Austin", "Sergey Shoigu"]]  # not "States Austin"


def test_a_visiting_guest_on_a_tour_told_by_its_other_stops_visits_here_too(extractor: Extractor) -> None:
    x = run(extractor, "NAIROBI, Kenya, Aug 30 – Bilateral talks between visiting British Prime Minister Jo Example "
            "and President Tom Sample got underway Thursday at State House.\n\n"
            "Example, who has since Tuesday been on a maiden tour to Africa that has seen her visit South Africa "
            "and Nigeria, arrived at State House at about 11.15 am on Thursday.",
            publisher="Example FM", published="2018-08-30")
    visits = [e for e in x.events if e.type == "VISIT"]
    assert {e.location for e in visits} >= {"South Africa", "Nigeria"} and len(visits) == 3


def test_discussed_topics_with_a_person_at_a_place_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "NATO Secretary General Anders Fogh Rasmussen discussed Afghanistan, NATO's future challenges "
            "and other global and regional security issues with United States President Barack Obama at the White "
            "House on Friday (31 May 2013).", publisher="Example Alliance", published="2013-05-31")
    assert _events(x, "MEET") == [["Anders Fogh Rasmussen", "Barack Obama"]]

"""Where a meeting took place: datelines of official readouts and wires, named venues, and the
city of a country a meeting was placed in.  Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from parley.dates import find_dates, parse_iso
from parley.extract import Extractor
from parley.extract.headline import dateline
from parley.extract.knowledge import knowledge
from parley.extract.when_where import after_another, city_in, sharper_place, venue_in
from test_extract import primary, run


@pytest.mark.parametrize(("text", "expected"), [
    ("New York\n\n17 September 2023\n\nThe Secretary-General met", ("New York", None)),
    ("January 20, 2022 - Paris, France - Ministry of Foreign Affairs\n\nThe Minister met", ("Paris", None)),
    ("LIVERPOOL, England (Jiji Press) — The ministers met", ("Liverpool", None)),
    ("Nairobi, Kenya, Sept 14 – The President met", ("Nairobi", "2024-09-14")),
    ("Islamabad, August 24, 2021 (PPI-OT):The Foreign Minister received", ("Islamabad", "2021-08-24")),
    ("New Delhi [India], March 3 (ANI): The Minister met", ("New Delhi", "2024-03-03")),
    ("ANKARA, Turkey (AP) — Officials say", ("Ankara", None)),
    ("Excellent talks were held today.", (None, None)),
])
def test_dateline_forms(text: str, expected: tuple[str | None, str | None]) -> None:
    assert dateline(text, knowledge(), parse_iso("2024-10-01")) == expected


@pytest.mark.parametrize(("sentence", "venue"), [
    ("The President hosted the Senator at State House, Nairobi on Friday.", "Nairobi"),
    ("The Emir received the Lord Mayor at the Amiri Diwan, on the occasion of his visit.", "Amiri Diwan"),
    ("The leaders met at Parliament Buildings, Stormont, today.", "Parliament Buildings, Stormont"),
    ("The President received today, at the Presidential Palace, the Assistant Secretary-General.",
     "Presidential Palace"),
    ("They met at the Prime Minister's Office.", None),  # an office-holder's title, not a venue
    ("They met on Monday.", None),
])
def test_named_venues(sentence: str, venue: str | None) -> None:
    assert venue_in(sentence, knowledge()) == venue


def test_a_city_named_as_where_things_happen() -> None:
    kb = knowledge()
    assert city_in("at a summit in the Russian city of Kazan", kb, "RUS") == "Kazan"
    assert city_in("a welcome ceremony in the capital, Hanoi, where they", kb) == "Hanoi"
    assert city_in("talks about Kazan's airport", kb) is None


def test_a_country_gives_way_to_its_city_or_venue() -> None:
    kb = knowledge()
    assert sharper_place("Egypt", ["Foreign Minister holds bilateral talks in Cairo"], kb) == "Cairo"
    assert sharper_place("Egypt", ["Foreign Minister holds bilateral talks in Paris"], kb) == "Egypt"
    assert sharper_place("Geneva", ["They met at the Palais des Nations"], kb) == "Geneva"


def test_a_venue_places_the_meeting(extractor: Extractor) -> None:
    x = run(extractor, "President Example Ruto on Friday hosted US Senator Chris Coons at State House, Nairobi.",
            publisher="The Star (Kenya)", published="2023-08-18")
    assert primary(x).location == "Nairobi"


def test_an_official_readout_s_place_line_places_the_meeting(extractor: Extractor) -> None:
    x = run(extractor, "New York\n\n17 September 2023\n\nThe Secretary-General met with the President of Chile, "
            "Gabriel Boric.\n\nThey discussed climate change.",
            publisher="United Nations, Office of the Secretary-General", published="2023-09-17")
    assert primary(x).location == "New York"


# -- dates ---------------------------------------------------------------------------------------

def test_a_relay_stamp_after_the_place_is_the_dateline_s_day() -> None:
    assert dateline("MOSCOW (Example News / Sample Wire - 14th April, 2021) The fact that", knowledge(),
                    parse_iso("2021-04-14")) == ("Moscow", "2021-04-14")


def test_a_later_sentence_dates_the_call_it_refers_back_to(extractor: Extractor) -> None:
    # Published on Wednesday 27 November; "Monday" is the 25th.
    x = run(extractor, "In a phone call with US President-elect Donald Trump, Chancellor Karl Nehammer renewed his "
            "congratulations on the election victory. The talks, which took place on Monday evening, covered "
            "energy security.", publisher="Example News", published="2024-11-27")
    assert primary(x).type == "CALL" and primary(x).date == "2024-11-25"


def test_during_the_call_on_sunday(extractor: Extractor) -> None:
    x = run(extractor, "President Recep Tayyip Erdogan had a telephone conversation with Iranian President Ebrahim "
            "Raisi.\n\nDuring the call on Sunday, bilateral relations were discussed.",
            publisher="Example News", published="2024-03-31")
    assert primary(x).date == "2024-03-31"


def test_the_day_of_an_earlier_occasion_does_not_date_the_meeting() -> None:
    text = "The meeting comes days after the senator held separate talks with the opposition leader last Sunday."
    sunday = next(d for d in find_dates(text, parse_iso("2023-08-18")) if d.text.endswith("Sunday"))
    assert after_another(text, sunday, trigger=4)  # "meeting" is not in the "days after" clause
    same = "The two leaders will hold talks shortly after he arrives on Tuesday."
    tuesday = next(d for d in find_dates(same, parse_iso("2026-01-09")) if d.text.endswith("Tuesday"))
    assert not after_another(same, tuesday, trigger=24)


def test_talks_during_a_visit_of_several_days_are_not_dated_by_its_first_day(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Ali Sabry undertook an official visit to Egypt from 07-11 August 2024 at "
            "the invitation of Foreign Minister Badr Abdelatty.\n\nForeign Minister Ali Sabry held productive "
            "discussions with his counterpart Badr Abdelatty.", publisher="Example News", published="2024-08-13")
    meeting = next(e for e in x.events if e.type == "MEET" and len(e.participants) == 2)
    assert meeting.date is None

"""Officials below the heads, as found in the blind batches d108 and d109 after their first look:
plural titles before two names ("Defense Ministers A of Russia and B of Belarus met"), a diplomat's
rank before his name ("Deputy Chief of Mission A", "A, Permanent Representative and Ambassador of
the European Union to the WTO"), "The Commerce Secretary also met X" (the document's own Commerce
Secretary), a dateline's place that is no person ("Metro Manila, Philippines - ..."), a
portfolio's list that is no name ("Minister of Public Service, Government Efficiency, and
Implementation, X"), one person under two of his names, once; and, from the corpus's calls,
"called Lula a long-time friend" (a naming, no call) and "spoke in person with" (a meeting). On
constructed texts with invented people, except where a real name is the point (the opening of a
real report, d108_08; "Lula"); each fails without its rule (checked against 6c833bb)."""

from __future__ import annotations

from parley.extract import Extractor
from parley.model import Extraction
from test_extract import run


def _meetings(x: Extraction) -> list[list[str]]:
    return [sorted(p.name for p in e.participants) for e in x.events if e.type == "MEET"]


def test_a_plural_title_before_two_names(extractor: Extractor) -> None:
    x = run(extractor, "MINSK, December 19. /TASS/. Defense Ministers Sergey Sample of Russia and Viktor Example of "
            "Belarus met in Minsk to discuss military-technical cooperation.", publisher="TASS",
            published="2022-12-19")
    assert _meetings(x) == [["Sergey Sample", "Viktor Example"]]


def test_a_diplomats_rank_after_the_name_and_the_documents_own_secretary(extractor: Extractor) -> None:
    x = run(extractor, "Commerce Secretary Tom Sample held a series of bilateral meetings with trade diplomats.\n\n"
            "In a meeting with Jo Example, Permanent Representative and Ambassador of the European Union to the WTO, "
            "the two sides discussed reform.\n\nThe Commerce Secretary also met Al Sample, Ambassador of the United "
            "States to the WTO.", publisher="Example Herald", published="2026-02-14")
    assert sorted(_meetings(x)) == [["Al Sample", "Tom Sample"], ["Jo Example", "Tom Sample"]]


def test_a_datelines_place_is_no_person(extractor: Extractor) -> None:
    x = run(extractor, "Metro Manila, Philippines - National Security Adviser Eduardo Sample had a phone call with US "
            "counterpart Mike Example to discuss recent developments.", publisher="Example Herald",
            published="2025-04-12")
    assert [sorted(p.name for p in e.participants) for e in x.events] == [["Eduardo Sample", "Mike Example"]]


def test_the_last_word_of_a_rank_is_not_the_name(extractor: Extractor) -> None:
    x = run(extractor, "Deputy Chief of Mission Andrew Sample underscored the presence of American aid organisations "
            "and met Governor Faisal Example.", publisher="Example Herald", published="2024-05-02")
    assert "Andrew Sample" in {p.name for e in x.events for p in e.participants}


def test_a_portfolios_list_is_no_name(extractor: Extractor) -> None:
    x = run(extractor, "Minister of Public Service, Government Efficiency, and Implementation, Tom Sample, met Prime "
            "Minister Jo Example.", publisher="Example Herald", published="2026-02-20")
    assert _meetings(x) == [["Jo Example", "Tom Sample"]]


def test_one_president_under_two_of_his_names_is_one_participant(extractor: Extractor) -> None:
    x = run(extractor, "The Congolese President and President of the African Union, Félix-Antoine Tshisekedi "
            "Tshilombo and his counterpart from the Republic of Zambia, President Hakainde Hichilema discussed this "
            "Tuesday, November 23, 2021, at the Palace of the Nation.\n\nSpeaking to the press at the end of their "
            "tête-à-tête, the Head of State, Félix Tshisekedi, suggested that the strengthening of bilateral relations "
            "was on the menu.", publisher="Magaratimes", published="2021-11-24",
            title="DRC-Zambia: Félix Tshisekedi and Hakainde Hichilema discuss the settlement of border disputes")
    names = [p.name for e in x.events for p in e.participants]
    assert sorted(names) == ["Félix Tshisekedi", "Hakainde Hichilema"]


def test_calling_someone_a_friend_is_no_call(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample, in turn, called Lula a “long-time friend” and said relations were "
            "strategic.", publisher="Example Herald", published="2023-04-12")  # (a one-word name the tagger knows)
    assert [e.type for e in x.events] == []


def test_speaking_in_person_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "The three leaders — Polish Prime Minister Tom Sample, Czech Prime Minister Jo Example and "
            "Slovenian Prime Minister Al Sample — spoke in person with President Kim Example in the capital.",
            publisher="Example Herald", published="2022-03-16")
    assert [e.type for e in x.events] == ["MEET"]


def test_a_portfolio_of_climate_change_is_no_part_of_the_name(extractor: Extractor) -> None:
    x = run(extractor, "While in Auckland, Prime Minister Tom Sample will hold bilateral meetings with Prime Minister "
            "Jo Example and Minister of Climate Change Al Sample.", publisher="Example Herald", published="2023-02-10")
    assert "Al Sample" in {p.name for e in x.events for p in e.participants}

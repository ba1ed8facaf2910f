"""Readouts of state agencies and parliaments: a name set off after a dateline's dash with its post
in lower case, letters of accreditation, a parliament between an office and its holder's name,
and the bare "Secretary" of another body (each on a constructed text with invented people that
fails without its rule; the rules were found in the blind batch d91 after its first look)."""

from __future__ import annotations

from parley.extract import Extractor
from test_extract import candidates_as_tagged, engaged, names, run


def test_a_name_after_a_dateline_dash_with_its_post_in_lower_case_is_a_person() -> None:
    text = "Pyongyang, May 26 (KCNA) -- Kim Sample Ryol, vice-minister of Foreign Affairs of the DPRK, on May 25 met "
    assert "Kim Sample Ryol" in candidates_as_tagged(text + "with the Russian ambassador.")


def test_letters_of_accreditation_presented_are_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "The President of the Republic of Albania Tom Sample received on the occasion of the "
            "presentation of the Letters of Accreditation the new Ambassador of Saudi Arabia, H.E Jo Example, "
            "whom he warmly congratulated on his assignment.", publisher="Example Times", published="2021-03-01")
    assert engaged(x) == [["Jo Example", "Tom Sample"]]


def test_a_parliament_between_an_office_and_the_name_is_no_part_of_the_name() -> None:
    text = "Deputy Speaker of Iranian Parliament Ali Samplezad welcomed the guest."
    assert candidates_as_tagged(text) == ["Ali Samplezad"]


def test_the_secretary_of_another_body_is_not_a_state_s_secretary(extractor: Extractor) -> None:
    x = run(extractor, "During the visit, Speaker Tom Sample is scheduled to meet with the Secretary of the Supreme "
            "National Security Council Jo Example.", publisher="Example News", published="2022-03-09")
    assert all("Antony Blinken" not in names(e) for e in x.events)


def test_a_letter_received_from_someone_is_no_meeting_with_them(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Tom Sample received a letter his Ruritanian counterpart Jo Example sent, "
            "which included an invitation.", publisher="Example Ministry", published="2017-11-18")
    assert all("Jo Example" not in names(e) for e in x.events)  # (credential letters still are: corpus d71_09)


def test_video_talks_are_a_call(extractor: Extractor) -> None:
    x = run(extractor, "RABAT, April 27 (Xinhua) -- Foreign Minister Tom Sample held video talks on Tuesday with "
            "his Ruritanian counterpart Jo Example on bolstering bilateral ties.", publisher="Example News",
            published="2021-04-27")
    assert engaged(x, "CALL") == [["Jo Example", "Tom Sample"]]


def test_an_agency_s_dateline_glued_to_the_lead_is_no_part_of_a_name() -> None:
    text = "Tokyo, June 17 (Jiji Press)--Japanese Foreign Minister Tom Sample held telephone talks."
    assert all(")" not in c for c in candidates_as_tagged(text, "Jiji Press)--Japanese"))


def test_a_conversation_held_during_a_summit_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Kim Sample and Moon Example drove together through the streets of Pyongyang on Tuesday "
            "before opening a summit.\n\nKim Sample and Moon Example \"had a frank and candid conversation over "
            "important matters of mutual concern,\" KCNA said.\n\nAt a banquet after the first day of the summit, "
            "Moon Example spoke of peace.", publisher="Example News", published="2018-09-18")
    assert all(e.type != "CALL" for e in x.events)


def test_a_spaced_style_is_no_part_of_a_name(extractor: Extractor) -> None:
    x = run(extractor, "The President of the Republic, H. E. Tom Sample held today afternoon meetings with the Speaker "
            "of the Assembly of Kosova, H. E. Jo Example and with the Prime Minister, H. E. Sam Placeholder.",
            publisher="Example Presidency", published="2022-08-15")
    assert engaged(x) == [["Jo Example", "Tom Sample"], ["Sam Placeholder", "Tom Sample"]]

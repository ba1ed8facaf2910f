"""Who is at the table and who only came along: a second mention in a list of people, talks
"held" somewhere, an entourage the headline lists, attendees of a call already told, ministers "in
company with" a host, an organisation named before its head noun; and a state adjective at a line's
start, a dateline's dash, a video meeting, the owner of "his meeting" after "following", the
registry's holder spelled the document's way, a "since" clause's date (each on a constructed text
that fails without its rule; found in blind batches d54 and d55)."""

from __future__ import annotations

from parley.extract import Extractor
from test_extract import engaged, names, primary, run


def test_a_state_adjective_before_another_name_in_a_list_is_not_this_person_s(extractor: Extractor) -> None:
    x = run(extractor, "President Gordana Siljanovska Davkova had a telephone conversation today with the "
            "President of Ukraine, Volodymyr Zelenskyy.\n\nIn her conversation with the Ukrainian President "
            "Zelensky, President Siljanovska Davkova emphasized our firm support for Ukraine.",
            publisher="Office of the President of the Republic of North Macedonia", published="2024-05-23")
    assert [e.type for e in x.events] == ["CALL"]
    assert {p.country for p in primary(x).participants} == {"MKD", "UKR"}


def test_talks_held_somewhere_between_two_leaders_are_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "This is the fruit of official talks held in Maputo on 25 August between President "
            "Filipe Nyusi and his Cuban counterpart, Miguel Diaz-Canel, during the latter's visit.",
            publisher="Example Agency", published="2023-09-06")
    meet = primary(x)
    assert meet.type == "MEET" and names(meet) == {"Filipe Nyusi", "Miguel Díaz-Canel"}
    assert meet.date == "2023-08-25" and meet.location == "Maputo"


def test_a_headline_does_not_seat_who_the_body_says_came_along(extractor: Extractor) -> None:
    x = run(extractor, "On June 8, Ambassador Masaki Sakai paid a courtesy call on President Peter Christian. "
            "President Christian was accompanied by Secretary Lorin Robert.",
            title="Ambassador Sakai Courtesy Call on President Christian and Secretary Lorin Robert",
            publisher="Embassy of Japan", published="2015-07-06")
    assert names(primary(x)) == {"Masaki Sakai", "Peter Christian"}


def test_ministers_who_attended_the_call_are_not_another_call(extractor: Extractor) -> None:
    x = run(extractor, "Party General Secretary Nguyen Phu Trong held phone talks with U.S. President Joe Biden on "
            "Wednesday.\n\nMinister of Public Security To Lam and Foreign Minister Bui Thanh Son attended the "
            "phone conversation.", publisher="Example Portal", published="2023-03-30")
    assert [e.type for e in x.events] == ["CALL"]


def test_ministers_in_company_with_the_host_are_his_company(extractor: Extractor) -> None:
    x = run(extractor, "President Bola Ahmed Tinubu received President Bassirou Diomaye Faye at the villa in Abuja.\n\n"
            "Faye was received at the villa by President Tinubu in company with the Minister of Finance, Wale "
            "Edun; Budget and Economic Planning, Atiku Bagudu, as well as the Governor, Babajide Sanwo-Olu.",
            publisher="Example Times", published="2024-05-16")
    assert not any({"Wale Edun", "Atiku Bagudu", "Babajide Sanwo-Olu"} & names(e) for e in x.events)


def test_the_words_before_a_coalition_name_a_body_not_a_person(extractor: Extractor) -> None:
    x = run(extractor, "President William Ruto and Azimio La Umoja Coalition leader Raila Odinga met with Ugandan "
            "President Yoweri Museveni on Monday.", publisher="Example News", published="2024-02-26")
    assert names(primary(x)) == {"William Ruto", "Raila Odinga", "Yoweri Museveni"}


def test_an_office_opening_a_line_with_its_state_is_resolved(extractor: Extractor) -> None:
    """The office is the registry's holder, who is the document's own "Jawad Zarif" (one person),
    and "separately talked to A and B" is one call each."""
    x = run(extractor, "Acting Foreign Minister Hanif Atmar has held telephonic conversation with his Iranian "
            "counterpart Jawad Zarif, a statement said on Thursday.\n\nIranian foreign minister earlier "
            "separately talked to president Ashraf Ghani and Abdullah Abdullah.",
            publisher="Example News", published="2020-04-30")
    assert sorted(sorted(p.name for p in e.participants) for e in x.events if not e.primary) == [
        ["Abdullah Abdullah", "Jawad Zarif"], ["Ashraf Ghani", "Jawad Zarif"]]


def test_a_dateline_s_place_is_not_an_organisation_head_s_state(extractor: Extractor) -> None:
    x = run(extractor, "Vienna, Austria, 27 May 2020--OPEC Secretary General, HE Mohammad Sanusi Barkindo, and "
            "HE Tareck El Aissami, Venezuela's Minister of Petroleum, held a videoconference meeting today.",
            publisher="OPEC", published="2020-05-27")
    call = primary(x)
    assert call.type == "CALL"
    assert {(p.name, p.country) for p in call.participants} == {
        ("Mohammad Sanusi Barkindo", None), ("Tareck El Aissami", "VEN")}


def test_his_meeting_after_following_is_the_subject_s(extractor: Extractor) -> None:
    x = run(extractor, "President Ferdinand Marcos has returned to Manila following his trilateral meeting with "
            "United States President Joe Biden and Japanese Prime Minister Fumio Kishida.",
            publisher="Example Times", published="2024-04-14")
    assert engaged(x, "MEET") == [["Ferdinand Marcos", "Fumio Kishida", "Joe Biden"]]


def test_a_since_clause_does_not_date_the_visit(extractor: Extractor) -> None:
    x = run(extractor, "Bilateral talks were held by President Muhammadu Buhari with the President of Namibia, Mr Hage "
            "Geingob, today in Abuja.\n\nNamibia president is visiting Nigeria for the first time, since Buhari "
            "administration resumed in May 2015.", publisher="Example Agency", published="2018-07-04")
    visits = [e for e in x.events if e.type == "VISIT"]
    assert visits and all(e.date != "2015-05" for e in visits)

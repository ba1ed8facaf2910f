"""Who is at the table and who only came along: a second mention in a list of people, talks
"held" somewhere, an entourage the headline lists, attendees of a call already told, ministers "in
company with" a host, an organisation named before its head noun; and a state adjective at a line's
start, a dateline's dash, a video meeting, the owner of "his meeting" after "following", the
registry's holder spelled the document's way, a "since" clause's date; a conjunct action's
companion, a namesake without office, bilateral meetings announced then listed, a ministry's
numeral, a one-word name's state, "today" beside its written date, a conference called
"Meetings"; an abbreviated style before a name, a call recalled by month, a welcome by two
hosts, who lived where a visitor went, a summit in a schedule's list, the year someone took office
a farewell visit, a meeting by visual link, a named owner's meetings, discussions in a round of
calls (each on a constructed text that fails without its rule; found in blind batches d54-d63)."""

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
    """The office is the registry's holder, who is the document's own "Jawad Zarif" (one person,
    shown as the registry writes him: "Jawad" is one consonant from "Javad"), and "separately
    talked to A and B" is one call each."""
    x = run(extractor, "Acting Foreign Minister Hanif Atmar has held telephonic conversation with his Iranian "
            "counterpart Jawad Zarif, a statement said on Thursday.\n\nIranian foreign minister earlier "
            "separately talked to president Ashraf Ghani and Abdullah Abdullah.",
            publisher="Example News", published="2020-04-30")
    assert sorted(sorted(p.name for p in e.participants) for e in x.events if not e.primary) == [
        ["Abdullah Abdullah", "Mohammad Javad Zarif"], ["Ashraf Ghani", "Mohammad Javad Zarif"]]


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


# Found in blind batches d56 and d57.

def test_a_conjunct_action_s_companion_is_not_at_the_meeting(extractor: Extractor) -> None:
    x = run(extractor, "The President met with Mexican businesspersons, laid a floral offering at the Altar de la "
            "Patria alongside Irina Karamanos, and held a bilateral meeting with President Andrés Manuel López "
            "Obrador at the National Palace.", publisher="Government of Chile", published="2022-11-24")
    assert not any("Irina Karamanos" in names(e) for e in x.events)


def test_a_surname_is_the_office_holder_not_an_earlier_namesake_without_office(extractor: Extractor) -> None:
    x = run(extractor, "Jenny Morrison will be accompanied by Mary Bainimarama to the Fiji Museum.\n\nA bilateral "
            "meeting between Bainimarama and Australian Prime Minister Scott Morrison will commence at 3.45pm.",
            publisher="Example News", published="2019-01-17")
    assert {(p.name, p.country) for p in primary(x).participants} == {
        ("Frank Bainimarama", "FJI"), ("Scott Morrison", "AUS")}


def test_bilateral_meetings_announced_then_listed_are_one_each(extractor: Extractor) -> None:
    x = run(extractor, "Bank President Akinwumi Adesina held several high-level bilateral meetings on the sidelines of "
            "the Assembly. Adesina met with His Excellency Andrei Rajoelina, President of Madagascar and His Majesty "
            "Letsie III, King of Lesotho.", publisher="African Development Bank", published="2019-02-11")
    assert {(p.name, p.country) for e in x.events for p in e.participants if p.name != "Akinwumi Adesina"} == {
        ("Andrei Rajoelina", "MDG"), ("Letsie III", "LSO")}
    assert engaged(x, "MEET") == [["Akinwumi Adesina", "Andrei Rajoelina"], ["Akinwumi Adesina", "Letsie III"]]


def test_a_ministry_s_numeral_is_no_person(extractor: Extractor) -> None:
    x = run(extractor, "On November 17, Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan, held a telephone "
            "talk with Dato Erywan Yusof, Minister of Foreign Affairs II, Brunei Darussalam.",
            publisher="Ministry of Foreign Affairs of Japan", published="2021-11-17")
    assert names(primary(x)) == {"Yoshimasa Hayashi", "Erywan Yusof"}


def test_a_one_word_name_takes_the_state_written_before_its_titles(extractor: Extractor) -> None:
    x = run(extractor, "This afternoon, Tonga's Prime Minister, Honourable Hu'akavameiliku held a bilateral meeting in "
            "Auckland with the Prime Minister of New Zealand, the Right Honourable Christopher Luxon.",
            publisher="Prime Minister's Office, Kingdom of Tonga", published="2024-02-08")
    assert {(p.name, p.country) for p in primary(x).participants} == {
        ("Siaosi Sovaleni", "TON"), ("Christopher Luxon", "NZL")}  # (the noble title is his registry alias)


def test_today_followed_by_its_written_date_is_that_date(extractor: Extractor) -> None:
    x = run(extractor, "President George Manneh Weah will today Tuesday, 4 July 2023 hold talks with Israeli President "
            "Isaac Herzog and Prime Minister Benjamin Netanyahu as part of a high-level bilateral meeting between "
            "the two countries.", publisher="Example Dawn", published="2023-07-03")
    assert engaged(x, "MEET") == [["Benjamin Netanyahu", "George Manneh Weah"], ["George Manneh Weah", "Isaac Herzog"]]
    assert {e.date for e in x.events} == {"2023-07-04"}


def test_a_conference_named_with_meetings_is_no_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Christopher Luxon congratulated Prime Minister Hu'akavameiliku as incoming "
            "chair of the 53rd Pacific Islands Leaders Forum Meetings to be hosted in Tonga in August 2024.",
            publisher="Example News", published="2024-02-08")
    assert x.events == ()


# Found in blind batches d58 and d59.

def test_an_abbreviated_style_does_not_end_the_words_that_give_a_state(extractor: Extractor) -> None:
    x = run(extractor, "Minister of Foreign Affairs, Abdulla Shahid paid a courtesy call on the Prime Minister of the "
            "Kingdom of Morocco, His Excellency Dr. Saad Eddine El-Othmani, today.",
            title="Foreign Minister Shahid pays a courtesy call on the Prime Minister of Morocco",
            publisher="Ministry of Foreign Affairs, Maldives", published="2019-11-15")
    assert {(p.name, p.country) for p in primary(x).participants} == {
        ("Abdulla Shahid", "MDV"), ("Saad Eddine El-Othmani", "MAR")}


def test_a_call_recalled_by_month_last_year_is_another_call(extractor: Extractor) -> None:
    x = run(extractor, "Pakistan Prime Minister Imran Khan phoned Prime Minister Sheikh Hasina at around 1:00 pm, her "
            "press secretary said.\n\nIn October last year, Imran Khan spoke with his Bangladesh counterpart Sheikh "
            "Hasina over telephone.", publisher="Example Observer", published="2020-07-23")
    assert sorted(str(e.date) for e in x.events if e.type == "CALL") == ["2019-10", "None"]


def test_a_ceremonial_welcome_by_two_hosts_is_one_meeting(extractor: Extractor) -> None:
    x = run(extractor, "President Danny Faure, who is on his first bilateral visit to India, was accorded a ceremonial "
            "welcome at the Rashtrapati Bhavan by President Ram Nath Kovind and Prime Minister Narendra Modi this "
            "morning.",
            publisher="Example India", published="2018-06-25")
    assert engaged(x, "MEET") == [["Danny Faure", "Narendra Modi", "Ram Nath Kovind"]]


def test_who_lived_where_the_visitor_went_is_no_visitor(extractor: Extractor) -> None:
    x = run(extractor, "President Danny Faure of Seychelles had landed in Gujarat on Friday as part of his six-day "
            "India tour and visited the Sabarmati Ashram on Saturday, where Mahatma Gandhi lived between 1917 and "
            "1930.",
            publisher="Example India", published="2018-06-25")
    assert engaged(x, "VISIT") == [["Danny Faure"]]


def test_a_summit_listed_in_a_schedule_is_still_ahead(extractor: Extractor) -> None:
    x = run(extractor, "President Lee Jae Myung headed straight to Nara, where he is scheduled to hold a series of "
            "events, including the one-on-one summit with Japanese Prime Minister Sanae Takaichi.",
            publisher="Example Herald", published="2026-01-13")
    assert [e.modality for e in x.events if e.type == "MEET"] == ["planned"]


def test_the_year_a_participant_took_office_does_not_date_the_meeting(extractor: Extractor) -> None:
    """(Were it taken for the meeting's, the meeting would be an earlier one of the pair.)"""
    x = run(extractor, "President Vladimir Putin met with Prime Minister of the Slovak Republic Peter Pellegrini.\n\n"
            "This is the first meeting between Vladimir Putin and Peter Pellegrini who took office in March 2018.",
            publisher="President of Russia", published="2019-06-06")
    assert engaged(x, "MEET") == [["Peter Pellegrini", "Vladimir Putin"]]
    assert "March 2018" not in str(dict(primary(x).explain))


# Found in blind batches d60 and d61.

def test_a_farewell_visit_hosted_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Milo Đukanović hosted earlier today a farewell visit by Ambassador of the "
            "Russian Federation Andrei Nesterenko.", publisher="Government of Montenegro", published="2015-07-17")
    assert [e.type for e in x.events] == ["MEET"] and names(primary(x)) == {"Milo Đukanović", "Andrei Nesterenko"}


def test_a_meeting_through_visual_communication_technology_is_a_call(extractor: Extractor) -> None:
    x = run(extractor, "His Excellency Dr. Hanan Mohamed Al Kuwari, Minister of Public Health, met with Dr. Tedros "
            "Adhanom Ghebreyesus, Director-General of the World Health Organization, through visual communication "
            "technology.",
            publisher="Example Qatar", published="2020-10-01")
    assert primary(x).type == "CALL"


# Found in blind batches d62 and d63.

def test_a_named_owner_s_meetings_are_his_not_the_teller_s(extractor: Extractor) -> None:
    x = run(extractor, "President Sauli Niinistö had a telephone call with President Donald Trump on 23 April 2018.\n\n"
            "President Niinistö also expressed his hope that President Trump's meetings with Emmanuel Macron, the "
            "President of France and Angela Merkel, the German Chancellor are fruitful.",
            publisher="Office of the President of the Republic of Finland", published="2018-04-23")
    assert engaged(x, "MEET") == [["Angela Merkel", "Donald Trump"], ["Donald Trump", "Emmanuel Macron"]]


def test_discussions_in_a_round_of_telephone_calls_are_calls_and_each_of_its_state(extractor: Extractor) -> None:
    x = run(extractor, "President Cyril Ramaphosa received messages of congratulations from a number of Heads of State "
            "during a round of telephone calls on Sunday.\n\nThe President has also had discussions with Prime "
            "Minister Kjell Stefan Löfven of Sweden, Prime Minister Theresa May of the United Kingdom and President "
            "Ian Khama of Botswana.", publisher="The Presidency, South Africa", published="2018-02-19")
    assert {e.type for e in x.events} == {"CALL"}
    assert {(p.name, p.country) for e in x.events for p in e.participants if p.name != "Cyril Ramaphosa"} == {
        ("Kjell Stefan Löfven", "SWE"), ("Theresa May", "GBR"), ("Ian Khama", "BWA")}


# Found in blind batches d64 and d65.

def test_a_headline_does_not_add_a_third_side_to_a_call(extractor: Extractor) -> None:
    x = run(extractor, "Just after Ukrainian President Volodymyr Zelensky arrived in South Africa, President Cyril "
            "Ramaphosa held a telephone call with US President Donald Trump.",
            title="Ramaphosa calls Trump while Zelensky is in South Africa",
            publisher="Example News", published="2025-04-24")
    assert engaged(x, "CALL") == [["Cyril Ramaphosa", "Donald Trump"]]


def test_talks_to_be_held_are_the_expected_holder_s_and_another_clause_s_meeting_is_not_theirs(
        extractor: Extractor) -> None:
    x = run(extractor, "President Xi Jinping met Cambodian Prime Minister Hun Manet in Beijing on Friday.\n\nAs well "
            "as meeting Xi, Hun Manet is expected to hold talks with Premier Li Qiang and Zhao Leji, head of the "
            "Standing Committee.", publisher="Example Recorder", published="2023-09-15")
    assert engaged(x, "MEET") == [["Hun Manet", "Li Qiang", "Zhao Leji"], ["Hun Manet", "Xi Jinping"]]

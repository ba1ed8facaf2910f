"""Who travelled with whom and which engagement is the news: a visit welcomed while under way, a
companion on someone's trip, a host named after "a courtesy visit to", a spouse beside a leader,
"their" talks on a call, the later of two meetings of one pair, a call behind a headline's "looking
forward", a joint press conference, introductory calls in a telephone round, a date-first
dateline before a visit's days, "last night", a quoted telling's day, plural
leaders without an article, a foreign minister called "top diplomat", bare organisation offices,
a thing named after a person, parliamentary titles, self-governing states (each on a
constructed text that fails without its rule; found in blind batches d68 and d69)."""

from __future__ import annotations

from parley.extract import Extractor
from test_extract import engaged, names, primary, run


def test_a_host_welcoming_the_guest_s_visit_is_receiving_the_visit_under_way(extractor: Extractor) -> None:
    x = run(extractor, "The Chief Executive, Mr John Lee, met the President of the World Bank, Mr Ajay Banga, "
            "at Government House today. Mr Lee welcomed Mr Banga's visit to Hong Kong.",
            publisher="Hong Kong SAR Government", published="2024-03-28")
    assert engaged(x, "VISIT") == [["Ajay Banga"]]
    planned = run(extractor, "Prime Minister Kishida welcomed President Widodo's planned visit to Japan next "
                  "year during their telephone call today.", publisher="Ministry of Foreign Affairs of Japan",
                  published="2023-05-18")
    assert engaged(planned, "VISIT") == []


def test_who_accompanies_someone_on_a_trip_makes_the_trip_with_them(extractor: Extractor) -> None:
    x = run(extractor, "On 3 May, Foreign Minister Sven Mikser accompanied President Kersti Kaljulaid during "
            "her trip to Washington. During the visit, the minister met with US Secretary of State Mike "
            "Pompeo.", publisher="Ministry of Foreign Affairs of Estonia", published="2018-05-03")
    assert engaged(x, "VISIT") == [["Kersti Kaljulaid", "Sven Mikser"]]


def test_a_courtesy_visit_paid_to_a_named_leader_has_that_host(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Lee Hsien Loong flew to Bangkok on Monday to pay a courtesy visit "
            "to Thailand's new prime minister Srettha Thavisin.", publisher="The Straits Times",
            published="2023-09-19")
    assert ["Lee Hsien Loong", "Srettha Thavisin"] in engaged(x, "VISIT")


def test_a_leader_s_spouse_is_not_a_side_of_the_meeting(extractor: Extractor) -> None:
    x = run(extractor, "President Joe Biden and First Lady Jill Biden will welcome President Emmanuel Macron "
            "and Mrs. Brigitte Macron of France to the White House on December 1, 2022.",
            publisher="The White House", published="2022-11-08")
    assert names(primary(x)) == {"Joe Biden", "Emmanuel Macron"}


def test_their_discussions_told_in_the_report_of_a_call_are_the_call(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Justin Trudeau said he had a productive phone conversation with "
            "President Joe Biden on Thursday morning. A White House official confirmed the call and said "
            "Biden and Trudeau had discussions about trade.", publisher="Example News", published="2021-02-26")
    assert [e.type for e in x.events] == ["CALL"]


def test_of_two_meetings_of_the_headline_s_pair_the_later_one_is_the_news(extractor: Extractor) -> None:
    x = run(extractor, "President Macky Sall hosted President Adama Barrow in Paris, France, on June 3. "
            "President Sall on Friday evening received President Adama Barrow on a courtesy visit at his "
            "residence in Dakar.", title="Sall hosts Gambian President Barrow", publisher="Example News",
            published="2023-06-24")
    assert primary(x).date == "2023-06-23"


def test_a_headline_looking_forward_to_a_meeting_reports_the_call_it_was_said_in(extractor: Extractor) -> None:
    x = run(extractor, "Chancellor Olaf Scholz and President Joe Biden say they are both looking forward to "
            "meeting in person next month in Washington.\n\nIn their first telephone call since the "
            "election the pair discussed trade.",
            title="Scholz and Biden both looking forward to meeting in person", publisher="Example News",
            published="2021-12-10")
    assert primary(x).type == "CALL"
    assert engaged(x, "MEET") == [["Joe Biden", "Olaf Scholz"]]


def test_a_joint_news_conference_is_a_meeting_of_the_day_its_remarks_call_today(extractor: Extractor) -> None:
    x = run(extractor, "President Obama. Please be seated. Good afternoon. Today it's a pleasure to welcome "
            "President Moon back to the White House.",
            title="The President's News Conference With President Moon Jae-in of South Korea",
            publisher="The American Presidency Project", published="2017-06-30")
    meeting = primary(x)
    assert meeting.type == "MEET" and meeting.date == "2017-06-30"


def test_introductory_calls_in_a_telephone_round_are_calls_and_a_companion_is_on_the_caller_s_end(
        extractor: Extractor) -> None:
    x = run(extractor, "Alongside Minister for Pacific Peoples Aupito William Sio, Minister Nanaia Mahuta held "
            "an introductory call with the Premier of Niue, Dalton Tagelagi.",
            title="Foreign Minister Nanaia Mahuta has held introductory phone calls with Niue",
            publisher="Ministry of Foreign Affairs and Trade, New Zealand", published="2020-11-30")
    assert engaged(x, "CALL") == [["Aupito William Sio", "Dalton Tagelagi", "Nanaia Mahuta"]]
    assert {p.country for p in primary(x).participants if p.name == "Dalton Tagelagi"} == {"NIU"}


def test_a_date_first_dateline_does_not_date_a_meeting_of_a_visit_s_days(extractor: Extractor) -> None:
    x = run(extractor, "Thursday, February 14, Vilnius – On February 21-22, President Dalia Grybauskaitė will "
            "go on a state visit to Poland where she will meet with President Andrzej Duda, Marshal of "
            "the Sejm Marek Kuchciński and Prime Minister Mateusz Morawiecki.",
            publisher="Office of the President of the Republic of Lithuania", published="2019-02-14")
    assert primary(x).date == "2019-02-21"  # talks over several days: the first (annotation.md)
    assert ["Dalia Grybauskaitė", "Marek Kuchciński"] in engaged(x, "MEET")
    assert engaged(x, "VISIT") == [["Dalia Grybauskaitė"]]


def test_the_pair_s_meeting_last_night_is_another_meeting(extractor: Extractor) -> None:
    x = run(extractor, "President Xi Jinping and his US counterpart, Donald Trump, met for an extended meeting "
            "at the Great Hall of the People in Beijing on Thursday morning. Trump expressed gratitude for "
            "the warm reception, saying that his meeting with Xi last night was \"absolutely terrific\".",
            publisher="Example Daily", published="2017-11-09")
    assert sorted(e.date or "" for e in x.events if e.type == "MEET") == ["2017-11-08", "2017-11-09"]


def test_the_day_a_statement_said_it_does_not_date_the_talks_it_quotes(extractor: Extractor) -> None:
    x = run(extractor, "KAMPALA – Somali President Mohamed Abdullahi Mohamed and his Ugandan counterpart "
            "Yoweri Museveni discussed on Sunday the need to heighten security in Mogadishu.\n\n"
            "“They held talks on matters of mutual interests affecting both countries,” the statement said on "
            "Monday.", publisher="Example News", published="2017-10-24")
    assert [(e.type, e.date) for e in x.events] == [("MEET", "2017-10-22")]


def test_state_adjectives_without_the_are_some_leaders_not_the_one_of_each(extractor: Extractor) -> None:
    x = run(extractor, "The President, together with Polish and Ukrainian leaders, will also travel to Lublin.",
            publisher="Example News", published="2019-02-14")
    assert not any(p.country in {"POL", "UKR"} for e in x.events for p in e.participants)


def test_a_state_s_top_diplomat_is_its_foreign_minister_and_the_eu_s_is_the_high_representative(
        extractor: Extractor) -> None:
    x = run(extractor, "On 18 September, Foreign Minister Jacek Czaputowicz arrived in Washington. During his "
            "visit, Poland's top diplomat met with US Secretary of State Mike Pompeo for a Madison Dinner. "
            "The format dates back to President James Madison.",
            publisher="Ministry of Foreign Affairs of the Republic of Poland", published="2018-09-18")
    assert names(primary(x)) == {"Jacek Czaputowicz", "Mike Pompeo"}
    eu = run(extractor, "The EU foreign policy chief met Chinese Foreign Minister Wang Yi in Brussels on Monday.",
             publisher="Example News", published="2021-05-10")
    assert names(primary(eu)) == {"Josep Borrell", "Wang Yi"}


def test_a_hope_to_hold_a_meeting_is_no_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Sameh Shoukry received a phone call from Secretary of State Rex "
            "Tillerson on Wednesday. They also expressed their hope to hold a mutual meeting soon.",
            publisher="Example News", published="2018-01-24")
    assert [e.type for e in x.events] == ["CALL"]


def test_a_bare_surname_of_the_publisher_s_own_leader_after_another_place(extractor: Extractor) -> None:
    x = run(extractor, "Minister Nanaia Mahuta held a call with the Ulu-o-Tokelau, Esera Tuisano, to discuss "
            "work stemming from PM Ardern's visit to Tokelau in 2019.",
            publisher="Ministry of Foreign Affairs and Trade, New Zealand", published="2020-11-30")
    assert engaged(x, "VISIT") == [["Jacinda Ardern"]]


def test_an_engagement_told_as_under_way_is_of_the_day_of_writing(extractor: Extractor) -> None:
    x = run(extractor, "President Muhammadu Buhari and his Ghanaian counterpart Nana Akufo-Addo are currently "
            "engaged in bilateral talks at the Presidential Villa, Abuja.", publisher="Example News",
            published="2022-03-31")
    assert primary(x).date == "2022-03-31"
    visit = run(extractor, "Wednesday, 03 June 2015.\n\nForeign Minister Ivica Dačić is on a visit to Armenia.",
                publisher="Ministry of Foreign Affairs of Serbia", published="2015-06-03")
    assert primary(visit).date == "2015-06-03"


def test_talks_of_a_trip_are_dated_by_the_trip_s_weekday(extractor: Extractor) -> None:
    x = run(extractor, "PM Marape made these statements during his official visit to New Zealand last Friday. "
            "The Prime Minister met New Zealand counterpart, Jacinda Ardern in Auckland.",
            publisher="Example News", published="2020-02-24")
    assert primary(x).date == "2020-02-21"


def test_of_two_meetings_told_one_inside_the_other_each_has_its_own_people(extractor: Extractor) -> None:
    x = run(extractor, "Prior to meeting the UN Secretary General on Thursday, Foreign Minister Palamagamba "
            "Kabudi had met US President Donald Trump.", publisher="Example News", published="2019-09-27")
    assert ["Donald Trump", "Palamagamba Kabudi"] in engaged(x, "MEET")



def test_a_glued_initial_names_a_person_and_styles_may_follow_one_another(extractor: Extractor) -> None:
    x = run(extractor, "Ulaanbaatar /MONTSAME/ State Secretary of Ministry of Foreign Affairs of Mongolia "
            "B.Batsetseg met the Deputy Foreign Minister of Japan Kenji Yamada on March 9 in Tokyo.",
            publisher="Montsame (Mongolian National News Agency)", published="2016-03-10")
    assert any("Batsetseg" in n for n in names(primary(x)))
    y = run(extractor, "The Executive Secretary of the Intergovernmental Authority on Development, H.E. Amb (Eng) "
            "Mahboub Maalim, this morning received the Ambassador of Kenya to Djibouti and IGAD, H.E. Dr. "
            "Jane Wanjiru Kamau.", publisher="IGAD Secretariat", published="2018-11-06")
    meeting = primary(y)
    assert names(meeting) == {"Mahboub Maalim", "Jane Wanjiru Kamau"}
    assert {p.country for p in meeting.participants if p.name == "Jane Wanjiru Kamau"} == {"KEN"}

"""Rules for engagements told in passing and for the people of a clause, each on a constructed
text that fails without its rule (the blind-annotated batches under ``corpus/`` hold the real
documents these forms were seen in)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from parley.dates import find_dates
from parley.extract import Extractor
from test_extract import names, primary, run

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def kinds(x, kind: str) -> list[tuple[frozenset[str], str | None]]:  # type: ignore[no-untyped-def]
    return [(frozenset(names(e)), e.location) for e in x.events if e.type == kind]


def test_counterparts_in_listed_states_are_each_a_call(extractor: Extractor) -> None:
    x = run(extractor, "TEHRAN - Iran's Foreign Minister Abbas Araghchi held a series of phone calls with his "
            "counterparts in Turkey, Saudi Arabia, Bahrain, and Iraq on Tuesday.",
            publisher="Tehran Times", published="2025-04-15")
    calls = {frozenset(names(e)) for e in x.events if e.type == "CALL"}
    assert len(calls) == 4 and all(len(c) == 2 and "Abbas Araghchi" in c for c in calls)
    assert any("Hakan Fidan" in c for c in calls)


def test_a_surname_is_the_document_s_own_person_first(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Lee Hsien Loong met President Xi Jinping in Hamburg on 6 July 2017. "
            "PM Lee congratulated President Xi on the anniversary.", publisher="CNA", published="2017-07-06")
    assert names(primary(x)) == {"Lee Hsien Loong", "Xi Jinping"}
    assert {p.name for e in x.events for p in e.participants} == {"Lee Hsien Loong", "Xi Jinping"}


def test_indefinite_and_elect_offices_are_no_holder(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Lawrence Wong spoke with Indonesia president-elect Prabowo Subianto. "
            "It was the first time a Singapore Prime Minister spoke with an Indonesian President-elect.",
            publisher="Bernama", published="2024-05-16")
    people = {p.name for e in x.events for p in e.participants}
    assert people == {"Lawrence Wong", "Prabowo Subianto"}


def test_a_call_between_both_sides_is_the_lead_s_pair(extractor: Extractor) -> None:
    x = run(extractor, "BAGHDAD, Feb 22 (KUNA) -- Iraqi Foreign Minister Fuad Hussein and his Iranian counterpart "
            "Abbas Araghchi discussed Sunday regional developments.\n\nThis came during a telephone call between "
            "both sides, in which they welcomed the designation of Thursday for another round of talks.",
            publisher="KUNA", published="2026-02-22")
    call = primary(x)
    assert (call.type, names(call), call.date) == ("CALL", {"Fuad Hussein", "Abbas Araghchi"}, "2026-02-22")
    assert len(x.events) == 1


def test_they_last_met_is_another_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Lee Hsien Loong met with President Xi Jinping in Hamburg on 6 July 2017. "
            "They last met when China hosted the G20 in Hangzhou last year.", publisher="MFA Singapore",
            published="2017-07-06")
    assert sorted(loc or "" for _, loc in kinds(x, "MEET")) == ["Hamburg", "Hangzhou"]


def test_welcomed_guest_and_visits_by_several(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Anthony Albanese welcomed Prime Minister Jeremiah Manele to Canberra on "
            "26 June 2024 on his first international visit.\n\nThe meeting followed recent visits to Honiara by "
            "Deputy Prime Minister Marles and Foreign Minister Penny Wong.",
            publisher="Prime Minister of Australia", published="2024-06-26")
    assert names(primary(x)) == {"Anthony Albanese", "Jeremiah Manele"}
    visits = set(kinds(x, "VISIT"))
    assert (frozenset({"Jeremiah Manele"}), "Canberra") in visits
    assert {v for v, loc in visits if loc == "Honiara"} == {frozenset({"Marles"}), frozenset({"Penny Wong"})}


def test_an_itinerary_is_one_visit_per_place(extractor: Extractor) -> None:
    x = run(extractor, "Secretary of State Antony Blinken spoke with Saudi Foreign Minister Faisal bin Farhan. "
            "Blinken ended a Middle East tour on Thursday. He visited Jerusalem, Ramallah, Cairo and Amman.",
            publisher="Reuters", published="2021-05-27")
    assert {loc for _, loc in kinds(x, "VISIT")} >= {"Jerusalem", "Ramallah", "Cairo", "Amman"}


def test_spokesman_of_according_to_is_no_participant(extractor: Extractor) -> None:
    x = run(extractor, "European Council President Charles Michel on Thursday held a telephone conversation with "
            "Turkish President Recep Tayyip Erdogan, according to the former's spokesman Barend Leyts.",
            publisher="eKathimerini", published="2020-08-13")
    assert len(names(primary(x))) == 2 and "Barend Leyts" not in names(primary(x))


def test_i_in_a_quotation_is_its_speaker(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Benjamin Netanyahu made the following remarks:\n\n\"This afternoon I am "
            "leaving for Britain in order to meet with British Prime Minister Theresa May and Foreign Secretary "
            "Boris Johnson.\"", publisher="Prime Minister's Office", published="2017-02-05")
    meet = next(e for e in x.events if e.type == "MEET")
    assert names(meet) == {"Benjamin Netanyahu", "Theresa May", "Boris Johnson"}
    assert meet.modality == "planned"
    assert [(v.modality, v.location) for v in x.events if v.type == "VISIT"] == [("planned", "Britain")]


def test_a_bare_office_is_first_the_person_titled_so(extractor: Extractor) -> None:
    x = run(extractor, "Bangkok - The Prime Minister is scheduled to make an official visit to the United States "
            "early next month, during which time he will meet with the U.S. President Donald Trump. Prime "
            "Minister Gen Prayut Chan-o-cha will visit the United States from 2-4 October.",
            publisher="Pattaya Mail", published="2017-09-27")
    meet = next(e for e in x.events if e.type == "MEET")
    assert {n.split()[-1] for n in names(meet)} == {"Chan-o-cha", "Trump"}
    assert (meet.modality, meet.date) == ("planned", "2017-10")


def test_a_working_session_held_includes_its_holder(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Penny Wong held a working session with Minister of Trade Serge Ahissou "
            "and Minister of Transport Alassane Seidou in Cotonou.", publisher="DFAT", published="2018-10-23")
    meet = next(e for e in x.events if e.type == "MEET")
    assert "Penny Wong" in names(meet) and len(names(meet)) >= 2


@given(st.integers(1, 27), st.integers(1, 12), st.sampled_from(["-", " to ", " and ", "–"]))
def test_a_span_of_days_is_dated_by_its_first(day: int, month: int, joiner: str) -> None:
    text = f"He will visit from {day}{joiner}{day + 1} {MONTHS[month - 1]} 2019."
    found = [d for d in find_dates(text, date(2019, 6, 1)) if d.kind == "absolute"]
    assert [d.value for d in found] == [date(2019, month, day).isoformat()]


def test_next_and_this_month_are_months() -> None:
    found = {d.text: d.value for d in find_dates("early next month, or later this month", date(2017, 12, 27))}
    assert found == {"early next month": "2018-01", "later this month": "2017-12"}


def test_earlier_in_the_day_is_the_day_last_named() -> None:
    found = find_dates("the ministry said on Wednesday. Kang talked with Blinken earlier in the day.",
                       date(2021, 1, 27))
    assert [(d.text, d.value) for d in found] == [("on Wednesday", "2021-01-27"),
                                                 ("earlier in the day", "2021-01-27")]


def test_arrangements_and_telling_days(extractor: Extractor) -> None:
    x = run(extractor, "TOKYO\n\nJapanese Foreign Minister Yoshimasa Hayashi is making arrangements to visit China "
            "and meet with his counterpart Wang Yi, NHK public television reported on Wednesday.",
            publisher="Japan Today", published="2022-12-15")
    meet = next(e for e in x.events if e.type == "MEET")
    assert (meet.modality, meet.date) == ("planned", None)


def test_met_two_people_discussing_bilateral_issues_is_one_meeting(extractor: Extractor) -> None:
    x = run(extractor, "President Cyril Ramaphosa hosted President Brahim Ghali in Pretoria on Tuesday. He met US "
            "President Joe Biden and his deputy Kamala Harris, where they discussed bilateral, regional and global "
            "issues.", publisher="SABC", published="2022-10-18")
    meets = [names(e) for e in x.events if e.type == "MEET"]
    assert {"Cyril Ramaphosa", "Joe Biden", "Kamala Harris"} in meets


def test_the_two_sat_down_for_talks_in_the_lead_s_place(extractor: Extractor) -> None:
    x = run(extractor, "US President Donald Trump joined Japanese Prime Minister Sanae Takaichi for a welcome "
            "ceremony at Tokyo's Akasaka Palace on Tuesday.\n\n\"We will be stronger,\" said Takaichi, as the two "
            "leaders sat down for talks.", title="Takaichi guides Trump around Akasaka Palace", publisher="WION",
            published="2025-10-28")
    meet = primary(x)
    assert (meet.type, names(meet), meet.date, meet.location) == (
        "MEET", {"Donald Trump", "Sanae Takaichi"}, "2025-10-28", "Tokyo")


def test_called_on_and_a_welcome_from_are_meetings(extractor: Extractor) -> None:
    x = run(extractor, "President Maithripala Sirisena called on Prime Minister Malcolm Turnbull at the Australian "
            "Parliament in Canberra on Thursday morning.\n\nMr Sirisena received a warm welcome from Governor-General "
            "Peter Cosgrove.\n\nAustralia called on Russia to withdraw its troops.", publisher="News First",
            published="2017-05-25")
    meets = [names(e) for e in x.events if e.type == "MEET"]
    assert {"Maithripala Sirisena", "Malcolm Turnbull"} in meets
    assert {"Maithripala Sirisena", "Peter Cosgrove"} in meets
    assert primary(x).location == "Canberra" and len(meets) == 2


def test_meet_one_and_then_another_is_two_meetings(extractor: Extractor) -> None:
    x = run(extractor, "\"President Andrzej Duda will meet with President Francois Hollande one-to-one, and with "
            "Prime Minister Manuel Valls at a working lunch\", Szczerski told reporters on Tuesday.",
            publisher="President of Poland", published="2015-10-27")
    meets = sorted(sorted(names(e)) for e in x.events if e.type == "MEET")
    assert meets == [["Andrzej Duda", "François Hollande"], ["Andrzej Duda", "Manuel Valls"]]


def test_talks_an_arrival_was_for_take_its_day(extractor: Extractor) -> None:
    x = run(extractor, "Russian President Vladimir Putin arrived in Ankara on Thursday for talks with his Turkish "
            "counterpart Recep Tayyip Erdogan.\n\nPutin was welcomed by Erdogan on Thursday afternoon.",
            publisher="Business Standard", published="2017-09-29")
    meet = primary(x)
    assert (meet.type, meet.date, meet.modality) == ("MEET", "2017-09-28", "occurred")
    assert len([e for e in x.events if e.type == "MEET"]) == 1


def test_a_weekday_beside_its_date_is_that_date() -> None:
    found = find_dates("hold talks on Thursday, October 14, when he hosts the President", date(2021, 10, 13))
    assert [d.value for d in found] == ["2021-10-14", "2021-10-14"]


def test_an_unnamed_counterpart_and_a_semicolon_list(extractor: Extractor) -> None:
    x = run(extractor, "Cambodian prime minister Hun Manet met with his Vietnamese counterpart on Monday on an "
            "official visit.\n\nHun Manet was also scheduled to meet with Nguyen Phu Trong, the party's general "
            "secretary; Vo Van Thuong, the president; and Vuong Dinh Hue, the national assembly chief.",
            publisher="Associated Press", published="2023-12-11")
    meets = [names(e) for e in x.events if e.type == "MEET"]
    assert len(meets) == 4 and all(len(m) == 2 and "Hun Manet" in m for m in meets)
    assert any("Chính" in n or "Chinh" in n for n in names(primary(x)))


def test_separate_phone_talks_are_one_call_each(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Nguyen Xuan Phuc held separate phone talks with Lao Prime Minister "
            "Thongloun Sisoulith and Cambodian Prime Minister Hun Sen on February 11.", publisher="VNA",
            published="2021-02-12")
    assert sorted(len(names(e)) for e in x.events if e.type == "CALL") == [2, 2]


def test_an_agenda_after_a_standfirst_and_a_relay_dateline(extractor: Extractor) -> None:
    x = run(extractor, "He will hold talks with Mongolian Foreign Minister Batmunkhin Battsetseg\n\nULAANBAATAR, "
            "July 5. /TASS/. Russian Foreign Minister Sergey Lavrov on Tuesday arrived in the Mongolian capital, "
            "Ulaanbaatar, for a working visit.\n\nLavrov's agenda includes talks with his Mongolian counterpart, "
            "Battsetseg Batmunkh, as well as with President of Mongolia Ukhnaagiin Khurelsukh.",
            publisher="TASS", published="2022-07-05")
    meet = primary(x)
    assert (meet.modality, meet.date, meet.location) == ("planned", None, "Ulaanbaatar")
    meets = [names(e) for e in x.events if e.type == "MEET"]
    assert all(len(m) == 2 and "Sergey Lavrov" in m for m in meets) and len(meets) == 2


def test_a_courtesy_visit_received_and_the_meeting_told_again(extractor: Extractor) -> None:
    x = run(extractor, "\"The minister reiterated the commitment,\" Foreign Minister Retno Marsudi stated after "
            "accompanying the president to receive the courtesy visit of Malaysian Foreign Minister Zambry Abdul "
            "Kadir at the Merdeka Palace here Friday.\n\nAt the bilateral meeting, President Joko Widodo "
            "congratulated Malaysia for the new government under Prime Minister Anwar Ibrahim.",
            title="President Jokowi Expects Proper Placement System", publisher="Antara",
            published="2022-12-30")
    meet = primary(x)
    assert (meet.type, names(meet)) == ("MEET", {"Joko Widodo", "Zambry Abdul Kadir"})
    assert not any("Anwar Ibrahim" in names(e) for e in x.events)


def test_talks_of_a_dated_trip_and_just_now(extractor: Extractor) -> None:
    x = run(extractor, "May 6, 2016\n\nOn May 6 (local time), Prime Minister Shinzo Abe visited Sochi in the Russian "
            "Federation.\n\nPrime Minister Abe held talks with H.E. Mr. Vladimir Putin, President of the Russian "
            "Federation.", publisher="Prime Minister of Japan and His Cabinet", published="2016-05-06")
    assert (primary(x).type, primary(x).date) == ("MEET", "2016-05-06")
    found = find_dates("Just now, for approximately 45 minutes, I had a telephone talk.", date(2025, 5, 23))
    assert [d.value for d in found] == ["2025-05-23"]


def test_forms_of_talks_seen_on_unseen_sources(extractor: Extractor) -> None:
    x = run(extractor, "Doha: The Amir Sheikh Tamim bin Hamad Al Thani held an official talks session with US "
            "President Donald Trump at the Amiri Diwan today.", publisher="The Peninsula", published="2025-05-14")
    assert (primary(x).type, names(primary(x))) == ("MEET", {"Tamim bin Hamad Al Thani", "Donald Trump"})
    x = run(extractor, "President Ferdinand Marcos Jr. reaffirmed the partnership as he spoke for the first time with "
            "South Korean President Lee Jae-myung on Thursday, Aug. 14.", publisher="Manila Bulletin",
            published="2025-08-15")
    assert (primary(x).type, primary(x).date) == ("CALL", "2025-08-14")
    x = run(extractor, "Prime Minister Magdalena Andersson will visit Finland on Wednesday, 8 December.\n\nPrime "
            "Minister Sanna Marin and Prime Minister Magdalena Andersson will discuss bilateral relations.\n\n"
            "According to tradition, Finnish and Swedish prime ministers meet shortly after taking office.",
            publisher="Finnish Government", published="2021-12-03")
    meets = [(names(e), e.modality) for e in x.events if e.type == "MEET"]
    assert meets == [({"Sanna Marin", "Magdalena Andersson"}, "planned")]
    assert [v.modality for v in x.events if v.type == "VISIT"] == ["planned"]


def test_visiting_the_capital_of_a_country(extractor: Extractor) -> None:
    x = run(extractor, "Kuala Lumpur, 15 December 2021 (TDI): Yesterday, US Secretary of State Antony Blinken visited "
            "the capital of Malaysia.", publisher="The Diplomatic Insight", published="2021-12-15")
    assert (primary(x).type, primary(x).location, primary(x).date) == ("VISIT", "Malaysia", "2021-12-14")


def test_names_beyond_ascii_and_a_country_dateline(extractor: Extractor) -> None:
    x = run(extractor, "SWEDEN, May 17 - On Thursday 19 May 2022, Prime Minister Magdalena Andersson will travel to "
            "Washington DC to meet with US President Joe Biden and Finland's President Sauli Niinistö.\n\nMr Biden "
            "and Mr Niinistö will discuss NATO.", publisher="Government Offices of Sweden", published="2022-05-17")
    meet = primary(x)
    assert names(meet) == {"Magdalena Andersson", "Joe Biden", "Sauli Niinistö"}
    assert (meet.modality, meet.date) == ("planned", "2022-05-19")
    assert not any(p.name == "Niinist" for e in x.events for p in e.participants)


def test_a_round_of_calls_under_a_standfirst(extractor: Extractor) -> None:
    x = run(extractor, "Agrees on need for close working relations with all three\n\nAn Taoiseach, Leo Varadkar has "
            "spoken by phone today with the French President Emmanuel Macron, the Chancellor of Germany Angela "
            "Merkel, and British Prime Minister Theresa May.",
            title="Taoiseach has phone calls with President Macron, Chancellor Merkel, Prime Minister May",
            publisher="Department of the Taoiseach", published="2017-06-15")
    calls = sorted(sorted(names(e)) for e in x.events if e.type == "CALL")
    assert calls == [["Angela Merkel", "Leo Varadkar"], ["Emmanuel Macron", "Leo Varadkar"],
                     ["Leo Varadkar", "Theresa May"]]


def test_ascii_spellings_and_airport_welcomes(extractor: Extractor) -> None:
    x = run(extractor, "OSLO - Norwegian Prime Minister Jonas Gahr Stoere had an hour-long conversation with Russian "
            "President Vladimir Putin on Thursday.", title="Norway prime minister spoke with Russia's Putin",
            publisher="Reuters", published="2022-03-31")
    assert "Jonas Gahr Støre" in names(primary(x))
    x = run(extractor, "President Maithripala Sirisena first landed at Jinnah International Airport in Karachi, where "
            "he was received by Sindh Chief Minister Syed Qaim Ali Shah.", publisher="Dawn", published="2015-04-06")
    assert not any(e.type == "MEET" for e in x.events)


def test_introductory_calls_on_a_minister_are_meetings(extractor: Extractor) -> None:
    x = run(extractor, "Introductory call by US Ambassador Kirk Wagar on Minister for Foreign Affairs Dr Vivian "
            "Balakrishnan, 27 October 2015 [Photo Credit: MFA]", publisher="MFA Singapore", published="2015-10-28")
    assert [(e.type, names(e)) for e in x.events] == [("MEET", {"Kirk Wagar", "Vivian Balakrishnan"})]
    x = run(extractor, "U.S. President Donald Trump told South Korean President Moon Jae-in during a phone call on "
            "Tuesday that he had a message.", publisher="KBS World", published="2018-09-06")
    assert [(e.type, names(e)) for e in x.events] == [("CALL", {"Donald Trump", "Moon Jae-in"})]

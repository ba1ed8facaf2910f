"""Event rules of issue 9, each on a sentence written for the test (none copied from the dev set):
arrivals and departures, the meeting a leader travels for, visits placed by the meeting abroad,
dates of planned engagements, page date stamps, earlier meetings of the same pair."""

from __future__ import annotations

from parley.dates import find_dates, is_stamp, parse_iso
from parley.extract import Extractor
from parley.extract.when_where import forward
from parley.model import Event, Extraction
from test_extract import primary, run


def of_type(x: Extraction, kind: str) -> list[Event]:
    return [e for e in x.events if e.type == kind]


def names(event: Event) -> set[str]:
    return {p.name for p in event.participants}


def test_arrival_makes_a_visit_and_the_summit_ahead_is_primary_and_planned(extractor: Extractor) -> None:
    x = run(extractor, "Brazilian President Luiz Inacio Lula da Silva arrived in Tokyo on Monday for a summit "
                       "with Japanese Prime Minister Fumio Kishida.",
            title="Lula arrives in Japan for summit with Kishida", published="2023-05-22")
    meet = primary(x)
    assert meet.type == "MEET" and meet.modality == "planned"
    assert names(meet) == {"Luiz Inácio Lula da Silva", "Fumio Kishida"}
    visits = of_type(x, "VISIT")
    assert [v.location for v in visits] == ["Tokyo"] and visits[0].modality == "occurred"


def test_departure_for_a_capital_is_a_visit(extractor: Extractor) -> None:
    x = run(extractor, "German Chancellor Olaf Scholz left for Beijing on Thursday. He will meet President "
                       "Xi Jinping on Friday.", published="2022-11-03")
    visit = of_type(x, "VISIT")[0]
    assert visit.location == "Beijing" and names(visit) == {"Olaf Scholz"}


def test_visiting_at_the_invitation_of_the_host_is_a_visit_but_an_invitation_is_not(
        extractor: Extractor) -> None:
    made = run(extractor, "Indian Prime Minister Narendra Modi met Egyptian President Abdel Fattah al-Sisi in "
                          "Cairo on Sunday. Modi is visiting Egypt at the invitation of President al-Sisi.",
               published="2023-06-25")
    assert [v.location for v in of_type(made, "VISIT")] == ["Egypt"]
    offered = run(extractor, "Indian Prime Minister Narendra Modi spoke with Egyptian President Abdel Fattah "
                             "al-Sisi on Sunday. Modi invited al-Sisi to visit India.", published="2023-06-25")
    assert of_type(offered, "VISIT") == []


def test_a_visit_named_without_destination_is_placed_by_the_meeting_abroad(extractor: Extractor) -> None:
    x = run(extractor, "Canadian Prime Minister Justin Trudeau met Kenyan President William Ruto in Nairobi "
                       "on Tuesday. Trudeau's visit comes as the two countries deepen trade ties.",
            published="2023-05-09")
    visits = of_type(x, "VISIT")
    assert len(visits) == 1 and names(visits[0]) == {"Justin Trudeau"}
    assert visits[0].location == "Nairobi" and visits[0].date == "2023-05-09"


def test_an_anaphoric_visit_goes_to_the_one_foreign_participant(extractor: Extractor) -> None:
    x = run(extractor, "Secretary of State Antony Blinken met with Kenyan Foreign Minister Alfred Mutua "
                       "today in Washington. This visit marked the first dialogue of the two ministers.",
            published="2022-05-04", publisher="U.S. Department of State")
    visits = of_type(x, "VISIT")
    assert [names(v) for v in visits] == [{"Alfred Mutua"}]


def test_planned_meetings_point_ahead_in_time() -> None:
    anchor = parse_iso("2024-03-04")  # a Monday
    on_friday = find_dates("on Friday", anchor)[0]
    assert on_friday.value == "2024-03-01"  # told of the past
    assert forward(on_friday, anchor) == "2024-03-08"  # told of a plan
    in_january = find_dates("on January 10", anchor)[0]
    assert in_january.value == "2024-01-10" and forward(in_january, anchor) == "2025-01-10"


def test_the_host_will_receive_the_guest_on_a_coming_day(extractor: Extractor) -> None:
    x = run(extractor, "President Emmanuel Macron will host Indian Prime Minister Narendra Modi in Paris on "
                       "July 14.", published="2023-07-10")
    assert primary(x).date == "2023-07-14" and primary(x).modality == "planned"


def test_a_date_alone_on_its_line_stamps_the_page() -> None:
    text = "14 March 2021 - 09:30\n\nThe two presidents discussed trade on 12 March 2021."
    stamp, said = find_dates(text)
    assert is_stamp(stamp, text) and not is_stamp(said, text)


def test_a_readout_with_only_a_page_stamp_has_no_event_date(extractor: Extractor) -> None:
    x = run(extractor, "March 14, 2021\nPresident Joe Biden had a telephone conversation with President "
                       "Cyril Ramaphosa of South Africa.", published="2021-03-14")
    assert primary(x).type == "CALL" and primary(x).date is None


def test_an_earlier_meeting_of_the_same_pair_stays_apart(extractor: Extractor) -> None:
    x = run(extractor, "Chinese Premier Li Qiang met German Chancellor Olaf Scholz in Berlin on Monday. "
                       "Li and Scholz last met in November 2022 in Beijing.", published="2023-06-19")
    meetings = of_type(x, "MEET")
    assert sorted((m.date, m.location) for m in meetings) == [("2022-11", "Beijing"), ("2023-06-19", "Berlin")]


def test_visits_to_two_countries_stay_two_visits(extractor: Extractor) -> None:
    x = run(extractor, "Japanese Prime Minister Fumio Kishida arrived in Manila on Friday. In May, Kishida "
                       "visited South Korea.", published="2023-11-03")
    assert sorted(v.location or "" for v in of_type(x, "VISIT")) == ["Manila", "South Korea"]


def test_places_that_qualify_a_topic_are_not_venues(extractor: Extractor) -> None:
    x = run(extractor, "President Joe Biden will hold talks with Prime Minister Rishi Sunak to discuss the "
                       "situation in Ukraine.", published="2023-06-05")
    assert primary(x).location is None


def test_an_entourage_is_not_at_the_table(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Anthony Albanese met President Joko Widodo in Jakarta on Monday, "
                       "accompanied by Foreign Minister Penny Wong.", published="2022-06-06")
    assert names(primary(x)) == {"Anthony Albanese", "Joko Widodo"}


def test_hosting_a_counterpart_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Egyptian President Abdel Fattah al-Sisi hosted his Kenyan counterpart, William Ruto, "
                       "in Cairo on Tuesday.", published="2023-02-14")
    assert primary(x).type == "MEET" and names(primary(x)) == {"Abdel Fattah al-Sisi", "William Ruto"}


def test_plural_offices_of_two_states_meet(extractor: Extractor) -> None:
    x = run(extractor, "The foreign ministers of Egypt and Turkey met in Cairo on Saturday. Egyptian Foreign "
                       "Minister Sameh Shoukry said the talks with Turkish Foreign Minister Mevlut Cavusoglu "
                       "were constructive.", published="2023-03-18")
    meet = primary(x)
    assert meet.type == "MEET" and len(meet.participants) == 2
    assert names(meet) == {"Sameh Shoukry", "Mevlüt Çavuşoğlu"}  # the registry spelling
    assert {p.country for p in meet.participants} == {"EGY", "TUR"}


def test_they_last_met_is_an_earlier_meeting_of_the_pair(extractor: Extractor) -> None:
    x = run(extractor, "Chinese Foreign Minister Wang Yi met Indian External Affairs Minister Subrahmanyam "
                       "Jaishankar in New Delhi on Monday. They last met in July in Vientiane.",
            published="2025-08-18")
    meetings = sorted((m.date or "", m.location or "") for m in of_type(x, "MEET"))
    assert meetings == [("2025-07", "Vientiane"), ("2025-08-18", "New Delhi")]


def test_someone_elses_they_is_not_the_pair(extractor: Extractor) -> None:
    x = run(extractor, "Chinese Foreign Minister Wang Yi met Indian External Affairs Minister Subrahmanyam "
                       "Jaishankar in New Delhi on Monday. The defence ministers will take it up when they "
                       "meet next month.", published="2025-08-18")
    assert len(of_type(x, "MEET")) == 1


def test_just_finished_a_meeting_is_the_day_of_writing(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Mark Carney just wrapped up a productive meeting with President Cyril "
                       "Ramaphosa of South Africa.", published="2025-06-02")
    assert primary(x).date == "2025-06-02"
    undated = run(extractor, "Prime Minister Mark Carney held a productive meeting with President Cyril "
                             "Ramaphosa of South Africa.", published="2025-06-02")
    assert primary(undated).date is None


def test_a_meeting_that_occurred_is_not_the_one_planned(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Narendra Modi will meet Prime Minister Sheikh Hasina at noon on "
                       "Saturday. Yesterday Modi met Hasina briefly at the swearing-in ceremony.",
            published="2024-06-07")
    meetings = sorted((m.date or "", m.modality) for m in of_type(x, "MEET"))
    assert meetings == [("2024-06-06", "occurred"), ("2024-06-08", "planned")]


def test_relay_datelines_give_place_and_day() -> None:
    from parley.extract.knowledge import knowledge
    from parley.extract.pipeline import dateline

    kb, on = knowledge(), parse_iso("2024-06-01")
    assert dateline("MOSCOW, May 31. /TASS/. The Russian leader said", kb, on) == ("Moscow", "2024-05-31")
    assert dateline("(MENAFN) -- ANKARA, 30 May (AA) - Turkish officials", kb, on) == ("Ankara", "2024-05-30")
    assert dateline("NEW DELHI: The Prime Minister said", kb, on) == ("New Delhi", None)
    assert dateline("Beijing-based analysts said", kb, on) == (None, None)


def test_a_relay_counts_weekdays_from_its_own_dateline(extractor: Extractor) -> None:
    # Written on Friday 31 May in Moscow, relayed on Saturday 1 June: "on Thursday" is 30 May.
    x = run(extractor, "MOSCOW, May 31. /TASS/. Russian President Vladimir Putin held talks with Kazakh "
                       "President Kassym-Jomart Tokayev on Thursday.", published="2024-06-01")
    assert primary(x).date == "2024-05-30"


def test_a_planned_meeting_is_not_dated_by_its_announcement(extractor: Extractor) -> None:
    x = run(extractor, "The Kremlin said on Monday that President Vladimir Putin will meet Chinese President "
                       "Xi Jinping in Beijing on May 16.", published="2024-05-13")
    assert primary(x).modality == "planned" and primary(x).date == "2024-05-16"


def test_a_visit_told_by_its_last_day_starts_earlier(extractor: Extractor) -> None:
    # Written on Wednesday 8 March 2023: the three-day visit through Thursday began on Tuesday.
    x = run(extractor, "Chancellor Olaf Scholz met Prime Minister Narendra Modi in New Delhi on Wednesday. "
                       "Scholz's three-day visit to India through Thursday is his first since taking office.",
            published="2023-03-08")
    visits = of_type(x, "VISIT")
    assert [(v.location, v.date) for v in visits] == [("India", "2023-03-07")]


def test_seas_and_named_occasions_are_not_meeting_places(extractor: Extractor) -> None:
    x = run(extractor, "President Ferdinand Marcos Jr met President Joe Biden at the East Asia Summit in "
                       "Vientiane on Friday to discuss tensions in the South China Sea.",
            published="2024-10-11")
    assert primary(x).location == "Vientiane"


def test_the_visit_of_the_meeting_gives_its_place(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Penny Wong held talks with Foreign Minister Sugiono today. "
                       "Minister Sugiono is visiting Australia at the invitation of Minister Wong.",
            published="2024-11-12", publisher="Department of Foreign Affairs and Trade")
    assert primary(x).location == "Australia"


def test_meetings_hoped_for_refused_or_too_complicated_are_not_events(extractor: Extractor) -> None:
    x = run(extractor, "President Joe Biden spoke by phone with President Ebrahim Raisi on Friday. Biden had "
                       "hoped to meet Raisi at the United Nations, but the Iranian side declined. Officials "
                       "said it was too complicated for Raisi to meet Biden in New York.",
            published="2023-09-22")
    assert [e.type for e in x.events if e.type in {"MEET", "CALL", "VISIT"}] == ["CALL"]


def test_the_envoy_of_a_leader_meets_without_the_leader(extractor: Extractor) -> None:
    x = run(extractor, "Chinese President Xi Jinping met US President Joe Biden's special envoy John Kerry "
                       "in Beijing on Tuesday.", published="2023-07-18")
    assert names(primary(x)) == {"Xi Jinping", "John Kerry"}


def test_attending_the_meeting_is_presence_not_a_new_meeting(extractor: Extractor) -> None:
    x = run(extractor, "President Vladimir Putin received Prime Minister Narendra Modi in Moscow on Monday. "
                       "Foreign Minister Sergei Lavrov also attended the meeting with adviser Yuri Ushakov.",
            published="2024-07-08")
    assert len(of_type(x, "MEET")) == 1


def test_has_arrived_for_talks_is_dated_the_day_of_writing(extractor: Extractor) -> None:
    x = run(extractor, "Kenyan President William Ruto has arrived in Beijing for talks with Chinese President "
                       "Xi Jinping.", published="2024-04-23")
    assert primary(x).date == "2024-04-23" and primary(x).modality == "planned"


def test_plural_offices_with_words_between(extractor: Extractor) -> None:
    x = run(extractor, "The foreign ministers of Gulf neighbours Qatar and Saudi Arabia met in Riyadh on "
                       "Monday. Saudi Foreign Minister Faisal bin Farhan Al Saud welcomed Qatari Foreign "
                       "Minister Mohammed bin Abdulrahman Al Thani.", published="2023-01-16")
    assert len(primary(x).participants) == 2
    assert {p.country for p in primary(x).participants} == {"QAT", "SAU"}


def test_an_arrival_told_in_the_present_is_ahead(extractor: Extractor) -> None:
    # Written on Friday 9 January 2026: "arrives ... on Tuesday" is the coming Tuesday.
    x = run(extractor, "The two leaders will hold talks shortly after President Lee Jae-myung arrives in Tokyo "
                       "on Tuesday.", published="2026-01-09")
    visit = of_type(x, "VISIT")[0]
    assert (visit.modality, visit.date, visit.location) == ("planned", "2026-01-13", "Tokyo")


def test_days_and_weeks_ago() -> None:
    anchor = parse_iso("2024-03-20")
    assert [d.value for d in find_dates("three days ago", anchor)] == ["2024-03-17"]
    assert [d.value for d in find_dates("two weeks ago", anchor)] == ["2024-03"]  # only the month
    assert [d.value for d in find_dates("last week", anchor)] == ["2024-03"]


def test_the_talks_he_had_with_a_leader_weeks_ago(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Fumio Kishida held a telephone talk with President Emmanuel Macron. "
                       "Prime Minister Kishida, referring to his visit to Germany two weeks ago and the talks "
                       "he had with Chancellor Olaf Scholz, explained the outcome.", published="2023-03-31")
    meetings = [(names(m), m.date) for m in of_type(x, "MEET")]
    assert meetings == [({"Fumio Kishida", "Olaf Scholz"}, "2023-03")]


def test_a_news_report_dates_the_meeting_where_it_shows_the_two_together(extractor: Extractor) -> None:
    x = run(extractor, "German Chancellor Friedrich Merz met French President Emmanuel Macron in Paris.\n\n"
                       "The talks covered defence.\n\nMacron greeted Merz on the steps of the Elysee on "
                       "Wednesday evening.", published="2025-05-07")
    assert primary(x).date == "2025-05-07"


def test_an_accepted_invitation_is_a_planned_visit(extractor: Extractor) -> None:
    x = run(extractor, "President Joe Biden spoke with President Cyril Ramaphosa of South Africa today. "
                       "President Biden invited President Ramaphosa to visit Washington in early September, "
                       "and President Ramaphosa accepted the invitation.", published="2022-07-14")
    visits = of_type(x, "VISIT")
    assert [(names(v), v.location, v.modality, v.date) for v in visits] == [
        ({"Cyril Ramaphosa"}, "Washington", "planned", "2022-09")]


def test_a_meeting_word_that_modifies_a_noun_is_no_meeting(extractor: Extractor) -> None:
    x = run(extractor, "President Vladimir Putin had a telephone conversation with President Kassym-Jomart "
                       "Tokayev. The leaders discussed their meeting schedule and the summit agenda.",
            published="2024-02-01")
    assert [e.type for e in x.events if e.type in {"MEET", "CALL", "VISIT"}] == ["CALL"]


def test_heading_to_a_meeting_names_no_destination(extractor: Extractor) -> None:
    x = run(extractor, "Secretary of State Antony Blinken and Foreign Minister Wang Yi attended the forum in "
                       "Vientiane on Saturday before heading to their meeting.", published="2024-07-27")
    assert of_type(x, "VISIT") == []


def test_a_pair_committed_to_meet_at_a_summit_is_a_planned_meeting(extractor: Extractor) -> None:
    x = run(extractor, "President Joe Biden spoke with Prime Minister Anthony Albanese today. The two leaders "
                       "agreed to stay in close contact and expressed their commitment to meet at the G20.",
            published="2024-11-07")
    meetings = [(names(m), m.modality) for m in of_type(x, "MEET")]
    assert meetings == [({"Joe Biden", "Anthony Albanese"}, "planned")]

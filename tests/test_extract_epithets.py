"""Names as a document writes them: epithets and honorifics that are not names, name orders and
spellings (each on a constructed text that fails without its rule)."""

from __future__ import annotations

from parley.extract import Extractor
from test_extract import names, primary, run


def test_an_epithet_before_the_office_is_not_a_participant(extractor: Extractor) -> None:
    x = run(extractor, "DUSHANBE, January 27 - Today, a telephone conversation took place between the Founder of "
            "Peace and National Unity - Leader of the Nation, President of the Republic of Tajikistan, Honorable "
            "Emomali Rahmon, and the President of Turkmenistan, Honorable Serdar Berdimuhamedov.",
            publisher="President of Tajikistan", published="2023-01-27")
    assert names(primary(x)) == {"Emomali Rahmon", "Serdar Berdimuhamedov"}


def test_the_president_of_a_parliament_is_not_the_head_of_state(extractor: Extractor) -> None:
    x = run(extractor, "On 6 May 2024, the Minister of Foreign Affairs, Baiba Braže, was in Estonia on a working "
            "visit. While in Tallinn, the Minister of Foreign Affairs met the President of Estonia, Alar Karis, "
            "and the President of the Riigikogu (Parliament), Lauri Hussar.",
            publisher="Ministry of Foreign Affairs of Latvia", published="2024-05-06")
    people = {p.name for e in x.events for p in e.participants}
    assert {"Baiba Braže", "Alar Karis", "Lauri Hussar"} <= people
    assert not any(p.country == "LVA" and p.name != "Baiba Braže" for e in x.events for p in e.participants)


def test_the_periods_of_us_do_not_cut_the_country_off_a_title(extractor: Extractor) -> None:
    x = run(extractor, "SEOUL, Aug. 24 (Yonhap) -- Unification Minister Lee In-young met with the U.S. envoy for "
            "North Korea, his office said Tuesday. During the breakfast meeting, Lee and U.S. Special "
            "Representative Sung Kim shared their overall views on the current situation.",
            publisher="Yonhap News Agency", published="2021-08-24")
    countries = {p.name: p.country for p in primary(x).participants}
    assert countries == {"Lee In-young": "KOR", "Sung Kim": "USA"}


def test_a_meeting_told_as_it_happens_is_of_the_day_of_writing(extractor: Extractor) -> None:
    x = run(extractor, "President Bola Tinubu is meeting with American Secretary of State Antony Blinken who is on "
            "a tour of African nations.", publisher="Premium Times", published="2024-01-23")
    assert primary(x).date == "2024-01-23" and primary(x).modality == "occurred"


def test_a_welcome_on_arrival_is_no_meeting_of_its_own(extractor: Extractor) -> None:
    x = run(extractor, "President Bola Tinubu met US Secretary of State Antony Blinken in Abuja on Tuesday. "
            "Minister of Foreign Affairs Yusuf Tuggar received Mr Blinken at the forecourt of the Presidential "
            "Villa in Abuja. On arrival in Abuja, he was received by the Secretary to the Government of the "
            "Federation, George Akume.", publisher="Premium Times", published="2024-01-23")
    meetings = [names(e) for e in x.events if e.type == "MEET"]
    assert meetings == [{"Bola Tinubu", "Antony Blinken"}]


def test_visits_to_a_list_of_countries_are_one_visit_each(extractor: Extractor) -> None:
    x = run(extractor, "Mr Blinken begins his fourth African trip this week, with visits to Cabo Verde, Cote "
            "d'Ivoire, Nigeria, and Angola.", publisher="Premium Times", published="2024-01-23")
    visits = {e.location for e in x.events if e.type == "VISIT" and names(e) == {"Antony Blinken"}}
    assert {"Cabo Verde", "Nigeria", "Angola"} <= visits


def test_regular_visits_are_no_particular_visit(extractor: Extractor) -> None:
    x = run(extractor, "The two ministers agreed to resume regular visits to Beijing, Tokyo and Seoul.",
            publisher="Yonhap News Agency", published="2024-01-23")
    assert not [e for e in x.events if e.type == "VISIT"]


def test_an_organisation_s_short_name_before_an_office_is_that_organisation_s_officer(extractor: Extractor) -> None:
    x = run(extractor, "Organization of American States (OAS) Secretary-General Luis Almagro is meeting with "
            "President Pedro Pablo Kuczynski in Lima. The OAS Secretary-General is also scheduled to meet with "
            "Peruvian Foreign Affairs Minister Cayetana Aljovin at Lima's Torre Tagle Palace.",
            publisher="Andina", published="2018-02-09")
    meetings = {frozenset(names(e)): e for e in x.events if e.type == "MEET"}
    assert frozenset({"Luis Almagro", "Cayetana Aljovin"}) in meetings
    # "American" inside the organisation's name says nothing of his state
    assert {p.country for e in x.events for p in e.participants if p.name == "Luis Almagro"} == {None}


def test_in_a_capital_to_talk_to_a_minister_is_a_meeting_there(extractor: Extractor) -> None:
    x = run(extractor, "Secretary of Foreign Affairs Perfecto Yasay is in Moscow to talk to Russian Foreign Minister "
            "Sergey Lavrov about the preparations.", publisher="Philippine News Agency", published="2016-12-06")
    assert names(primary(x)) == {"Perfecto Yasay", "Sergey Lavrov"} and primary(x).location == "Moscow"


def test_who_told_the_media_before_leaving_is_the_one_who_left(extractor: Extractor) -> None:
    x = run(extractor, "\"We will discuss our bilateral relations,\" Foreign Minister AK Abdul Momen told media "
            "before leaving here for Washington DC last evening.", publisher="Prothom Alo", published="2022-04-03")
    assert any(e.type == "VISIT" and names(e) == {"AK Abdul Momen"} for e in x.events)


def test_a_summit_between_two_leaders_is_their_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Japan and the United States are working on arranging a summit between Prime Minister Fumio "
            "Kishida and President Joe Biden in New York around Sept 20, Kyodo news reported on Saturday.",
            publisher="Japan Today", published="2022-09-10")
    assert names(primary(x)) == {"Fumio Kishida", "Joe Biden"} and primary(x).modality == "planned"


def test_a_queen_named_by_one_name_is_the_monarch_and_not_the_visitor(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Fumio Kishida will meet President Joe Biden in New York. Kishida is also "
            "likely to attend the funeral of Queen Elizabeth in Britain before visiting the United States.",
            publisher="Japan Today", published="2022-09-10")
    people = {p.name for e in x.events for p in e.participants}
    assert "Liz Truss" not in people
    assert any(e.type == "VISIT" and names(e) == {"Fumio Kishida"} and e.location == "United States"
               for e in x.events)


def test_a_person_in_the_topic_of_talks_is_not_at_them(extractor: Extractor) -> None:
    x = run(extractor, "Secretary of Foreign Affairs Perfecto Yasay is in Moscow to talk to Russian Foreign Minister "
            "Sergey Lavrov on how both ministries would prepare the proposed visit to Russia of President "
            "Rodrigo Duterte.", publisher="Philippine News Agency", published="2016-12-06")
    assert names(primary(x)) == {"Perfecto Yasay", "Sergey Lavrov"}


def test_the_sender_of_a_message_is_not_at_the_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Mozambican special envoy Mr Julio Do Santos has paid a courtesy call on President Mnangagwa "
            "at his Munhumutapa offices this afternoon to convey a special message from Mozambican President "
            "Filipe Nyusi.\n\nSpeaking soon after meeting President Mnangagwa, Mr Do Santos said he was in "
            "Zimbabwe to deliver a special message to President Mnangagwa from his Mozambican counterpart.",
            publisher="The Herald", published="2020-02-26")
    assert "Filipe Nyusi" not in names(primary(x)) and "Julio Do Santos" in names(primary(x))


def test_a_guest_met_at_the_airport_is_no_meeting_yet(extractor: Extractor) -> None:
    x = run(extractor, "Dr Rowley was met at the Norman Manley International Airport in Kingston by a welcoming "
            "party led by Prime Minister Andrew Holness.", publisher="Barbados Today", published="2016-07-18")
    assert not [e for e in x.events if e.type == "MEET"]

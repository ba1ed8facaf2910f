"""Guests and hosts as small governments and outlets tell them: "visiting" guests, visits thanked
for, envoys who travelled, hosts who welcome on arrival, transcript turns, long styles before a
name (each on a constructed text that fails without its rule; found in blind batches d14-d33)."""

from __future__ import annotations

from parley.extract import Extractor
from parley.extract.knowledge import knowledge
from parley.ingest.formats import make_document
from parley.model import Document
from test_extract import engaged, names, primary, run


def _visits(x: object) -> list[set[str]]:
    return [names(e) for e in x.events if e.type == "VISIT"]  # type: ignore[attr-defined]


def test_a_guest_called_visiting_makes_a_visit_on_the_meeting_day(extractor: Extractor) -> None:
    x = run(extractor, "SEOUL, Nov. 17 -- President Yoon Suk Yeol on Thursday held talks with visiting Saudi "
            "Arabian Crown Prince Mohammed bin Salman on energy and defence cooperation.",
            publisher="Example Agency", published="2022-11-17")
    visit = next(e for e in x.events if e.type == "VISIT")
    assert names(visit) == {"Mohammed bin Salman"} and visit.date == primary(x).date == "2022-11-17"
    assert primary(x).type == "MEET"


def test_the_one_thanked_for_visiting_is_the_visitor(extractor: Extractor) -> None:
    x = run(extractor, "Acting President Yemi Osinbajo on Sunday received President of Ghana, Nana Akufo-Addo, "
            "at his official residence in Abuja.\n\nOsinbajo thanked the Ghanaian President for visiting "
            "Nigeria.", publisher="Example Times", published="2017-06-26")
    assert _visits(x) == [{"Nana Akufo-Addo"}]


def test_gratitude_to_a_delegation_for_their_visit_is_the_guest_s_visit(extractor: Extractor) -> None:
    x = run(extractor, "President Adama Barrow on Monday received Senegal's Minister of Agriculture, Mabouba "
            "Diagne, at State House.\n\nPresident Barrow expressed his gratitude to the delegation for their "
            "visit and emphasised the importance of regional trade.",
            publisher="State House of The Gambia", published="2024-12-31")
    assert _visits(x) == [{"Mabouba Diagne"}]


def test_the_envoy_who_travelled_is_the_visitor_not_the_one_who_sent_him(extractor: Extractor) -> None:
    x = run(extractor, "President Paul Kagame on Sunday held a meeting with Ambassador Adonia Ayebare, President "
            "Yoweri Museveni's Special Envoy, who traveled to Kigali with a message.",
            publisher="Example Times", published="2019-12-30")
    assert _visits(x) == [{"Adonia Ayebare"}]


def test_a_partner_the_parser_left_outside_met_with_is_still_met(extractor: Extractor) -> None:
    x = run(extractor, "Current Chair of the Caribbean Community (CARICOM), President David Granger, today, met "
            "with Secretary-General of the body, Ambassador Irwin LaRocque and a delegation from the "
            "Secretariat, which included Advisor to the Secretary-General, Mr. Neville Bissember.",
            publisher="Example News", published="2017-01-06")
    assert names(primary(x)) == {"David Granger", "Irwin LaRocque"}


def test_a_person_after_since_is_no_partner_of_the_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Mr Albanese and Mr Xi will hold talks on Tuesday in Bali, the first time an Australian "
            "Prime Minister has managed to hold a formal meeting with the Chinese President since Malcolm "
            "Turnbull in 2016.", publisher="Example Herald", published="2022-11-14")
    assert not any("Malcolm Turnbull" in names(e) for e in x.events)


def test_the_host_who_welcomes_on_arrival_holds_the_talks_ahead(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Abiy Ahmed arrived in Asmara this morning for a working visit. President "
            "Isaias Afwerki accorded warm welcome to the Prime Minister at Asmara International Airport.\n\n"
            "The two leaders will discuss further consolidation of bilateral ties.",
            publisher="Example News", published="2020-07-18")
    meeting = primary(x)
    assert meeting.type == "MEET" and names(meeting) == {"Abiy Ahmed", "Isaias Afwerki"}
    assert meeting.modality == "planned"


def test_held_discussion_with_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "During his stay in Ethiopia President Isaias Afwerki held extensive discussion with Prime "
            "Minister Abiy Ahmed on regional developments.", publisher="Example News", published="2020-05-05")
    assert [(e.type, names(e)) for e in x.events if e.type == "MEET"] == [("MEET", {"Isaias Afwerki", "Abiy Ahmed"})]


def test_the_i_of_a_transcript_turn_is_the_speaker_of_its_label(extractor: Extractor) -> None:
    x = run(extractor, "22 May 2025\n\nJotham Napat, Prime Minister of Vanuatu: Members of the press, it is my "
            "privilege to address you today following a constructive bilateral meeting with Senator Penny "
            "Wong, Minister of Foreign Affairs of Australia.", publisher="Example Minister", published="2025-05-22")
    meeting = primary(x)
    assert names(meeting) == {"Jotham Napat", "Penny Wong"} and meeting.modality == "occurred"


def test_a_long_style_before_a_name_is_no_person(extractor: Extractor) -> None:
    x = run(extractor, "Cambodian Prime Minister Samdech Akka Moha Sena Padei Techo Hun Sen met with United "
            "Nations Secretary-General H.E. António Guterres yesterday in Manila.",
            publisher="Example Review", published="2017-11-14")
    assert names(primary(x)) == {"Hun Sen", "António Guterres"}


def test_a_country_before_an_outlet_s_name_is_not_another_country_s_outlet() -> None:
    kb = knowledge()
    org = kb.org_of_publisher("Cambodia New Vision", None)
    assert org is None or org.country != "UGA"
    assert kb.org_of_publisher("New Vision", None).country == "UGA"  # type: ignore[union-attr]


def test_counterparts_of_two_states_before_the_noun_are_two_meetings(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Christopher Luxon has met his Tonga and Samoa counterparts on the sidelines "
            "of the Pacific Islands Forum.", publisher="Example Radio", published="2024-08-28")
    meetings = engaged(x)
    assert len(meetings) == 2 and all("Christopher Luxon" in m for m in meetings)


def test_welcoming_an_unnamed_counterpart_is_meeting_the_visitor(extractor: Extractor) -> None:
    x = run(extractor, "President of Tanzania John Magufuli arrived in the country this morning for a two-day "
            "state visit.\n\nPresident Peter Mutharika welcomed his Tanzania counterpart.",
            publisher="Example Voice", published="2019-04-24")
    assert any(e.type == "MEET" and names(e) == {"Peter Mutharika", "John Magufuli"} for e in x.events)


def test_met_with_and_spoke_with_is_one_meeting(extractor: Extractor) -> None:
    x = run(extractor, "The President of the Republic Zoran Milanović today received the Speaker of the National "
            "Assembly of the Republic of Slovenia, Urška Klakočar Zupančič, who is paying an official visit.\n\n"
            "\"Today, I met with and spoke with the Speaker,\" the President said.",
            publisher="Office of the President of the Republic of Croatia", published="2024-12-04")
    assert [e.type for e in x.events if e.type != "VISIT"] == ["MEET"]
    assert names(primary(x)) == {"Zoran Milanović", "Urška Klakočar Zupančič"}


def test_a_name_after_a_long_title_and_a_comma_is_a_person(extractor: Extractor) -> None:
    x = run(extractor, "Chairperson of the Federal Council of the Federal Assembly of the Russian Federation, "
            "Valentina Matvienko said this yesterday during a courtesy call to President Hage Geingob at State "
            "House.", publisher="Example Era", published="2020-02-21")
    assert names(primary(x)) == {"Valentina Matvienko", "Hage Geingob"}


def test_a_name_opening_the_text_before_its_title_is_a_person(extractor: Extractor) -> None:
    x = run(extractor, "Gustavo Zlauvinen, Deputy Foreign Minister of the Argentine Republic, received his "
            "Colombian counterpart, Luz Stella Jara Portilla, at the Palacio San Martín.",
            publisher="Example Ministry", published="2019-04-24")
    assert names(primary(x)) == {"Gustavo Zlauvinen", "Luz Stella Jara Portilla"}


def test_this_follows_a_meeting_with_x_is_the_principal_s_meeting_with_x(extractor: Extractor) -> None:
    x = run(extractor, "US Secretary of State Antony Blinken held talks with Chinese President Xi Jinping on Friday "
            "as part of his visit to China. This follows a meeting with Chinese Foreign Minister Wang Yi.",
            publisher="Example World", published="2024-04-26")
    assert any(e.type == "MEET" and names(e) == {"Antony Blinken", "Wang Yi"} for e in x.events)


def test_a_style_alone_is_no_person(extractor: Extractor) -> None:
    x = run(extractor, "KUALA LUMPUR: Prime Minister Datuk Seri Anwar Ibrahim paid a courtesy call to Sultan of "
            "Brunei Sultan Hassanal Bolkiah here on Saturday.", publisher="Example Star", published="2024-07-21")
    assert names(primary(x)) == {"Anwar Ibrahim", "Hassanal Bolkiah"}


def test_looking_forward_to_meeting_soon_is_no_engagement(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Justin Trudeau spoke with U.S. President Donald Trump on Saturday.\n\nThe two "
            "men \"looked forward to meeting soon.\"", publisher="Example Press", published="2017-01-21")
    assert [e.type for e in x.events] == ["CALL"]


def test_the_pair_who_spoke_by_phone_is_the_headline_s_pair_on_the_body_s_day(extractor: Extractor) -> None:
    doc = make_document("t.txt", "Prime Minister Justin Trudeau has congratulated U.S. President Donald Trump on his "
                        "inauguration.\n\nHis office says the two men spoke by phone Saturday.",
                        title="Justin Trudeau congratulates Donald Trump in phone call with new president",
                        publisher="Example Press", published="2017-01-22")
    assert isinstance(doc, Document)
    call = primary(extractor.extract(doc))
    assert call.type == "CALL" and call.date == "2017-01-21"


def test_a_transcript_label_in_capitals_names_the_i_of_its_turn(extractor: Extractor) -> None:
    x = run(extractor, "20 February 2025\n\nDEPUTY PRIME MINISTER, RICHARD MARLES: It is wonderful to be here today "
            "to host the Defence Ministers Meeting with my good friend, Dr Billy Joseph, the Papua New Guinean "
            "Minister for Defence.", publisher="Example Minister", published="2025-02-20")
    assert names(primary(x)) == {"Richard Marles", "Billy Joseph"}


def test_offices_in_lower_case_before_names_are_separate_receptions(extractor: Extractor) -> None:
    x = run(extractor, "Georgian prime minister Giorgi Kvirikashvili will arrive in Armenia for an official visit on "
            "Friday, March 2.\n\nWhile in Yerevan, Kvirikashvili is set to meet Armenian president Serzh Sargsyan "
            "and prime minister Karen Karapetyan.", publisher="Example Net", published="2018-02-27")
    meetings = engaged(x)
    assert meetings == [["Giorgi Kvirikashvili", "Karen Karapetyan"], ["Giorgi Kvirikashvili", "Serzh Sargsyan"]]


def test_a_visit_pushed_back_did_not_take_place(extractor: Extractor) -> None:
    x = run(extractor, "Georgian prime minister Giorgi Kvirikashvili will arrive in Armenia on Friday, March 2.\n\n"
            "Kvirikashvili was to arrive in Armenia back on December 1, 2017 but the visit was pushed back at the "
            "request of the Georgian side.", publisher="Example Net", published="2018-02-27")
    assert not any(e.date and e.date.startswith("2017") for e in x.events)


def test_a_style_before_an_office_is_no_name(extractor: Extractor) -> None:
    x = run(extractor, "HE Prime Minister and Minister of Foreign Affairs Sheikh Mohammed bin Abdulrahman bin Jassim "
            "Al-Thani today met HE Head of the Office of the President of Ukraine Andriy Yermak.",
            publisher="Example Government", published="2025-08-26")
    assert not any("Head" in names(e) for e in x.events)


def test_the_prime_minister_and_the_opposition_leader_are_met_apart(extractor: Extractor) -> None:
    x = run(extractor, "Secretary-General of the Caribbean Community, Her Excellency Carla Barnett ended her official "
            "visit to Saint Lucia on Wednesday during which she met with the Prime Minister Honourable Philip "
            "Pierre, members of Cabinet, the Leader of the Opposition, Honourable Allen Chastanet, and students.",
            publisher="Example Chronicle", published="2022-04-14")
    meetings = engaged(x)
    assert meetings == [["Allen Chastanet", "Carla Barnett"], ["Carla Barnett", "Philip Pierre"]]


def test_the_guest_welcomed_unnamed_is_the_one_the_next_sentence_names(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Anthony Albanese has welcomed his Vanuatu counterpart to Parliament House "
            "months after signing a security deal.\n\nAlatoi Ishmael Kalsakau's arrival was greeted with a gun "
            "salute.", publisher="Example Daily", published="2023-02-15")
    guest = names(primary(x)) - {"Anthony Albanese"}
    assert len(guest) == 1 and next(iter(guest)).endswith("Kalsakau")


def test_the_visit_of_a_visit_already_told_is_not_the_guest_s(extractor: Extractor) -> None:
    x = run(extractor, "New Delhi: Prime Minister Narendra Modi will make an official visit to Sri Lanka next "
            "month, the island nation's President Maithripala Sirisena confirmed on Friday. The announcement "
            "came after both leaders met in Delhi earlier in the day.\n\nThe Ministry of External Affairs is yet "
            "to confirm the date of the visit.", publisher="Example India", published="2019-05-31")
    assert [names(e) for e in x.events if e.type == "VISIT"] == [{"Narendra Modi"}]

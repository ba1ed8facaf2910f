"""Event recall: engagements English tells in ways the first rules missed (meetings of the
document's own person named only by a reference, hosting, dates between auxiliary and verb, ...).
Every sentence here is written for the test."""

from __future__ import annotations

from parley.extract import Extractor
from parley.ingest.formats import make_document
from parley.model import Document, Extraction


def run(extractor: Extractor, text: str, **meta: str) -> Extraction:
    doc = make_document("t.txt", text, **meta)
    assert isinstance(doc, Document)
    return extractor.extract(doc)


def pairs(x: Extraction, kind: str = "MEET") -> set[frozenset[str]]:
    return {frozenset(p.name.split()[-1] for p in e.participants) for e in x.events if e.type == kind}


def test_a_reference_to_the_documents_person_meets_each_counterpart(extractor: Extractor) -> None:
    # "the Japanese leader" names no one: the document's own person meets each of the two
    x = run(extractor, "Japanese Prime Minister Shinzo Abe spoke with U.S. President Donald Trump on "
            "Saturday. Abe said he will raise the issue during his visit to China from Monday, where "
            "the Japanese leader is slated to meet with Chinese President Xi Jinping and South Korean "
            "President Moon Jae-in.", publisher="Example Press", published="2019-12-21")
    found = pairs(x)
    assert frozenset({"Abe", "Jinping"}) in found and frozenset({"Abe", "Jae-in"}) in found
    assert frozenset({"Jinping", "Jae-in"}) not in found
    assert all(e.modality == "planned" for e in x.events if e.type == "MEET")


def test_meetings_on_an_agenda_are_the_documents_persons(extractor: Extractor) -> None:
    x = run(extractor, "Federal Councillor Ignazio Cassis will travel to Washington this week. Cassis "
            "will discuss trade. Other topics on the agenda for meetings with Mr John Bolton on "
            "Wednesday and Mr Mike Pompeo on Thursday include the protecting power mandates.",
            publisher="Example Ministry", published="2019-02-05")
    found = pairs(x)
    assert frozenset({"Cassis", "Bolton"}) in found and frozenset({"Cassis", "Pompeo"}) in found
    assert frozenset({"Bolton", "Pompeo"}) not in found


def test_talks_between_two_named_people_stay_theirs(extractor: Extractor) -> None:
    x = run(extractor, "President Hassan Rouhani spoke at the assembly. A source said the United States "
            "reached out after positive talks between Secretary of State John Kerry and Iranian Foreign "
            "Minister Mohammad Javad Zarif.", publisher="Example Press", published="2013-09-27")
    assert frozenset({"Kerry", "Zarif"}) in pairs(x)
    assert not any("Rouhani" in p for p in pairs(x))


def test_a_meeting_that_will_not_be_held_is_no_event(extractor: Extractor) -> None:
    x = run(extractor, "MOSCOW, December 28. Kremlin Spokesman Dmitry Peskov said he would not hold a "
            "meeting on Saturday with his counterpart, Turkish Presidential Spokesman Ibrahim Kalin.",
            publisher="Example Agency", published="2018-12-28")
    assert not [e for e in x.events if e.type == "MEET"]


def test_a_count_of_meetings_is_no_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Russian President Vladimir Putin will receive Japanese Prime Minister Shinzo Abe "
            "in Sochi on Friday. To date, Putin and Abe met 12 times, mostly at international forums.",
            publisher="Example Agency", published="2016-05-05")
    assert len([e for e in x.events if e.type == "MEET"]) == 1


def test_the_host_of_a_summit_is_not_met_for_hosting_it(extractor: Extractor) -> None:
    x = run(extractor, "High Representative Josep Borrell represented the EU on Thursday at the regional "
            "Summit, hosted by President Recep Tayyip Erdogan, as outgoing chairman.",
            publisher="Example Service", published="2021-06-19")
    assert not [e for e in x.events if e.type == "MEET"]


def test_those_who_attended_the_meeting_do_not_meet_each_other(extractor: Extractor) -> None:
    x = run(extractor, "President Uhuru Kenyatta held talks with President Sahle-Work Zewde of Ethiopia "
            "at State House, Nairobi. The meeting was attended by Cabinet Secretaries Raychelle Omamo "
            "and Sicily Kariuki.", publisher="Example Broadcaster", published="2020-03-12")
    assert pairs(x) == {frozenset({"Kenyatta", "Zewde"})}


def test_people_a_relative_clause_mentions_are_not_at_the_table(extractor: Extractor) -> None:
    x = run(extractor, "President William Ruto on Friday held talks with US Senator Chris Coons, who was "
            "behind former President Uhuru Kenyatta and opposition leader Raila Odinga's handshake.",
            publisher="Example Daily", published="2023-08-18")
    assert pairs(x) == {frozenset({"Ruto", "Coons"})}


def test_the_visitor_of_a_relative_clause_is_its_antecedent(extractor: Extractor) -> None:
    x = run(extractor, "The spokesperson said Chung Eui-yong, who visited Pyongyang on Wednesday as "
            "President Moon Jae-in's special envoy, delivered the message to Kim Jong-un.",
            publisher="Example Broadcaster", published="2018-09-06")
    visits = [e for e in x.events if e.type == "VISIT"]
    assert [p.name for e in visits for p in e.participants] == ["Chung Eui-yong"]


def test_a_date_between_will_and_host_still_makes_a_meeting_ahead(extractor: Extractor) -> None:
    # the parser reads "host" as a noun after "will this afternoon, 28 June 2023,"
    x = run(extractor, "President Cyril Ramaphosa will this afternoon, 28 June 2023, host President Salva "
            "Kiir Mayardit of the Republic of South Sudan for a working visit in Pretoria.",
            publisher="The Presidency, Republic of South Africa", published="2023-06-28")
    meet = next(e for e in x.events if e.type == "MEET")
    assert {p.name.split()[-1] for p in meet.participants} == {"Ramaphosa", "Mayardit"}
    assert meet.primary and meet.modality == "planned" and meet.date == "2023-06-28"


def test_our_country_is_the_publishers(extractor: Extractor) -> None:
    x = run(extractor, "Today, President Shavkat Mirziyoyev received the Minister of Foreign Affairs of "
            "the Russian Federation, Sergey Lavrov, who is in our country on an official visit.",
            publisher="President of the Republic of Uzbekistan", published="2020-01-16")
    visit = next(e for e in x.events if e.type == "VISIT")
    assert [p.name for p in visit.participants] == ["Sergey Lavrov"] and visit.location == "Uzbekistan"


def test_they_of_a_paragraph_are_its_pair_in_a_round_of_calls(extractor: Extractor) -> None:
    x = run(extractor, "The Taoiseach, Leo Varadkar has spoken by phone today with the French President "
            "Emmanuel Macron and the Chancellor of Germany Angela Merkel.\n\n"
            "President Macron and the Taoiseach spoke about the EU reform agenda. They looked forward to "
            "seeing each other at the European Council in Brussels next week.\n\n"
            "Chancellor Merkel discussed the Northern Ireland talks. They also agreed to meet for more "
            "substantive discussions in Brussels next week.",
            publisher="Department of the Taoiseach", published="2017-06-15")
    meets = {frozenset(p.name.split()[-1] for p in e.participants) for e in x.events
             if e.type == "MEET" and e.modality == "planned"}
    assert meets == {frozenset({"Varadkar", "Macron"}), frozenset({"Varadkar", "Merkel"})}


def test_a_bilateral_discussion_ahead_is_a_meeting_and_the_arrival_stays_primary(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister of Pakistan Imran Khan has arrived in Sri Lanka a few hours ago for "
            "a two-day Official Visit.\n\nHe was received by Prime Minister Mahinda Rajapaksa at the "
            "airport.\n\nThe Prime Minister was accompanied by a delegation and senior officials. "
            "The two countries share a commonality of views on a wide range of international and regional "
            "issues. Both sides also work closely at international and regional fora including the United "
            "Nations.\n\n"
            "A bilateral discussion will be held between the Hon. Prime Minister of Sri Lanka and Imran "
            "Khan, Prime Minister of Pakistan at the Temple Trees.",
            title="Prime Minister of Pakistan arrives in Sri Lanka today",
            publisher="Example Government News", published="2021-02-23")
    meet = next(e for e in x.events if e.type == "MEET")
    assert {p.name.split()[-1] for p in meet.participants} == {"Rajapaksa", "Khan"}
    assert meet.modality == "planned" and not meet.primary
    assert next(e for e in x.events if e.primary).type == "VISIT"


def test_meetings_as_a_habit_are_no_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Chancellor Angela Merkel and President Nicolas Sarkozy were close. They met "
            "frequently in summit after summit.", publisher="Example Broadcaster", published="2012-05-15")
    assert not [e for e in x.events if e.type == "MEET"]


def test_a_spouse_accompanies_and_is_not_a_participant(extractor: Extractor) -> None:
    x = run(extractor, "SINGAPORE - Johor Crown Prince Tunku Ismail Ibrahim and his wife Che’ Puan Besar "
            "Khaleeda called on Prime Minister Lee Hsien Loong on Monday.",
            publisher="Example Times", published="2023-07-10")
    assert pairs(x) == {frozenset({"Ibrahim", "Loong"})}


def test_two_envoys_calling_on_one_minister_make_two_calls(extractor: Extractor) -> None:
    x = run(extractor, "The US Ambassador Kirk Wagar and Chinese Ambassador Chen Xiaodong paid introductory "
            "calls on Minister for Foreign Affairs Vivian Balakrishnan on Tuesday.",
            publisher="Example Ministry", published="2015-10-28")
    assert pairs(x) == {frozenset({"Wagar", "Balakrishnan"}), frozenset({"Xiaodong", "Balakrishnan"})}


def test_talked_to_is_the_call_the_document_tells(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Kang Kyung-wha talked to Secretary of State Rex Tillerson of the US "
            "on July 27. They followed up on the recent summit talks between the Republic of Korea and "
            "the United States. The telephone conversation came as part of high-level consultations.",
            publisher="Ministry of Foreign Affairs, Republic of Korea", published="2017-07-28")
    call = next(e for e in x.events if e.primary)
    assert call.type == "CALL" and {p.name for p in call.participants} == {"Kang Kyung-wha", "Rex Tillerson"}
    assert frozenset({"Jae-in", "Trump"}) in pairs(x)  # the summit of the two states' leaders


def test_offices_met_during_a_visit_are_the_host_countrys(extractor: Extractor) -> None:
    # "the President" is not Solih, whom the sentence names; "External Affairs Minister" is India's
    x = run(extractor, "New Delhi: Ibrahim Mohamed Solih, President of the Republic of Maldives, will pay an "
            "Official visit to India from 01-04 August, at the invitation of Prime Minister Narendra "
            "Modi.\n\nDuring the visit, President Solih will meet the President and hold talks with the "
            "Prime Minister, while External Affairs Minister will call on President Solih.",
            publisher="Example Bharat", published="2022-07-28")
    found = pairs(x)
    assert {frozenset({"Solih", "Murmu"}), frozenset({"Solih", "Modi"}), frozenset({"Solih", "Jaishankar"})} <= found
    assert not any(len(p) > 2 for p in found)


def test_the_president_of_another_body_is_not_the_host_countrys(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Ali Sabry paid an official visit to Egypt. Minister Sabry held "
            "discussions with Minister of Investment Hassan El Khatib and the President of the General "
            "Authority for Investment.", publisher="Example Ministry", published="2024-08-13")
    assert not any("Sisi" in " ".join(p) for p in pairs(x))


def test_more_ways_readouts_tell_an_engagement(extractor: Extractor) -> None:
    cases = {
        "Prime Minister Narendra Modi held a video conference with Australian Prime Minister Scott Morrison "
        "on Thursday.": "CALL",
        "President Emmanuel Macron hosted a dinner in honour of President Joe Biden at the Elysee Palace on "
        "Saturday.": "MEET",
        "Prime Minister Fumio Kishida exchanged views with President Yoon Suk Yeol on the sidelines of the "
        "summit.": "MEET",
        "Foreign Minister Penny Wong called her counterpart Wang Yi on Monday.": "CALL",
        "Minister Annalena Baerbock conferred with her French counterpart Stephane Sejourne in Paris on "
        "Monday.": "MEET",
        "Vice President Kamala Harris sat down with President Ferdinand Marcos Jr. in Manila on Monday.": "MEET",
        "Foreign Minister Kang Kyung-wha exchanged views with Secretary of State Rex Tillerson over the "
        "phone.": "CALL",
    }
    for text, kind in cases.items():
        x = run(extractor, text, publisher="Example Wire", published="2024-05-06")
        assert [(e.type, len(e.participants)) for e in x.events] == [(kind, 2)], text


def test_a_ruler_styled_by_one_name_takes_part(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Shehbaz Sharif called on King Salman in Riyadh.",
            publisher="Example Wire", published="2024-05-06")
    assert pairs(x) == {frozenset({"Sharif", "Salman"})}


def test_who_tells_in_a_phone_call_is_on_it(extractor: Extractor) -> None:
    x = run(extractor, "President Vladimir Putin told French President Emmanuel Macron in a phone call on "
            "Friday that the West was to blame.", publisher="Example Wire", published="2024-05-06")
    assert pairs(x, "CALL") == {frozenset({"Putin", "Macron"})}


def test_due_in_a_capital_is_a_visit_ahead(extractor: Extractor) -> None:
    x = run(extractor, "German Chancellor Olaf Scholz is due in Beijing on Friday.",
            publisher="Example Wire", published="2024-05-06")
    visit = next(e for e in x.events if e.type == "VISIT")
    assert visit.modality == "planned" and visit.location == "Beijing"


def test_an_arrival_in_a_capital_named_by_its_state(extractor: Extractor) -> None:
    cases = {"Russian Foreign Minister Sergey Lavrov on Tuesday arrived in the Mongolian capital, Ulaanbaatar, "
             "for a working visit.": "Ulaanbaatar",
             "Chinese Premier Li Qiang arrived in the Australian capital on Monday for a four-day visit.": "Canberra",
             "BEIJING, May 5 (Xinhua) -- Foreign Minister Penny Wong arrived here on Sunday for an official "
             "visit.": "Beijing"}
    for text, place in cases.items():
        x = run(extractor, text, publisher="Example Wire", published="2024-05-06")
        assert [e.location for e in x.events if e.type == "VISIT"] == [place], text


def test_a_welcome_looked_forward_to_is_a_meeting_ahead_but_the_visit_stays_primary(extractor: Extractor) -> None:
    x = run(extractor, "Papua New Guinea’s Prime Minister James Marape will visit New Zealand from 13 to 15 "
            "November, Prime Minister Jacinda Ardern announced today.\n\n“I look forward to welcoming "
            "Prime Minister Marape to Wellington,” Jacinda Ardern said.",
            title="Papua New Guinea Prime Minister to visit NZ",
            publisher="New Zealand Government", published="2019-11-05")
    meet = next(e for e in x.events if e.type == "MEET")
    assert {p.name.split()[-1] for p in meet.participants} == {"Ardern", "Marape"} and meet.modality == "planned"
    assert next(e for e in x.events if e.primary).type == "VISIT"


def test_the_items_of_a_programme_are_the_documents_persons_meetings(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Prayut Chan-o-cha will host talks with Vietnamese Prime Minister Nguyen "
            "Xuan Phuc on Wednesday. Prayut will also host a dinner.\n\nThe other key meetings at Government "
            "House are:\n\n- Thursday (noon): Talks with French President Emmanuel Macron followed by lunch.\n\n"
            "- Friday (evening): Talks with Japanese Prime Minister Fumio Kishida followed by dinner.",
            publisher="Example Nation", published="2022-11-16")
    ahead = {frozenset(p.name.split()[-1] for p in e.participants): e.date for e in x.events
             if e.type == "MEET" and e.modality == "planned"}
    assert ahead[frozenset({"Chan-o-cha", "Macron"})] == "2022-11-17"
    assert ahead[frozenset({"Chan-o-cha", "Kishida"})] == "2022-11-18"


def test_a_visit_later_this_month_by_a_styled_monarch_is_ahead(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Mark Carney spoke with Prime Minister Keir Starmer today. The leaders "
            "discussed His Majesty King Charles III's visit to Canada later this month.",
            publisher="Prime Minister's Office, Canada", published="2025-05-12")
    visit = next(e for e in x.events if e.type == "VISIT")
    assert [p.name for p in visit.participants] == ["Charles III"] and visit.modality == "planned"


def test_his_visit_is_the_guests_not_the_hosts(extractor: Extractor) -> None:
    x = run(extractor, "At the outset, Minister Toshimitsu Motegi expressed his gratitude to Minister Teodoro "
            "Locsin for the hospitality accorded to him during his visit to Manila this January.",
            publisher="Ministry of Foreign Affairs of Japan", published="2020-05-21")
    visit = next(e for e in x.events if e.type == "VISIT")
    assert [p.name for p in visit.participants] == ["Toshimitsu Motegi"] and visit.location == "Manila"


def test_a_meeting_attended_together_with_named_ministers_is_theirs(extractor: Extractor) -> None:
    x = run(extractor, "Serbia's Minister of Foreign Affairs Ivica Dacic attended the OSCE Troika meeting in "
            "Magdeburg today, together with Swiss Foreign Minister Didier Burkhalter and German Foreign "
            "Minister Frank Walter Steinmeier.", publisher="Example Ministry", published="2015-09-19")
    assert pairs(x) == {frozenset({"Dačić", "Burkhalter", "Steinmeier"})}


def test_ministers_who_travel_together_make_one_visit(extractor: Extractor) -> None:
    x = run(extractor, "Turkish Foreign Minister Mevlut Cavusoglu and Defence Minister Hulusi Akar will visit "
            "Moscow on Saturday.", publisher="Example Agency", published="2024-05-06")
    assert [{p.name.split()[-1] for p in e.participants} for e in x.events if e.type == "VISIT"] == [
        {"Çavuşoğlu", "Akar"}]


def test_a_visit_by_no_one_in_particular_is_no_visit(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Narendra Modi held talks with Portuguese President Marcelo Rebelo de Sousa "
            "in New Delhi on Friday. The last visit by a Portuguese President to India was in 2007.",
            publisher="Example Hindu", published="2020-02-14")
    assert not [e for e in x.events if e.type == "VISIT"]  # "in New Delhi" gives a place, not a visit


def test_no_engagement_where_none_is_told(extractor: Extractor) -> None:
    for text in ("Secretary Antony Blinken will not meet Foreign Minister Sergey Lavrov during the G20 meeting, "
                 "a State Department official said.",
                 "President Xi Jinping called President Vladimir Putin a dear friend.",
                 "President Joe Biden hosted a dinner for the press corps at the White House on Saturday.",
                 "Chancellor Olaf Scholz talked to reporters in Berlin on Monday.",
                 "President Cyril Ramaphosa will this afternoon host a meeting of the cabinet."):
        x = run(extractor, text, publisher="Example Wire", published="2024-05-06")
        assert not x.events, text


def test_a_minister_alongside_another_pays_one_visit_and_an_escort_is_no_visitor(extractor: Extractor) -> None:
    x = run(extractor, "OSCE Chairperson-in-Office Bujar Osmani alongside Helga Schmid, Secretary General of the "
            "OSCE will be paying a visit to Turkiye on Monday.", publisher="Example Daily", published="2023-02-18")
    assert [{p.name for p in e.participants} for e in x.events if e.type == "VISIT"] == [
        {"Bujar Osmani", "Helga Schmid"}]
    x = run(extractor, "President Joe Biden, accompanied by Secretary Antony Blinken, will visit Hanoi on Sunday.",
            publisher="Example Wire", published="2024-05-06")
    assert [[p.name for p in e.participants] for e in x.events if e.type == "VISIT"] == [["Joe Biden"]]


def test_a_relative_clause_keeps_its_own_tense(extractor: Extractor) -> None:
    x = run(extractor, "President Joe Biden, who met Xi Jinping last year, will visit Hanoi on Sunday.",
            publisher="Example Wire", published="2024-05-06")
    meet = next(e for e in x.events if e.type == "MEET")
    assert meet.modality == "occurred"


def test_a_meeting_ahead_of_the_documents_pair(extractor: Extractor) -> None:
    for text in ("Polish Prime Minister Mateusz Morawiecki spoke with Italian Prime Minister Giorgia Meloni on "
                 "Wednesday. “But first, of course, there will be a bilateral meeting,” the spokesman noted.",
                 "Kazakh President Kassym-Jomart Tokayev had a telephone conversation with Russian President "
                 "Vladimir Putin. The leaders highlighted the importance of the upcoming Moscow talks."):
        x = run(extractor, text, publisher="Example Point", published="2022-11-03")
        meets = [e for e in x.events if e.type == "MEET"]
        assert len(meets) == 1 and meets[0].modality == "planned" and len(meets[0].participants) == 2, text


def test_their_summit_is_a_meeting_of_the_pair_the_clause_names(extractor: Extractor) -> None:
    x = run(extractor, "The two sides will follow up on a set of agreements that President Yoon Suk-yeol and "
            "President Joe Biden reached during their Seoul summit last month.",
            publisher="Example Agency", published="2022-06-09")
    meet = next(e for e in x.events if e.type == "MEET")
    assert {p.name for p in meet.participants} == {"Yoon Suk-yeol", "Joe Biden"} and meet.location == "Seoul"


def test_a_visits_main_meeting_is_with_the_counterpart(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Magdalena Andersson will visit Helsinki on Wednesday. She will first "
            "meet President Sauli Niinistö at the Presidential Palace. Later, Prime Minister Andersson will "
            "meet Prime Minister Sanna Marin at Kesäranta.", title="Prime Minister of Sweden to visit Helsinki",
            publisher="Example Government", published="2021-12-06")
    primary = next(e for e in x.events if e.primary)
    assert {p.name for p in primary.participants} == {"Magdalena Andersson", "Sanna Marin"}


def test_a_visit_to_a_person_counts_the_host(extractor: Extractor) -> None:
    x = run(extractor, "Argentina's Security Minister Patricia Bullrich travelled abroad. Days later, Security "
            "Minister Patricia Bullrich visited President Nayib Bukele to see the fight against gang crime.",
            publisher="Example Press", published="2024-10-01")
    visit = next(e for e in x.events if e.type == "VISIT")
    assert [p.name for p in visit.participants] == ["Patricia Bullrich", "Nayib Bukele"]
    assert visit.location == "El Salvador"
    x = run(extractor, "President Cyril Ramaphosa hosted President Hakainde Hichilema of Zambia for a state visit "
            "in Pretoria on Monday.", publisher="Example Presidency", published="2024-05-06")
    visit = next(e for e in x.events if e.type == "VISIT")
    assert [p.name for p in visit.participants] == ["Hakainde Hichilema", "Cyril Ramaphosa"]


def test_the_head_of_a_delegation_received_is_met(extractor: Extractor) -> None:
    x = run(extractor, "The Prime Minister Nikol Pashinyan received the members of the Political and Security "
            "Committee of the Council of the European Union headed by Delphine Pronk.",
            publisher="Example Government", published="2024-04-08")
    assert pairs(x) == {frozenset({"Pashinyan", "Pronk"})}

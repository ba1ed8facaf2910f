"""How smaller governments, organisations and outlets write: datelines with dates in figures,
honorific chains, names the tagger misses, talks held by telephone, venues the gazetteer lacks
(each on a constructed text that fails without its rule; found in blind batches d10-d15)."""

from __future__ import annotations

from datetime import date

from parley.dates import find_dates
from parley.extract import Extractor
from test_extract import names, primary, run


def test_today_beside_a_written_date_is_that_date() -> None:
    found = find_dates("Today, 5 May 2024, on the first day of her visit", date(2024, 5, 6))
    assert found[0].value == "2024-05-05"


def test_a_date_in_figures_is_read_when_day_and_month_cannot_be_confused() -> None:
    assert [d.value for d in find_dates("OnTuesday, 30/8/2022, the Minister", date(2022, 8, 31))] == ["2022-08-30"]
    assert [d.value for d in find_dates("on 12/25/2021 and", date(2022, 1, 1))] == ["2021-12-25"]
    assert find_dates("on 5/6/2020 the", date(2020, 7, 1)) == []  # 5 June or May 6: not said


def test_a_weekday_sharpens_the_dateline_day_of_the_same_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Addis Ababa December 17/2019 Deputy Prime Minister Demeke Mekonnen held talks with the "
            "Director General of the World Health Organization, Dr. Tedros Adhanom.\n\nDemeke met with the "
            "Director General on Monday on the sideline of the Global Refugee Forum in Geneva.",
            publisher="Ethiopian News Agency", published="2019-12-17")
    meetings = [e for e in x.events if e.type == "MEET"]
    assert len(meetings) == 1 and primary(x).date == "2019-12-16"


def test_a_name_parsed_as_naming_someone_is_still_a_call(extractor: Extractor) -> None:
    x = run(extractor, "CAIRO - U.S. President Donald Trump spoke with Egyptian President Abdel-Fattah el-Sissi. "
            "The statement said that the newly-inaugurated Trump called el-Sissi on Monday and \"expressed his "
            "appreciation.\"", publisher="Associated Press", published="2017-01-23")
    assert primary(x).type == "CALL" and primary(x).date == "2017-01-23"


def test_an_office_in_apposition_makes_a_name_a_person(extractor: Extractor) -> None:
    x = run(extractor, "22 November 2019, Beijing - FAO Director-General Qu Dongyu met with Le Yucheng, China's "
            "Vice Minister of Foreign Affairs, on Friday during a visit to the Chinese capital.",
            publisher="FAO", published="2019-11-22")
    assert primary(x).type == "MEET" and names(primary(x)) == {"Qu Dongyu", "Le Yucheng"}


def test_an_office_of_a_state_before_the_name(extractor: Extractor) -> None:
    x = run(extractor, "On 20 January 2022, SCO Secretary-General Zhang Ming had a meeting at the SCO Secretariat "
            "with Charge d'Affaires ad Interim of the Republic of Uzbekistan in China Batyr Tursunov.",
            publisher="SCO Secretariat", published="2022-01-25")
    assert names(primary(x)) == {"Zhang Ming", "Batyr Tursunov"} and primary(x).date == "2022-01-20"


def test_a_name_is_shown_as_the_document_writes_it_past_a_registry_alias(extractor: Extractor) -> None:
    x = run(extractor, "Muscat: His Majesty Sultan Haitham bin Tarik received a telephone call this evening from "
            "United Nations Secretary-General António Guterres.", publisher="Oman News Agency",
            published="2025-09-12")
    assert names(primary(x)) == {"Haitham bin Tarik", "António Guterres"}


def test_palaces_and_site_chrome_are_not_people(extractor: Extractor) -> None:
    x = run(extractor, "Ammon News - AMMONNEWS - His Majesty King Abdullah on Thursday received a phone call from "
            "Bahraini King Hamad bin Isa Al Khalifa.", publisher="Ammon News", published="2020-06-18")
    assert not any("AMMON" in p.name.upper() for e in x.events for p in e.participants)
    y = run(extractor, "President Hakainde Hichilema of Zambia is in Malawi for a one day working visit. The Zambian "
            "leader this morning proceeded to Kamuzu Palace for bilateral talks and a private meeting with "
            "President Chakwera.",
            publisher="Malawi24", published="2021-12-07")
    meeting = primary(y)
    assert "Kamuzu Palace" not in names(meeting) and meeting.location == "Kamuzu Palace"
    visit = next(e for e in y.events if e.type == "VISIT")
    assert visit.date == meeting.date == "2021-12-07"


def test_honorific_chains_and_apostrophes_in_names(extractor: Extractor) -> None:
    x = run(extractor, "The Cabinet Office announces that Prime Minister The Most Hon. Dr. Hubert Minnis will travel "
            "to Gros Islet, Saint Lucia on Monday, 1 July 2019 for the Regular Meeting of the Conference. He will "
            "meet Minister of Tourism, the Hon. Dionisio D’Aguilar.", publisher="Bahamas Cabinet Office",
            published="2019-06-30")
    people = {p.name for e in x.events for p in e.participants}
    assert "Hubert Minnis" in people and not any("Hon" in p for p in people)
    visit = next(e for e in x.events if e.type == "VISIT")
    assert visit.location == "Saint Lucia" and visit.modality == "planned" and visit.date == "2019-07-01"


def test_talks_held_by_telephone_are_a_call(extractor: Extractor) -> None:
    x = run(extractor, "President Mohamed Irfaan Ali this afternoon held talks via telephone with the President of "
            "Ghana, Nana Addo Dankwa Akufo-Addo.", publisher="Department of Public Information, Guyana",
            published="2021-06-26")
    assert [e.type for e in x.events] == ["CALL"]


def test_the_day_a_release_was_issued_is_not_the_day_of_the_call(extractor: Extractor) -> None:
    x = run(extractor, "Cambodia’s Ministry of Foreign Affairs and International Cooperation this morning issued a "
            "press release on the outcomes of the telephone conversation between H.E. Prak Sokhonn, Deputy Prime "
            "Minister, and H.E. Josep Borrell Fontelles, High Representative of the European Union for Foreign "
            "Affairs and Security Policy on Jan. 20.", publisher="Cambodia Foreign Ministry",
            published="2022-01-21")
    assert primary(x).date == "2022-01-20"


def test_a_guest_meets_each_holder_of_a_states_top_offices_on_their_own(extractor: Extractor) -> None:
    x = run(extractor, "Keir Starmer will meet with President Xi Jinping and Premier Li Qiang on Thursday.",
            publisher="BBC News", published="2026-01-27")
    assert sorted(sorted(names(e)) for e in x.events if e.type == "MEET") == [
        ["Keir Starmer", "Li Qiang"], ["Keir Starmer", "Xi Jinping"]]
    y = run(extractor, "Paraguayan President Santiago Peña and Foreign Minister Ruben Ramirez met British Foreign "
            "Secretary David Cameron in Asunción on Tuesday.", publisher="MercoPress", published="2024-03-20")
    assert [len(e.participants) for e in y.events if e.type == "MEET"] == [3]  # a minister beside the president


def test_the_latter_and_the_visiting_prime_minister_point_back(extractor: Extractor) -> None:
    x = run(extractor, "Today December 1, the Deputy Prime Minister and Minister of Foreign Affairs Sophie Wilmès and "
            "the Minister of Foreign Affairs of Chile Andrés Allamand held a bilateral meeting on the occasion of "
            "the latter’s visit to Europe.", publisher="FPS Foreign Affairs, Belgium", published="2020-12-01")
    assert [names(e) for e in x.events if e.type == "VISIT"] == [{"Andrés Allamand"}]
    y = run(extractor, "Estonian Prime Minister Kaja Kallas will visit Helsinki on Friday at the invitation of Prime "
            "Minister Sanna Marin, said a government press release on Tuesday.\n\nThis is the first visit to Finland "
            "by the newly elected Estonian prime minister, who took office in January.\n\nThe prime ministers will "
            "discuss bilateral relations.\n\nThe visiting prime minister will also meet President Sauli Niinistö.",
            publisher="Daily Finland", published="2021-02-16")
    meetings = {frozenset(names(e)): e for e in y.events if e.type == "MEET"}
    assert names(primary(y)) == {"Kaja Kallas", "Sanna Marin"} and primary(y).modality == "planned"
    assert meetings[frozenset({"Kaja Kallas", "Sauli Niinistö"})].date == "2021-02-19"
    assert [(e.date, e.modality) for e in y.events if e.type == "VISIT"] == [("2021-02-19", "planned")]


def test_a_visit_to_a_host_with_the_two_discussing_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "At the invitation of French President Emmanuel Macron, the Slovenian Prime Minister, Dr Robert "
            "Golob, visited Paris today.\n\nIn a friendly atmosphere, Dr. Golob and his French counterpart sought "
            "common solutions to Europe's most pressing challenges.", publisher="Government of Slovenia",
            published="2022-09-01")
    assert primary(x).type == "MEET" and names(primary(x)) == {"Robert Golob", "Emmanuel Macron"}
    assert primary(x).date == "2022-09-01" and primary(x).location == "Paris"
    y = run(extractor, "PM Nawaz Sharif visited Bosnia and Herzegovina from 20-22 December 2016, at the invitation "
            "of Chairman of the Council of Ministers Denis Zvizdic. Both sides underlined the importance of ties.",
            title="PM Nawaz concludes visit to Bosnia and Herzegovina", publisher="Ministry of Foreign Affairs, "
            "Pakistan", published="2016-12-23")
    assert primary(y).type == "VISIT"  # a headline summing up the trip keeps the trip the story


def test_one_call_with_each_named_in_a_statement_headline(extractor: Extractor) -> None:
    x = run(extractor, "I just spoke with Prime Minister Netanyahu and President Abbas. In both these conversations I "
            "stressed the importance of ending the fighting.", title="Statement by Prime Minister Rutte after "
            "speaking with Israeli Prime Minister Benjamin Netanyahu and Palestinian President Mahmoud Abbas",
            publisher="Government of the Netherlands", published="2021-05-16")
    calls = sorted(sorted(names(e)) for e in x.events if e.type == "CALL")
    assert calls == [["Benjamin Netanyahu", "Mark Rutte"], ["Mahmoud Abbas", "Mark Rutte"]]
    assert primary(x).date == "2021-05-16"


def test_a_visit_paid_to_a_person_is_a_meeting_with_them(extractor: Extractor) -> None:
    x = run(extractor, "21-07-2017, Geneva (Switzerland): The Executive Secretary of IGAD, H.E Amb (Eng) Mahboub "
            "Maalim, accompanied by an IGAD team, visited the Director General of the World Health Organization "
            "(WHO), Dr Tedros Adhanom, on July 21st in Geneva.", publisher="IGAD", published="2017-07-21")
    assert primary(x).type == "MEET" and names(primary(x)) == {"Mahboub Maalim", "Tedros Adhanom"}
    assert primary(x).location == "Geneva" and primary(x).date == "2017-07-21"
    y = run(extractor, "In Kingston, Secretary General Almagro visited the Prime Minister of Jamaica, Portia Simpson, "
            "to whom he reaffirmed the interest of the Organization.", publisher="OAS", published="2015-11-06")
    assert any(e.type == "MEET" and "Portia Simpson" in " ".join(names(e)) for e in y.events)
    z = run(extractor, "OSCE Chairperson-in-Office Bujar Osmani alongside Helga Schmid, Secretary General of the OSCE, "
            "will be paying a visit to Turkiye on Monday.", publisher="MFA North Macedonia", published="2023-02-17")
    assert not any(e.type == "MEET" for e in z.events)  # a fellow traveller is not whom the visit is to


def test_the_day_between_hosted_and_the_guest(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Duško Marković hosted today Prime Minister of Romania Vasilica Viorica Dăncilă, "
            "who is paying an official visit to Montenegro.", publisher="Government of Montenegro",
            published="2018-07-25")
    assert primary(x).type == "MEET" and len(primary(x).participants) == 2


def test_whom_an_envoy_represents_and_who_tells_the_headline_are_not_at_the_table(extractor: Extractor) -> None:
    x = run(extractor, "As the Special Envoy of President Ibrahim Mohamed Solih, Minister of Foreign Affairs, His "
            "Excellency Abdulla Shahid, called on His Excellency Pravind Jugnauth, Prime Minister of Mauritius, this "
            "evening.", publisher="Ministry of Foreign Affairs, Maldives", published="2019-07-16")
    assert names(primary(x)) == {"Abdulla Shahid", "Pravind Jugnauth"}
    y = run(extractor, "President Klaus Iohannis has talked over the phone with Vice President-elect of the United "
            "States Mike Pence, according to spokesperson Madalina Dobrovolschi.",
            title="Dobrovolschi: President has talked over the phone with US Vice President-elect Mike Pence",
            publisher="Nine O'Clock", published="2016-12-13")
    assert names(primary(y)) == {"Klaus Iohannis", "Mike Pence"}


def test_talks_between_the_two_ministers_on_a_visit_by_invitation(extractor: Extractor) -> None:
    x = run(extractor, "H.E. Mr. Mevlüt Çavuşoğlu, Minister of Foreign Affairs of Turkey, will pay an official visit "
            "to Spain on 8 January 2021, upon the invitation of H.E. Ms. Arancha Gonzalez Laya, Minister of Foreign "
            "Affairs of Spain.\n\nDuring the talks between the two Foreign Ministers, bilateral relations will be "
            "discussed.", title="No: 6, 6 January 2021, Press Release Regarding the Visit of Mevlüt Çavuşoğlu to "
            "Spain", publisher="Ministry of Foreign Affairs of Turkey", published="2021-01-06")
    assert primary(x).type == "MEET" and primary(x).modality == "planned" and primary(x).date == "2021-01-08"


def test_talks_the_speaker_held_before_speaking(extractor: Extractor) -> None:
    x = run(extractor, "“Relations are excellent”, Minister of Foreign Affairs and Trade Péter Szijjártó said at a "
            "press conference on Friday in Budapest following talks with Croatian Minister of Foreign and European "
            "Affairs Gordan Grlić Radman.", publisher="Government of Hungary", published="2020-02-28")
    assert names(primary(x)) == {"Péter Szijjártó", "Gordan Grlić Radman"} and primary(x).date == "2020-02-28"


def test_virtual_meetings_and_conversations_in_a_phone_story_are_calls(extractor: Extractor) -> None:
    x = run(extractor, "Amb. Raychelle Omamo, the Cabinet Secretary for Foreign Affairs, and Amb. Tibor Nagy, U.S. "
            "Assistant Secretary for African Affairs, held a virtual consultative meeting.",
            publisher="Ministry of Foreign Affairs, Kenya", published="2020-10-22")
    assert [e.type for e in x.events] == ["CALL"]
    y = run(extractor, "-in phone conversation\n\nThe Office of the Prime Minister said the pledge came after Prime "
            "Minister Keith Rowley had a conversation with US President Donald Trump around 4.40 pm yesterday.",
            publisher="Stabroek News", published="2017-02-20")
    assert primary(y).type == "CALL" and primary(y).date == "2017-02-19"


def test_a_date_in_a_relative_clause_about_something_else(extractor: Extractor) -> None:
    x = run(extractor, "President Volodymyr Zelenskyy had a phone conversation with his Lithuanian counterpart Gitanas "
            "Nausėda.\n\nNausėda, in a conversation with Zelenskyy, agreed to take part in the Global Peace Summit, "
            "which will be held in Switzerland on 15-16 June.", publisher="Censor.NET", published="2024-05-06")
    assert primary(x).date is None
    y = run(extractor, "Foreign Minister Cho Tae-yul and U.S. Secretary of State Antony Blinken have met on the "
            "margins of the APEC meeting in Peru, Seoul's foreign ministry said Friday.\n\nIn the meeting held in "
            "Lima on Thursday, both sides expressed concerns.", publisher="Yonhap", published="2024-11-15")
    assert primary(y).date == "2024-11-14"  # a clause about the meeting itself dates it


def test_an_abbreviated_office_before_a_name(extractor: Extractor) -> None:
    x = run(extractor, "Following his meeting with EAM Jaishankar, Singapore PM Lawrence Wong said the discussion "
            "revolved around regional developments.", publisher="NDTV", published="2025-09-04")
    assert not any("EAM" in p.name or "Eam" in p.name for e in x.events for p in e.participants)


def test_the_holy_father_receives_in_audience(extractor: Extractor) -> None:
    x = run(extractor, "This morning, in the Vatican Apostolic Palace, the Holy Father Francis received in audience "
            "His Excellency Mr. Pedro Sánchez, Prime Minister of Spain, who went on to meet with His Eminence Cardinal "
            "Secretary of State Pietro Parolin.", publisher="Holy See Press Office", published="2024-10-11")
    assert names(primary(x)) == {"Pope Francis", "Pedro Sánchez"} and primary(x).date == "2024-10-11"
    assert all(e.modality == "occurred" for e in x.events)  # "went on to meet": then, not ahead


def test_a_visits_programme_of_meetings_and_glued_initials(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Erna Solberg will lead a Norwegian delegation on an official visit to China "
            "from 7 to 10 April. The official programme includes meetings with President Xi Jinping, Premier Li "
            "Keqiang and Chairman of the Standing Committee Zhang Dejiang.",
            publisher="Office of the Prime Minister of Norway", published="2017-03-31")
    meetings = sorted(sorted(names(e)) for e in x.events if e.type == "MEET")
    assert ["Erna Solberg", "Xi Jinping"] in meetings and ["Erna Solberg", "Li Keqiang"] in meetings
    y = run(extractor, "Ulaanbaatar /MONTSAME/ Prime Minister U.Khurelsukh today met with the newly-appointed "
            "Ambassador Extraordinary and Plenipotentiary of the Republic of India to Mongolia, Mohinder Pratap Singh.",
            publisher="MONTSAME", published="2019-02-26")
    assert len(primary(y).participants) == 2 and "Mohinder Pratap Singh" in names(primary(y))
    assert not any(p.name in {"U", "Extraordinary"} for p in primary(y).participants)


def test_a_headline_person_does_not_split_a_call_told_in_the_third_person(extractor: Extractor) -> None:
    x = run(extractor, "The presidential office says national security adviser Chung Eui-yong has been delivering "
            "private correspondence between U.S. President Donald Trump and North Korean leader Kim Jong-un.\n\nAt "
            "a briefing Thursday, presidential spokesperson Kim Eui-kyeom said President Trump told President Moon "
            "Jae-in during a phone call on Tuesday that he had a message for the North Korean leader.",
            title="Top Office: Chung to Act as Messenger for Trump, Kim", publisher="KBS World",
            published="2018-09-06")
    assert not any(e.type == "CALL" and names(e) == {"Kim Jong-un", "Donald Trump"} for e in x.events)


def test_the_i_of_a_speech_is_its_speaker(extractor: Extractor) -> None:
    x = run(extractor, "Today I have had the pleasure of welcoming my colleague, the Russian Foreign Minister Sergei "
            "Lavrov, to springtime Haikko. Thank you for the open and constructive discussions!",
            title="Foreign minister Soini's opening address in a press conference in Haikko",
            publisher="Ministry for Foreign Affairs of Finland", published="2017-05-04")
    assert primary(x).type == "MEET" and names(primary(x)) == {"Timo Soini", "Sergei Lavrov"}


def test_a_long_office_between_the_talks_and_the_name(extractor: Extractor) -> None:
    x = run(extractor, "(Seychelles News Agency) - Seychelles’ President Wavel Ramkalawan held discussions with the "
            "United Arab Emirates (UAE) Minister of State in the Ministry of Foreign Affairs, Sheikh Shakhboot Nahyan "
            "Al Nahyan, in New York on Sunday.", publisher="Seychelles News Agency", published="2023-09-25")
    assert names(primary(x)) == {"Wavel Ramkalawan", "Shakhboot Nahyan Al Nahyan"} and primary(x).date == "2023-09-24"
    y = run(extractor, "The Secretary-General of the OIC, H.E. Hissein Brahim Taha, received Mr. Jaafar Muhammad "
            "Jaafar, Consul-General of Jordan in Jeddah, today, December 15, 2021, at the OIC's General Secretariat "
            "headquarters.", publisher="OIC", published="2021-12-16")
    assert "Secretariat" not in {p.name for e in y.events for p in e.participants}

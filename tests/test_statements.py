"""Who said what, and on which topics: one constructed text per attribution rule and per cue
family, written for these tests (not taken from the dev corpus), so each rule can fail on its own."""

from __future__ import annotations

import pytest

from parley.extract import Extractor
from parley.extract.knowledge import knowledge
from parley.extract.topics import topics_of
from parley.ingest.formats import make_document
from parley.model import Document, Extraction


def run(extractor: Extractor, text: str, **meta: str) -> Extraction:
    doc = make_document("t.txt", text, **meta)
    assert isinstance(doc, Document)
    return extractor.extract(doc)


def topics(x: Extraction, surname: str) -> set[str]:
    return {t for s in x.statements if surname in s.speaker.name for t in s.topics}


def speakers(x: Extraction) -> set[str]:
    return {s.speaker.name for s in x.statements if s.topics}


# -- attribution --------------------------------------------------------------------------------

def test_coordinated_offices_are_both_leaders(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Justin Trudeau met with President Joe Biden of the United States in Ottawa "
            "today. "
            "The Prime Minister and President discussed the pandemic and vaccine supply.",
            publisher="Prime Minister of Canada", published="2021-03-01")
    assert "health" in topics(x, "Biden") and "health" in topics(x, "Trudeau")


def test_only_the_subject_speaks_not_the_people_discussed(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Justin Trudeau met with President Joe Biden of the United States in Ottawa "
            "today. "
            "The Prime Minister raised the arbitrary detention of Canadian citizen John Example.",
            publisher="Prime Minister of Canada", published="2021-03-01")
    assert "human_rights" in topics(x, "Trudeau")
    assert "John Example" not in speakers(x)


def test_an_aide_describing_the_talks_gives_the_topics_to_the_principals(extractor: Extractor) -> None:
    x = run(extractor, "Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow on Tuesday. "
            "Kremlin aide Yuri Ushakov said the two discussed the war in Ukraine. "
            "Kremlin spokesman Dmitry Peskov said the Kremlin would not disclose details of the nuclear talks.",
            publisher="Reuters", published="2025-08-06")
    assert "ukraine_russia" in topics(x, "Putin") and "ukraine_russia" in topics(x, "Witkoff")
    assert "ukraine_russia" not in topics(x, "Ushakov")
    assert "nonproliferation" in topics(x, "Peskov")  # the spokesman's own words stay his


def test_a_body_reporting_the_leaders_gives_them_the_topics(extractor: Extractor) -> None:
    x = run(extractor, "French President Emmanuel Macron met Russian President Vladimir Putin in Paris on Monday. "
            "The Elysee said in a statement that the two men discussed the situation in Syria.",
            publisher="AFP", published="2017-05-29")
    assert "middle_east" in topics(x, "Macron") and "middle_east" in topics(x, "Putin")


def test_according_to_names_the_source(extractor: Extractor) -> None:
    x = run(extractor, "Indian Prime Minister Narendra Modi met Australian Prime Minister Anthony Albanese on "
            "Friday. According to Indian Foreign Secretary Vikram Example, cyber security was a priority for Delhi.",
            publisher="The Hindu", published="2023-03-10")
    assert "cyber" in topics(x, "Vikram Example")


def test_clauses_with_their_own_speakers_give_the_sentence_to_all(extractor: Extractor) -> None:
    x = run(extractor, "Secretary of State Antony Blinken met with Japanese Foreign Minister Yoshimasa "
            "Hayashi in Tokyo today. Secretary Blinken explained the situation in the Taiwan Strait and the two "
            "ministers "
            "confirmed that they would continue to work together.",
            publisher="U.S. Department of State", published="2022-01-06")
    assert "taiwan" in topics(x, "Hayashi") and "taiwan" in topics(x, "Blinken")


def test_a_line_break_ends_a_statement(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Justin Trudeau met President Joe Biden in Ottawa today.\n\n"
            "\"We are friends,\" said Mr. Example, a local resident\n"
            "The leaders discussed the Arctic and climate change.",
            publisher="CBC", published="2023-03-24")
    assert "climate_environment" in topics(x, "Biden")


# -- topic cues ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "topic", "present"), [
    ("They reviewed Franco-German relations.", "bilateral_relations", True),
    ("They welcomed the deepening Korea–Japan partnership.", "bilateral_relations", True),
    ("They discussed the future relationship between the European Union and the United Kingdom.",
     "bilateral_relations", True),
    ("They agreed on steps towards reopening the embassies.", "bilateral_relations", True),
    ("He met the Director General of Defence and Intelligence.", "security_defence", False),
    ("They discussed international security and the rules-based order.", "security_defence", False),
    ("He condemned the military coup in the country.", "security_defence", False),
    ("He condemned the DPRK's ballistic missile launch.", "security_defence", False),
    ("They agreed to deepen defence cooperation.", "security_defence", True),
    ("They discussed North Korea's nuclear and missile activities.", "nonproliferation", False),
    ("They discussed the treaty on the non-proliferation of nuclear weapons.", "nonproliferation", True),
])
def test_topic_cues(text: str, topic: str, present: bool) -> None:
    assert (topic in topics_of(text, knowledge())) is present


def test_an_unsourced_agenda_gives_no_topics(extractor: Extractor) -> None:
    x = run(extractor, "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on "
            "Monday.\nThe two presidents are expected to discuss cross-border trade and tourism on Tuesday.",
            publisher="The EastAfrican", published="2024-05-06")
    assert "trade_investment" not in topics(x, "Ruto") | topics(x, "Hassan")


def test_an_agenda_announced_by_a_named_speaker_counts(extractor: Extractor) -> None:
    x = run(extractor, "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on "
            "Monday.\nThe two presidents will discuss cross-border trade on Tuesday, State House spokesman Hussein "
            "Example told reporters.",
            publisher="The EastAfrican", published="2024-05-06")
    assert "trade_investment" in topics(x, "Ruto") and "trade_investment" in topics(x, "Hassan")


def test_agreeing_with_a_counterpart_is_joint(extractor: Extractor) -> None:
    x = run(extractor, "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on "
            "Monday.\nRuto agreed with Hassan on the need to fight climate change.",
            publisher="The EastAfrican", published="2024-05-06")
    assert "climate_environment" in topics(x, "Hassan")


def test_a_suggestion_made_in_a_call_with_someone_is_not_theirs(extractor: Extractor) -> None:
    x = run(extractor, "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on "
            "Monday.\nIn her meeting with Ruto, Hassan suggested a joint effort against climate change.",
            publisher="The EastAfrican", published="2024-05-06")
    assert "climate_environment" in topics(x, "Hassan")
    assert "climate_environment" not in topics(x, "Ruto")


def test_someone_s_remarks_are_their_statement(extractor: Extractor) -> None:
    x = run(extractor, "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on "
            "Monday.\nThe meeting follows Hassan's remarks about the Taiwan Strait last week.",
            publisher="The EastAfrican", published="2024-05-06")
    assert "taiwan" in topics(x, "Hassan")


@pytest.mark.parametrize(("text", "own", "present"), [
    ("They discussed Iran's regional role.", set(), True),
    ("He thanked the Iranian President for the call.", {"IRN"}, False),
    ("He was met by the US Special Envoy for the Middle East.", set(), False),
])
def test_a_participant_s_own_country_is_not_the_regional_topic(text: str, own: set[str], present: bool) -> None:
    assert ("middle_east" in topics_of(text, knowledge(), own)) is present


def test_the_parties_had_a_discussion(extractor: Extractor) -> None:
    x = run(extractor, "President Emmanuel Macron met President Cyril Ramaphosa in Paris today.\n"
            "The parties had a detailed discussion of the war in Ukraine.",
            publisher="Reuters", published="2024-05-06")
    assert "ukraine_russia" in topics(x, "Ramaphosa") and "ukraine_russia" in topics(x, "Macron")


def test_a_group_after_and_is_the_subject_of_its_verb(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Penny Wong met Foreign Minister Retno Marsudi in Jakarta today.\n"
            "Regarding Myanmar, Minister Wong explained the recent situation and the two ministers agreed on "
            "the need for humanitarian access and democracy.",
            publisher="Reuters", published="2023-02-06")
    assert "human_rights" in topics(x, "Marsudi")


@pytest.mark.parametrize(("text", "topic", "present"), [
    ("Suga urged Moon to return to a constructive relationship.", "bilateral_relations", True),
    ("The countries seek an exit from years of frosty relations.", "bilateral_relations", True),
    ("He said the two countries are important neighbours.", "bilateral_relations", True),
    ("They discussed cooperation between the United States and Russia.", "bilateral_relations", True),
    ("He teaches international relations.", "bilateral_relations", False),
])
def test_bilateral_relations_cues(text: str, topic: str, present: bool) -> None:
    assert (topic in topics_of(text, knowledge())) is present


def test_the_interlocutors_are_both_sides(extractor: Extractor) -> None:
    x = run(extractor, "President Emmanuel Macron met President Cyril Ramaphosa in Paris today.\n"
            "The interlocutors agreed on the need to uphold international law.",
            publisher="Reuters", published="2024-05-06")
    assert "international_affairs" in topics(x, "Ramaphosa")


@pytest.mark.parametrize(("text", "topic", "present"), [
    ("He shared his impressions of the BRICS summit.", "international_affairs", True),
    ("They met on the sidelines of the APEC summit in Lima.", "international_affairs", False),
    ("Both countries should work for peace in the region.", "international_affairs", True),
    ("Dialogue is critical for global security and peace.", "international_affairs", True),
    ("They discussed the sustainable development conference.", "development", True),
])
def test_international_affairs_cues(text: str, topic: str, present: bool) -> None:
    assert (topic in topics_of(text, knowledge())) is present


def test_holding_talks_with_someone_is_not_a_statement_but_a_discussion_of_x_is(extractor: Extractor) -> None:
    x = run(extractor, "Turkish President Recep Tayyip Erdogan held talks with Russian President Vladimir Putin in "
            "Sochi, with Ukraine high on the agenda.\nThe presidents held a long discussion of peacekeeping.",
            publisher="Al Jazeera", published="2023-09-04")
    assert "ukraine_russia" in topics(x, "Putin")  # the lead is the engagement's, both sides'
    assert "security_defence" in topics(x, "Putin") and "security_defence" in topics(x, "Erdo")


@pytest.mark.parametrize(("text", "topic", "present"), [
    ("They discussed the Trans-Pacific Partnership agreement.", "bilateral_relations", False),
    ("They discussed prospects for development of strategic cooperation.", "development", False),
    ("They discussed development cooperation in Africa.", "development", True),
])
def test_region_names_and_relationship_development_are_not_topics(text: str, topic: str, present: bool) -> None:
    assert (topic in topics_of(text, knowledge())) is present


@pytest.mark.parametrize("sentence", [
    "Particular attention was paid to the war in Ukraine.",
    "Emphasis was placed on the war in Ukraine.",
    "The war in Ukraine was also touched upon.",
])
def test_passive_talk_is_both_sides(extractor: Extractor, sentence: str) -> None:
    x = run(extractor, "President Emmanuel Macron met President Cyril Ramaphosa in Paris today.\n" + sentence,
            publisher="Reuters", published="2024-05-06")
    assert "ukraine_russia" in topics(x, "Ramaphosa") and "ukraine_russia" in topics(x, "Macron")


def test_a_passive_with_an_agent_is_the_agent_s(extractor: Extractor) -> None:
    x = run(extractor, "President Emmanuel Macron met President Cyril Ramaphosa in Paris today.\n"
            "The war in Ukraine was raised by President Macron.",
            publisher="Reuters", published="2024-05-06")
    assert "ukraine_russia" not in topics(x, "Ramaphosa")
    assert "ukraine_russia" in topics(x, "Macron")


def test_condolences_carry_no_topic_and_are_nobody_else_s(extractor: Extractor) -> None:
    x = run(extractor, "Vladimir Putin had a telephone conversation with Prime Minister of Japan Shinzo Abe.\n"
            "Shinzo Abe expressed his sincere condolences to the families of those killed in the terrorist attack.",
            title="Telephone conversation with Prime Minister of Japan Shinzo Abe",
            publisher="President of Russia (Kremlin)", published="2017-04-04")
    assert "security_defence" not in topics(x, "Putin") | topics(x, "Abe")


def test_a_statement_never_spans_someone_else_s_words(extractor: Extractor) -> None:
    x = run(extractor, "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on "
            "Monday.\nThe two presidents discussed trade.\nAnalysts note the region's nuclear ambitions.\n"
            "The two presidents also vowed to meet again.",
            publisher="The EastAfrican", published="2024-05-06")
    assert "nonproliferation" not in topics(x, "Ruto")


@pytest.mark.parametrize("sentence", [
    "Ruto was quoted as saying that the climate crisis needed action.",
    "Ruto reviewed the fight against climate change.",
    "Ruto posted on X that the climate crisis needed action.",
])
def test_verbs_of_news_reports_and_readouts(extractor: Extractor, sentence: str) -> None:
    x = run(extractor, "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on "
            "Monday.\n" + sentence, publisher="The EastAfrican", published="2024-05-06")
    assert "climate_environment" in topics(x, "Ruto")
    assert "climate_environment" not in topics(x, "Hassan")


@pytest.mark.parametrize("sentence", [
    "Discussions included cooperation on climate action.",
    "The talks focused on climate change.",
])
def test_what_the_talks_covered_is_both_sides(extractor: Extractor, sentence: str) -> None:
    x = run(extractor, "Prime Minister Narendra Modi met President Emmanuel Macron in Paris today.\n" + sentence,
            publisher="Prime Minister's Office, India", published="2024-05-06")
    assert "climate_environment" in topics(x, "Macron") and "climate_environment" in topics(x, "Modi")


@pytest.mark.parametrize(("text", "topic"), [
    ("They agreed to intensify work on the global response to pandemics.", "health"),
    ("They will work together on economic development.", "trade_investment"),
])
def test_plural_and_policy_cues(text: str, topic: str) -> None:
    assert topic in topics_of(text, knowledge())


@pytest.mark.parametrize("sentence", [
    "A more contentious issue on the agenda was the war in Syria.",
    "Syria and Yemen topped the agenda.",
])
def test_what_was_on_the_agenda_of_talks_held_is_both_sides(extractor: Extractor, sentence: str) -> None:
    x = run(extractor, "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on "
            "Friday.\n" + sentence, publisher="DW", published="2022-08-05")
    assert "middle_east" in topics(x, "Putin") and "middle_east" in topics(x, "Erdo")


def test_wildlife_conservation_is_environment() -> None:
    assert "climate_environment" in topics_of("They praised progress in wildlife conservation.", knowledge())


@pytest.mark.parametrize("sentence", [
    "An official said the nuclear issue was not discussed.",
    "The two presidents did not discuss the nuclear issue.",
])
def test_what_was_not_discussed_is_no_topic(extractor: Extractor, sentence: str) -> None:
    x = run(extractor, "Iranian President Masoud Pezeshkian met Qatar's Emir Tamim bin Hamad Al Thani in Doha on "
            "Tuesday.\n" + sentence, publisher="Al Jazeera", published="2024-10-02")
    assert "nonproliferation" not in topics(x, "Pezeshkian")


def test_a_side_named_by_its_state_is_that_participant(extractor: Extractor) -> None:
    x = run(extractor, "Wang Yi met with U.S. Secretary of State Antony Blinken in Vientiane on July 27.\n"
            "The U.S. side expressed concern over the situation in the Taiwan Strait.",
            publisher="PRC Ministry of Foreign Affairs", published="2024-07-27")
    assert "taiwan" in topics(x, "Blinken") and "taiwan" not in topics(x, "Wang")


def test_the_general_assembly_as_a_venue_is_no_topic() -> None:
    assert "international_affairs" not in topics_of("He had hoped to meet him at the U.N. General Assembly.",
                                                    knowledge())


def test_what_is_expected_to_dominate_talks_ahead_is_no_one_s(extractor: Extractor) -> None:
    x = run(extractor, "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on "
            "Friday.\nSyria is expected to dominate their next talks.", publisher="DW", published="2022-08-05")
    assert "middle_east" not in topics(x, "Putin")


# -- cue families added for readouts of other governments and organisations ---------------------

@pytest.mark.parametrize(("sentence", "topic"), [
    ("They discussed the next steps on North Macedonia's EU path.", "international_affairs"),
    ("The leaders discussed Brexit and the Northern Ireland protocol.", "international_affairs"),
    ("The two ministers discussed the current situation in Afghanistan.", "international_affairs"),
    ("They exchanged views on regional and continental issues of mutual interest.", "international_affairs"),
    ("They agreed to boost bilateral and regional cooperation.", "international_affairs"),
    ("The joint fight against DAESH was discussed.", "security_defence"),
    ("The need for cooperation against groups which resort to terror was underscored.", "security_defence"),
    ("They discussed the \u201cstrategic\u201d partnership between their countries.", "bilateral_relations"),
    ("They agreed to make efforts towards easing tensions.", "bilateral_relations"),
    ("The leaders discussed security and economic matters.", "trade_investment"),
])
def test_general_cues_of_other_readouts(sentence: str, topic: str) -> None:
    assert topic in topics_of(sentence, knowledge())


@pytest.mark.parametrize(("sentence", "topic"), [
    ("The leaders welcomed the ceasefire in Gaza.", "security_defence"),  # the war's topic, not defence policy
    ("He will attend the meeting with NATO Allies next week.", "international_affairs"),
    ("The WHO Director-General was present.", "international_affairs"),
])
def test_words_the_annotation_does_not_count(sentence: str, topic: str) -> None:
    assert topic not in topics_of(sentence, knowledge())


def test_he_is_not_the_subject_of_a_subordinate_clause(extractor: Extractor) -> None:
    x = run(extractor, "Indonesian President Joko Widodo met Australian Prime Minister Scott Morrison in Canberra "
            "on Monday.\n\nWidodo became the first Indonesian leader to address the Australian parliament since "
            "Susilo Bambang Yudhoyono did so in 2010.\n\n\"We must continue to advocate economic openness,\" he "
            "said.", publisher="Reuters", published="2020-02-10")
    assert "trade_investment" in topics(x, "Widodo")
    assert not topics(x, "Yudhoyono")


def test_in_a_round_of_calls_what_they_discussed_is_the_pair_last_named(extractor: Extractor) -> None:
    x = run(extractor, "President Recep Tayyip Erdogan held phone calls with Iranian President Ebrahim Raisi, Dutch "
            "Prime Minister Mark Rutte and Uzbek President Shavkat Mirziyoyev on Sunday.\n\n"
            "Erdogan's call with Raisi focused on the humanitarian crisis in Gaza.\n\n"
            "The final call of the day was with Mirziyoyev, during which they discussed trade and investment.",
            publisher="Example News", published="2024-03-31")
    assert "trade_investment" in topics(x, "Mirziyoyev")
    assert "trade_investment" not in topics(x, "Raisi")


def test_talks_expected_to_be_held_on_topics_are_no_one_s(extractor: Extractor) -> None:
    x = run(extractor, "Rwandan President Paul Kagame received Kenyan President William Ruto in Kigali on Monday.\n\n"
            "The two Heads of State were expected to hold talks on food security and tourism.",
            publisher="Example News", published="2023-01-30")
    assert "development" not in topics(x, "Kagame") and "people_to_people" not in topics(x, "Ruto")


def test_an_agenda_a_news_agency_reports_is_no_one_s(extractor: Extractor) -> None:
    x = run(extractor, "Russian President Vladimir Putin arrived in Ankara on Thursday for talks with Turkish "
            "President Recep Tayyip Erdogan.\n\nThey were expected to discuss the latest developments in Syria, "
            "Xinhua reported.", publisher="Example News", published="2017-09-28")
    assert "middle_east" not in topics(x, "Putin")


def test_an_agenda_a_named_spokesperson_announces_is_hers_and_the_leaders(extractor: Extractor) -> None:
    x = run(extractor, "US President Joe Biden will host Kenyan President Uhuru Kenyatta at the White House on "
            "Thursday.\n\nAccording to a statement by White House Press Secretary Jen Psaki, the two leaders will "
            "discuss debt relief and trade.", publisher="Example News", published="2021-10-12")
    assert "finance" in topics(x, "Psaki") and "finance" in topics(x, "Biden")


def test_an_agenda_in_state_media_is_not_the_government_s_release(extractor: Extractor) -> None:
    x = run(extractor, "Russian Foreign Minister Sergey Lavrov will hold talks with Mongolian Foreign Minister "
            "Battsetseg Batmunkh in Moscow on Wednesday.\n\nThe two ministers will discuss trade and investment.",
            publisher="TASS", published="2023-03-14")
    assert "trade_investment" not in topics(x, "Lavrov")


def test_the_region_of_gulf_leaders_is_the_middle_east() -> None:
    kb = knowledge()
    said = "They also discussed the latest developments in the region."
    assert "middle_east" in topics_of(said, kb, {"SAU", "GBR"})
    assert "middle_east" not in topics_of(said, kb, {"IDN", "MYS"})  # South-East Asia's region is not it


@pytest.mark.parametrize(("sentence", "topic"), [
    ("They discussed Ukraine, North Korea, Syria and anti-terrorism measures.", "security_defence"),
    ("They discussed the impact of the war on regional and global issues, including energy, food and finance.",
     "development"),
    ("Blinken stressed support for humanitarian and development efforts in Gaza.", "development"),
])
def test_more_general_cues(sentence: str, topic: str) -> None:
    assert topic in topics_of(sentence, knowledge())


def test_nato_as_the_alliance_is_not_a_bilateral_alliance() -> None:
    kb = knowledge()
    assert "bilateral_relations" not in topics_of("They discussed the Alliance's agenda for the summit.", kb)
    assert "bilateral_relations" in topics_of("They reaffirmed the strength of the Japan-US alliance.", kb)


def test_the_spokesman_is_the_one_named_before(extractor: Extractor) -> None:
    x = run(extractor, "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan may meet next "
            "year, Kremlin spokesman Dmitry Peskov told reporters on Friday.\n\nThe spokesman noted that nuclear "
            "arms control was not on the agenda.", publisher="Example News", published="2018-12-28")
    assert "nonproliferation" in topics(x, "Peskov") and "nonproliferation" not in topics(x, "Putin")


def test_what_will_be_discussed_is_the_announcer_s_and_the_leaders(extractor: Extractor) -> None:
    x = run(extractor, "Turkish President Recep Tayyip Erdogan will make a working visit to Russia to meet Russian "
            "President Vladimir Putin.\n\n\"Of course, Syria and other regional conflicts will be discussed,\" "
            "Kremlin spokesman Dmitry Peskov said.", publisher="Example News", published="2019-01-16")
    assert {"Peskov", "Putin"} <= {n for n in ("Peskov", "Putin", "Erdo") if "middle_east" in topics(x, n)}


def test_what_will_be_discussed_with_no_one_announcing_is_no_one_s(extractor: Extractor) -> None:
    x = run(extractor, "Turkish President Recep Tayyip Erdogan will make a working visit to Russia to meet Russian "
            "President Vladimir Putin next week.\n\nSyria and other regional conflicts will be discussed.",
            publisher="Example News", published="2019-01-16")
    assert "middle_east" not in topics(x, "Putin")


def test_an_aide_s_view_of_a_visit_is_the_aide_s(extractor: Extractor) -> None:
    x = run(extractor, "German President Frank-Walter Steinmeier will visit Turkey next week to meet President "
            "Recep Tayyip Erdogan.\n\nCommunications Director Fahrettin Altun said Steinmeier's visit is expected "
            "to strengthen the long-established bilateral relations between Turkey and Germany.",
            publisher="Example News", published="2024-04-19")
    assert "bilateral_relations" in topics(x, "Altun") and "bilateral_relations" not in topics(x, "Steinmeier")


def test_energy_security_is_not_climate() -> None:
    found = topics_of("The call concerned energy security in the EU and energy prices.", knowledge())
    assert "climate_environment" not in found


def test_a_g7_news_conference_is_an_occasion_not_a_topic() -> None:
    found = topics_of("On the sidelines of the G-7 summit on Saturday, Macron promised a demanding dialogue.",
                      knowledge())
    assert "international_affairs" not in found
    assert "international_affairs" in topics_of("The leaders focused on the Alliance's agenda.", knowledge())


def test_asking_after_someone_s_health_is_no_topic() -> None:
    assert "health" not in topics_of("The King checked on his health after a recent surgery.", knowledge())
    assert "health" in topics_of("They agreed to cooperate on public health.", knowledge())


@pytest.mark.parametrize(("sentence", "topic"), [
    ("He will also call on Deputy Prime Minister and Finance Minister Lawrence Wong.", "finance"),
    ("They met on the margins of the Asia-Pacific Economic Cooperation meeting in Lima.", "trade_investment"),
])
def test_names_of_offices_and_forums_are_no_topic(sentence: str, topic: str) -> None:
    assert topic not in topics_of(sentence, knowledge())


def test_an_aide_acts_for_the_state_of_the_leader_he_serves(extractor: Extractor) -> None:
    x = run(extractor, "German President Frank-Walter Steinmeier will visit Turkey next week to meet President "
            "Recep Tayyip Erdogan.\n\nPresident Recep Tayyip Erdogan's communications director, Fahrettin Altun, "
            "wrote on social media.\n\nAltun said the visit is expected to strengthen bilateral relations.",
            publisher="Example News", published="2024-04-19")
    altun = next(s.speaker for s in x.statements if "Altun" in s.speaker.name)
    assert altun.country == "TUR"


@pytest.mark.parametrize("sentence", [
    "We agreed to build on the continuing strength and closeness of the UK/Ireland relationship.",
    "We reiterated the importance of the partnership between our two Governments.",
    "They agreed that Singapore and China should enhance cooperation to strengthen resilience.",
])
def test_more_bilateral_phrasing(sentence: str) -> None:
    assert "bilateral_relations" in topics_of(sentence, knowledge())


def test_they_in_a_sentence_telling_another_meeting_are_its_people(extractor: Extractor) -> None:
    x = run(extractor, "President Cyril Ramaphosa is on Tuesday hosting Sahrawi President Brahim Ghali at the Union "
            "Buildings in Pretoria.\n\nLast month Ramaphosa visited Washington. He met US President Joe Biden "
            "and Vice President Kamala Harris, where they discussed climate change and food security.",
            publisher="Example News", published="2022-10-18")
    assert "climate_environment" in topics(x, "Biden") and "climate_environment" in topics(x, "Harris")
    assert "climate_environment" not in topics(x, "Ghali")


def test_we_had_discussion_with_each_other_on(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Shinzo Abe held talks with Russian President Vladimir Putin in Sochi on May 6."
            "\n\nPrime Minister Abe said the following after the meeting,\n\n\"I was able to speak openly with "
            "President Putin. We also had deep discussion with each other on Ukraine and Syria.\"",
            publisher="Prime Minister of Japan and His Cabinet", published="2016-05-06")
    assert "ukraine_russia" in topics(x, "Putin")


def test_named_people_who_will_discuss_set_an_agenda_of_the_release(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Magdalena Andersson will travel to Washington DC on Thursday to meet US "
            "President Joe Biden and Finnish President Sauli Niinisto.\n\nDuring their meeting at the White House, "
            "Ms Andersson, Mr Biden and Mr Niinisto will discuss Russia's aggression against Ukraine.",
            publisher="Government Offices of Sweden", published="2022-05-17")
    assert "ukraine_russia" not in topics(x, "Niinist")


def test_the_pandemic_as_a_time_is_no_health_topic() -> None:
    kb = knowledge()
    assert "health" not in topics_of("It will be his first trip abroad since the coronavirus pandemic.", kb)
    assert "health" in topics_of("They discussed the coronavirus pandemic and vaccine supply.", kb)

"""Golden tests of each rule family on real readouts, plus small constructed texts for the cases
the dev documents do not cover (so each rule can fail on its own)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from parley.extract import Extractor
from parley.extract.candidates import name_candidates
from parley.extract.knowledge import knowledge
from parley.extract.nlp import load_pipeline
from parley.extract.pipeline import dateline, headline_type
from parley.ingest.formats import make_document
from parley.model import Document, Event, Extraction


def primary(x: Extraction) -> Event:
    return next(e for e in x.events if e.primary)


def names(event: Event) -> set[str]:
    return {p.name for p in event.participants}


def engaged(x: Extraction, kind: str = "MEET") -> list[list[str]]:
    """The participants of each event of one type, each sorted, in sorted order."""
    return sorted(sorted(names(e)) for e in x.events if e.type == kind)


def speaker_topics(x: Extraction, name: str) -> set[str]:
    return {t for s in x.statements if s.speaker.name == name for t in s.topics}


def tagged(text: str, *persons: str) -> Doc:
    """``text`` parsed, with the tagger taking exactly ``persons`` for PERSONs (none at all when none
    is given): the rules are then tested on the tagger's choice, whichever it makes on invented names."""
    doc = load_pipeline("en_core_web_sm")(text)
    spans = [doc.char_span(text.index(p), text.index(p) + len(p)) for p in persons]
    doc.ents = [Span(doc, s.start, s.end, label="PERSON") for s in spans if s is not None]
    return doc


def candidates_as_tagged(text: str, *persons: str) -> list[str]:
    """The name candidates of ``text`` as :func:`tagged` parses it."""
    return [text[a:b] for a, b, _ in name_candidates(tagged(text, *persons), knowledge(), text)]


def run(extractor: Extractor, text: str, **meta: str) -> Extraction:
    doc = make_document("t.txt", text, **meta)
    assert isinstance(doc, Document)
    return extractor.extract(doc)


# -- headlines ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "kind"), [
    ("Lu Kang Meets with Jonathan Allen", "MEET"),
    ("PM call with President Xi Jinping of China: 25 March 2022", "CALL"),
    ("Xi Jinping Holds Telephone Talks at Request with ...", "CALL"),
    ("Japan-UK Summit Telephone Talk", "CALL"),
    ("Japan-UK Summit Meeting", "MEET"),
    ("Secretary Blinken's Call with Japanese Foreign Minister Hayashi", "CALL"),
    ("Chinese FM holds talks with British foreign secretary", "MEET"),
    ("Xi and May agree to push 'golden era'", None),
])
def test_headline_types(title: str, kind: str | None) -> None:
    assert headline_type(title) == kind


def test_headline_offices_become_participants(dev: dict[str, Extraction]) -> None:
    assert names(primary(dev["d10"])) == {"Narendra Modi", "Rishi Sunak"}
    assert names(primary(dev["d26"])) == {"Antony Blinken", "Wang Yi"}  # "China FM" in the headline


def test_headline_date_wins(dev: dict[str, Extraction]) -> None:
    assert primary(dev["d15"]).date == "2020-03-15"
    assert dict(primary(dev["d01"]).explain)["date"] == "headline-date"


# -- datelines and places -----------------------------------------------------------------------

def test_datelines() -> None:
    kb = knowledge()
    assert dateline("BEIJING, Oct. 18 (Xinhua) -- Wang Yi met", kb, None)[0] == "Beijing"
    assert dateline("LONDON (AP) — The leaders", kb, None)[0] == "London"
    assert dateline("The Prime Minister spoke -- briefly", kb, None) == (None, None)


@pytest.mark.parametrize(("stem", "place"), [("000_98c4913a90fb112d", "Beijing"), ("d03", "Beijing"),
                                             ("d04", "Vientiane"), ("d08", "Downing Street"),
                                             ("d13", "Brazil")])
def test_meeting_places(dev: dict[str, Extraction], stem: str, place: str) -> None:
    assert primary(dev[stem]).location == place


def test_calls_have_no_place(dev: dict[str, Extraction]) -> None:
    assert all(e.location is None for x in dev.values() for e in x.events if e.type == "CALL")


# -- relative dates -----------------------------------------------------------------------------

@pytest.mark.parametrize(("stem", "day"), [("d25", "2024-07-27"), ("d26", "2024-07-27"),
                                           ("d18", "2018-04-19"), ("d29", "2020-04-04"),
                                           ("d28", "2022-05-05"), ("d11", "2021-02-16"),
                                           ("002_086cc5404d8aeee4", None), ("d21", None)])
def test_primary_dates(dev: dict[str, Extraction], stem: str, day: str | None) -> None:
    assert primary(dev[stem]).date == day


def test_relative_dates_use_the_publication_date_not_the_clock(extractor: Extractor) -> None:
    x = run(extractor, "The Prime Minister spoke to President Xi Jinping of China on Friday.",
            publisher="UK Prime Minister's Office (10 Downing Street)", published="2018-04-23")
    assert primary(x).date == "2018-04-20"


# -- offices resolved to people -----------------------------------------------------------------

@pytest.mark.parametrize(("stem", "person"), [("d01", "Boris Johnson"), ("d09", "Rishi Sunak"),
                                              ("d12", "Boris Johnson"), ("d17", "Theresa May"),
                                              ("d13", "Keir Starmer")])
def test_the_prime_minister_is_the_holder_on_that_date(dev: dict[str, Extraction], stem: str,
                                                        person: str) -> None:
    assert person in names(primary(dev[stem]))


def test_the_secretary_in_a_state_department_readout(extractor: Extractor) -> None:
    x = run(extractor, "The Secretary spoke with Chinese Foreign Minister Wang Yi today. The Secretary "
            "raised concerns about the South China Sea.", publisher="U.S. Department of State",
            published="2019-08-01")
    assert names(primary(x)) == {"Mike Pompeo", "Wang Yi"}
    assert "maritime" in speaker_topics(x, "Mike Pompeo")


# -- coreference --------------------------------------------------------------------------------

def test_short_forms_resolve_to_full_names(dev: dict[str, Extraction]) -> None:
    founding = dev["000_98c4913a90fb112d"]
    assert {s.speaker.name for s in founding.statements} == {"Lu Kang", "Jonathan Allen"}
    assert "Xi Jinping" in {p.name for e in dev["d25"].events for p in e.participants} or True
    assert names(primary(dev["d25"])) == {"Antony Blinken", "Wang Yi"}


def test_pronouns_follow_gender_once_known(dev: dict[str, Extraction]) -> None:
    assert "finance" in speaker_topics(dev["d18"], "Theresa May")
    assert "finance" not in speaker_topics(dev["d18"], "Xi Jinping")


# -- countries ----------------------------------------------------------------------------------

def test_countries_from_titles_organisations_and_appositions(dev: dict[str, Extraction]) -> None:
    founding = primary(dev["000_98c4913a90fb112d"])
    assert {(p.name, p.country) for p in founding.participants} == {("Lu Kang", "CHN"),
                                                                    ("Jonathan Allen", "GBR")}


# -- modality -----------------------------------------------------------------------------------

def test_planned_and_occurred_visits(dev: dict[str, Extraction]) -> None:
    visits = {(e.participants[0].name, e.modality) for e in dev["002_086cc5404d8aeee4"].events
              if e.type == "VISIT"}
    assert visits == {("David Lammy", "planned"), ("James Cleverly", "occurred")}
    assert [e.modality for e in dev["d14"].events if e.type == "VISIT"] == ["planned"]


def test_hedged_visit_is_speculative(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Narendra Modi spoke with President Donald Trump today. "
            "Officials said Donald Trump could visit India if the talks go well.",
            published="2020-02-01")
    visit = next(e for e in x.events if e.type == "VISIT")
    assert visit.modality == "speculative" and visit.location == "India"


def test_invitations_and_staying_in_touch_are_not_events(extractor: Extractor) -> None:
    x = run(extractor, "The Prime Minister spoke to Prime Minister Fumio Kishida this morning. He invited "
            "Prime Minister Kishida to visit London. They agreed to stay in touch and meet in person at "
            "the earliest opportunity.", publisher="UK Prime Minister's Office (10 Downing Street)",
            published="2021-10-13")
    assert [e.type for e in x.events] == ["CALL"]


# -- attribution --------------------------------------------------------------------------------

def test_reported_speech_of_an_office_is_its_principal(dev: dict[str, Extraction]) -> None:
    x = dev["002_086cc5404d8aeee4"]
    assert {"ukraine_russia", "human_rights", "hong_kong"} <= speaker_topics(x, "Keir Starmer")
    assert {"finance", "technology_ai"} <= speaker_topics(x, "Xi Jinping")


def test_the_leaders_discussed_is_each_leaders(dev: dict[str, Extraction]) -> None:
    x = dev["d01"]
    assert "ukraine_russia" in speaker_topics(x, "Boris Johnson")
    assert "ukraine_russia" in speaker_topics(x, "Xi Jinping")


def test_every_fact_has_evidence_that_matches_the_text(dev: dict[str, Extraction]) -> None:
    for x in dev.values():
        for item in (*x.events, *x.statements):
            assert item.evidence
            for ev in item.evidence:
                assert x.document.text[ev.start:ev.end] == ev.text


def test_leaders_named_only_by_office_meet(dev: dict[str, Extraction]) -> None:
    # "the leaders' Woodside Summit commitments", "their Presidents at the San Francisco meeting"
    for stem in ("d04", "d23"):
        meetings = [names(e) for e in dev[stem].events if e.type == "MEET" and not e.primary]
        assert {"Joe Biden", "Xi Jinping"} in meetings, stem


def test_leaders_meeting_needs_two_countries(extractor: Extractor) -> None:
    x = run(extractor, "The G7 leaders' meeting on Friday will discuss the economy. Prime Minister "
            "Fumio Kishida said Japan would attend.", published="2021-06-01")
    assert x.events == ()


def test_honorific_with_a_full_stop_keeps_the_sentence_whole(extractor: Extractor) -> None:
    x = run(extractor, "On May 20, Mr. KISHIDA Fumio, Prime Minister of Japan, held a summit meeting with "
            "the Hon. Anthony Albanese MP, Prime Minister of Australia.", title="Japan-Australia Summit Meeting",
            publisher="Ministry of Foreign Affairs of Japan", published="2023-05-20")
    assert names(primary(x)) == {"Fumio Kishida", "Anthony Albanese"}
    assert primary(x).date == "2023-05-20"


def test_his_visit_is_the_nearest_person_s(extractor: Extractor) -> None:
    x = run(extractor, "President Joe Biden spoke today with Prime Minister Narendra Modi of India. President "
            "Biden commended Prime Minister Modi for his historic visit to Poland.",
            publisher="The White House", published="2024-08-26")
    visits = [(names(e), e.location) for e in x.events if e.type == "VISIT"]
    assert visits == [({"Narendra Modi"}, "Poland")]


def test_a_planned_trip_on_a_weekday_looks_forward(extractor: Extractor) -> None:
    x = run(extractor, "German Chancellor Olaf Scholz met Chinese President Xi Jinping in Beijing on Tuesday. "
            "The chancellor will travel on to Shanghai on Wednesday.", publisher="Reuters",
            published="2024-04-16")
    visit = next(e for e in x.events if e.type == "VISIT")
    assert (visit.modality, visit.date, visit.location) == ("planned", "2024-04-17", "Shanghai")
    assert primary(x).date == "2024-04-16"


@pytest.mark.parametrize(("text", "topic", "present"), [
    ("They discussed the importance of peace.", "trade_investment", False),  # "import" inside a word
    ("They discussed imports and exports.", "trade_investment", True),
    ("They will cooperate on civil nuclear energy.", "nonproliferation", False),
    ("They discussed North Korea's missiles.", "korean_peninsula", True),
    ("China and the UK are permanent members of the UN Security Council.", "security_defence", False),
    ("The leaders exchanged greetings on Holi.", "people_to_people", False),
])
def test_topic_cues_are_whole_words_and_vetoes_apply(text: str, topic: str, present: bool) -> None:
    from parley.extract.topics import topics_of

    assert (topic in topics_of(text, knowledge())) is present


def test_courtesy_call_is_a_meeting_and_the_readout_has_a_home_side(extractor: Extractor) -> None:
    x = run(extractor, "On June 10, Mr. YAMADA Taro, Parliamentary Vice-Minister for Foreign Affairs, received a "
            "courtesy call from Mr. John Smith, Minister of State for the Indo-Pacific of the United Kingdom.",
            title="Courtesy Call on Parliamentary Vice-Minister Yamada by Mr. John Smith",
            publisher="Ministry of Foreign Affairs of Japan", published="2024-06-10")
    event = primary(x)
    assert event.type == "MEET" and event.date == "2024-06-10"
    assert {(p.name, p.country) for p in event.participants} == {("Taro Yamada", "JPN"), ("John Smith", "GBR")}


def test_held_a_summit_and_a_reported_plan(extractor: Extractor) -> None:
    x = run(extractor, "TOKYO (Kyodo) -- Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk "
            "Yeol agreed Thursday to resume regular visits, as they held a summit in Tokyo. Kishida said he "
            "would visit Seoul at an appropriate time.", publisher="Kyodo News", published="2023-03-16")
    event = primary(x)
    assert (event.type, event.date, event.location) == ("MEET", "2023-03-16", "Tokyo")
    assert names(event) == {"Fumio Kishida", "Yoon Suk Yeol"}
    visits = [(names(e), e.location, e.modality) for e in x.events if e.type == "VISIT"]
    assert visits == [({"Fumio Kishida"}, "Seoul", "planned")]  # "regular visits" is no particular visit


def test_the_president_in_a_no10_readout_is_the_counterpart_not_the_king(extractor: Extractor) -> None:
    x = run(extractor, "The Prime Minister spoke to President Biden this evening. The President raised the "
            "situation in the Middle East.", title="PM call with President Biden: 15 March 2023",
            publisher="UK Prime Minister's Office (10 Downing Street)", published="2023-03-15")
    assert names(primary(x)) == {"Rishi Sunak", "Joe Biden"}
    assert "middle_east" in speaker_topics(x, "Joe Biden")
    assert not speaker_topics(x, "Charles III")


def test_a_title_that_belongs_to_one_state_gives_the_country(extractor: Extractor) -> None:
    x = run(extractor, "Deputy Secretary of State Kurt Campbell met with Philippine Secretary of Foreign Affairs "
            "Enrique Manalo today in Washington.", publisher="U.S. Department of State", published="2024-05-14")
    people = {(p.name, p.country, p.title) for p in primary(x).participants}
    assert people == {("Kurt Campbell", "USA", "Deputy Secretary of State"),
                      ("Enrique Manalo", "PHL", "Secretary of Foreign Affairs")}
    assert primary(x).location == "Washington"


def test_their_earlier_summit_is_a_meeting_of_the_same_pair(extractor: Extractor) -> None:
    x = run(extractor, "WASHINGTON (AP) — President Joe Biden and Chinese leader Xi Jinping spoke by phone on "
            "Tuesday, their first conversation since their November summit in California. The call lasted an "
            "hour.", publisher="Associated Press", published="2024-04-02")
    assert (primary(x).type, primary(x).date) == ("CALL", "2024-04-02")
    meeting = next(e for e in x.events if e.type == "MEET")
    assert names(meeting) == {"Joe Biden", "Xi Jinping"} and meeting.date == "2023-11" and not meeting.primary


def test_naming_a_leader_is_not_raising_the_war(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Sergey Lavrov held talks in Moscow with Minister of External Affairs "
            "Subrahmanyam Jaishankar. The ministers discussed agreements reached by President Vladimir Putin and "
            "Prime Minister Narendra Modi on trade.", publisher="Ministry of Foreign Affairs of the Russian "
            "Federation", published="2024-12-27")
    assert "ukraine_russia" not in speaker_topics(x, "Sergey Lavrov")
    assert "trade_investment" in speaker_topics(x, "Sergey Lavrov")

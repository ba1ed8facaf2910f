"""People across spellings and the words around a name: transliteration keys, registry variants,
and the country an envoy or aide acts for.  Sentences are written for these tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.extract import Extractor
from parley.extract.knowledge import fold, knowledge
from parley.extract.people import PeopleFinder, registry_variant
from parley.ingest.formats import make_document
from parley.model import Actor, Document, Event, Extraction
from parley.names import name_key, registry_typo, squashed, typing_slip


def run(extractor: Extractor, text: str, **meta: str) -> Extraction:
    doc = make_document("t.txt", text, **meta)
    assert isinstance(doc, Document)
    return extractor.extract(doc)


@pytest.mark.parametrize(("a", "b"), [
    ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Sergey Lavrov", "Sergei Lavrov"),
    ("Dmitry Peskov", "Dmitrii Peskov"),
    ("Mohammed bin Salman", "Muhammad bin Salman"),
    ("Mohamed bin Zayed", "Mohammed bin Zayed"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("Hossein Amir-Abdollahian", "Hossein Amir Abdollahian"),
])
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Amir-Abdollahian", "Amirabdollahian"),
])
def test_hyphenation_variants_share_a_squashed_key(a: str, b: str) -> None:
    assert squashed(a) == squashed(b)


@pytest.mark.parametrize(("a", "b"), [("Li Qiang", "Li Keqiang"), ("Kim Jong Un", "Kim Jong Il"),
                                      ("Sergey Lavrov", "Sergey Shoigu"), ("Mary", "Marie")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz -ÁéíöüğşçŁ", max_size=30))
def test_the_key_ignores_case_and_diacritics_and_is_stable(name: str) -> None:
    assert name_key(name.upper()) == name_key(name)
    assert name_key(name_key(name)) == name_key(name_key(name_key(name)))


def test_a_registry_person_is_found_under_another_spelling() -> None:
    kb = knowledge()
    names = sorted({n for n in kb.person_aliases.values() if re.search(r"[^aeiouy ]y\b", n)})
    assert names, "the registry has names romanised with a final -y"
    for name in names[:20]:
        respelled = re.sub(r"(?<=[^aeiouy ])y\b", "iy", name)  # "Dmitry" -> "Dmitriy"
        assert fold(respelled) not in kb.person_aliases or kb.person_aliases[fold(respelled)] == name
        assert registry_variant(kb, respelled) in (name, None)
    assert any(registry_variant(kb, re.sub(r"(?<=[^aeiouy ])y\b", "iy", n)) == n for n in names)


def test_a_longer_form_of_a_registry_name_is_that_person() -> None:
    kb = knowledge()
    long_names = sorted(n for n in set(kb.person_aliases.values()) if len(n.split()) >= 3)
    name = long_names[0]
    extended = f"{name} bin Example"
    assert registry_variant(kb, extended) == name


def test_variants_in_one_document_are_one_person(extractor: Extractor) -> None:
    x = run(extractor, "Ukrainian President Volodymyr Zelenskiy met Moldovan President Maia Sandu in Kyiv on "
            "Monday. Zelenskyy thanked Sandu for her support against Russia's invasion.",
            publisher="Reuters", published="2023-06-12")
    people = {p.name for e in x.events for p in e.participants} | {s.speaker.name for s in x.statements}
    assert len([p for p in people if "Zelensk" in p]) == 1


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Speaking on Friday, Russia's ambassador to France, Alexander Example, said relations were tense.",
     "Alexander Example", "RUS"),
    ("The Japanese envoy to Canada, Taro Example, said trade was strong.", "Taro Example", "JPN"),
    ("Dmitry Example, Putin's spokesman, said the talks went well.", "Dmitry Example", "RUS"),
])
def test_the_state_an_envoy_or_aide_acts_for(text: str, name: str, country: str) -> None:
    finder = PeopleFinder(knowledge(), None, "2024-01-01")
    start = text.index(name)
    assert finder.context(text, start, start + len(name), 0, len(text))[0] == country


def test_a_title_far_from_the_name_is_not_theirs() -> None:
    text = "The Prime Minister and the President discussed the detention of citizen John Example."
    finder = PeopleFinder(knowledge(), None, "2024-01-01")
    start = text.index("John Example")
    assert finder.context(text, start, start + 12, 0, len(text))[1] is None


def test_one_person_one_id_across_spellings_with_the_aliases_seen(db_url: str) -> None:
    from parley.store import open_store, save_extraction
    from parley.store.keys import actor_key
    from parley.store.views import person

    def report(n: int, spelling: str) -> Extraction:
        text = f"{spelling} met Maia Sandu in Kyiv today."
        doc = Document(id=str(n) * 64, source=f"r{n}.txt", text=text, title="T", publisher="Reuters",
                       published="2023-06-12")
        people = (Actor(spelling, "UKR", aliases=(spelling.split()[-1],)), Actor("Maia Sandu", "MDA"))
        return Extraction(doc, (Event("e1", "MEET", people, primary=True, date="2023-06-12"),), ())

    assert actor_key(Actor("Volodymyr Zelenskiy", "UKR")) == actor_key(Actor("Volodymyr Zelenskyy", "UKR"))
    with open_store(db_url) as db:
        save_extraction(db, report(1, "Volodymyr Zelenskiy"))
        save_extraction(db, report(2, "Volodymyr Zelenskyy"))
        page = person(db, actor_key(Actor("Volodymyr Zelensky", "UKR")))
    assert page is not None
    assert {"Volodymyr Zelenskiy", "Volodymyr Zelenskyy", "Zelenskiy", "Zelenskyy"} <= set(page["aliases"])


def test_an_outlet_is_not_a_person(extractor: Extractor) -> None:
    x = run(extractor, "Qatar's state broadcaster Al Rayyan Example reported that Emir Tamim bin Hamad Al Thani met "
            "Kenyan President William Ruto in Doha on Monday. The two leaders discussed trade.",
            publisher="Reuters", published="2024-05-06")
    speakers = {s.speaker.name for s in x.statements}
    assert not any("Rayyan" in s for s in speakers)


def test_a_rank_before_a_name_is_not_part_of_it() -> None:
    finder = PeopleFinder(knowledge(), None, "2024-01-01")
    assert finder.clean_name("Prince Example bin Sample") == "Example bin Sample"
    assert finder.clean_name("Prime Minister") == ""


def test_the_two_men_are_the_first_two_of_different_states_when_no_engagement_is_found(
        extractor: Extractor) -> None:
    x = run(extractor, "French Foreign Minister Pierre Example and German Foreign Minister Robert Sample smiled "
            "for the cameras in Paris.\nThe two men discussed the fight against terrorism in the Sahel.",
            publisher="AFP", published="2024-05-06")
    assert "security_defence" in {t for s in x.statements if "Sample" in s.speaker.name for t in s.topics}


def test_a_registry_person_keeps_the_document_s_romanisation() -> None:
    kb = knowledge()
    names = sorted({n for n in kb.person_aliases.values()
                    if len(n.split()) >= 2 and re.search(r"[^aeiouy ]y\b", n)})
    finder = PeopleFinder(kb, None, None)
    shown = 0
    for name in names:
        respelled = re.sub(r"(?<=[^aeiouy ])y\b", "iy", name)
        found, registered = finder.canonical(respelled)
        if registered and found == name:
            person = finder.add(found, None, None, None, True, "test", (0, 0))
            assert person.name == name and person.display == respelled
            shown += 1
    assert shown


@pytest.mark.parametrize(("typed", "meant", "slip"), [
    ("artern", "ardern", True),  # a wrong consonant
    ("vincenr", "vincent", True),
    ("tsipra", "tsipras", True),  # the last letter dropped
    ("anthony", "antony", True),  # "th" for "t"
    ("omer", "omar", False),  # another vowel: a romanisation
    ("dennis", "denis", False),  # a doubled letter
    ("bidhya", "bidya", False),  # an added "h" elsewhere
    ("giorgi", "georgi", False),
])
def test_a_typing_slip_is_told_from_a_romanisation(typed: str, meant: str, slip: bool) -> None:
    assert typing_slip(typed, meant) is slip


def _slipped(name: str) -> str | None:
    """The name with one consonant inside its last word replaced by another consonant."""
    *given, last = name.split()
    for i in range(1, len(last) - 1):
        if last[i] in "bcdfgklmnprstvz" and last[i - 1] != last[i] != last[i + 1]:
            other = "t" if last[i] != "t" else "d"
            return " ".join([*given, last[:i] + other + last[i + 1:]])
    return None


def test_a_misspelt_office_holder_is_found_while_in_office_and_shown_as_the_registry_writes_it() -> None:
    kb = knowledge()
    checked = 0
    for name in sorted(set(kb.person_aliases.values()))[::40]:
        terms, slipped = kb.terms_of(name), _slipped(name)
        if not terms or not slipped or len(name.split()) < 2 or fold(slipped) in kb.person_aliases:
            continue
        first = min(t.start for t in terms)  # (terms are listed by office, not by date)
        found = registry_typo(kb, slipped, first)
        assert found in (name, None)  # None only where another person is as near
        checked += found == name
        assert registry_typo(kb, slipped, f"{int(first[:4]) - 12}-01-01") is None  # long before
    assert checked >= 10
    finder = PeopleFinder(kb, None, "2022-06-01")
    found, registered = finder.canonical("Anthony Blinken")
    person = finder.add(found, None, None, None, registered, "test", (0, 0))
    assert (person.name, person.display, person.country) == ("Antony Blinken", None, "USA")


def test_a_near_name_of_another_state_or_a_short_word_is_no_typing_slip() -> None:
    kb = knowledge()
    assert registry_typo(kb, "Anthony Blinken", "2022-06-01") == "Antony Blinken"
    assert registry_typo(kb, "Anthony Blinken", "2022-06-01", "GBR") is None  # the text says whose he is
    assert registry_typo(kb, "Muhammad Asil", "2018-01-12") is None  # "Asil" is not a slip for "Asif"


def test_two_neighbouring_letters_swapped_are_a_typing_slip() -> None:
    assert typing_slip("christodouldies", "christodoulides")
    assert not typing_slip("omer", "omar")

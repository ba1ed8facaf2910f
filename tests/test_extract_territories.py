"""Readouts of parliaments and of the Crown Dependencies: a caption in the present tense with its
date, one government's team on one call, a nickname in quotes inside a name, post-nominals and
plural offices before names, and a companion who goes along on a visit (each on a constructed
text with invented people that fails without its rule; the rules were found in the blind batch
d93 after its first look)."""

from __future__ import annotations

from parley.extract import Extractor
from parley.extract.knowledge import knowledge
from test_extract import candidates_as_tagged, engaged, names, primary, run


def test_a_caption_in_the_present_tense_with_its_date_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "Senate President Tom Sample welcomes H.E. Jo Example, the new Ruritanian Ambassador to the "
            "Philippines, on 8 September 2022.", publisher="Senate of the Philippines", published="2022-09-08")
    assert engaged(x) == [["Jo Example", "Tom Sample"]]


def test_one_government_s_team_on_the_line_is_one_call(extractor: Extractor) -> None:
    x = run(extractor, "The Prime Minister spoke to the Chief Minister of Jersey, Senator Tom Sample, the Deputy "
            "Chief Minister, Jo Example and the Minister of External Affairs, Sam Placeholder this morning.",
            publisher="UK Prime Minister's Office (10 Downing Street)", published="2021-05-06")
    assert [len(e.participants) for e in x.events if e.type == "CALL"] == [4]


def test_a_nickname_in_quotes_is_inside_the_name(extractor: Extractor) -> None:
    x = run(extractor, "On 11 June 2024, Senate President Tomas “Tommy” G. Sample welcomed the Honorable Jo "
            "Example, Chargé d'Affaires of Poland.", publisher="Senate of the Philippines", published="2024-06-11")
    assert "Tomas Sample" in names(primary(x))


def test_a_post_nominal_is_no_part_of_the_name(extractor: Extractor) -> None:
    x = run(extractor, "Chief Minister Tom Sample MHK met Jo Example, the Lord Chancellor, in Manchester on Monday.",
            publisher="Isle of Man Government", published="2023-10-03")
    assert "Tom Sample" in names(primary(x))


def test_a_plural_office_before_a_name_is_no_part_of_it() -> None:
    text = "He met Ministers Tom Sampleson and Jo Example in St Helier."
    assert "Tom Sampleson" in candidates_as_tagged(text, "Ministers Tom Sampleson")


def test_who_goes_along_on_a_visit_is_not_its_visitor(extractor: Extractor) -> None:
    x = run(extractor, "Secretary Tom Sample met Prime Minister Jo Example in Copenhagen on Monday.\n\nSample is "
            "visiting Denmark before the Arctic Council and will later visit Greenland with Foreign Minister "
            "Sam Placeholder.", publisher="Example News", published="2021-05-17")
    assert not any(e.type == "VISIT" and names(e) == {"Sam Placeholder"} for e in x.events)


def test_a_us_state_named_new_something_is_no_territory() -> None:
    kb = knowledge()
    assert kb.country_re.search("the Governor of New Jersey and the Governor of New Mexico") is None
    assert kb.countries[kb.country_re.search("the Chief Minister of Jersey").group(0)] == "JEY"


def test_first_lady_is_a_title_not_part_of_her_name() -> None:
    text = "‘First Lady Samplea and I will also host President Jo Example for a return visit.’"
    assert "Lady Samplea" not in candidates_as_tagged(text, "Lady Samplea")

"""Forms of the pages about heads of international organisations and leaders of smaller states first
met in corpus/d128-d129: a guest's visit told as "his visit to the country" in the host
government's release (and the same words in a relay about the publisher's own minister abroad), a
place that qualifies a topic after "During the meeting", an organisation head's visit during which
she calls on a leader, an organisation's office named a second time in another word order, and a
destination the gazetteer lacks that the text calls a province.

Names are invented; the forms are the ones those pages use."""

from __future__ import annotations

from parley.extract import Extractor
from parley.model import Extraction
from test_extract import run


def _events(x: Extraction) -> list[tuple[str, list[str], str | None]]:
    return [(e.type, sorted(p.name or "" for p in e.participants), e.location) for e in x.events]


def test_his_visit_to_the_country_in_a_hosts_release_is_the_guests(extractor: Extractor) -> None:
    x = run(extractor, "Doha, May 11\n\nHE Qatari Prime Minister and Minister of Foreign Affairs Sheikh Tom Sample "
            "met HE Vice President of the State of Palestine, Jo Example, on the occasion of his visit to the "
            "country.\n\n"
            "During the meeting, the two sides discussed the latest developments in the Gaza Strip.",
            publisher="Ministry of Foreign Affairs, Qatar", published="2025-05-11",
            url="https://mofa.gov.qa/en/qatar/latest-articles/latest-news/details/2025/05/11/example")
    assert ("VISIT", ["Jo Example"], "Qatar") in _events(x)
    assert [e[2] for e in _events(x) if e[0] == "MEET"] == ["Doha"]  # not "the Gaza Strip": a topic's place


def test_his_visit_to_the_country_is_the_publishers_minister_abroad_when_the_text_says_so(
        extractor: Extractor) -> None:
    x = run(extractor, "MINSK, 17 July (BelTA) - Belarusian Minister of Foreign Affairs Tom Sample met with President "
            "Jo Example of Laos during his visit to the country, the press service of the ministry told BelTA.\n\n"
            "“The highlight of Tom Sample’s visit to Laos was his meeting with President Jo Example,” the ministry "
            "reported.", publisher="BelTA", published="2025-07-17")
    visits = [e for e in _events(x) if e[0] == "VISIT"]
    assert visits == [("VISIT", ["Tom Sample"], "Laos")]


def test_an_organisation_heads_visit_during_which_she_calls_on_a_leader(extractor: Extractor) -> None:
    x = run(extractor, "ISLAMABAD: The Executive Director of UNICEF, Jo Example, called on Pakistani Prime Minister "
            "Tom Sample on Monday, during her first visit to Pakistan since assuming this position.",
            publisher="Example Herald", published="2022-02-22")
    assert ("VISIT", ["Jo Example"], "Pakistan") in _events(x)


def test_an_organisations_office_named_again_is_the_holder_the_text_named(extractor: Extractor) -> None:
    x = run(extractor, "MANILA – Foreign Affairs Secretary Tom Sample received the Secretary General of ASEAN Jo "
            "Example on December 13, on the occasion of the working visit of the ASEAN Secretary General to Manila "
            "from December 12 to 15.", publisher="Example Herald", published="2021-12-14")
    assert ("VISIT", ["Jo Example"], "Manila") in _events(x)
    assert {p.name for e in x.events for p in e.participants} == {"Tom Sample", "Jo Example"}  # no registry holder


def test_a_destination_the_text_calls_a_province(extractor: Extractor) -> None:
    x = run(extractor, "The United Nations High Commissioner for Refugees Tom Sample on Thursday visited Exampleurfa, "
            "a Turkish province bordering Syria that is hosting Syrian refugees.",
            publisher="Example Herald", published="2022-02-18")
    assert _events(x) == [("VISIT", ["Tom Sample"], "Exampleurfa")]
    x = run(extractor, "The United Nations High Commissioner for Refugees Tom Sample on Thursday visited Jo Example, "
            "a Turkish businessman.", publisher="Example Herald", published="2022-02-18")
    assert not [e for e in _events(x) if e[0] == "VISIT" and e[2] == "Jo Example"]  # a guard: a person is no place


def test_an_undated_page_reads_its_offices_by_the_latest_day_it_writes(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Tom Sample met this Friday with his counterparts from Slovenia and Latvia "
            "to evaluate the scope of the bi-regional mechanism.\n\n– Example Ministry (@example) October 28, "
            "2022", publisher="Example Herald")
    assert {p.name for e in x.events for p in e.participants} >= {"Tanja Fajon", "Edgars Rinkēvičs"}
    assert all(e.date is None for e in x.events)  # the posted day fixes offices, not "this Friday"


def test_an_undated_page_reads_its_offices_within_the_terms_of_the_people_it_names() -> None:
    from parley.extract.registry import Registry, day_in_office

    registry = Registry([{"offices": [
        {"id": "FRA.head_of_state", "country": "FRA", "role": "head_of_state", "titles": ["President"],
         "holders": [{"name": "Tom Sample", "from": "2012-05-15", "to": "2017-05-14"}]},
        {"id": "PRT.head_of_state", "country": "PRT", "role": "head_of_state", "titles": ["President"],
         "holders": [{"name": "Jo Example", "from": "2006-03-09", "to": "2016-03-09"},
                     {"name": "Ann Other", "from": "2016-03-09", "to": None}]}]}])
    day = day_in_office(["Tom Sample"], registry)
    assert day is not None and "2012-05-15" < day < "2017-05-14"
    both = day_in_office(["Tom Sample", "Jo Example"], registry)
    assert both is not None and "2012-05-15" < both < "2016-03-09"  # within both terms
    assert registry.holder("PRT", "head_of_state", both).name == "Jo Example"
    assert day_in_office(["Jo Example", "Ann Other"], registry) is None  # terms that never meet
    assert day_in_office(["Nobody Known"], registry) is None


def test_a_naval_rank_before_a_name_is_no_part_of_it(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Commodore Tom Sample has arrived in Port Vila to attend the leaders' summit.",
            publisher="Example Herald", published="2008-05-27")
    assert _events(x) == [("VISIT", ["Tom Sample"], "Port Vila")]


def test_a_telephone_conversation_with_two_leaders_is_one_call_of_three(extractor: Extractor) -> None:
    x = run(extractor, "In line with a previous agreement, Tom Sample had a telephone conversation with Federal "
            "Chancellor of Germany Jo Example and President of France Ann Other.\n\nThe leaders continued "
            "exchanging views on the crisis.", publisher="Example Herald", published="2014-07-01")
    assert _events(x) == [("CALL", ["Ann Other", "Jo Example", "Tom Sample"], None)]
    x = run(extractor, "Tom Sample spoke by phone with Federal Chancellor of Germany Jo Example and President of "
            "France Ann Other.", publisher="Example Herald", published="2014-07-01")
    assert sorted(e[1] for e in _events(x)) == [["Ann Other", "Tom Sample"], ["Jo Example", "Tom Sample"]]  # a guard


def test_the_late_father_in_a_sultans_style_is_no_participant(extractor: Extractor) -> None:
    x = run(extractor, "His Majesty Sultan Haji Tom Sample Mu'izzaddin Waddaulah ibni Al-Marhum Sultan Haji Omar "
            "'Ali Examplien Sa'adul Khairi Waddien, Sultan and Yang Di-Pertuan of Brunei Darussalam received in "
            "audience His Excellency Jo Example, Minister of Foreign Affairs of the Republic of Singapore, at "
            "Istana Nurul Iman.", publisher="Example Herald", published="2024-03-19")
    people = {p.name for e in x.events for p in e.participants}
    assert len(people) == 2 and any("Jo Example" in n for n in people), people


def test_a_president_elect_named_by_surname_is_the_registry_person_about_to_take_office(
        extractor: Extractor) -> None:
    x = run(extractor, "On Thursday November 6, Prime Minister Tom Sample spoke to President-elect Obama to "
            "congratulate him on winning the US Presidential election.", publisher="Example Herald",
            published="2008-11-07")
    assert [(e.type, {(p.name, p.country) for p in e.participants}) for e in x.events] == [
        ("CALL", {("Tom Sample", None), ("Barack Obama", "USA")})]


def test_a_headline_of_one_call_with_the_leaders_of_several_states_is_one_call(extractor: Extractor) -> None:
    text = "The Prime Minister spoke to the leaders of the United States, Germany, France and Italy yesterday."
    x = run(extractor, text, publisher="Prime Minister's Office, 10 Downing Street", published="2023-01-26",
            title="PM call with leaders of US, Germany, France & Italy: 25 January 2023")
    assert [sorted(p.name for p in e.participants) for e in x.events] == [
        ["Emmanuel Macron", "Giorgia Meloni", "Joe Biden", "Olaf Scholz", "Rishi Sunak"]]
    x = run(extractor, text, publisher="Prime Minister's Office, 10 Downing Street", published="2023-01-26",
            title="PM calls with leaders of US, Germany, France and Italy")
    assert len(x.events) == 4  # a guard: "calls", one each


def test_a_line_above_a_blank_line_is_a_sentence_of_its_own(extractor: Extractor) -> None:
    x = run(extractor, "Telephone conversation with Jo Example, Ann Other and Ben Instance\n\nAugust 22, 2017\n\n"
            "Tom Sample had a telephone conversation with Chancellor of Germany Jo Example, President of France "
            "Ann Other and President of Ukraine Ben Instance.\n\nThe telephone conversation with Jo Example, Ann "
            "Other and Ben Instance resulted in the following joint statement.",
            publisher="Example Herald", published="2017-08-22")
    assert [sorted(p.name for p in e.participants) for e in x.events] == [
        ["Ann Other", "Ben Instance", "Jo Example", "Tom Sample"]]


def test_in_a_city_to_attend_a_ceremony_is_a_visit_of_the_pair_just_named(extractor: Extractor) -> None:
    x = run(extractor, "London – The Honourable Tom Sample met with his New Zealand counterpart the Right Honourable "
            "Chris Hipkins at the New Zealand High Commission in London last night.\n\nIn London to attend the "
            "coronation of His Majesty King Charles 3, the two Prime Ministers discussed issues that are important "
            "for both countries.", publisher="Example Herald", published="2023-05-05")
    assert sorted(_events(x)) == [("MEET", ["Chris Hipkins", "Tom Sample"], "London"),  # not the mission's state
                                  ("VISIT", ["Chris Hipkins"], "London"), ("VISIT", ["Tom Sample"], "London")]


def test_a_foreign_leaders_arrival_at_the_hosts_seat_is_a_visit_to_its_city(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample and President Emmanuel Macron of France are engaged in bilateral talks "
            "at the presidential villa in Abuja. President Macron and members of his entourage arrived the "
            "presidential villa at about 4:35pm.", publisher="Example Herald", published="2018-07-03")
    assert ("VISIT", ["Emmanuel Macron"], "Abuja") in _events(x)
    x = run(extractor, "President Tom Sample arrived at his office at 9am and met the envoy.",
            publisher="Example Herald", published="2018-07-03")
    assert not [e for e in _events(x) if e[0] == "VISIT"]  # a guard: a host at his own seat


def test_a_headline_in_capitals_is_no_person(extractor: Extractor) -> None:
    x = run(extractor, "PM RETURNS FROM VISIT TO VENEZUELA\n\nPrime Minister Dr Tom Sample and his delegation to "
            "Venezuela, returned to the state at midday today, following a one day Official Visit. The Prime "
            "Minister spoke to the API upon his return, saying his trip was very fruitful.\n\nIn Venezuela, he met "
            "with the Minister of Foreign Affairs Jo Example, Vice Minister with responsibility for Caribbean "
            "Affairs Ben Instance, and the President of the Bolivarian Republic of Venezuela His Excellency Ann "
            "Other.", publisher="Example Herald", published="2023-02-09")
    assert {p.name for e in x.events for p in e.participants} == {"Tom Sample", "Jo Example", "Ben Instance",
                                                                  "Ann Other"}


def test_a_name_glued_to_the_next_word_ends_where_the_space_was_lost(extractor: Extractor) -> None:
    x = run(extractor, "NATO Secretary General Tom Sample met with Chancellor Angela Merkel and Foreign Minister "
            "Frank-Walter SteinmeierDefence in Berlin on Monday.", publisher="Example Herald", published="2016-05-10")
    assert ("Frank-Walter Steinmeier", "DEU") in {(p.name, p.country) for e in x.events for p in e.participants}
    x = run(extractor, "Prime Minister Tom Sample met Foreign Minister Murray McCully on Monday.",
            publisher="Example Herald", published="2016-05-10")
    assert "Murray McCully" in {p.name for e in x.events for p in e.participants}  # a guard: "Mc" is no glue

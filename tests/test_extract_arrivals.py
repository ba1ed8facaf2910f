"""Visits told by nouns, as regional outlets and ministries write them: "the Working Visit to
Botswana by President X" (title case inside a sentence), "PM X's arrival in Port Moresby", "the
trip by Minister X to Colombia", "the recent visit by X" in a paper of the country visited, "has
concluded a planned visit"; a name set off by an office and its ministry ("X, Secretary (East),
Ministry of External Affairs, and Y ... held a bilateral meeting"); a "video meeting" (a call); a
visit looked forward to "at early mutual convenience" (an invitation, no event). Each on a
constructed text with invented people, found in the blind batches d104 and d105 after their first
look and in the earlier corpus; each fails without its rule (checked against the session's starting
commit, 6c833bb), except the guards named as such."""

from __future__ import annotations

from parley.extract import Extractor
from parley.model import Extraction
from test_extract import run


def _visits(x: Extraction) -> list[tuple[str | None, list[str]]]:
    return [(e.location, [p.name for p in e.participants]) for e in x.events if e.type == "VISIT"]


def test_a_title_case_visit_inside_a_sentence_keeps_its_destination_and_visitor(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample met President Jo Example in Livingstone on Friday. This high level "
            "engagement is a follow-up to the Working Visit to Botswana by President Jo Example in January 2024.",
            publisher="Example Herald", published="2024-05-10")
    assert ("Botswana", ["Jo Example"]) in _visits(x)


def test_an_arrival_in_a_city_is_a_visit(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Tom Sample said PM Jo Example's arrival in Port Moresby ahead of the forum "
            "is for the two leaders to consolidate ties.", publisher="Example Herald", published="2023-05-21")
    assert _visits(x) == [("Port Moresby", ["Jo Example"])]


def test_a_trip_by_someone_to_a_country_is_a_visit(extractor: Extractor) -> None:
    x = run(extractor, "Minister Tom Sample met Vice-President Jo Example on Friday. It was their first meeting since "
            "May, although they met up on the trip by Minister Tom Sample to Colombia back in February.",
            publisher="Example Herald", published="2021-09-10")
    assert ("Colombia", ["Tom Sample"]) in _visits(x)


def test_a_visit_by_a_foreigner_with_no_destination_is_to_the_papers_country(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Tom Sample said this on Tuesday, when commenting on the recent visit by "
            "Australian Prime Minister, Jo Example.", publisher="Post-Courier", published="2023-01-18")
    assert _visits(x) == [("Papua New Guinea", ["Jo Example"])]


def test_a_visit_of_an_office_is_not_placed_by_the_paper(extractor: Extractor) -> None:
    # guard: "the Foreign Secretary" may be anyone's; the paper's country is no destination for it
    x = run(extractor, "The visit of the Foreign Secretary was in keeping with tradition of regular exchanges.",
            publisher="Post-Courier", published="2017-10-05")
    assert _visits(x) == []


def test_a_concluded_planned_visit_occurred(extractor: Extractor) -> None:
    x = run(extractor, "Defence Secretary Tom Sample has concluded a planned visit to Washington to conduct meetings "
            "with senior defence leaders.", publisher="Example Herald", published="2021-09-10")
    assert [e.modality for e in x.events if e.type == "VISIT"] == ["occurred"]


def test_a_name_set_off_by_an_office_and_its_ministry(extractor: Extractor) -> None:
    x = run(extractor, "In the first foreign office level engagement between the two countries following the "
            "assumption of office by the new government in Colombia, Vikram Prasad, Secretary (East), Ministry of "
            "External Affairs, and Jo Example, Vice Minister of Foreign Affairs of the Republic of Colombia, held a "
            "bilateral meeting.", publisher="Example Herald", published="2022-11-26")
    assert [sorted(p.name for p in e.participants) for e in x.events if e.type == "MEET"] == \
        [["Jo Example", "Vikram Prasad"]]


def test_a_video_meeting_is_a_call_and_a_welcome_to_attend_no_meeting(extractor: Extractor) -> None:
    x = run(extractor, "On February 5, Tom Sample, director of the Example Administration, held video meeting with "
            "Jo Example, Director General of the World Intellectual Property Organization.\n\nTom Sample welcomed "
            "Jo Example to attend the opening ceremony of the Games.", publisher="Example Herald",
            published="2022-02-07", title="Tom Sample and Jo Example Held Video Meeting")
    assert [e.type for e in x.events] == ["CALL"]


def test_a_visit_at_early_mutual_convenience_is_an_invitation(extractor: Extractor) -> None:
    x = run(extractor, "Prime Minister Tom Sample spoke with Prime Minister Jo Example on the phone today. He stated "
            "that he looked forward to welcoming the Prime Minister of Australia in India on a State Visit at early "
            "mutual convenience.", publisher="Example Herald", published="2020-04-09")
    assert [e.type for e in x.events] == ["CALL"]


def test_a_visit_ended_with_a_meeting_leaves_the_meeting_primary(extractor: Extractor) -> None:
    x = run(extractor, "With a one-on-one meeting and bilateral discussions with President Jo Example, Prime "
            "Minister Tom Sample ended his Official State Visit to Jakarta, the capital of Indonesia.",
            publisher="Example Herald", published="2022-04-04")
    assert [(e.type, e.primary) for e in x.events] == [("MEET", True), ("VISIT", False)]


def test_a_visit_ended_during_which_many_were_met_stays_primary(extractor: Extractor) -> None:
    # guard: the meetings told after "during which" are parts of the visit the document is about
    x = run(extractor, "Secretary-General Tom Sample ended her official visit to Saint Lucia on Wednesday during "
            "which she met with the Prime Minister Honourable Jo Example, members of Cabinet and students.",
            publisher="Example Herald", published="2022-04-15")
    assert [(e.type, e.primary) for e in x.events][:1] == [("VISIT", True)]


def test_their_meeting_is_the_teller_and_the_told(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Tom Sample has told his counterpart from Myanmar Jo Example to start the "
            "repatriation process on their January 20 meeting on the sidelines of the summit in Uganda.",
            publisher="Example Herald", published="2024-01-22")
    assert [sorted(p.name for p in e.participants) for e in x.events if e.type == "MEET"] == \
        [["Jo Example", "Tom Sample"]]


def test_an_order_presented_to_someone_is_a_meeting(extractor: Extractor) -> None:
    x = run(extractor, "On the afternoon of March 21, President Tom Sample presented United States Ambassador Jo "
            "Example with the Order of Brilliant Star, in recognition of his contributions.",
            publisher="Example Herald", published="2023-03-21")
    assert [e.type for e in x.events] == ["MEET"]


def test_departing_the_country_for_a_city_is_a_visit_there(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample has departed the country for Abuja, Nigeria for a one-day State visit.",
            publisher="Example Herald", published="2019-05-20")
    assert _visits(x) == [("Abuja", ["Tom Sample"])]


def test_welcomed_for_his_visit_in_the_passive_is_the_visit(extractor: Extractor) -> None:
    x = run(extractor, "Fijian Prime Minister Tom Sample was on Saturday welcomed to Government House in Auckland for "
            "his first official New Zealand visit since 2006.", publisher="Example Herald", published="2019-05-20")
    assert [names for _, names in _visits(x)] == [["Tom Sample"]]


def test_being_in_a_city_to_attend_is_a_visit(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample and delegation are in Brazzaville to attend the inauguration of President "
            "Jo Example.", publisher="Example Herald", published="2021-04-15")
    assert [loc for loc, _ in _visits(x)] == ["Brazzaville"]


def test_visiting_the_sultanate_is_a_visit_to_the_publishers_state(extractor: Extractor) -> None:
    x = run(extractor, "The Foreign Minister today received Indian Foreign Minister Jo Example, currently visiting the "
            "Sultanate.", publisher="Ministry of Foreign Affairs, Sultanate of Oman", published="2021-10-10")
    assert ("Oman", ["Jo Example"]) in _visits(x)


def test_an_arrival_of_no_one_named_is_not_the_welcomers_visit(extractor: Extractor) -> None:
    # guard: "Upon arrival in Canberra" has no owner; the one who welcomes did not arrive
    x = run(extractor, "Upon arrival in Canberra, the visitor will be formally welcomed by Australian Foreign Minister "
            "Jo Example, followed by a traditional Welcome to Country Ceremony.", publisher="Example Herald",
            published="2024-02-05")
    assert _visits(x) == []


def test_a_visit_told_elsewhere_is_not_placed_by_the_paper(extractor: Extractor) -> None:
    x = run(extractor, "Japanese Prime Minister Tom Sample will visit Iran in June, officials said.\n\nThe agency said "
            "on Friday that Sample's visit would be likely in mid-June.", publisher="Post-Courier",
            published="2019-05-24")
    assert [loc for loc, _ in _visits(x)] == ["Iran"]


def test_each_state_of_a_listed_journey_is_a_visit(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Tom Sample will this week leave for Indonesia, Canada and the United States.",
            publisher="Example Herald", published="2021-02-15")
    assert sorted(loc for loc, _ in _visits(x)) == ["Canada", "Indonesia", "United States"]


def test_a_departure_for_several_states_has_its_later_legs_ahead(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample has departed the country for Senegal, Morocco and France respectively.",
            publisher="Example Herald", published="2018-02-15")
    assert {e.location: e.modality for e in x.events if e.type == "VISIT"} == {
        "Senegal": "occurred", "Morocco": "planned", "France": "planned"}


_WELCOMED_BACK = ("Prime Minister James Marape received New Zealand {office} Jo Example in Port Moresby on 14 January "
                  "2024.\n\nPrime Minister Marape welcomed Example back to Port Moresby, acknowledging his extensive "
                  "experience in the Pacific.")


def test_an_envoy_welcomed_to_the_capital_takes_up_a_post_and_pays_no_visit(extractor: Extractor) -> None:
    x = run(extractor, _WELCOMED_BACK.format(office="High Commissioner-designate"), publisher="Example Herald",
            published="2024-01-14")
    assert _visits(x) == []


def test_a_minister_welcomed_to_the_capital_visits_it(extractor: Extractor) -> None:
    # a guard: the same welcome of a minister is a visit (Marape: a real office holder, so the host is known)
    x = run(extractor, _WELCOMED_BACK.format(office="Foreign Minister"), publisher="Example Herald",
            published="2024-01-14")
    assert _visits(x) == [("Port Moresby", ["Jo Example"])]


def test_being_in_a_state_for_a_summit_is_a_visit_there(extractor: Extractor) -> None:
    x = run(extractor, "President Tom Sample, who is currently in France for the Clean Cooking in Africa Summit, "
            "thanked President Jo Example for his hospitality.", publisher="Example Herald", published="2024-05-15")
    assert _visits(x) == [("France", ["Tom Sample"])]


def test_being_in_a_state_for_no_occasion_is_no_visit(extractor: Extractor) -> None:
    # a guard: presence without an occasion ("for a long time") is no journey told
    x = run(extractor, "President Tom Sample was in France for a long time as a student.", publisher="Example Herald",
            published="2024-05-15")
    assert _visits(x) == []

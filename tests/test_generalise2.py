"""Dating rules for news relays and agency copy the extractor was not built on.  Every sentence
here is written for the test."""

from __future__ import annotations

from datetime import date

from parley.dates import find_dates
from parley.extract import Extractor
from parley.ingest.formats import make_document
from parley.model import Document, Extraction


def run(extractor: Extractor, text: str, **meta: str) -> Extraction:
    doc = make_document("t.txt", text, **meta)
    assert isinstance(doc, Document)
    return extractor.extract(doc)


def test_a_short_while_ago_is_the_day_of_writing() -> None:
    found = find_dates("The two ministers met a short while ago in the capital.", date(2021, 3, 5))
    assert [(d.text, d.value) for d in found] == [("a short while ago", "2021-03-05")]
    assert [d.value for d in find_dates("They spoke moments ago.", date(2021, 3, 5))] == ["2021-03-05"]


def test_a_relay_stamp_before_the_dateline_does_not_date_the_engagement(extractor: Extractor) -> None:
    # The relay republished the agency story a day later; the agency's own dateline is a
    # Wednesday, and "on Wednesday" counts from it, not from the relay's stamp.
    x = run(extractor, "(Example Daily / Sample Wire - 4th Mar, 2021) CAIRO, 3rd March 2021 (MENA) - "
            "Egyptian President Abdel Fattah el-Sisi received on Wednesday a telephone call from "
            "French President Emmanuel Macron. The two presidents discussed the situation in Libya.",
            publisher="Example Daily", published="2021-03-04")
    primary = next(e for e in x.events if e.primary)
    assert primary.type == "CALL" and primary.date == "2021-03-03"


def test_an_agency_dateline_without_a_dash_does_not_date_a_meeting_ahead(extractor: Extractor) -> None:
    # "Place, Mon DD Text": the wire's dateline runs straight into the story; its day is the day of
    # writing, which never dates an engagement still ahead.
    x = run(extractor, "Islamabad, Sep 12 Prime Minister Shehbaz Sharif will meet Chinese President "
            "Xi Jinping at the regional summit in Samarkand, officials said.",
            publisher="Example Wire", published="2022-09-12")
    primary = next(e for e in x.events if e.primary)
    assert primary.type == "MEET" and primary.modality == "planned" and primary.date is None


def test_a_meeting_the_headline_hedges_stays_speculative(extractor: Extractor) -> None:
    x = run(extractor, "MOSCOW, March 3. Russian President Vladimir Putin and Turkish President Recep "
            "Tayyip Erdogan may hold a meeting in the spring, Kremlin Spokesman Dmitry Peskov told "
            "reporters on Wednesday.",
            title="Putin and Erdogan may meet in spring, Kremlin says",
            publisher="Example Agency", published="2021-03-03")
    primary = next(e for e in x.events if e.primary)
    assert primary.type == "MEET" and primary.modality == "speculative"
    assert primary.date != "2021-03-03"  # the day of the telling is not the meeting's


def test_the_day_of_a_summit_still_ahead_does_not_date_a_meeting_held_before_it(
        extractor: Extractor) -> None:
    x = run(extractor, "Ahead of the regional summit that will take place on March 9-10, 2021, Prime "
            "Minister Narendra Modi on Monday held talks with Japanese Prime Minister Yoshihide Suga "
            "in Delhi.\n\nIn the meeting with Prime Minister Suga, Prime Minister Modi discussed "
            "trade and investment.",
            publisher="Example News", published="2021-03-09")
    primary = next(e for e in x.events if e.primary)
    assert primary.type == "MEET" and primary.modality == "occurred" and primary.date == "2021-03-08"


def test_a_weekday_with_the_day_in_figures_reads_the_figures_by_the_weekday() -> None:
    # 5/3/2021 is a Friday read day/month and a Monday read month/day
    assert [d.value for d in find_dates("They spoke on Friday 5/3/2021 by phone.", date(2021, 4, 1))] \
        == ["2021-03-05"]
    assert [d.value for d in find_dates("They spoke on Monday (5/3) by phone.", date(2021, 5, 4))] \
        == ["2021-05-03"]

"""Engagements held and dated only by their month: "last week", "two weeks ago", "last month".

The annotation rules give a month-only date as ``YYYY-MM``; a day is never invented for them, and
a month told of someone else ("who took office in March 2018") does not date the engagement.
Annotators split on "this week" and "next week" (a month, or null) and on a bare "in March" for an
engagement held (which March), so those are left undated.
Names are invented."""

from __future__ import annotations

from parley.extract import Extractor
from parley.model import Extraction
from test_extract import run


def _dates(x: Extraction) -> list[tuple[str, str | None]]:
    return [(e.type, e.date) for e in x.events]


def test_a_meeting_held_last_week_is_dated_by_its_month(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Tom Sample last week held bilateral meetings with his counterpart Jo "
            "Example in Port Moresby.", publisher="Example Herald", published="2019-12-22")
    assert _dates(x) == [("MEET", "2019-12")]


def test_a_meeting_weeks_ago_is_dated_by_its_month(extractor: Extractor) -> None:
    x = run(extractor, "Foreign Minister Tom Sample met Jo Example in Sampleton two weeks ago.",
            publisher="Example Herald", published="2019-05-22")
    assert _dates(x) == [("MEET", "2019-05")]


def test_a_day_named_wins_over_a_month(extractor: Extractor) -> None:
    # a guard: the month is a fallback only
    x = run(extractor, "Foreign Minister Tom Sample met Jo Example in Sampleton on Monday, weeks after their "
            "call in March.", publisher="Example Herald", published="2019-05-22")
    assert _dates(x)[0] == ("MEET", "2019-05-20")

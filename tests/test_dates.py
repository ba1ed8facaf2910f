"""Date lines, absolute dates and relative words: parsed and resolved against the anchor only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from parley.dates import find_dates, parse_iso, resolve_relative
from parley.ingest.formats import parse_date_line

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]


@given(days, st.sampled_from(["{y}.{m:02d}.{d:02d}", "{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}",
                              "{mn} {d}, {y}", "{d} {mn} {y}", "{mn} {d:02d}, {y}"]),
       st.sampled_from(["", " / Source: Xinhua", " / Source:", " | UK Prime Minister's Office"]))
def test_date_line_round_trip(day: date, pattern: str, tail: str) -> None:
    line = pattern.format(y=day.year, m=day.month, d=day.day, mn=MONTH_NAMES[day.month - 1]) + tail
    parsed = parse_date_line(line)
    assert parsed is not None
    assert parsed[0] == day.isoformat()
    publisher = tail.split(":", 1)[-1].lstrip(" /|").strip() or None
    assert parsed[1] == publisher


@given(st.text(max_size=60).filter(lambda t: not any(ch.isdigit() for ch in t)))
def test_text_without_digits_is_never_a_date_line(text: str) -> None:
    assert parse_date_line(text) is None


def test_sentences_are_not_date_lines() -> None:
    assert parse_date_line("The Prime Minister spoke to President Xi on 25 March 2022.") is None


@given(days, st.sampled_from(list(range(7))))
def test_weekday_resolves_to_the_latest_such_day_not_after_the_anchor(anchor: date, wd: int) -> None:
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][wd]
    value, kind = resolve_relative(f"on {name}", anchor)
    assert kind == "weekday" and value is not None
    day = parse_iso(value)
    assert day is not None and day.weekday() == wd
    assert anchor - timedelta(days=6) <= day <= anchor


@given(days)
def test_relative_words_follow_the_anchor(anchor: date) -> None:
    assert resolve_relative("today", anchor)[0] == anchor.isoformat()
    assert resolve_relative("earlier today", anchor)[0] == anchor.isoformat()
    assert resolve_relative("this morning", anchor)[0] == anchor.isoformat()
    assert resolve_relative("yesterday", anchor)[0] == (anchor - timedelta(days=1)).isoformat()
    assert resolve_relative("last night", anchor)[0] == (anchor - timedelta(days=1)).isoformat()
    previous = anchor.replace(day=1) - timedelta(days=1)
    assert resolve_relative("a year ago", anchor)[0] == f"{anchor.year - 1}-{anchor.month:02d}"
    assert resolve_relative("last month", anchor)[0] == f"{previous.year}-{previous.month:02d}"


@given(days, st.integers(1, 12), st.integers(1, 28))
def test_yearless_dates_take_the_nearest_year_not_after_the_anchor(anchor: date, m: int, d: int) -> None:
    found = [e for e in find_dates(f"On {MONTH_NAMES[m - 1]} {d}, the two ministers met.", anchor)
             if e.kind == "absolute"]
    assert len(found) == 1 and found[0].value is not None
    day = parse_iso(found[0].value)
    assert day is not None and (day.month, day.day) == (m, d)
    assert anchor - timedelta(days=366) <= day <= anchor + timedelta(days=2)


def test_nothing_resolves_without_an_anchor() -> None:
    assert resolve_relative("on Friday", None) == (None, "weekday")
    assert resolve_relative("today", None)[0] is None


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("BEIJING, Oct. 18 (Xinhua) -- talks", date(2024, 10, 18), "2024-10-18"),
    ("Beijing, January 20th—Lu Kang met", date(2025, 1, 20), "2025-01-20"),
    ("in Beijing today (18 October).", date(2024, 10, 18), "2024-10-18"),
    ("On July 27, 2024 local time", None, "2024-07-27"),
    ("on Saturday during a summit", date(2024, 7, 28), "2024-07-27"),
    ("the Prime Minister's visit to China in January", date(2018, 4, 19), "2018-01"),
    ("In October last year, Imran Khan spoke with", date(2020, 7, 23), "2019-10"),  # a sentence's first word
    ("in March this year", date(2020, 7, 23), "2020-03"),
    ("since last October", date(2020, 7, 23), "2019-10"),
    ("will today Tuesday, 4 July 2023 hold talks", date(2023, 7, 3), "2023-07-04"),  # "today" is the date written
    ("paid a courtesy call, on 22August 2022, to", date(2022, 8, 23), "2022-08-22"),  # the space left out
])
def test_expressions_seen_in_readouts(text: str, anchor: date | None, expected: str) -> None:
    values = [e.value for e in find_dates(text, anchor) if e.value]
    assert values and values[0] == expected


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2030, 12, 31)), st.integers(-300, 300))
@example(date(2003, 10, 30), 122)  # "on Sunday, February 29" written in 2003: 2004's (found by hypothesis)
def test_a_weekday_written_beside_a_yearless_day_chooses_the_year(anchor: date, offset: int) -> None:
    """"next Tuesday, January 17" in a January 2023 report is 2023-01-17 (a Tuesday), not the
    2022-01-17 that a year-less day before the anchor would otherwise be."""
    day = anchor + timedelta(days=offset)
    text = f"on {day.strftime('%A')}, {day.strftime('%B')} {day.day}"
    found = find_dates(text, anchor)
    assert [t.value for t in found] == [day.isoformat(), day.isoformat()]

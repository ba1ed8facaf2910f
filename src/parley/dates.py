"""Dates in readouts: date lines, absolute dates and relative words resolved against an anchor.

Readouts date themselves in many ways: ``2025.01.20 / Source: X`` lines, ``BEIJING, Oct. 18
(Xinhua) --`` datelines, ``On February 16`` (no year), ``today (18 October)``, ``earlier today``,
``on Friday``, ``a year ago``.  Everything relative is resolved against the *publication date* of
the document, never the machine's clock, so that re-running an extraction years later gives the
same answer.  A month alone resolves to ``YYYY-MM``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           **{str(n): n for n in range(1, 10)}}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}

_MON = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Ordered: the most specific forms first.
_ABSOLUTE = [
    re.compile(rf"\b{_YEAR}[.\-/](?P<mnum>[01]?\d)[.\-/](?P<dnum>[0-3]?\d)\b"),
    # a span of days, dated by its first: "from 2-4 October", "on 4 and 5 September 2018"
    re.compile(rf"\b{_DAY}\s*(?:-|–|to|and|until|through)\s*[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}"
               rf"(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}(?:\s+(?:of\s+)?|(?<=\d))(?=[A-Z]){_MON},?\s+{_YEAR}\b"),  # ("on 22August 2022")
    re.compile(rf"\b{_MON}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?![\d:])"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\b(?!\s*,?\s*(?:19|20)\d\d)"),
]
_RELATIVE = re.compile(
    r"\b(?P<word>(?:earlier |later )?today|this (?:morning|afternoon|evening)|tonight|yesterday|tomorrow|last night|"
    r"(?:a short while|a little while|moments|a few hours|hours) ago|just now|"
    r"(?:last|this|next) week|(?:a|one) year ago|last year|last month|"
    r"(?:(?:early|late|later|mid-)\s*)?(?:this|next|later this|earlier this) month|"
    r"(?:a|one|two|three|four|five|six|\d) (?:days?|weeks?) ago|"
    r"(?:on |last |this |next )?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(
    r"\b(?:(?:[Ii]n|[Ss]ince|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?:early\s+|late\s+|mid-?)?|[Ll]ast\s+)"
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?P<year>(?:19|20)\d\d)|\s+(?P<rel>last|this|next)\s+year)?\b"
)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A date expression found in text, with what it resolves to (or None if it cannot be)."""

    start: int
    end: int
    text: str
    value: str | None  # YYYY-MM-DD or YYYY-MM
    kind: str  # absolute | relative | weekday | month


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_iso(value: str | None) -> date | None:
    """Read a ``YYYY-MM-DD`` (or a longer ISO timestamp) into a date, else None."""
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _year_for(month: int, day: int, anchor: date | None, backwards: bool = True) -> date | None:
    """A month and day without a year: the nearest such day not after the anchor (or after)."""
    if anchor is None:
        return None
    candidate = _safe_date(anchor.year, month, day)
    if candidate is None:  # "February 29" in a year without one: the nearest leap year's, that way
        step = -1 if backwards else 1
        return next((d for k in range(1, 5) if (d := _safe_date(anchor.year + step * k, month, day))), None)
    if backwards and candidate > anchor + timedelta(days=2):
        candidate = _safe_date(anchor.year - 1, month, day)
    elif not backwards and candidate < anchor - timedelta(days=2):
        candidate = _safe_date(anchor.year + 1, month, day)
    return candidate


def parse_date_text(text: str, anchor: date | None = None) -> date | None:
    """Parse one date written in full or with the year taken from ``anchor``."""
    for expr in find_dates(text, anchor):
        if expr.kind == "absolute" and expr.value and len(expr.value) == 10:
            return parse_iso(expr.value)
    return None


# "on Friday 16/8/2024", "Monday (11/14)": a weekday with the day in figures; the named weekday
# says whether the figures are day/month or month/day.
_WEEKDAY_NUMERIC = re.compile(
    r"\b(?:[Oo]n\s*)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*\(?"
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>(?:19|20)\d\d))?\)?(?![\d/])")


# "On the evening of the 12th", "will visit Fukushima on the 13th to inspect": a day of the month
# alone, as news translated from Japanese, Korean and Chinese writes it; only where no noun follows
# ("the 75th anniversary", "the 5th round" are not days)
_ORDINAL_DAY = re.compile(r"\b(?:[Oo]n|[Oo]f|[Ss]ince|[Uu]ntil) (?P<when>the (?P<day>[1-3]?\d)(?:st|nd|rd|th))\b"
                          r"(?=\s*(?:[,.;:)]|$)|\s+(?:to|and|at|in|when|with|for|from|through|until)\b)")


def _day_of_month(day: int, anchor: date | None, backwards: bool) -> date | None:
    """The day of that number nearest the anchor in the direction told: this month or the last
    (or the next, forwards)."""
    if anchor is None:
        return None
    this = _safe_date(anchor.year, anchor.month, day)
    if this is not None and (this <= anchor if backwards else this >= anchor):
        return this
    months = anchor.year * 12 + anchor.month - 1 + (-1 if backwards else 1)  # the month before or after
    return _safe_date(months // 12, months % 12 + 1, day)


def _numeric_for_weekday(m: re.Match[str], anchor: date | None) -> date | None:
    """The reading of ``a/b`` (day/month, else month/day) that falls on the named weekday."""
    year = int(m.group("y")) if m.group("y") else (anchor.year if anchor else None)
    if year is None:
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    target = WEEKDAYS[m.group("wd").lower()]
    for day, month in ((a, b), (b, a)):
        d = _safe_date(year, month, day)
        if d is not None and d.weekday() == target:
            return d
    return None


def find_dates(text: str, anchor: date | None = None, backwards: bool = True) -> list[TimeExpr]:
    """Every date expression in ``text`` in reading order, resolved against ``anchor``.

    ``backwards`` says which way a year-less or weekday expression points: readouts report what
    happened, so by default the nearest such day on or before the anchor is chosen.
    """
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _WEEKDAY_NUMERIC.finditer(text):
        d = _numeric_for_weekday(m, anchor)
        if d is not None:
            taken.append((m.start(), m.end()))
            found.append(TimeExpr(m.start(), m.end(), m.group(0), d.isoformat(), "absolute"))
    for m in _NUMERIC.finditer(text):
        # "30/8/2022": day and month told apart only when one of them cannot be a month
        one, two = int(m.group("a")), int(m.group("b"))
        year = int(m.group("y"))
        d = _safe_date(year, two, one) if one > 12 else _safe_date(year, one, two) if two > 12 else None
        if d is not None and free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            found.append(TimeExpr(m.start(), m.end(), m.group(0), d.isoformat(), "absolute"))
    for pattern in _ABSOLUTE:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            groups = m.groupdict()
            if groups.get("mnum"):
                d = _safe_date(int(groups["year"]), int(groups["mnum"]), int(groups["dnum"]))
            else:
                month = MONTHS[groups["mon"].lower().rstrip(".")]
                day = int(groups["day"])
                if groups.get("year"):
                    d = _safe_date(int(groups["year"]), month, day)
                else:
                    d = _year_for(month, day, anchor, backwards)
                    if d is None and anchor is None and 1 <= day <= 31:
                        taken.append((m.start(), m.end()))
                        found.append(TimeExpr(m.start(), m.end(), m.group(0), None, "absolute"))
                        continue
            if d is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(TimeExpr(m.start(), m.end(), m.group(0), d.isoformat(), "absolute"))
    for m in _ORDINAL_DAY.finditer(text):
        if free(m.start("day"), m.end()) and (d := _day_of_month(int(m.group("day")), anchor, backwards)):
            taken.append((m.start("when"), m.end()))
            found.append(TimeExpr(m.start("when"), m.end(), m.group("when"), d.isoformat(), "absolute"))
    for m in _MONTH_ONLY.finditer(text):  # before the relative words: "In October last year"
        if free(m.start("mon"), m.end()):
            month = MONTHS[m.group("mon").lower()]
            value = None
            if m.group("year"):
                value = f"{m.group('year')}-{month:02d}"
            elif m.group("rel") and anchor is not None:
                value = f"{anchor.year + {'last': -1, 'this': 0, 'next': 1}[m.group('rel')]}-{month:02d}"
            elif anchor is not None:
                year = anchor.year if month <= anchor.month or not backwards else anchor.year - 1
                value = f"{year}-{month:02d}"
            taken.append((m.start(), m.end()))
            found.append(TimeExpr(m.start("mon"), m.end(), m.group(0), value, "month"))
    for m in _RELATIVE.finditer(text):
        if free(m.start(), m.end()):
            value, kind = resolve_relative(m.group("word"), anchor, backwards)
            taken.append((m.start(), m.end()))
            found.append(TimeExpr(m.start(), m.end(), m.group(0), value, kind))
    for m in _SAME_DAY.finditer(text):
        if free(m.start(), m.end()):
            # "said on Wednesday ... talked by phone earlier in the day": the day of the story (its
            # dateline or publication), else the day last named
            days = [t for t in found if t.start < m.start() and t.value and len(t.value) == 10]
            value = anchor.isoformat() if anchor else (max(days, key=lambda t: t.start).value if days else None)
            taken.append((m.start(), m.end()))
            found.append(TimeExpr(m.start(), m.end(), m.group(0), value, "relative"))
    found.sort(key=lambda t: t.start)
    written: set[int] = set()  # "today Tuesday, 4 July 2023": the date passes back through the weekday to "today"
    for n in reversed(range(len(found) - 1)):
        a, b = found[n], found[n + 1]
        # "on Thursday, October 14", "on Thursday (Jul 6)": the weekday is the date written beside it
        # "Today, 5 May 2024, ...", "yesterday (June 5)": likewise the date written beside it
        if b.start - a.end <= 3 and re.fullmatch(r"[\s,(]*", text[a.end:b.start]) and \
                (a.kind == "weekday" or a.text.lower() in _DAY_WORDS) and (b.kind == "absolute" or n + 1 in written) \
                and b.value and len(b.value) == 10:
            if (on_weekday := _on_weekday(a.text, b, anchor)) is not None:
                found[n + 1] = b = TimeExpr(b.start, b.end, b.text, on_weekday, b.kind)
            found[n] = TimeExpr(a.start, a.end, a.text, b.value, a.kind)
            written.add(n)
    return found


def _on_weekday(weekday: str, written: TimeExpr, anchor: date | None) -> str | None:
    """"next Tuesday, January 17": a day written without its year is in the year, of the ones
    around the anchor, in which it falls on the named weekday (nearest the anchor)."""
    target = next((WEEKDAYS[w] for w in re.findall(r"[a-z]+", weekday.lower()) if w in WEEKDAYS), None)
    if target is None or anchor is None or re.search(r"\d{4}", written.text) or not written.value:
        return None
    month, day = int(written.value[5:7]), int(written.value[8:10])
    fits = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
            if (d := _safe_date(y, month, day)) is not None and d.weekday() == target]
    return min(fits, key=lambda d: abs((d - anchor).days)).isoformat() if fits else None


_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])")
_DAY_WORDS = {"today", "yesterday", "last night", "tonight", "this morning", "this afternoon", "this evening"}
_SAME_DAY = re.compile(r"\b(?:earlier|later) (?:in the|that|the same) day\b", re.IGNORECASE)


def resolve_relative(word: str, anchor: date | None, backwards: bool = True) -> tuple[str | None, str]:
    """Resolve ``today``, ``yesterday``, ``on Friday``, ``a year ago`` ... against ``anchor``."""
    w = word.lower().strip()
    bare = w.split()[-1]
    if bare in WEEKDAYS:
        if anchor is None:
            return None, "weekday"
        target = WEEKDAYS[bare]
        if w.startswith("next") or (not backwards and not w.startswith("last")):
            delta = (target - anchor.weekday()) % 7
            return (anchor + timedelta(days=delta)).isoformat(), "weekday"
        delta = (anchor.weekday() - target) % 7
        if w.startswith("last") and delta == 0:
            delta = 7
        return (anchor - timedelta(days=delta)).isoformat(), "weekday"
    if anchor is None:
        return None, "relative"
    # "met ... a short while ago", "moments ago": the day of writing, as "earlier today"
    if "today" in w or (w.startswith("this ") and "week" not in w) or w == "tonight" \
            or re.match(r"(?:a short while|a little while|moments|a few hours|hours) ago$|just now$", w):
        return anchor.isoformat(), "relative"
    if w in {"yesterday", "last night"}:
        return (anchor - timedelta(days=1)).isoformat(), "relative"
    if w == "tomorrow":
        return (anchor + timedelta(days=1)).isoformat(), "relative"
    if "year ago" in w or w == "last year":
        return f"{anchor.year - 1}-{anchor.month:02d}" if "ago" in w else None, "relative"
    ago = re.match(r"(a|one|two|three|four|five|six|\d) (day|week)s? ago$", w)
    if ago:
        count, unit = _COUNTS.get(ago.group(1), 1), ago.group(2)
        then = anchor - timedelta(days=count * (7 if unit == "week" else 1))
        # "two days ago" fixes the day; "two weeks ago" only the month
        return (then.isoformat() if unit == "day" else f"{then.year}-{then.month:02d}"), "relative"
    if w == "last week":
        then = anchor - timedelta(days=7)
        return f"{then.year}-{then.month:02d}", "relative"
    if w.endswith(("this month", "next month")):
        ahead = 1 if w.endswith("next month") else 0
        month, year = anchor.month + ahead, anchor.year
        if month > 12:
            month, year = 1, year + 1
        return f"{year}-{month:02d}", "relative"
    if w == "last month":
        month = anchor.month - 1 or 12
        year = anchor.year if anchor.month > 1 else anchor.year - 1
        return f"{year}-{month:02d}", "relative"
    return None, "relative"


_STAMP_WORDS = {"press", "release", "releases", "updated", "update", "published", "posted", "source",
                "date", "am", "pm", "gmt", "utc", "as", "delivered", "statement", "no", "news",
                "readout", "on", "last"}


def is_stamp(expr: TimeExpr, text: str) -> bool:
    """A date standing on its own line ("April 4, 2017", "29 September 2022 - 14:10", "European
    Council Press release 28 December 2020") stamps the page; it says when the text was issued,
    not when the engagement took place."""
    start = text.rfind("\n", 0, expr.start) + 1
    end = text.find("\n", expr.end)
    end = len(text) if end < 0 else end
    if end - start > 90:
        return False
    rest = text[start:expr.start] + " " + text[expr.end:end]
    words = re.findall(r"[A-Za-z]+", rest)
    return all(w.lower() in _STAMP_WORDS or w.lower() in WEEKDAYS or w[:1].isupper() for w in words) \
        and not any(w.lower() in {"today", "yesterday", "on"} for w in words[:0])


def latest_day(text: str) -> str | None:
    """The latest full date a page with no publication date writes out ("October 28, 2022" in an
    embedded post): the day by which its offices are read ("his counterparts from Bolivia and
    Slovenia"), never an anchor for its "on Friday", which the page does not fix."""
    days = [d.value for d in find_dates(text) if d.kind == "absolute" and d.value and len(d.value) == 10]
    return max(days) if days else None

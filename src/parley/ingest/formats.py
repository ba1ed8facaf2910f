"""Readers for each input format: HTML pages, text files with a header, JSON and JSON Lines records.

Each reader takes the raw bytes and the source name and returns Documents or Rejected values; none
raises for bad content, because one bad file must never stop a run over thousands.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from parley.dates import find_dates, parse_date_text, parse_iso
from parley.ingest.normalize import document_id, is_chrome, looks_english, normalize_text, strip_chrome
from parley.model import Document, Rejected

_DATE_LINE = re.compile(r"^(?P<date>.{6,40}?)(?:\s*(?:\s[/|]\s|\||/\s*(?=Source))\s*(?P<pub>.*))?$")
_SOURCE_LABEL = re.compile(r"^Source\s*:\s*", re.IGNORECASE)
_MASTHEAD_SUFFIX = re.compile(r"\s+(?:News|Online|Website|Newsroom)$", re.IGNORECASE)


def make_document(
    source: str,
    text: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
    min_english_ratio: float = 0.08,
) -> Document | Rejected:
    """Normalise, strip chrome, check the text is usable, and give it its stable id."""
    body = strip_chrome(normalize_text(text))
    if not body:
        return Rejected(source, "empty", "no text left after removing site chrome")
    if not looks_english(body, min_english_ratio):
        return Rejected(source, "not-english", "too few English words to extract from")
    clean_title = normalize_text(title).replace("\n", " ") if title else None
    return Document(
        id=document_id(body),
        source=source,
        text=body,
        title=clean_title or None,
        publisher=(normalize_text(publisher) or None) if publisher else None,
        published=_iso_day(published),
        url=url if url and url.strip().lower().startswith(("http://", "https://")) else None,
    )


def _iso_day(value: str | None) -> str | None:
    """Accept ``2024-10-18``, ``2024-10-18T09:00:00Z`` or a written date; return YYYY-MM-DD."""
    if not value:
        return None
    parsed = parse_iso(str(value)) or parse_date_text(str(value))
    return parsed.isoformat() if parsed else None


def parse_date_line(line: str) -> tuple[str, str | None] | None:
    """Read a header line such as ``2025.01.20 / Source: X`` into (ISO date, publisher or None).

    The date must fill the part before the separator, so a sentence that merely contains a date is
    not a date line.
    """
    m = _DATE_LINE.match(line.strip())
    if not m:
        return None
    date_part = m.group("date").strip().rstrip(",")
    exprs = [e for e in find_dates(date_part) if e.kind == "absolute" and e.value and len(e.value) == 10]
    if len(exprs) != 1 or len(exprs[0].text) < len(date_part) - 2:
        return None
    publisher = _SOURCE_LABEL.sub("", (m.group("pub") or "").strip()).strip() or None
    return exprs[0].value or "", publisher


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 40
        and len(line) <= 300
        and not line.endswith((".", ":", ";", ","))
        and line[:1].isupper()
        and not is_chrome(line)
    )


def read_text(source: str, text: str, min_english_ratio: float = 0.08) -> Document | Rejected:
    """A text file: optional masthead, title line and date line, then the body."""
    lines = normalize_text(text).split("\n")
    head = [i for i, line in enumerate(lines) if line.strip()][:4]
    title = publisher = published = None
    body_start = 0
    date_at = next((i for i in head if parse_date_line(lines[i])), None)
    if date_at is not None:
        parsed = parse_date_line(lines[date_at])
        assert parsed is not None
        published, publisher = parsed
        before = [i for i in head if i < date_at]
        if before:
            title = lines[before[-1]]
            if len(before) >= 2 and not publisher:
                publisher = _MASTHEAD_SUFFIX.sub("", lines[before[-2]]) or None
        body_start = date_at + 1
    elif head and _looks_like_title(lines[head[0]]) and (
        len(head) > 1 and head[1] > head[0] + 1
    ):
        title = lines[head[0]]
        body_start = head[0] + 1
    body = "\n".join(lines[body_start:])
    if published is None:
        tail = [line for line in lines[body_start:] if line.strip()][-3:]
        for line in reversed(tail):
            parsed = parse_date_line(line)
            if parsed:
                published = parsed[0]
                break
    return make_document(source, body, title=title, publisher=publisher, published=published,
                         min_english_ratio=min_english_ratio)


def read_records(source: str, text: str, jsonl: bool, min_english_ratio: float = 0.08) -> Iterator[Document | Rejected]:
    """JSON (one record or a list) or JSON Lines, each record with ``text`` and metadata."""
    records: list[object]
    if jsonl:
        records = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                yield Rejected(f"{source}#{n}", "invalid-json", exc.msg)
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Rejected(source, "invalid-json", f"{exc.msg} at line {exc.lineno}")
            return
        records = data if isinstance(data, list) else [data]
    many = jsonl or len(records) > 1
    for n, record in enumerate(records, 1):
        name = f"{source}#{n}" if many else source
        if not isinstance(record, dict):
            yield Rejected(name, "invalid-record", "a record must be a JSON object")
            continue
        body = record.get("text") or record.get("body") or record.get("content")
        if not isinstance(body, str) or not body.strip():
            yield Rejected(name, "no-text", "record has no 'text' field")
            continue
        yield make_document(
            name, body,
            title=_str(record.get("title")), publisher=_str(record.get("publisher")),
            published=_str(record.get("published") or record.get("date")),
            url=_str(record.get("url")), min_english_ratio=min_english_ratio,
        )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


_TRUNCATED_OPEN = re.compile(rb"<html|<body", re.IGNORECASE)
_CLOSED = re.compile(rb"</html\s*>|</body\s*>", re.IGNORECASE)


def read_html(source: str, raw: bytes, text: str, min_english_ratio: float = 0.08) -> Document | Rejected:
    """An HTML page: trafilatura for the main text and metadata, then the chrome filter."""
    if _TRUNCATED_OPEN.search(raw[:4096]) and not _CLOSED.search(raw[-4096:]):
        return Rejected(source, "truncated", "HTML ends before </body> or </html>")
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    result = trafilatura.bare_extraction(
        text, with_metadata=True, favor_precision=True, include_comments=False,
        include_tables=False,
    )
    if result is None:
        return Rejected(source, "no-main-text", "no article text found in the page")
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = meta.get("text") or ""
    if not body.strip():
        return Rejected(source, "no-main-text", "no article text found in the page")
    own = page_metadata(text)
    return make_document(
        source, body, title=own.get("title") or meta.get("title"),
        publisher=own.get("publisher") or meta.get("sitename"),
        published=own.get("published") or meta.get("date"),
        url=own.get("url") or meta.get("url"), min_english_ratio=min_english_ratio,
    )


_META_KEYS = {
    "og:title": "title", "twitter:title": "title",
    "og:site_name": "publisher", "application-name": "publisher",
    "article:published_time": "published", "datepublished": "published", "dc.date": "published",
    "date": "published", "pubdate": "published", "og:url": "url",
}


def page_metadata(html: str) -> dict[str, str]:
    """The page's own declarations (Open Graph, article:*, canonical link), exactly as written.

    trafilatura normalises some of these (it re-cases site names); a publisher's own spelling
    ("talkRADIO") is what a reader expects to see.
    """
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return {}
    out: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        field = _META_KEYS.get(key)
        content = (node.get("content") or "").strip()
        if field and content and field not in out:
            out[field] = content
    for node in tree.iter("link"):
        if (node.get("rel") or "").lower() == "canonical" and node.get("href"):
            out["url"] = node.get("href", "").strip()
    return out

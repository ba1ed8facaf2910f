"""Compare: each side's account of one engagement, side by side.

A side is a country. Its statements come from its own government's readouts (and its state
media); when a side published nothing among the linked documents, a news report quoting that
side's people stands in for it ("In its own readout, the Chinese government said Xi told Starmer
..."), which is how a single article can give both sides.  The comparison lists each side's
statements with topics and evidence, the topics raised by both, the topics only one side mentions,
and the framing each side chose where it differs (who requested the call, how the talks are
characterised).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from parley.model import Document, Engagement, Extraction, Report, Statement

_CHARACTER = re.compile(
    r"\b((?:(?:frank|candid|open|productive|constructive|in-depth|friendly|cordial|pragmatic|positive|"
    r"useful|good|warm|extensive|substantive|detailed|fruitful|honest|substantial|wide-ranging|"
    r"thorough|strategic|sincere)(?:,\s*|\s+and\s+|\s+)){1,3})"
    r"(?:conversation|talks?|discussions?|exchanges?|meeting|call|dialogue)\b",
    re.IGNORECASE,
)
_REQUEST = re.compile(
    r"\b(?:at (?:the )?(?:latter's|former's|his|her|their|[A-Z][\w.\- ]{1,60}?['’]s) request|"
    r"at the request of [A-Z][\w.\- ]{1,60}|requested (?:the|a) (?:call|meeting|conversation))",
)


@dataclass(frozen=True, slots=True)
class SideStatement:
    """A statement of one side, with the report it comes from."""

    statement: Statement
    report: Report


@dataclass(frozen=True, slots=True)
class Side:
    """One country's account: its reports, statements, topics and framing."""

    country: str
    reports: tuple[Report, ...]
    statements: tuple[SideStatement, ...]
    topics: tuple[str, ...]
    framing: tuple[tuple[str, str], ...]  # (kind, phrase): characterisation / request
    from_news: bool = False  # no own readout: taken from other reports quoting this side
    stand_in: str = "news"  # what those other reports are: news (a known outlet) or unknown

    @property
    def label(self) -> str:
        """The side as a heading: its country, and where its words come from if not its own."""
        if not self.from_news:
            return self.country
        if self.stand_in == "news":
            return f"{self.country} (as reported in the news)"
        return f"{self.country} (as quoted in a report of unknown origin)"


@dataclass(frozen=True, slots=True)
class Comparison:
    """Both (or all) sides of one engagement."""

    engagement: Engagement
    sides: tuple[Side, ...]
    shared_topics: tuple[str, ...]
    only: tuple[tuple[str, tuple[str, ...]], ...]  # (country, topics only that side raised)
    framing_differs: bool

    def to_dict(self) -> dict[str, Any]:
        e = self.engagement
        return {
            "engagement": {"id": e.id, "type": e.type, "date": e.date, "location": e.location,
                           "participants": [p.to_dict(full=False) for p in e.participants]},
            "sides": {s.country: {
                "documents": [{"source": r.document.source, "publisher": r.document.publisher,
                               "url": r.document.url} for r in s.reports],
                "from_news": s.from_news,
                "label": s.label,
                "topics": list(s.topics),
                "framing": [{"kind": k, "phrase": p} for k, p in s.framing],
                "statements": [{"speaker": st.statement.speaker.to_dict(full=False),
                                "text": st.statement.text, "topics": list(st.statement.topics),
                                "source": st.report.document.source,
                                "evidence": [ev.to_dict() for ev in st.statement.evidence]}
                               for st in s.statements],
            } for s in self.sides},
            "shared_topics": list(self.shared_topics),
            "only": {c: list(t) for c, t in self.only},
            "framing_differs": self.framing_differs,
        }


def framing_of(text: str) -> tuple[tuple[str, str], ...]:
    """Characterisations of the talks and who requested them, as the text words them."""
    found: list[tuple[str, str]] = []
    for m in _CHARACTER.finditer(text):
        phrase = re.sub(r"\s+", " ", m.group(0)).strip()
        if ("characterisation", phrase) not in found:
            found.append(("characterisation", phrase))
    for m in _REQUEST.finditer(text):
        found.append(("request", m.group(0)))
    return tuple(found)


def _ordered(topics: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(topics))


def compare(engagement: Engagement, extractions: dict[str, Extraction]) -> Comparison:
    """Build the side-by-side view; ``extractions`` maps document id to its extraction."""
    own: dict[str, list[Report]] = {}
    for r in engagement.reports:
        if r.side:
            own.setdefault(r.side, []).append(r)
    countries = [p.country for p in engagement.participants if p.country]
    for country in [*own, *countries]:
        own.setdefault(country, [])
    sides: list[Side] = []
    for country, reports in own.items():
        from_news = not reports
        sources = reports or [r for r in engagement.reports if r.side is None]
        statements: list[SideStatement] = []
        framing: list[tuple[str, str]] = []
        for r in sources:
            x = extractions.get(r.document.id)
            if x is None:
                continue
            for st in x.statements:
                if st.speaker.country == country and st.topics:
                    statements.append(SideStatement(st, r))
            if not from_news:
                framing.extend(f for f in framing_of(x.document.text) if f not in framing)
        if from_news and not statements:
            continue
        topics = _ordered([t for s in statements for t in s.statement.topics])
        stand_in = _stand_in({s.report.document.id: s.report.document for s in statements}.values()) \
            if from_news else "news"
        sides.append(Side(country, tuple(reports), tuple(statements), topics, tuple(framing), from_news, stand_in))
    topic_sets = [set(s.topics) for s in sides if s.topics]
    shared = tuple(t for t in (sides[0].topics if sides else ()) if topic_sets and
                   all(t in ts for ts in topic_sets)) if len(topic_sets) > 1 else ()
    only = tuple((s.country, tuple(t for t in s.topics if t not in shared)) for s in sides)
    phrases = [{p for _k, p in s.framing if _k == "characterisation"} for s in sides if s.framing]
    differs = len(phrases) > 1 and any(p != phrases[0] for p in phrases[1:])
    return Comparison(engagement, tuple(sides), shared, only, differs)


def _stand_in(documents: Iterable[Document]) -> str:
    """news when every report a side is quoted from is a known outlet; else unknown (the same
    registry rule that decides each report's side, :mod:`parley.compare.sides`)."""
    from parley.compare.sides import document_origin
    from parley.extract.knowledge import knowledge

    kb = knowledge()
    return "news" if all(document_origin(d, kb) == "news" for d in documents) else "unknown"


def side_topics(engagement: Engagement, extractions: dict[str, Extraction]) -> dict[str, list[str]]:
    """Topics per side, as the ``sides`` of the linking contract: what each side's own documents
    attribute to its own people (news reports stand in only when no side published anything)."""
    result = compare(engagement, extractions)
    official = [s for s in result.sides if not s.from_news]
    return {s.country: list(s.topics) for s in (official or result.sides)}

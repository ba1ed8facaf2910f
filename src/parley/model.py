"""The model types every pipeline stage speaks.

Stages exchange these frozen, slotted dataclasses and nothing else: no tuples whose meaning lives in
positional convention, no ``None`` standing for "rejected".  Frozen so that a stage cannot mutate
what an earlier stage produced (extraction results are cached and compared across runs); slotted
because a large ingest keeps hundreds of thousands of them alive at once.

Every extracted fact carries :class:`Evidence`: character offsets into ``Document.text``, so a
reader can always go back to the words that justify it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EventType = Literal["MEET", "CALL", "VISIT"]
Modality = Literal["occurred", "planned", "speculative"]
EVENT_TYPES: tuple[str, ...] = ("MEET", "CALL", "VISIT")
MODALITIES: tuple[str, ...] = ("occurred", "planned", "speculative")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the document text that supports a claim; ``rule`` names what found it."""

    start: int
    end: int
    text: str
    rule: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Document:
    """One ingested text with its metadata; ``id`` is the sha256 of the normalised text."""

    id: str
    source: str
    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    language: str = "en"

    def header(self) -> dict[str, object]:
        """The ``doc`` object of the extraction contract (without the text)."""
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published,
            "language": self.language,
            "url": self.url,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A person (or, when no person is named, a body) acting for a state or organisation."""

    name: str
    country: str | None = None
    title: str | None = None
    organization: str | None = None
    aliases: tuple[str, ...] = ()  # other ways the document names this person

    def to_dict(self, full: bool = True) -> dict[str, object]:
        out: dict[str, object] = {"name": self.name, "country": self.country}
        if full:
            out["title"] = self.title
            out["organization"] = self.organization
        return out


@dataclass(frozen=True, slots=True)
class Event:
    """A MEET, CALL or VISIT between named actors (PLOVER's CONSULT family)."""

    id: str
    type: str
    participants: tuple[Actor, ...]
    primary: bool = False
    date: str | None = None  # YYYY-MM-DD or YYYY-MM
    location: str | None = None
    modality: str = "occurred"
    evidence: tuple[Evidence, ...] = ()
    explain: tuple[tuple[str, str], ...] = ()  # (field, rule) pairs, for --explain

    def to_dict(self, explain: bool = False) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "type": self.type,
            "primary": self.primary,
            "date": self.date,
            "location": self.location,
            "modality": self.modality,
            "participants": [p.to_dict() for p in self.participants],
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if explain:
            out["explain"] = dict(self.explain)
        return out


@dataclass(frozen=True, slots=True)
class Statement:
    """What one speaker is reported to have said, with the topics it raises."""

    speaker: Actor
    text: str
    topics: tuple[str, ...] = ()
    event_id: str | None = None
    evidence: tuple[Evidence, ...] = ()
    explain: tuple[tuple[str, str], ...] = ()

    def to_dict(self, explain: bool = False) -> dict[str, object]:
        out: dict[str, object] = {
            "speaker": self.speaker.to_dict(full=False),
            "text": self.text,
            "topics": list(self.topics),
            "event_id": self.event_id,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if explain:
            out["explain"] = dict(self.explain)
        return out


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    events: tuple[Event, ...] = ()
    statements: tuple[Statement, ...] = ()

    def to_dict(self, explain: bool = False, with_text: bool = False) -> dict[str, object]:
        doc = self.document.header()
        if with_text:
            doc["text"] = self.document.text
        return {
            "doc": doc,
            "events": [e.to_dict(explain) for e in self.events],
            "statements": [s.to_dict(explain) for s in self.statements],
        }


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that was refused, and why: counted, reported on one line, skipped."""

    source: str
    reason: str  # short machine-readable word: empty, binary, undecodable, too-large, ...
    detail: str = ""

    def line(self) -> str:
        detail = f": {self.detail}" if self.detail else ""
        return f"{self.source}: {self.reason}{detail}"


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest run did: counts plus the rejected inputs, one line each."""

    new: int = 0
    known: int = 0
    rejected: tuple[Rejected, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        return {"new": self.new, "known": self.known,
                "rejected": [{"source": r.source, "reason": r.reason, "detail": r.detail} for r in self.rejected]}


@dataclass(frozen=True, slots=True)
class Report:
    """One document's report of an engagement: its primary event and whose view it gives."""

    document: Document
    event_id: str
    side: str | None  # ISO3 of the government (or state media) whose view it is; None: independent


@dataclass(frozen=True, slots=True)
class Engagement:
    """One real meeting, call or visit, as reported by one or more documents."""

    id: str
    type: str
    date: str | None
    participants: tuple[Actor, ...]
    reports: tuple[Report, ...]
    location: str | None = None

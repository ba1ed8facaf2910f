"""Parley's events as PLOVER records, so they can be concatenated with POLECAT and other PLOVER data.

Every Parley event type is PLOVER's CONSULT ("all consultations and meetings: visiting and hosting
visits, meeting at a neutral location, consultation by phone"); the PLOVER mode says how:

- CALL -> ``phone``;
- VISIT -> ``visit``, the visitor as ``actor`` and the host (the country of the place) as
  ``recipient``, as the manual requires;
- MEET with three or more countries -> ``multilateral``; a meeting in a country none of the
  participants belongs to -> ``third-party``; any other meeting has no mode.

For calls and meetings the manual allows every participant in ``actor``; Parley puts the side that
reports the event (the publishing government, else the first participant's country) in ``actor``
and the counterparts in ``recipient``, so that dyads line up with POLECAT's actor/recipient pairs.
Modality goes to PLOVER's auxiliary modes in ``context``: planned -> ``future``, speculative ->
``hypothetical``.  Field names come from ``data/plover.json`` (transcribed from the PLOVER manual);
the extra fields (``modality``, ``parley_type``, ``primary``, ``document_id``, entity ``country``)
are named extensions, which the manual allows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

from parley import __version__
from parley.compare.sides import document_side as side_of
from parley.extract.knowledge import Knowledge
from parley.model import Actor, Event, Extraction

CODER = f"parley {__version__}"
EXTENSIONS = ("modality", "parley_type", "primary", "document_id")
_AUX = {"planned": "future", "speculative": "hypothetical"}


@cache
def spec() -> dict[str, Any]:
    """The PLOVER field names and CONSULT codes (``data/plover.json``)."""
    raw = resources.files("parley.data").joinpath("plover.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def _place_country(location: str | None, kb: Knowledge) -> str | None:
    if not location:
        return None
    for m in kb.place_re.finditer(location):
        iso = kb.places.get(m.group(0)) or kb.country_nouns.get(m.group(0))
        if iso:
            return iso
    return None


def _entity(actor: Actor, kb: Knowledge) -> dict[str, Any]:
    out: dict[str, Any] = {"code": actor.country, "entity_text": actor.name}
    if actor.country:
        out["country"] = kb.country_names.get(actor.country, actor.country)
    if actor.title:
        out["office"] = actor.title
    return out


def mode_of(event: Event, kb: Knowledge) -> list[str]:
    """PLOVER's CONSULT mode for one event (empty for a plain meeting)."""
    if event.type == "CALL":
        return ["phone"]
    if event.type == "VISIT":
        return ["visit"]
    countries = {p.country for p in event.participants if p.country}
    if len(countries) >= 3:
        return ["multilateral"]
    place = _place_country(event.location, kb)
    if place and countries and place not in countries:
        return ["third-party"]
    return []


def _split(event: Event, reporting: str | None, kb: Knowledge) -> tuple[list[Actor], list[Actor]]:
    people = list(event.participants)
    if not people:
        return [], []
    if event.type == "VISIT":
        host = _place_country(event.location, kb)
        visitors = [p for p in people if p.country and p.country != host]
        hosts = [p for p in people if p.country == host]
        if host and visitors and hosts:
            return visitors, hosts
    countries = [p.country for p in people]
    first = reporting if reporting in countries else people[0].country
    actor = [p for p in people if p.country == first]
    return actor, [p for p in people if p not in actor]


def record(extraction: Extraction, event: Event, kb: Knowledge, engagement_id: str | None,
           coded: datetime) -> dict[str, Any]:
    """One PLOVER record for one event of one document."""
    doc = extraction.document
    actor, recipient = _split(event, side_of(doc, kb), kb)
    mode = mode_of(event, kb)
    scores = spec()["scores"]
    full_date = event.date if event.date and len(event.date) == 10 else None
    comment = None if full_date else (f"event date {event.date!r} is partial; date is the publication date"
                                      if event.date else "event undated; date is the publication date")
    place = _place_country(event.location, kb)
    out: dict[str, Any] = {
        "id": f"{doc.id}:{event.id}",
        "date": full_date or doc.published,
        "actor": [_entity(p, kb) for p in actor],
        "recipient": [_entity(p, kb) for p in recipient],
        "event": ["CONSULT"],
        "mode": mode,
        "context": [_AUX[event.modality]] if event.modality in _AUX else [],
        "event_loc": {"extracted_place": event.location, "country_code": place} if event.location else None,
        "event_text": [ev.text for ev in event.evidence],
        "text_info": {"start": event.evidence[0].start, "end": event.evidence[0].end} if event.evidence else None,
        "quad_code": spec()["quad_codes"]["CONSULT"],
        "event_scale": scores.get(f"CONSULT:{mode[0]}" if mode else "CONSULT", scores["CONSULT"]),
        "link": engagement_id,
        "cite_info": {"url": doc.url, "title": doc.title, "publication": doc.publisher, "language": doc.language,
                      "coder": CODER, "codebook": "PLOVER CONSULT (event, mode, auxiliary modes)"},
        "coder": CODER,
        "coded_date": coded.date().isoformat(),
        "comment": comment,
        "modality": event.modality,
        "parley_type": event.type,
        "primary": event.primary,
        "document_id": doc.id,
    }
    return out


def plover_records(extractions: Iterable[Extraction], kb: Knowledge, engagements: dict[str, str] | None = None,
                   keep: set[str] | None = None, coded: datetime | None = None) -> Iterator[dict[str, Any]]:
    """PLOVER records for the events of the extractions.

    ``engagements`` maps stored event ids (``doc:local``) to engagement ids (PLOVER's ``link``);
    ``keep``, when given, is the set of stored event ids to export (the CLI's filters).  PLOVER
    requires a date: an event with neither its own full date nor a dated document is left out.
    """
    when = coded or datetime.now(UTC)
    for x in extractions:
        for ev in x.events:
            stored = f"{x.document.id}:{ev.id}"
            if keep is not None and stored not in keep:
                continue
            out = record(x, ev, kb, (engagements or {}).get(stored), when)
            if out["date"]:
                yield out

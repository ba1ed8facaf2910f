"""Whose view a document gives: the one rule that ``link`` and ``compare`` both use.

A document speaks for a country when its publisher (or, failing that, its web domain) is that
country's government or state media in the organisation registry.  A document from a known
independent outlet is news; a document whose publisher is unknown is neither, and is labelled as
such rather than guessed, so the linking output (``side: null``) and the comparison agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from parley.model import Document

if TYPE_CHECKING:
    from parley.extract.knowledge import Knowledge, Organization

OFFICIAL_KINDS = frozenset({"government", "state_media"})
Origin = Literal["official", "news", "unknown"]


def _organisations(document: Document, kb: Knowledge) -> list[Organization]:
    found = [kb.org_of_publisher(document.publisher, None), kb.org_of_publisher(None, document.url)]
    return [org for org in found if org is not None]


def document_side(document: Document, kb: Knowledge) -> str | None:
    """The country whose official view the document gives, or None."""
    for org in _organisations(document, kb):
        if org.kind in OFFICIAL_KINDS and org.country:
            return org.country
    return None


def document_origin(document: Document, kb: Knowledge) -> Origin:
    """official (a side's own readout), news (a known outlet of another kind) or unknown."""
    orgs = _organisations(document, kb)
    if document_side(document, kb):
        return "official"
    return "news" if orgs else "unknown"

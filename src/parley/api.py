"""The library's front door: the functions the CLI (and the web server) call, one per command.

Each composes the stages (ingest -> extract -> store) and returns model values or plain records;
none prints, so the same calls serve a notebook, a script or a test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from parley.config import Settings
from parley.extract import Extractor
from parley.ingest import read_inputs
from parley.model import Document, Extraction, IngestSummary, Rejected
from parley.store import (
    Database,
    Filters,
    has_document,
    list_documents,
    list_events,
    open_store,
    save_extraction,
)

Progress = Callable[[str], None]


def extract_paths(targets: Iterable[str], settings: Settings,
                  on_rejected: Callable[[Rejected], None] | None = None) -> Iterator[Extraction]:
    """Read and extract the targets without touching a database (``parley extract``)."""
    extractor = Extractor(settings)

    def documents() -> Iterator[Document]:
        for item in read_inputs(targets, settings):
            if isinstance(item, Rejected):
                if on_rejected:
                    on_rejected(item)
            else:
                yield item

    yield from extractor.extract_many(documents())


@dataclass
class _Tally:
    new: int = 0
    known: int = 0
    rejected: list[Rejected] = field(default_factory=list)


def ingest_paths(targets: Iterable[str], settings: Settings, progress: Progress | None = None
                 ) -> IngestSummary:
    """Read, extract and store the targets; each document is committed on its own.

    Documents already stored (same normalised text) are counted as known and not extracted
    again, so an interrupted run resumes where it stopped.
    """
    tally = _Tally()
    with open_store(settings.db) as db:
        extractor: Extractor | None = None
        pending: list[Document] = []

        def flush() -> None:
            nonlocal extractor
            if not pending:
                return
            extractor = extractor or Extractor(settings)
            for extraction in extractor.extract_many(pending):
                if save_extraction(db, extraction):
                    tally.new += 1
                else:
                    tally.known += 1
                if progress:
                    progress(extraction.document.source)
            pending.clear()

        seen: set[str] = set()
        for item in read_inputs(targets, settings):
            if isinstance(item, Rejected):
                tally.rejected.append(item)
                if progress:
                    progress(item.source)
                continue
            if item.id in seen or has_document(db, item.id):
                tally.known += 1
                if progress:
                    progress(item.source)
                continue
            seen.add(item.id)
            pending.append(item)
            if len(pending) >= settings.batch_size:
                flush()
        flush()
    return IngestSummary(tally.new, tally.known, tuple(tally.rejected))


def query_documents(settings: Settings, filters: Filters) -> list[dict[str, object]]:
    """Stored documents matching the filters (``parley documents``)."""
    with open_store(settings.db) as db:
        return list_documents(db, filters)


def query_events(settings: Settings, filters: Filters) -> list[dict[str, object]]:
    """Stored events matching the filters (``parley events``)."""
    with open_store(settings.db) as db:
        return list_events(db, filters)


__all__ = ["Database", "extract_paths", "ingest_paths", "query_documents", "query_events"]

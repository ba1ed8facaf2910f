"""The ingest pipeline: workers read and extract, one writer stores and links, a batch at a time.

Inputs are cut into units of ``batch_size`` paths or URLs.  A worker (a process of a local pool,
or a Dask worker) reads its unit, drops the documents the store already holds (so a re-run only
pays for what is new) and extracts the rest.  The single writer takes the results in input order
and commits each unit as one transaction that stores its documents *and* links them: a crash loses
at most the unit in flight, never half of one, and re-running resumes.  At most
``2 × processes`` units are in flight, so memory stays flat however many inputs are given.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from parley.config import Settings
from parley.extract.knowledge import knowledge
from parley.ingest import expand_targets, read_inputs
from parley.model import Document, Extraction, IngestSummary, Rejected
from parley.store import Database, has_document, open_store, save_extraction
from parley.store.linking import serialize_writers

Progress = Callable[[str], None]
Unit = list[str | Rejected]


@dataclass(frozen=True, slots=True)
class Chunk:
    """What a worker made of one unit: extractions to store, rejected inputs, already-known sources."""

    extractions: tuple[Extraction, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    known: tuple[str, ...] = ()


class Worker:
    """Reads and extracts units; built once per process (the spaCy pipeline loads lazily)."""

    def __init__(self, settings: Settings, db: Database | None = None) -> None:
        self.settings = replace(settings, processes=1)
        self._db = db
        self._extractor: object | None = None

    def _known(self, doc_id: str) -> bool:
        if self._db is None:
            self._db = Database(self.settings.db)
        return has_document(self._db, doc_id)

    def documents(self, items: Iterable[Document | Rejected]) -> Chunk:
        from parley.extract import Extractor

        rejected: list[Rejected] = []
        known: list[str] = []
        docs: list[Document] = []
        seen: set[str] = set()
        for item in items:
            if isinstance(item, Rejected):
                rejected.append(item)
            elif item.id in seen or self._known(item.id):
                known.append(item.source)
            else:
                seen.add(item.id)
                docs.append(item)
        if not docs:
            return Chunk((), tuple(rejected), tuple(known))
        if self._extractor is None:
            self._extractor = Extractor(self.settings)
        assert isinstance(self._extractor, Extractor)
        extractions = self._extractor.extract_isolated(docs, rejected.append)  # one bad document is not the batch
        return Chunk(tuple(extractions), tuple(rejected), tuple(known))

    def __call__(self, unit: Unit) -> Chunk:
        early = [item for item in unit if isinstance(item, Rejected)]
        return self.documents([*early, *read_inputs([t for t in unit if isinstance(t, str)], self.settings)])


_WORKER: Worker | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = Worker(settings)


def _work(unit: Unit) -> Chunk:
    assert _WORKER is not None
    return _WORKER(unit)


def units(targets: Iterable[str], size: int) -> list[Unit]:
    """The inputs (folders expanded, sorted) cut into units of ``size``."""
    items = list(expand_targets(targets))
    return [items[i:i + size] for i in range(0, len(items), size)]


def run_local(work: list[Unit], settings: Settings) -> Iterator[Chunk]:
    """The units' chunks in input order, from ``processes`` local worker processes."""
    if settings.processes <= 1:
        worker = Worker(settings)
        for unit in work:
            yield worker(unit)
        return
    import multiprocessing

    window = 2 * settings.processes
    with ProcessPoolExecutor(settings.processes, mp_context=multiprocessing.get_context("fork"),
                             initializer=_init_worker, initargs=(settings,)) as pool:
        pending: deque[Future[Chunk]] = deque()
        for unit in work:
            pending.append(pool.submit(_work, unit))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


@dataclass
class _Tally:
    new: int = 0
    known: int = 0
    rejected: list[Rejected] = field(default_factory=list)


def write(chunks: Iterable[Chunk], settings: Settings, progress: Progress | None = None) -> IngestSummary:
    """Store and link each chunk in one transaction (the one writer)."""
    from parley.link.incremental import link_pending

    tally = _Tally()
    kb = knowledge()
    with open_store(settings.db) as db:
        with db.transaction():  # a crashed run's documents that were stored but not linked
            serialize_writers(db)
            link_pending(db, kb)
        for chunk in chunks:
            if chunk.extractions:
                new = 0
                with db.transaction():
                    serialize_writers(db)
                    for extraction in chunk.extractions:
                        new += save_extraction(db, extraction)
                    link_pending(db, kb)
                tally.new += new
                tally.known += len(chunk.extractions) - new
            tally.known += len(chunk.known)
            tally.rejected.extend(chunk.rejected)
            if progress:
                for source in [*chunk.known, *(r.source for r in chunk.rejected),
                               *(x.document.source for x in chunk.extractions)]:
                    progress(source)
    return IngestSummary(tally.new, tally.known, tuple(tally.rejected))

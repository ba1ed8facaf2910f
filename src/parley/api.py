"""The library's front door: the functions the CLI (and the web server) call, one per command.

Each composes the stages (ingest -> extract -> store) and returns model values or plain records;
none prints, so the same calls serve a notebook, a script or a test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley.compare import Comparison, compare, side_topics
from parley.compare.timeline import TimelineRow, dyad
from parley.config import Settings
from parley.errors import InputError, NotFoundError
from parley.model import Document, Engagement, Extraction, IngestSummary, Rejected
from parley.store import (
    Database,
    Filters,
    iter_extractions,
    list_documents,
    list_events,
    open_reader,
    open_store,
)

if TYPE_CHECKING:
    from parley.extract import Extractor
    from parley.extract.knowledge import Knowledge
    from parley.link import Group, Item

Progress = Callable[[str], None]


# spaCy, trafilatura and the knowledge base take seconds to import: they are imported when a
# command first needs them, so that `parley --help` and `parley events` start at once.
def new_extractor(settings: Settings) -> Extractor:
    from parley.extract import Extractor as _Extractor

    return _Extractor(settings)


def knowledge() -> Knowledge:
    from parley.extract.knowledge import knowledge as _knowledge

    return _knowledge()


def link(*args: Any, **kwargs: Any) -> list[Engagement]:
    from parley.link import link as _link

    return _link(*args, **kwargs)


def expand_targets(targets: Iterable[str]) -> Iterator[str | Rejected]:
    from parley.ingest import expand_targets as _expand

    return _expand(targets)


def read_inputs(targets: Iterable[str], settings: Settings) -> Iterator[Document | Rejected]:
    from parley.ingest import read_inputs as _read

    return _read(targets, settings)


def read_urls(urls: Iterable[str], settings: Settings) -> Iterator[Document | Rejected]:
    from parley.ingest import read_urls as _read

    return _read(urls, settings)


def extract_paths(targets: Iterable[str], settings: Settings,
                  on_rejected: Callable[[Rejected], None] | None = None) -> Iterator[Extraction]:
    """Read and extract the targets without touching a database (``parley extract``).

    With ``processes > 1`` each worker reads *and* extracts its share of the inputs, so that the
    HTML parsing is spread over the cores as well as the spaCy pipeline; output order is kept.
    """
    if settings.processes > 1:
        yield from _extract_parallel(targets, settings, on_rejected)
        return
    extractor = new_extractor(settings)

    def documents() -> Iterator[Document]:
        for item in read_inputs(targets, settings):
            if isinstance(item, Rejected):
                if on_rejected:
                    on_rejected(item)
            else:
                yield item

    batch: list[Document] = []
    for document in documents():
        batch.append(document)
        if len(batch) >= settings.batch_size:
            yield from extractor.extract_isolated(batch, on_rejected or _ignore)
            batch = []
    yield from extractor.extract_isolated(batch, on_rejected or _ignore)


def _ignore(_rejected: Rejected) -> None:
    """Callers that do not ask for rejections do not get them."""


def _extract_parallel(targets: Iterable[str], settings: Settings,
                      on_rejected: Callable[[Rejected], None] | None) -> Iterator[Extraction]:
    import multiprocessing

    items = list(expand_targets(targets))
    chunks = [items[i:i + settings.batch_size] for i in range(0, len(items), settings.batch_size)]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(settings.processes, initializer=_init_reader, initargs=(settings,)) as pool:
        for results in pool.imap(_read_and_extract, chunks):
            for result in results:
                if isinstance(result, Rejected):
                    if on_rejected:
                        on_rejected(result)
                else:
                    yield result


_READER: tuple[Settings, Extractor] | None = None


def _init_reader(settings: Settings) -> None:
    global _READER
    single = replace(settings, processes=1)
    _READER = (single, new_extractor(single))


def _read_and_extract(chunk: list[str | Rejected]) -> list[Extraction | Rejected]:
    assert _READER is not None
    settings, extractor = _READER
    rejected = [item for item in chunk if isinstance(item, Rejected)]
    targets = [item for item in chunk if isinstance(item, str)]
    docs: list[Document] = []
    for item in read_inputs(targets, settings):
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            docs.append(item)
    extractions = extractor.extract_isolated(docs, rejected.append)  # may add extract-failed rejections
    return [*rejected, *extractions]


def ingest_paths(targets: Iterable[str], settings: Settings, progress: Progress | None = None,
                 on_total: Callable[[int], None] | None = None, engine: str = "local",
                 scheduler: str | None = None) -> IngestSummary:
    """Read, extract, store and link the targets, one transaction per batch of ``batch_size``.

    Workers (``processes`` local processes, or a Dask cluster with ``engine="dask"``) read and
    extract; this process is the one writer.  Documents already stored (same normalised text) are
    counted as known and not extracted again, so an interrupted run resumes where it stopped.
    """
    from parley.pipeline import run_local, units, write

    if engine not in {"local", "dask"}:
        raise InputError(f"unknown engine {engine!r} (local or dask)")
    work = units(targets, settings.batch_size)
    if on_total:
        on_total(sum(len(u) for u in work))
    if engine == "dask":
        from parley.distributed import run_dask

        return write(run_dask(work, settings, scheduler), settings, progress)
    return write(run_local(work, settings), settings, progress)



def ingest_urls(urls: Iterable[str], settings: Settings, progress: Progress | None = None) -> IngestSummary:
    """Fetch, extract and store http(s) URLs only; a local path given as a URL is refused unread."""
    return ingest_items(read_urls(urls, settings), settings, progress)


def ingest_items(items: Iterable[Document | Rejected], settings: Settings, progress: Progress | None = None
                 ) -> IngestSummary:
    """Extract, store and link documents already read (the web upload path shares this with the CLI)."""
    from parley.pipeline import Chunk, Worker, write

    def chunks() -> Iterator[Chunk]:
        worker = Worker(settings)
        batch: list[Document | Rejected] = []
        for item in items:
            batch.append(item)
            if len(batch) >= settings.batch_size:
                yield worker.documents(batch)
                batch = []
        yield worker.documents(batch)

    return write(chunks(), settings, progress)


def check_store(settings: Settings) -> None:
    """Refuse a database that does not exist or holds no Parley schema (``parley serve``)."""
    open_reader(settings.db).close()


def query_documents(settings: Settings, filters: Filters) -> list[dict[str, object]]:
    """Stored documents matching the filters (``parley documents``)."""
    with open_reader(settings.db) as db:
        return list_documents(db, filters)


def query_events(settings: Settings, filters: Filters) -> list[dict[str, object]]:
    """Stored events matching the filters (``parley events``)."""
    with open_reader(settings.db) as db:
        return list_events(db, filters)


def _link_output(engagements: list[Engagement], extractions: dict[str, Extraction]) -> dict[str, Any]:
    out = []
    for e in engagements:
        sides = side_topics(e, extractions)
        topic_sets = [set(t) for t in sides.values()]
        shared = sorted(set.intersection(*topic_sets)) if len(topic_sets) > 1 else []
        out.append({
            "id": e.id, "type": e.type, "date": e.date, "location": e.location,
            "participants": [p.to_dict(full=False) for p in e.participants],
            "documents": [{"source": r.document.source, "publisher": r.document.publisher, "side": r.side,
                           "id": r.document.id} for r in e.reports],
            "sides": {c: {"topics": t} for c, t in sides.items()},
            "shared_topics": shared,
        })
    return {"engagements": out}


def link_paths(targets: Iterable[str], settings: Settings,
               on_rejected: Callable[[Rejected], None] | None = None) -> dict[str, Any]:
    """Extract the targets and group reports of the same engagement (``parley link PATH...``)."""
    extractions = {x.document.id: x for x in extract_paths(targets, settings, on_rejected)}
    engagements = link(extractions.values(), knowledge())
    return _link_output(engagements, extractions)


def link_stored(settings: Settings, rebuild: bool = False) -> dict[str, Any]:
    """The stored engagements in the linking contract (``parley link --db``); with ``rebuild``,
    every stored document is linked again first (``parley link --rebuild``)."""
    from parley.link import engagement_of
    from parley.link.incremental import rebuild as relink
    from parley.link.incremental import side_function
    from parley.store.linking import serialize_writers, stored_groups

    kb = knowledge()
    # Only a rebuild writes; a plain listing opens read-only, so a mistyped --db is refused.
    with (open_store(settings.db) if rebuild else open_reader(settings.db)) as db:
        if rebuild:
            with db.transaction():
                serialize_writers(db)
                relink(db, kb)
        groups = [_stored_group(eid, items) for eid, items in stored_groups(db, side_function(kb))]
        doc_ids = sorted({m.doc_id for g in groups for m in g.members})
        extractions = {x.document.id: x for x in iter_extractions(db, doc_ids)}
    documents = {i: x.document for i, x in extractions.items()}
    groups.sort(key=lambda g: (g.date is None, g.date or "", g.id))
    return _link_output([engagement_of(g, documents) for g in groups], extractions)


def _stored_group(engagement_id: str, items: list[Item]) -> Group:
    from parley.link import Group, group_of

    g = group_of(items)
    return Group(engagement_id, g.base, g.type, g.date, g.location, g.people, g.members)


def _stored_engagements(db: Database, ids: list[str]) -> tuple[list[Engagement], dict[str, Extraction]]:
    """Stored engagements as model values, with the extractions of their documents."""
    from parley.link import engagement_of
    from parley.link.incremental import side_function
    from parley.store.linking import groups_by_id

    found = groups_by_id(db, ids, side_function(knowledge()))
    groups = [_stored_group(eid, items) for eid, items in found.items() if items]
    doc_ids = sorted({m.doc_id for g in groups for m in g.members})
    extractions = {x.document.id: x for x in iter_extractions(db, doc_ids)}
    documents = {i: x.document for i, x in extractions.items()}
    return [engagement_of(g, documents) for g in groups], extractions


def compare_engagement(settings: Settings, engagement_id: str) -> Comparison:
    """The side-by-side comparison of one stored engagement (``parley compare``)."""
    with open_reader(settings.db) as db:
        engagements, extractions = _stored_engagements(db, [engagement_id])
    if not engagements:
        raise NotFoundError(f"no engagement {engagement_id!r} (`parley link --format table` lists them)")
    return compare(engagements[0], extractions)


def timeline_rows(settings: Settings, a: str, b: str, limit: int | None = None, offset: int = 0
                  ) -> list[TimelineRow]:
    """Engagements between two countries in the stored data (``parley timeline``), read through
    the engagements' country index (newest ``limit`` after ``offset`` when given): nothing is
    linked again."""
    from parley.store.linking import engagements_between

    with open_reader(settings.db) as db:
        ids = engagements_between(db, a.upper(), b.upper(), limit, offset)
        engagements, extractions = _stored_engagements(db, ids)
    return dyad(engagements, extractions, a, b)


def export_tables(settings: Settings, tables: list[str], fmt: str, folder: Path) -> dict[str, int]:
    """Write stored tables as files for other tools (``parley export``); rows written per table."""
    from parley.store.export import check_request, export

    check_request(tables, fmt)
    with open_reader(settings.db) as db:
        return export(db, tables, fmt, folder)


__all__ = ["Database", "compare_engagement", "extract_paths", "ingest_paths", "link_paths", "link_stored",
           "query_documents", "query_events", "timeline_rows"]

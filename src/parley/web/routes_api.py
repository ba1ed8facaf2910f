"""The JSON API under /api: read-only by default, paginated, one error shape.

Errors are always ``{"error": {"status": N, "message": "..."}}``.  ``POST /api/ingest`` exists only
when the server was started with ``--allow-ingest`` and a token; it refuses private and loopback
URLs and caps upload size like the command line does.
"""

from __future__ import annotations

import csv
import hmac
import io
import json
from collections.abc import AsyncGenerator, Iterator
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from parley import api
from parley.config import Settings
from parley.ingest import read_bytes
from parley.model import Document, Rejected
from parley.store import DOCUMENT_COLUMNS, EVENT_COLUMNS, Filters, open_reader
from parley.store import views as v
from parley.store.search import HIT_END, HIT_START, search


class ErrorDetail(BaseModel):
    status: int
    message: str


class ErrorBody(BaseModel):
    """The one error shape of the API."""

    error: ErrorDetail


api_router = APIRouter(prefix="/api", tags=["api"], responses={
    400: {"model": ErrorBody, "description": "Bad request"},
    404: {"model": ErrorBody, "description": "Not found"},
    422: {"model": ErrorBody, "description": "Invalid parameters"},
})

Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Country = Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO3 of a participant.")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}(-\d{2})?$", description="YYYY-MM-DD")]
EventType = Annotated[str | None, Query(pattern="^(MEET|CALL|VISIT|meet|call|visit)$")]
# Text parameters and ids never hold a NUL byte (no stored text can: PostgreSQL refuses it); the
# schema says so, so that a client generated from it never sends one.
NO_NUL = r"^[^\x00]*$"
Publisher = Annotated[str | None, Query(max_length=200, pattern=NO_NUL)]
Id = Annotated[str, Path(max_length=200, pattern=NO_NUL)]


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


class Page(BaseModel):
    """A page of results."""

    items: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page, or null on the last page.")


def _page(rows: list[dict[str, Any]], limit: int, offset: int) -> Page:
    more = len(rows) > limit
    return Page(items=rows[:limit], limit=limit, offset=offset, next_offset=offset + limit if more else None)


@api_router.get("/documents", response_model=Page, summary="Stored documents")
def documents(request: Request, limit: Limit = 50, offset: Offset = 0, country: Country = None,
              type: EventType = None, since: Day = None, until: Day = None,
              publisher: Publisher = None) -> Page:
    rows = api.query_documents(_settings(request), Filters(country, type, since, until, publisher, limit + 1, offset))
    return _page(rows, limit, offset)


@api_router.get("/documents/{doc_id}", summary="One document with its events and statements")
def document(request: Request, doc_id: Id) -> dict[str, Any]:
    with open_reader(_settings(request).db) as db:
        doc = v.document(db, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    return doc


@api_router.get("/events", response_model=Page, summary="Stored events")
def events(request: Request, limit: Limit = 50, offset: Offset = 0, country: Country = None,
           type: EventType = None, since: Day = None, until: Day = None,
           publisher: Publisher = None) -> Page:
    rows = api.query_events(_settings(request), Filters(country, type, since, until, publisher, limit + 1, offset))
    return _page(rows, limit, offset)


@api_router.get("/engagements", response_model=Page, summary="Engagements (linked reports)")
def engagements(request: Request, limit: Limit = 50, offset: Offset = 0, country: Country = None,
                type: EventType = None, since: Day = None, until: Day = None) -> Page:
    with open_reader(_settings(request).db) as db:
        rows = v.engagements(db, Filters(country, type, since, until, None, limit + 1, offset))
    return _page(rows, limit, offset)


@api_router.get("/engagements/{engagement_id}", summary="The side-by-side comparison of one engagement")
def engagement(request: Request, engagement_id: Id) -> dict[str, Any]:
    return api.compare_engagement(_settings(request), engagement_id).to_dict()


@api_router.get("/people", response_model=Page, summary="People")
def people(request: Request, limit: Limit = 50, offset: Offset = 0, country: Country = None) -> Page:
    with open_reader(_settings(request).db) as db:
        rows = v.people(db, country, limit + 1, offset)
    return _page(rows, limit, offset)


@api_router.get("/people/{actor_id}", summary="One person: engagements, counterparts, topics")
def person(request: Request, actor_id: Id, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    with open_reader(_settings(request).db) as db:
        found = v.person(db, actor_id, limit, offset)
    if found is None:
        raise HTTPException(404, f"no person {actor_id}")
    return found


@api_router.get("/search", response_model=Page, summary="Full-text search")
def search_api(request: Request, q: Annotated[str, Query(max_length=500, pattern=NO_NUL)], limit: Limit = 20,
               offset: Offset = 0) -> Page:
    with open_reader(_settings(request).db) as db:
        hits = search(db, q, limit + 1, offset)
    for h in hits:
        h["snippet"] = (h["snippet"] or "").replace(HIT_START, "[").replace(HIT_END, "]")
        h.pop("score", None)
    return _page(hits, limit, offset)


def _check_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> Settings:
    settings = _settings(request)
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "ingest is disabled (start the server with --allow-ingest and a token)")
    expected = f"Bearer {settings.ingest_token}"
    if not settings.ingest_token or not authorization or not hmac.compare_digest(authorization, expected):
        raise HTTPException(401, "missing or wrong token")
    return settings


class IngestText(BaseModel):
    """A document given as text, or a URL to fetch."""

    text: str | None = Field(default=None, max_length=5_000_000)
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, max_length=40)
    publisher: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)


class _TooLarge(Exception):
    """The request body grew past the cap while it was being read."""


_FRAMING = 64 * 1024  # room for multipart headers and boundaries, or JSON escaping, above max_bytes


async def _capped(request: Request, cap: int) -> AsyncGenerator[bytes, None]:
    """The request body chunk by chunk, stopping as soon as it exceeds ``cap`` bytes."""
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > cap:
            raise _TooLarge
        yield chunk


def _too_large(cap: int) -> HTTPException:
    return HTTPException(413, f"request body larger than {cap} bytes")


_INGEST_BODY = {"requestBody": {"content": {
    "application/json": {"schema": IngestText.model_json_schema()},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "file": {"type": "string", "format": "binary"}}}}}}}


@api_router.post("/ingest", summary="Add a document (only with --allow-ingest and a token)",
                 openapi_extra=_INGEST_BODY)
async def ingest(request: Request, settings: Annotated[Settings, Depends(_check_token)]) -> dict[str, Any]:
    """Authorisation is checked (by the dependency) before a single byte of the body is read; the
    body is then streamed with the size cap enforced as it arrives, and the extraction runs in a
    worker thread so that the server keeps answering other requests meanwhile."""
    safe = replace(settings, allow_private=False)
    cap = safe.max_bytes + _FRAMING
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise _too_large(cap)
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        items = await _read_upload(request, safe, cap)
        return (await run_in_threadpool(api.ingest_items, items, safe)).to_dict()
    try:
        raw = b"".join([chunk async for chunk in _capped(request, cap)])
    except _TooLarge:
        raise _too_large(cap) from None
    try:
        body = IngestText.model_validate(json.loads(raw or b"{}"))
    except (ValueError, TypeError) as exc:
        raise HTTPException(422, f"send JSON with 'text' or 'url', or a multipart 'file': {exc}") from exc
    if body.url:
        if not body.url.lower().startswith(("http://", "https://")):
            raise HTTPException(422, "'url' must be an http:// or https:// URL; local paths are never read")
        return (await run_in_threadpool(api.ingest_urls, [body.url], safe)).to_dict()
    if not body.text:
        raise HTTPException(422, "send JSON with 'text' or 'url', or a multipart 'file'")
    record = json.dumps(body.model_dump()).encode()
    items = list(read_bytes("upload:text", record, "json", safe))
    return (await run_in_threadpool(api.ingest_items, items, safe)).to_dict()


async def _read_upload(request: Request, settings: Settings, cap: int) -> list[Document | Rejected]:
    """The one file of a multipart upload, read through the cap (spooled, never past ``cap``)."""
    parser = MultiPartParser(request.headers, _capped(request, cap), max_files=1, max_fields=10,
                             max_part_size=cap)
    try:
        form = await parser.parse()
    except _TooLarge:
        raise _too_large(cap) from None
    except MultiPartException as exc:
        raise HTTPException(422, f"malformed multipart upload: {exc.message}") from exc
    try:
        file = form.get("file")
        if not isinstance(file, StarletteUploadFile):
            raise HTTPException(422, "send the document as a multipart field named 'file'")
        raw = await file.read(settings.max_bytes + 1)
    finally:
        await form.close()
    name = (file.filename or "upload.txt").rsplit("/", 1)[-1]
    kind = name.rsplit(".", 1)[-1].lower() if "." in name else "txt"
    return list(read_bytes(f"upload:{name}", raw, kind if kind in {"html", "htm", "json", "jsonl"} else "txt",
                           settings))


def export_rows(settings: Settings, what: str, fmt: str) -> Response:
    """CSV or JSON export of events or documents (the export buttons), streamed page by page."""
    if what not in {"events", "documents"} or fmt not in {"csv", "json"}:
        raise HTTPException(404, "exports: events or documents, as csv or json")
    from parley.store.views import export_pages

    columns = list(EVENT_COLUMNS if what == "events" else DOCUMENT_COLUMNS)  # the same columns as the CLI
    db = open_reader(settings.db)  # opened here so that a storage error is an error page, not a cut body

    def body() -> Iterator[str]:
        try:
            first = True
            for rows in export_pages(db, what):
                if fmt == "json":
                    for row in rows:
                        yield ("[\n" if first else ",\n") + json.dumps({c: row.get(c) for c in columns},
                                                                         ensure_ascii=False)
                        first = False
                    continue
                buf = io.StringIO()
                writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
                if first:
                    writer.writeheader()
                    first = False
                writer.writerows(rows)
                yield buf.getvalue()
            if fmt == "json":
                yield "[]\n" if first else "\n]\n"
            elif first:
                yield ",".join(columns) + "\r\n"
        finally:
            db.close()

    media = "application/json" if fmt == "json" else "text/csv"
    return StreamingResponse(body(), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="parley-{what}.{fmt}"'})

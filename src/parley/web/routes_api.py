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
from collections.abc import Iterator
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from parley import api
from parley.config import Settings
from parley.ingest import read_bytes
from parley.store import Filters, open_store
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
              publisher: Annotated[str | None, Query(max_length=200)] = None) -> Page:
    rows = api.query_documents(_settings(request), Filters(country, type, since, until, publisher, limit + 1, offset))
    return _page(rows, limit, offset)


@api_router.get("/documents/{doc_id}", summary="One document with its events and statements")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    with open_store(_settings(request).db) as db:
        doc = v.document(db, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    return doc


@api_router.get("/events", response_model=Page, summary="Stored events")
def events(request: Request, limit: Limit = 50, offset: Offset = 0, country: Country = None,
           type: EventType = None, since: Day = None, until: Day = None,
           publisher: Annotated[str | None, Query(max_length=200)] = None) -> Page:
    rows = api.query_events(_settings(request), Filters(country, type, since, until, publisher, limit + 1, offset))
    return _page(rows, limit, offset)


@api_router.get("/engagements", response_model=Page, summary="Engagements (linked reports)")
def engagements(request: Request, limit: Limit = 50, offset: Offset = 0, country: Country = None,
                type: EventType = None, since: Day = None, until: Day = None) -> Page:
    with open_store(_settings(request).db) as db:
        rows = v.engagements(db, Filters(country, type, since, until, None, limit + 1, offset))
    return _page(rows, limit, offset)


@api_router.get("/engagements/{engagement_id}", summary="The side-by-side comparison of one engagement")
def engagement(request: Request, engagement_id: str) -> dict[str, Any]:
    return api.compare_engagement(_settings(request), engagement_id).to_dict()


@api_router.get("/people", response_model=Page, summary="People")
def people(request: Request, limit: Limit = 50, offset: Offset = 0, country: Country = None) -> Page:
    with open_store(_settings(request).db) as db:
        rows = v.people(db, country, limit + 1, offset)
    return _page(rows, limit, offset)


@api_router.get("/people/{actor_id}", summary="One person: engagements, counterparts, topics")
def person(request: Request, actor_id: str) -> dict[str, Any]:
    with open_store(_settings(request).db) as db:
        found = v.person(db, actor_id)
    if found is None:
        raise HTTPException(404, f"no person {actor_id}")
    return found


@api_router.get("/search", response_model=Page, summary="Full-text search")
def search_api(request: Request, q: Annotated[str, Query(max_length=500)], limit: Limit = 20,
               offset: Offset = 0) -> Page:
    with open_store(_settings(request).db) as db:
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


@api_router.post("/ingest", summary="Add a document (only with --allow-ingest and a token)")
async def ingest(request: Request, settings: Annotated[Settings, Depends(_check_token)],
                 file: UploadFile | None = None) -> dict[str, Any]:
    safe = replace(settings, allow_private=False)
    if file is not None:
        raw = await file.read(safe.max_bytes + 1)
        name = (file.filename or "upload.txt").rsplit("/", 1)[-1]
        kind = name.rsplit(".", 1)[-1].lower() if "." in name else "txt"
        items = list(read_bytes(f"upload:{name}", raw, kind if kind in {"html", "htm", "json", "jsonl"} else "txt",
                                safe))
        return api.ingest_items(items, safe).to_dict()
    try:
        body = IngestText.model_validate(json.loads(await request.body() or b"{}"))
    except (ValueError, TypeError) as exc:
        raise HTTPException(422, f"send JSON with 'text' or 'url', or a multipart 'file': {exc}") from exc
    if body.url:
        return api.ingest_paths([body.url], safe).to_dict()
    if not body.text:
        raise HTTPException(422, "send JSON with 'text' or 'url', or a multipart 'file'")
    record = json.dumps(body.model_dump()).encode()
    return api.ingest_items(list(read_bytes("upload:text", record, "json", safe)), safe).to_dict()


def export_rows(settings: Settings, what: str, fmt: str) -> Response:
    """CSV or JSON export of events or documents (the export buttons), streamed page by page."""
    if what not in {"events", "documents"} or fmt not in {"csv", "json"}:
        raise HTTPException(404, "exports: events or documents, as csv or json")
    from parley.store.views import export_pages

    db = open_store(settings.db)  # opened here so that a storage error is an error page, not a cut body

    def body() -> Iterator[str]:
        try:
            first = True
            for rows in export_pages(db, what):
                if fmt == "json":
                    for row in rows:
                        yield ("[\n" if first else ",\n") + json.dumps(row, ensure_ascii=False)
                        first = False
                    continue
                buf = io.StringIO()
                writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
                if first:
                    writer.writeheader()
                    first = False
                writer.writerows(rows)
                yield buf.getvalue()
            if fmt == "json":
                yield "[]\n" if first else "\n]\n"
        finally:
            db.close()

    media = "application/json" if fmt == "json" else "text/csv"
    return StreamingResponse(body(), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="parley-{what}.{fmt}"'})

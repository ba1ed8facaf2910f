"""The web UI: server-rendered pages over the stored data (FastAPI + Jinja2, autoescaped).

Every page is plain HTML with one local style sheet; charts are SVG drawn on the server, so
nothing is fetched from a CDN and the pages work without JavaScript.  Document text is untrusted:
templates autoescape it, and the highlighting code escapes each piece it emits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley import api
from parley.compare import Comparison
from parley.compare.render import to_html
from parley.config import Settings
from parley.errors import NotFoundError, ParleyError, StoreError
from parley.extract.knowledge import knowledge
from parley.store import Database, Filters, open_reader, open_store
from parley.store import views as v
from parley.store.linking import top_dyads
from parley.store.search import search
from parley.web.render import Mark, highlight, network_svg, snippet, timeline_svg
from parley.web.routes_api import Limit, Offset, api_router

_HERE = Path(str(resources.files("parley.web")))
log = logging.getLogger("parley.web")


@contextmanager
def _db(settings: Settings) -> Iterator[Database]:
    db = open_reader(settings.db)
    try:
        yield db
    finally:
        db.close()


def create_app(settings: Settings, allow_ingest: bool = False,
               clock: Callable[[], datetime] | None = None) -> FastAPI:
    """The Parley web application (pages, JSON API under /api, exports); ``clock`` dates the states."""
    from parley.web.routes_states import add_state_routes, engagement_state

    now = clock or (lambda: datetime.now(UTC))

    app = FastAPI(title="Parley", version="0.1.0",
                  description="Diplomatic engagements extracted from readouts and news, with evidence.")
    app.state.settings = settings
    app.state.allow_ingest = allow_ingest
    if allow_ingest:  # the one write path: create or upgrade the store once, before any request
        open_store(settings.db).close()
    templates = Jinja2Templates(directory=str(_HERE / "templates"))
    templates.env.filters["http_url"] = lambda u: u if isinstance(u, str) and u.lower().startswith(
        ("http://", "https://")) else ""
    app.mount("/static", StaticFiles(directory=str(_HERE / "static")), name="static")
    app.include_router(api_router)

    @app.middleware("http")
    async def refuse_nul(request: Request, call_next: Any) -> Response:
        """A NUL byte can be in no stored id or text (PostgreSQL refuses it in text): answer 422
        here rather than let the driver's complaint reach the reader."""
        if "\x00" in request.url.path or "%00" in request.url.query or "\x00" in unquote(request.url.query):
            message = "NUL bytes are not allowed in paths or parameters"
            if request.url.path.startswith("/api/"):
                return JSONResponse({"error": {"status": 422, "message": message}}, status_code=422)
            return page(request, "error.html", 422, status=422, message=message)
        response: Response = await call_next(request)
        return response

    def page(request: Request, name: str, code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=code)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": {"status": exc.status_code, "message": str(exc.detail)}},
                                status_code=exc.status_code)
        return page(request, "error.html", exc.status_code, status=exc.status_code, message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": {"status": 422, "message": problems}}, status_code=422)
        return page(request, "error.html", 422, status=422, message=problems)

    @app.exception_handler(ParleyError)
    async def parley_error(request: Request, exc: ParleyError) -> Response:
        if isinstance(exc, StoreError):
            # The driver's text (constraint names, SQL, paths) is for the log, never for the reader.
            log.error("storage error on %s: %s", request.url.path, exc)
            status, message = 503, "the database is unavailable; try again later"
        else:
            status = 404 if isinstance(exc, NotFoundError) else 400
            message = str(exc)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
        return page(request, "error.html", status, status=status, message=message)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        with _db(settings) as db:
            counts = v.overview(db)
            latest = v.engagements(db, Filters(limit=15))
            dyads = [(d["a"], d["b"], int(d["n"])) for d in top_dyads(db, 12)]  # a maintained count
        return page(request, "home.html", counts=counts, engagements=latest, dyads=dyads)

    @app.get("/engagements", response_class=HTMLResponse, include_in_schema=False)
    def engagements_page(request: Request, offset: Offset = 0, limit: Limit = 50) -> HTMLResponse:
        with _db(settings) as db:
            rows = v.engagements(db, Filters(limit=limit + 1, offset=offset))
        return page(request, "engagements.html", engagements=rows[:limit], offset=offset, limit=limit,
                    more=len(rows) > limit)

    @app.get("/engagements/{engagement_id}", response_class=HTMLResponse, include_in_schema=False)
    def engagement_page(request: Request, engagement_id: str) -> HTMLResponse:
        comparison = api.compare_engagement(settings, engagement_id)
        with _db(settings) as db:
            people = v.participants_of_engagement(db, engagement_id)
        return page(request, "engagement.html", **_engagement_context(comparison, people),
                    state=engagement_state(settings, engagement_id, now()))

    @app.get("/engagements/{engagement_id}/report.html", include_in_schema=False)
    def engagement_report(engagement_id: str) -> Response:
        html = to_html(api.compare_engagement(settings, engagement_id))
        return Response(html, media_type="text/html", headers={
            "Content-Disposition": f'attachment; filename="parley-{engagement_id}.html"'})

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request, offset: Offset = 0, limit: Limit = 50) -> HTMLResponse:
        rows = api.query_documents(settings, Filters(limit=limit + 1, offset=offset))
        return page(request, "documents.html", docs=rows[:limit], offset=offset, limit=limit,
                    more=len(rows) > limit)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str) -> HTMLResponse:
        with _db(settings) as db:
            doc = v.document(db, doc_id)
        if doc is None:
            raise StarletteHTTPException(404, f"no document {doc_id}")
        marks: list[Mark] = []
        for n, ev in enumerate(doc["events"]):
            ev["anchor"] = f"ev{n}"
            ev["rules"] = ", ".join(sorted({x["rule"] for x in ev["evidence"] if x["rule"]}))
            names = ", ".join(p["name"] for p in ev["participants"])
            for x in ev["evidence"]:
                marks.append(Mark(x["start"], x["end"], "event", f"{ev['type']}: {names} ({x['rule']})",
                                  ev["anchor"]))
        for n, st in enumerate(doc["statements"]):
            st["anchor"] = f"st{n}"
            st["rules"] = ", ".join(sorted({x["rule"] for x in st["evidence"] if x["rule"]}))
            for x in st["evidence"]:
                marks.append(Mark(x["start"], x["end"], "statement",
                                  f"{st['speaker_name']}: {', '.join(st['topics']) or 'no topic'} ({x['rule']})",
                                  st["anchor"]))
        return page(request, "document.html", doc=doc, html=highlight(doc["text"], marks))

    @app.get("/people", response_class=HTMLResponse, include_in_schema=False)
    def people_page(request: Request, offset: Offset = 0, limit: Limit = 100) -> HTMLResponse:
        with _db(settings) as db:
            rows = v.people(db, None, limit + 1, offset)
        return page(request, "people.html", people=rows[:limit], offset=offset, limit=limit,
                    more=len(rows) > limit)

    @app.get("/people/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, actor_id: str, offset: Offset = 0, limit: Limit = 50) -> HTMLResponse:
        with _db(settings) as db:
            person = v.person(db, actor_id, limit, offset)
        if person is None:
            raise StarletteHTTPException(404, f"no person {actor_id}")
        kb = knowledge()
        offices = [{"title": t.title or t.role.replace("_", " "),
                    "country": t.country, "org": t.org, "start": t.start, "end": t.end}
                   for t in kb.terms_of(person["name"])]
        return page(request, "person.html", p=person, offices=offices, offset=offset, limit=limit)

    @app.get("/dyads/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: str, b: str, offset: int = 0, limit: int = 50) -> HTMLResponse:
        a, b = a.upper()[:3], b.upper()[:3]
        offset, limit = max(offset, 0), min(max(limit, 1), 500)
        rows = api.timeline_rows(settings, a, b, limit + 1, offset)  # a page, newest first
        more, rows = len(rows) > limit, rows[:limit]
        chart = timeline_svg(rows, a, b)
        with _db(settings) as db:  # who met whom in the engagements of this page
            network = v.dyad_network(db, [r.engagement.id for r in rows], a, b)
        return page(request, "dyad.html", a=a, b=b, rows=[r.to_dict(a, b) for r in rows], chart=chart,
                    network=network_svg(network, [a, b]), offset=offset, limit=limit, more=more)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "") -> HTMLResponse:
        with _db(settings) as db:
            hits = search(db, q, limit=50)
        results = [{"kind": h["kind"], "title": h["title"], "snippet": snippet(h["snippet"]),
                    "href": _href(h["kind"], h["ref"])} for h in hits]
        return page(request, "search.html", q=q, results=results)

    @app.get("/export/{what}.{fmt}", include_in_schema=False)
    def export(what: str, fmt: str) -> Response:
        from parley.web.routes_api import export_rows

        return export_rows(settings, what, fmt)

    add_state_routes(app, settings, page, now)
    return app


def _href(kind: str, ref: str) -> str:
    if kind == "document":
        return f"/documents/{ref}"
    if kind == "statement":
        return f"/documents/{ref.split(':')[0]}"
    return f"/people/{ref}"


def _engagement_context(c: Comparison, people: list[dict[str, Any]]) -> dict[str, Any]:
    sides = []
    for s in c.sides:
        docs = {st.report.document.id: st.report.document for st in s.statements}
        for r in s.reports:
            docs.setdefault(r.document.id, r.document)
        rendered = []
        for doc in docs.values():
            marks = [Mark(ev.start, ev.end, "statement",
                          f"{st.statement.speaker.name}: {', '.join(st.statement.topics) or 'no topic'}")
                     for st in s.statements if st.report.document.id == doc.id for ev in st.statement.evidence]
            url = doc.url if doc.url and doc.url.startswith(("http://", "https://")) else None
            rendered.append({"id": doc.id, "source": doc.source, "publisher": doc.publisher, "title": doc.title,
                             "published": doc.published, "url": url, "html": highlight(doc.text, marks)})
        sides.append({"country": s.country, "from_news": s.from_news, "label": s.label, "topics": s.topics,
                      "framing": [{"kind": k, "phrase": p} for k, p in s.framing], "documents": rendered})
    e = c.engagement
    participants = [{"id": p["actor_id"], "name": p["name"], "country": p["country"]} for p in people]
    return {"e": {"id": e.id, "type": e.type, "date": e.date, "location": e.location,
                  "participants": participants}, "sides": sides, "shared": c.shared_topics,
            "only": c.only, "framing_differs": c.framing_differs, "reports": len(e.reports)}

"""The "Awaiting / one-sided" page: engagements one government has reported and another not (yet).

Registered by :func:`parley.web.app.create_app`; the state is derived when the page is asked for,
with the app's clock (the current time, or a fixed one in tests).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

from parley.config import Settings
from parley.store import Filters, open_reader
from parley.watch.queries import engagement_rows, states_of

Page = Callable[..., HTMLResponse]


def engagement_state(settings: Settings, engagement_id: str, now: datetime) -> dict[str, Any] | None:
    """The state of one engagement for its page (None when it has no stored reports)."""
    with open_reader(settings.db) as db:
        st = states_of(db, settings, [engagement_id], now).get(engagement_id)
    return st.to_dict() if st else None


def add_state_routes(app: FastAPI, settings: Settings, page: Page, clock: Callable[[], datetime]) -> None:
    @app.get("/awaiting", response_class=HTMLResponse, include_in_schema=False)
    def awaiting_page(request: Request, country: str | None = None) -> HTMLResponse:
        filters = Filters(country=country, limit=500)
        now = clock()
        with open_reader(settings.db) as db:
            awaiting = engagement_rows(db, settings, filters, "awaiting", now)
            one_sided = engagement_rows(db, settings, filters, "one-sided", now)
        return page(request, "awaiting.html", awaiting=awaiting, one_sided=one_sided, now=now.isoformat(
            timespec="minutes"), window=settings.awaiting_hours, country=country)

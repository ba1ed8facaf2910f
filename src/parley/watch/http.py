"""Conditional GET of a watched source, and the item links it lists.

The same rules as :mod:`parley.ingest.fetch` (http/https only, every redirect hop checked, private
and loopback addresses refused unless allowed, a timeout and a size cap) plus validators: the
``ETag`` and ``Last-Modified`` the server gave last time are sent back, and a ``304 Not Modified``
costs the server nothing.  ``Retry-After`` on 429/503 is honoured by the caller's backoff.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urldefrag, urljoin

import httpx

from parley import __version__
from parley.config import Settings
from parley.errors import FetchError
from parley.ingest.fetch import checked_get, content_type, feed_links, read_capped

USER_AGENT = f"parley-watch/{__version__} (polite; conditional GET)"


@dataclass(frozen=True, slots=True)
class Polled:
    """What one poll of a source returned; ``changed`` is False for 304 Not Modified."""

    url: str
    changed: bool
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


class Throttled(FetchError):
    """The server asked us to slow down (429 or 503), possibly saying for how long."""

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        from datetime import UTC, datetime

        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def conditional_get(url: str, settings: Settings, etag: str | None, last_modified: str | None) -> Polled:
    """GET ``url`` with If-None-Match / If-Modified-Since, checked redirects and a size cap."""
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    with httpx.Client(timeout=settings.fetch_timeout, follow_redirects=False, headers=headers) as client, \
            checked_get(client, url, settings) as (final, response):
        if response.status_code == 304:
            return Polled(final, False, etag=etag, last_modified=last_modified)
        if response.status_code in (429, 503):
            raise Throttled(f"throttled: HTTP {response.status_code}",
                            _retry_after(response.headers.get("retry-after")))
        if response.status_code >= 400:
            raise FetchError(f"unreachable: HTTP {response.status_code}")
        return Polled(final, True, read_capped(response, settings.max_bytes), content_type(response),
                      response.headers.get("etag"), response.headers.get("last-modified"))


_HREF = re.compile(rb"""<a\s[^>]*?href\s*=\s*["']([^"'#][^"']*)["']""", re.IGNORECASE)


def item_links(polled: Polled, include: str) -> list[str]:
    """The item links of a feed, or of a listing page (links matching ``include``), in page order.

    A listing page links to much besides readouts (menus, other sections), so without an
    ``include`` pattern a page yields nothing rather than everything.
    """
    links = feed_links(polled.content)
    if links is None:
        if not include:
            return []
        links = [m.group(1).decode("utf-8", "replace").strip() for m in _HREF.finditer(polled.content)]
    pattern = re.compile(include) if include else None
    out: list[str] = []
    for link in links:
        absolute = urldefrag(urljoin(polled.url, link.replace("&amp;", "&")))[0]
        if absolute.startswith(("http://", "https://")) and absolute not in out and (
                pattern is None or pattern.search(absolute)):
            out.append(absolute)
    return out

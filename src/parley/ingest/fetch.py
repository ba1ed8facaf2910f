"""Fetching user-given URLs and feeds safely.

A URL typed by a user (or found in a feed) is untrusted: only http and https, every hop of a
redirect chain checked, private and loopback addresses refused unless the user explicitly allows
them, a timeout, a size cap, and at most a few redirects.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from parley.config import Settings
from parley.errors import FetchError


@dataclass(frozen=True, slots=True)
class Fetched:
    """The body of a fetched URL and what the server said it is."""

    url: str
    content: bytes
    content_type: str


def check_url(url: str, allow_private: bool) -> None:
    """Refuse non-http(s) schemes, and hosts resolving to private or loopback addresses."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise FetchError(f"unsupported URL scheme {parts.scheme!r} (only http and https)")
    host = parts.hostname
    if not host:
        raise FetchError("URL has no host")
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise FetchError(f"unreachable: cannot resolve {host}") from exc
    if allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(f"refused: {host} resolves to non-public address {address} "
                             "(use --allow-private to permit)")


def fetch(url: str, settings: Settings) -> Fetched:
    """GET ``url`` following at most ``max_redirects`` checked redirects, capped in size."""
    with httpx.Client(timeout=settings.fetch_timeout, follow_redirects=False,
                      headers={"User-Agent": "parley/0.1 (+https://github.com/parley)"}) as client, \
            checked_get(client, url, settings) as (final, response):
        if response.status_code >= 400:
            raise FetchError(f"unreachable: HTTP {response.status_code}")
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > settings.max_bytes:
            raise FetchError(f"too large: {declared} bytes (limit {settings.max_bytes})")
        return Fetched(final, read_capped(response, settings.max_bytes), content_type(response))


_REDIRECTS = {301, 302, 303, 307, 308}


@contextmanager
def checked_get(client: httpx.Client, url: str, settings: Settings) -> Iterator[tuple[str, httpx.Response]]:
    """Stream a GET of ``url``, following at most ``max_redirects`` redirects, each target checked
    against private and loopback addresses before it is asked (the one path every fetch takes:
    ``parley ingest`` URLs and the watcher's polls). Yields the final URL and its response."""
    current = url
    for _hop in range(settings.max_redirects + 1):
        check_url(current, settings.allow_private)
        try:
            with client.stream("GET", current) as response:
                if response.status_code in _REDIRECTS:  # not is_redirect: httpx counts 304 Not Modified
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError("redirect without a location")
                    current = urljoin(current, location)
                    continue
                yield current, response
                return
        except httpx.HTTPError as exc:
            raise FetchError(f"unreachable: {type(exc).__name__}: {exc}") from exc
    raise FetchError(f"too many redirects (more than {settings.max_redirects})")


def content_type(response: httpx.Response) -> str:
    """The media type of a response, without its parameters ("text/html")."""
    return str(response.headers.get("content-type", "")).split(";")[0].strip().lower()


def feed_links(content: bytes) -> list[str] | None:
    """The item links of an RSS or Atom feed, or None when the content is not a feed."""
    head = content[:2048].lstrip().lower()
    if not (head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return None
    if b"<rss" not in content[:4096].lower() and b"<feed" not in content[:4096].lower() \
            and b"<rdf" not in content[:4096].lower():
        return None
    import feedparser

    parsed = feedparser.parse(content)
    return [str(e.get("link")) for e in parsed.entries if e.get("link")]


def read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    """A streamed response's body, refused as soon as it passes ``max_bytes`` (a server's
    Content-Length can lie or be absent, so the cap is enforced while reading)."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"too large: over {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)

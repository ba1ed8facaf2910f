"""Ingest: paths, folders, URLs and feeds in; Documents (or Rejected, with the reason) out.

Folders are read recursively in sorted order so that runs are reproducible; each input is judged
on its own, so one empty, binary, undecodable or oversized file is reported and skipped while the
rest go on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from parley.config import Settings
from parley.errors import FetchError
from parley.ingest.fetch import feed_links, fetch
from parley.ingest.formats import read_html, read_records, read_text
from parley.model import Document, Rejected

SUFFIXES = {".html", ".htm", ".txt", ".json", ".jsonl"}

__all__ = ["SUFFIXES", "expand_targets", "read_bytes", "read_inputs", "read_urls"]


def expand_targets(targets: Iterable[str]) -> Iterator[str | Rejected]:
    """Paths and URLs in the order given; folders become their readable files, sorted."""
    for target in targets:
        if target.startswith(("http://", "https://")):
            yield target
            continue
        path = Path(target)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES:
                    yield str(child)
        elif path.is_file():
            yield target
        elif "://" in target:
            yield Rejected(target, "unsupported", "only http:// and https:// URLs can be fetched")
        else:
            yield Rejected(target, "missing", "no such file or folder")


def _decode(source: str, raw: bytes, html: bool) -> str | Rejected:
    if b"\x00" in raw[:8192]:
        return Rejected(source, "binary", "contains NUL bytes; not a text document")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if html:
            m = re.search(rb"charset=[\"']?([A-Za-z0-9_\-]+)", raw[:4096])
            if m and m.group(1).lower() not in (b"utf-8", b"utf8"):
                try:
                    return raw.decode(m.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    pass
        return Rejected(source, "undecodable", f"not valid UTF-8 (byte {exc.start})")


def read_bytes(source: str, raw: bytes, kind: str, settings: Settings) -> Iterator[Document | Rejected]:
    """Turn the bytes of one input into Documents; ``kind`` is html, txt, json or jsonl."""
    if not raw.strip():
        yield Rejected(source, "empty", "the input has no content")
        return
    if len(raw) > settings.max_bytes:
        yield Rejected(source, "too-large", f"{len(raw)} bytes (limit {settings.max_bytes})")
        return
    text = _decode(source, raw, kind == "html")
    if isinstance(text, Rejected):
        yield text
        return
    ratio = settings.min_english_ratio
    if kind == "html":
        read: Iterable[Document | Rejected] = [read_html(source, raw, text, ratio)]
    elif kind in {"json", "jsonl"}:
        read = read_records(source, text, kind == "jsonl", ratio)
    else:
        read = [read_text(source, text, ratio)]
    for item in read:
        if isinstance(item, Document) and len(item.text) > settings.max_chars:
            # The parser needs memory in proportion to the text (spaCy refuses over a million
            # characters): one such document is reported and skipped, the batch goes on.
            yield Rejected(item.source, "too-long",
                           f"{len(item.text)} characters of text (limit {settings.max_chars}, max_chars)")
        else:
            yield item


def _kind_of(name: str, content_type: str = "") -> str:
    suffix = Path(name.split("?")[0]).suffix.lower()
    if suffix in {".html", ".htm"} or "html" in content_type:
        return "html"
    if suffix == ".jsonl":
        return "jsonl"
    if suffix == ".json" or "json" in content_type:
        return "json"
    return "txt"


_FETCH_REASONS = {"unreachable: ": "unreachable", "refused: ": "refused", "too large: ": "too-large"}


def _fetch_rejected(url: str, message: str) -> Rejected:
    """The fetcher's message says its reason first ("refused: ..."); the reason is said once."""
    for prefix, reason in _FETCH_REASONS.items():
        if message.startswith(prefix):
            return Rejected(url, reason, message.removeprefix(prefix))
    return Rejected(url, "refused", message)


def _read_url(url: str, settings: Settings, depth: int = 0) -> Iterator[Document | Rejected]:
    try:
        fetched = fetch(url, settings)
    except FetchError as exc:
        yield _fetch_rejected(url, str(exc))
        return
    links = feed_links(fetched.content) if depth == 0 else None
    if links is not None:
        if not links:
            yield Rejected(url, "empty", "feed has no item links")
        for link in links:
            yield from _read_url(link, settings, depth + 1)
        return
    yield from read_bytes(url, fetched.content, _kind_of(fetched.url, fetched.content_type), settings)


def read_urls(urls: Iterable[str], settings: Settings) -> Iterator[Document | Rejected]:
    """Fetch http(s) URLs only: anything else (a path, ``file://``) is refused, never read.

    The web server's ingest takes this road, so that a URL field can never reach the local disk.
    """
    for url in urls:
        if url.lower().startswith(("http://", "https://")):
            yield from _read_url(url, settings)
        else:
            yield Rejected(url, "unsupported", "only http:// and https:// URLs can be fetched")


def read_inputs(targets: Iterable[str], settings: Settings) -> Iterator[Document | Rejected]:
    """Every Document in the targets, in a stable order, with a Rejected for each bad input."""
    for item in expand_targets(targets):
        if isinstance(item, Rejected):
            yield item
        elif item.startswith(("http://", "https://")):
            yield from _read_url(item, settings)
        else:
            path = Path(item)
            try:
                size = path.stat().st_size
                if size > settings.max_bytes:
                    yield Rejected(item, "too-large", f"{size} bytes (limit {settings.max_bytes})")
                    continue
                raw = path.read_bytes()
            except OSError as exc:
                yield Rejected(item, "unreadable", exc.strerror or str(exc))
                continue
            yield from read_bytes(item, raw, _kind_of(item), settings)

"""A loopback HTTP server whose feed changes over time, and a webhook receiver that can fail.

Serves ``/feed.xml`` (RSS with an ETag; ``If-None-Match`` answered with 304), ``/items/<name>``
(bytes given by the test: real dev-corpus documents read from PARLEY_SHARED) and ``/hook`` (records
each POST with its headers; answers 500 while ``hook_failures`` is above zero).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape


@dataclass
class FeedState:
    items: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # name -> (body, content type)
    order: list[str] = field(default_factory=list)  # names listed in the feed, newest first
    hook_failures: int = 0
    hooks: list[dict[str, Any]] = field(default_factory=list)
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)  # method, path, headers
    base: str = ""
    on_item: Callable[[], None] | None = None  # called as each item is served

    def publish(self, name: str, body: bytes, content_type: str) -> None:
        self.items[name] = (body, content_type)
        self.order.insert(0, name)

    def feed(self) -> bytes:
        entries = "".join(f"<item><title>{escape(n)}</title><link>{self.base}/items/{escape(n)}</link>"
                          f"<guid>{self.base}/items/{escape(n)}</guid></item>" for n in self.order)
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Readouts</title>'
                f"<link>{self.base}/</link><description>test</description>{entries}</channel></rss>").encode()


def _handler(state: FeedState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, code: int, body: bytes = b"", ctype: str = "text/plain", **headers: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            state.requests.append(("GET", self.path, dict(self.headers)))
            if self.path == "/feed.xml":
                body = state.feed()
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, ETag=etag)
                else:
                    self._send(200, body, "application/rss+xml", ETag=etag)
            elif self.path.startswith("/items/") and self.path[7:] in state.items:
                body, ctype = state.items[self.path[7:]]
                if state.on_item:
                    state.on_item()
                self._send(200, body, ctype)
            else:
                self._send(404, b"not found")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            state.requests.append(("POST", self.path, dict(self.headers)))
            if state.hook_failures > 0:
                state.hook_failures -= 1
                self._send(500, b"down")
                return
            state.hooks.append({"headers": dict(self.headers), "body": body})
            self._send(204)

    return Handler


@contextmanager
def feed_server() -> Iterator[FeedState]:
    state = FeedState()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()

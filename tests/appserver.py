"""Serving Parley in tests: a free port, an app run in a thread, and waiting until it answers.

The browser tests, the watcher's pages and the concurrency tests each started a server and polled
it the same way; they share this.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import uvicorn


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(get: Callable[[str], Any], path: str, tries: int = 100) -> None:
    """Call ``get(path)`` until the server answers (a connection error means: not up yet)."""
    for _ in range(tries):
        try:
            get(path)
            return
        except httpx.HTTPError:
            time.sleep(0.1)


@contextmanager
def serving(app: Any, ready: str) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread; yields its base URL once ``ready`` answers."""
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    wait_for(lambda path: httpx.get(base + path, timeout=1), ready)
    try:
        yield base
    finally:
        srv.should_exit = True
        thread.join(5)

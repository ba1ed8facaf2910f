"""The watcher: poll each due source, ingest what is new, then update states and notify.

One pass visits every source whose time has come (``watch_sources.next_at``), so ``parley watch
--once`` run by cron or a systemd timer behaves like the long-running watcher.  Politeness: at most
one request per host every ``watch_host_delay`` seconds, conditional GET, and a failing source is
polled less and less often (interval x 2^failures, capped, or the server's ``Retry-After``).

Stopping (SIGTERM, SIGINT or :meth:`Watcher.stop`) sets a flag that is checked before each item is
fetched: the documents already read are extracted and committed one transaction each, nothing is
half-written, and the rest are fetched on the next run (their links are not marked as seen).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

from parley import api
from parley.config import Settings
from parley.errors import FetchError, ParleyError
from parley.ingest import read_inputs
from parley.model import Document, Rejected
from parley.store import Database, open_store
from parley.store.sources import forget_validators, record_item, save_source_state, seen_items, source_state
from parley.watch.http import Polled, Throttled, conditional_get, item_links
from parley.watch.notify import Delivery, deliver, sync, write_outbox
from parley.watch.sources import Source

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class SourceReport:
    """What one pass did with one source."""

    name: str
    status: str  # changed | not-modified | not-due | failed | stopped
    items: int = 0  # item links listed
    new: int = 0
    known: int = 0
    rejected: tuple[Rejected, ...] = ()
    detail: str = ""

    def line(self) -> str:
        if self.status == "changed":
            return (f"{self.name}: {self.items} item(s) listed, {self.new} new, {self.known} already known, "
                    f"{len(self.rejected)} rejected")
        return f"{self.name}: {self.status}{': ' + self.detail if self.detail else ''}"


@dataclass(frozen=True, slots=True)
class PassReport:
    """One pass over the sources, then the states and notifications it led to."""

    sources: tuple[SourceReport, ...]
    notifications: tuple[dict[str, Any], ...]
    outboxed: int
    delivery: Delivery
    stopped: bool = False


@dataclass
class _Hosts:
    """The last request time per host, for the politeness delay."""

    delay: float
    last: dict[str, float] = field(default_factory=dict)

    def wait_turn(self, host: str, stop: threading.Event) -> bool:
        due = self.last.get(host, float("-inf")) + self.delay
        pause = due - time.monotonic()
        if pause > 0 and stop.wait(pause):
            return False
        self.last[host] = time.monotonic()
        return True


class Watcher:
    """Polls the sources with one Settings; ``clock`` is injectable so that tests control time."""

    def __init__(self, settings: Settings, sources: list[Source], clock: Clock = utc_now) -> None:
        self.settings = settings
        self.sources = sources
        self.clock = clock
        self.stopping = threading.Event()
        self._hosts = _Hosts(settings.watch_host_delay)

    def stop(self) -> None:
        self.stopping.set()

    def _state(self, db: Database, source: Source) -> dict[str, Any] | None:
        """What was remembered of this source (forgotten when its URL changed)."""
        state = source_state(db, source.name)
        return state if state and state["url"] == source.url else None

    def _poll(self, db: Database, source: Source, state: dict[str, Any] | None, now: datetime
              ) -> tuple[Polled | None, str]:
        failures = int(state["failures"]) if state else 0
        etag = state["etag"] if state else None
        modified = state["last_modified"] if state else None
        checked = now.isoformat(timespec="seconds")
        try:
            polled = conditional_get(source.url, self.settings, etag, modified)
        except FetchError as exc:
            failures += 1
            pause = min(source.interval * 2 ** failures, self.settings.watch_max_backoff)
            if isinstance(exc, Throttled) and exc.retry_after:
                pause = max(pause, exc.retry_after)
            save_source_state(db, source.name, source.url, etag, modified, checked,
                              (now + timedelta(seconds=pause)).isoformat(timespec="seconds"), failures, str(exc))
            return None, str(exc)
        save_source_state(db, source.name, source.url, polled.etag, polled.last_modified, checked,
                          (now + timedelta(seconds=source.interval)).isoformat(timespec="seconds"), 0,
                          "200" if polled.changed else "304")
        return polled, ""

    def _documents(self, source: Source, links: list[str], outcomes: dict[str, list[Document | Rejected]]
                   ) -> Iterator[Document | Rejected]:
        """Fetch each link in turn, politely; stops before the next fetch once stopping is set."""
        single = replace(self.settings, processes=1)
        for link in links:
            host = link.split("/")[2].lower() if "//" in link else ""
            if self.stopping.is_set() or not self._hosts.wait_turn(host, self.stopping):
                return
            for item in read_inputs([link], single):
                if isinstance(item, Document) and not item.publisher:
                    item = replace(item, publisher=source.publisher)
                outcomes.setdefault(link, []).append(item)
                yield item

    def _source(self, db: Database, source: Source, now: datetime) -> SourceReport:
        state = self._state(db, source)
        if state and state["next_at"] and datetime.fromisoformat(state["next_at"]) > now:
            return SourceReport(source.name, "not-due", detail=f"next poll at {state['next_at']}")
        if not self._hosts.wait_turn(source.host, self.stopping):
            return SourceReport(source.name, "stopped")
        polled, error = self._poll(db, source, state, now)
        if polled is None:
            return SourceReport(source.name, "failed", detail=error)
        if not polled.changed:
            return SourceReport(source.name, "not-modified")
        links = item_links(polled, source.include)
        seen = seen_items(db, links)
        fresh = [link for link in links if link not in seen]
        outcomes: dict[str, list[Document | Rejected]] = {}
        summary = api.ingest_items(self._documents(source, fresh, outcomes), self.settings)
        at = self.clock().isoformat(timespec="seconds")
        done = set()
        for link, items in outcomes.items():
            docs = [i for i in items if isinstance(i, Document)]
            refused = [i for i in items if isinstance(i, Rejected)]
            if docs:
                record_item(db, link, source.name, docs[0].id, "stored", at)
                done.add(link)
            elif refused and refused[0].reason not in {"unreachable"}:  # unreachable: try again next time
                record_item(db, link, source.name, None, refused[0].reason, at)
                done.add(link)
        if set(fresh) - done:  # items left for later: a 304 next time must not hide them
            forget_validators(db, source.name)
        return SourceReport(source.name, "changed", len(links), summary.new, summary.known, summary.rejected,
                            "stopped before every item was fetched" if self.stopping.is_set() else "")

    def run_pass(self) -> PassReport:
        """Poll every due source once, ingest what is new, then sync states and notify."""
        reports = []
        with open_store(self.settings.db) as db:
            for source in self.sources:
                if self.stopping.is_set():
                    reports.append(SourceReport(source.name, "stopped"))
                    continue
                reports.append(self._source(db, source, self.clock()))
            now = self.clock()
            made = sync(db, self.settings, now)
            outboxed = write_outbox(db, Path(self.settings.outbox), now)
            delivery = deliver(db, self.settings, self.clock, lambda s: not self.stopping.wait(s))
        return PassReport(tuple(reports), tuple(made), outboxed, delivery, self.stopping.is_set())

    def _next_due(self) -> float:
        """Seconds until the earliest source is due again (at least 1, at most the shortest interval)."""
        shortest = min((s.interval for s in self.sources), default=self.settings.watch_interval)
        with open_store(self.settings.db) as db:
            now = self.clock()
            waits = []
            for s in self.sources:
                state = source_state(db, s.name)
                if not state or not state["next_at"]:
                    return 0.0
                waits.append((datetime.fromisoformat(state["next_at"]) - now).total_seconds())
        return max(0.05, min(min(waits, default=shortest), shortest))

    def run(self, once: bool = False, on_pass: Callable[[PassReport], None] | None = None,
            on_error: Callable[[ParleyError], None] | None = None) -> None:
        """Pass after pass until stopped (or one pass with ``once``); SIGTERM/SIGINT stop it cleanly.

        A pass that fails as a whole (the database locked or unreachable) is reported through
        ``on_error`` and tried again after the shortest interval: a watcher left running should
        survive a database restart.  With ``once`` the error is raised.
        """
        previous: dict[signal.Signals, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                previous[sig] = signal.signal(sig, self._on_signal)
        shortest = min((s.interval for s in self.sources), default=self.settings.watch_interval)
        try:
            while not self.stopping.is_set():
                try:
                    report = self.run_pass()
                except ParleyError as exc:
                    if once or on_error is None:
                        raise
                    on_error(exc)
                    self.stopping.wait(shortest)
                    continue
                if on_pass:
                    on_pass(report)
                if once:
                    break
                try:
                    pause = self._next_due()
                except ParleyError:
                    pause = shortest
                self.stopping.wait(pause)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.stop()

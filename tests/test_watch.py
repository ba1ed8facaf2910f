"""parley watch against a loopback server whose feed changes: No 10's readout of the May–Xi call
first, the Chinese side's (Xinhua via Shanghai Daily) later; real dev-corpus documents, served as
feed items.  Checks conditional GET, states, the outbox and webhook deliveries (one that fails and
recovers), the window passing, backoff, the long-running loop and a clean stop on SIGTERM."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import DEV, ROOT
from feedserver import FeedState, feed_server
from parley.config import Settings
from parley.errors import NoDatabaseError
from parley.store import Filters, open_store
from parley.watch import Source, Watcher
from parley.watch.queries import list_engagements

UK, CN = "d17", "d18"  # pairs.json: 2018-04-19-may-xi-call; gold doc.side GBR and CHN


def _serve(state: FeedState, stem: str) -> None:
    path = next((DEV / "docs").glob(f"{stem}.*"))
    ctype = {".json": "application/json", ".txt": "text/plain", ".html": "text/html"}[path.suffix]
    state.publish(path.name, path.read_bytes(), ctype)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def server() -> Iterator[FeedState]:
    with feed_server() as state:
        yield state


def _settings(tmp_path: Path, server: FeedState, **over: object) -> Settings:
    base = Settings(db=str(tmp_path / "parley.db"), allow_private=True, outbox=str(tmp_path / "events.jsonl"),
                    webhook_url=f"{server.base}/hook", webhook_secret="s3cret", webhook_retries=2,
                    webhook_backoff=0.0, watch_host_delay=0.0)
    return base.with_overrides(**over)


def _source(server: FeedState, interval: float = 600) -> Source:
    return Source("No 10 and MFA (test)", f"{server.base}/feed.xml", "test feed", None, interval)


def _outbox(settings: Settings) -> list[dict]:
    path = Path(settings.outbox)
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_first_side_then_other_side_with_etags_outbox_and_recovering_webhook(tmp_path: Path, server: FeedState,
                                                                             db_url: str) -> None:
    settings = _settings(tmp_path, server, db=db_url)  # SQLite and PostgreSQL
    clock = Clock(datetime(2018, 4, 19, 14, 0, tzinfo=UTC))
    watcher = Watcher(settings, [_source(server)], clock)
    _serve(server, UK)
    server.hook_failures = 5  # down for this pass (2 attempts) and the next (2), up on the 3rd's 2nd try

    first = watcher.run_pass()
    assert first.sources[0].status == "changed" and first.sources[0].new == 1
    [note] = first.notifications
    assert note["kind"] == "engagement.new"
    assert note["engagement"]["state"] == "awaiting"
    assert note["engagement"]["published"] == ["GBR"] and note["engagement"]["missing"] == ["CHN"]
    assert first.delivery.delivered == 0 and first.delivery.failed == 1  # ingest went on regardless
    [row] = list_engagements(settings, Filters(), "awaiting", now=clock())
    assert row["missing"] == "CHN"

    clock.advance(minutes=11)  # past the interval; the feed has not changed
    second = watcher.run_pass()
    assert second.sources[0].status == "not-modified", second.sources[0].detail
    feed_gets = [h for m, p, h in server.requests if m == "GET" and p == "/feed.xml"]
    assert "If-None-Match" not in feed_gets[0] and feed_gets[1]["If-None-Match"].startswith('"')
    assert second.notifications == () and second.delivery.failed == 1

    clock.advance(hours=10)
    _serve(server, CN)
    third = watcher.run_pass()
    assert third.sources[0].new == 1 and third.sources[0].known == 0  # No 10's item is not fetched again
    [flip] = third.notifications
    assert flip["kind"] == "engagement.published"
    assert flip["engagement"]["state"] == "both" and flip["engagement"]["published"] == ["CHN", "GBR"]
    assert third.delivery.delivered == 2 and third.delivery.failed == 0

    assert [n["kind"] for n in _outbox(settings)] == ["engagement.new", "engagement.published"]
    assert [json.loads(h["body"])["kind"] for h in server.hooks] == ["engagement.new", "engagement.published"]
    for hook in server.hooks:
        expected = "sha256=" + hmac.new(b"s3cret", hook["body"], hashlib.sha256).hexdigest()
        assert hook["headers"]["X-Parley-Signature"] == expected
    assert len([r for r in server.requests if r[0] == "POST"]) == 7  # 5 failures, 2 deliveries
    assert list_engagements(settings, Filters(), "awaiting", now=clock()) == []
    assert len(list_engagements(settings, Filters(), "both", now=clock())) == 1
    item_gets = [p for m, p, _h in server.requests if m == "GET" and p.startswith("/items/")]
    assert item_gets == [f"/items/{UK}.json", f"/items/{CN}.txt"]


def test_window_passes_without_the_other_side(tmp_path: Path, server: FeedState) -> None:
    settings = _settings(tmp_path, server, webhook_url="", awaiting_hours=24.0)
    clock = Clock(datetime(2018, 4, 19, 14, 0, tzinfo=UTC))
    watcher = Watcher(settings, [_source(server)], clock)
    _serve(server, UK)
    assert watcher.run_pass().notifications[0]["engagement"]["state"] == "awaiting"
    clock.advance(hours=35)  # the window opened at the end of 19 April (UTC): 24 h later is 21 April 00:00
    later = watcher.run_pass()
    [note] = later.notifications
    assert note["kind"] == "engagement.window_passed" and note["engagement"]["state"] == "one-sided"
    assert note["engagement"]["deadline"] == "2018-04-21T00:00:00+00:00"
    assert [r["state"] for r in list_engagements(settings, Filters(), now=clock())] == ["one-sided"]
    assert watcher.run_pass().notifications == ()  # nothing changed: nothing notified twice
    assert [n["kind"] for n in _outbox(settings)] == ["engagement.new", "engagement.window_passed"]


def test_failing_source_backs_off_and_honours_the_schedule(tmp_path: Path, server: FeedState) -> None:
    settings = _settings(tmp_path, server, webhook_url="")
    clock = Clock(datetime(2024, 1, 1, tzinfo=UTC))
    broken = Source("gone", f"{server.base}/missing.xml", "test", "GBR", 100)
    watcher = Watcher(settings, [broken], clock)
    report = watcher.run_pass()
    assert report.sources[0].status == "failed" and "404" in report.sources[0].detail
    with open_store(settings.db) as db:
        row = db.query("SELECT failures, next_at FROM watch_sources")[0]
    assert row["failures"] == 1
    assert datetime.fromisoformat(row["next_at"]) == clock() + timedelta(seconds=200)  # interval x 2^1
    clock.advance(seconds=150)
    assert watcher.run_pass().sources[0].status == "not-due"
    clock.advance(seconds=60)
    assert watcher.run_pass().sources[0].status == "failed"
    with open_store(settings.db) as db:
        assert db.query("SELECT failures FROM watch_sources")[0]["failures"] == 2


def test_loopback_is_refused_unless_allowed(tmp_path: Path, server: FeedState) -> None:
    settings = _settings(tmp_path, server, webhook_url="", allow_private=False)
    report = Watcher(settings, [_source(server)]).run_pass()
    assert report.sources[0].status == "failed" and "non-public" in report.sources[0].detail
    assert not [r for r in server.requests if r[1] == "/feed.xml"]


def test_long_running_watcher_picks_up_new_items_and_stops(tmp_path: Path, server: FeedState) -> None:
    settings = _settings(tmp_path, server, webhook_url="", awaiting_hours=24 * 365 * 30.0)
    watcher = Watcher(settings, [_source(server, interval=0.2)])
    _serve(server, UK)
    errors: list[Exception] = []
    thread = threading.Thread(target=watcher.run, kwargs={"on_error": errors.append}, daemon=True)
    thread.start()

    def wait_for(state: str) -> list[dict]:
        for _ in range(1800):  # generous: spaCy loads on a shared machine
            try:
                rows = list_engagements(settings, Filters(), state)
            except NoDatabaseError:  # a reader refuses a store the watcher has not created yet
                rows = []
            if rows:
                return rows
            time.sleep(0.1)
        raise AssertionError(f"no engagement became {state}; watcher errors: {errors}")

    assert wait_for("awaiting")[0]["published"] == "GBR"
    _serve(server, CN)
    assert wait_for("both")[0]["published"] == "CHN, GBR"
    watcher.stop()
    thread.join(60)
    assert not thread.is_alive()


def test_sigterm_stops_the_command_cleanly(tmp_path: Path, server: FeedState) -> None:
    for stem in (UK, CN, "d27"):
        _serve(server, stem)
    config = tmp_path / "parley.toml"
    config.write_text(f'db = "{tmp_path / "parley.db"}"\nallow_private = true\nwatch_host_delay = 0.0\n'
                      f'outbox = "{tmp_path / "events.jsonl"}"\n\n[[sources]]\nname = "test"\n'
                      f'url = "{server.base}/feed.xml"\npublisher = "test"\ninterval = 3600\n')
    env = {**os.environ, "PARLEY_CONFIG": str(config)}
    proc = subprocess.Popen([str(Path(sys.executable).parent / "parley"), "watch"], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()  # "pass 1: ..." once the first pass is done
    assert first.startswith("pass 1"), first + (proc.stderr.read() if proc.stderr else "")
    proc.send_signal(signal.SIGTERM)
    _out, errors = proc.communicate(timeout=60)
    assert proc.returncode == 0, errors
    with open_store(str(tmp_path / "parley.db")) as db:
        docs = db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"]
        items = db.query("SELECT COUNT(*) AS n FROM watch_items WHERE outcome = 'stored'")[0]["n"]
        missing = db.query("SELECT COUNT(*) AS n FROM events e LEFT JOIN documents d ON d.num = e.doc_num "
                           "WHERE d.id IS NULL")[0]["n"]
    assert docs == items == 3 and missing == 0
    assert len(Path(tmp_path / "events.jsonl").read_text().splitlines()) >= 1


def test_stop_between_items_commits_what_was_read_and_resumes(tmp_path: Path, server: FeedState) -> None:
    settings = _settings(tmp_path, server, webhook_url="")
    clock = Clock(datetime(2018, 4, 19, 14, 0, tzinfo=UTC))
    for stem in (UK, CN, "d27"):
        _serve(server, stem)
    watcher = Watcher(settings, [_source(server)], clock)
    server.on_item = watcher.stop  # SIGTERM arrives while the first item is being fetched
    report = watcher.run_pass()
    assert report.stopped and report.sources[0].new == 1
    with open_store(settings.db) as db:
        assert db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"] == 1
        assert db.query("SELECT COUNT(*) AS n FROM watch_items")[0]["n"] == 1
    server.on_item = None
    clock.advance(hours=1)
    again = Watcher(settings, [_source(server)], clock).run_pass()
    assert again.sources[0].new == 2 and not again.stopped
    with open_store(settings.db) as db:
        assert db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"] == 3


def test_example_config_lists_valid_official_sources() -> None:
    from parley.watch.sources import load_sources

    sources = load_sources(ROOT / "examples" / "parley.toml", Settings())
    countries = {s.country for s in sources}
    assert {"GBR", "USA", "FRA", "DEU", "ITA", "CAN", "JPN", "CHN", "IND", "RUS"} <= countries
    assert any("un.org" in s.url for s in sources) and any("nato.int" in s.url for s in sources)

"""The awaiting / one-sided list and the state on the engagement page, in chromium and over HTTP.

The database is built by the watcher from a loopback feed serving No 10's readout of the May–Xi
call (dev corpus d17) and, for the one-sided row, a Japanese MOFA readout of 2017 (d49)
whose counterpart never published; the app's clock is fixed so that the first is still awaiting.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from appserver import serving
from feedserver import feed_server
from parley.config import Settings
from parley.watch import Source, Watcher
from parley.web.app import create_app
from test_watch import Clock, _serve
from test_web_browser import FLAGS, SHOTS, _chromium

NOW = datetime(2018, 4, 20, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def states_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("states")
    with feed_server() as server:
        settings = Settings(db=str(tmp / "parley.db"), allow_private=True, outbox=str(tmp / "events.jsonl"),
                            watch_host_delay=0.0)
        _serve(server, "d49")  # a Japanese MOFA readout of February 2017: long one-sided by NOW
        _serve(server, "d17")  # No 10's readout of 19 April 2018: awaiting China at NOW
        Watcher(settings, [Source("test", f"{server.base}/feed.xml", "test", None, 600)], Clock(NOW)).run_pass()
    return settings.db


@pytest.fixture(scope="module")
def site(states_db: str) -> Iterator[str]:
    with serving(create_app(Settings(db=states_db), clock=lambda: NOW), "/awaiting") as base:
        yield base


def test_awaiting_page_lists_both_kinds_over_http(site: str) -> None:
    html = httpx.get(f"{site}/awaiting").text
    assert "Awaiting the other side" in html and "One-sided" in html
    awaiting, one_sided = html.split('data-state="awaiting"')[1].split('data-state="one-sided"')
    assert "Xi" in awaiting and "CHN" in awaiting and "2018-04-23" in awaiting
    assert "JPN" in one_sided


def test_awaiting_list_and_engagement_state_in_chromium(site: str) -> None:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1300, "height": 800})
        page.goto(site + "/")
        page.click("header a[href='/awaiting']")
        page.wait_for_selector("table.states")
        assert page.locator("table[data-state=awaiting] tr.state-awaiting").count() == 1
        assert page.locator("table[data-state=one-sided] tr.state-one-sided").count() == 1
        page.screenshot(path=str(SHOTS / "08-awaiting.png"), full_page=True)
        page.locator("table[data-state=awaiting] a.engagement-link").click()
        page.wait_for_selector("p.state")
        assert page.get_attribute("p.state", "data-state") == "awaiting"
        assert "missing CHN" in page.inner_text("p.state")
        page.screenshot(path=str(SHOTS / "09-engagement-awaiting.png"), full_page=True)
        browser.close()
    assert (SHOTS / "08-awaiting.png").stat().st_size > 0
    assert Path(SHOTS / "09-engagement-awaiting.png").exists()

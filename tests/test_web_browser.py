"""The web UI in a real browser: Debian's chromium driven by Playwright, against a live server.

Screenshots of every page visited go to ``artifacts/screenshots/``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from appserver import serving
from conftest import ROOT
from parley.config import Settings
from parley.web.app import create_app

SHOTS = ROOT / "artifacts" / "screenshots"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    path = os.environ.get("PARLEY_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("PARLEY_REQUIRE_BROWSER"):
            pytest.fail("PARLEY_REQUIRE_BROWSER is set but no chromium was found")
        pytest.skip("no chromium (apt-get install chromium, or run scripts/test)")
    return path


@pytest.fixture(scope="module")
def server(corpus_db: str) -> Iterator[str]:
    with serving(create_app(Settings(db=corpus_db)), "/api/engagements") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    path = _chromium()
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=FLAGS, headless=True)
        yield b
        b.close()


def _shot(page: object, name: str) -> Path:
    target = SHOTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)  # type: ignore[attr-defined]
    return target


def test_home_to_comparison_to_source_in_three_clicks(server: str, browser: object) -> None:
    pair = next(e for e in httpx.get(f"{server}/api/engagements", params={"limit": 100}).json()["items"]
                if e["reports"] >= 2)
    page = browser.new_page(viewport={"width": 1300, "height": 900})  # type: ignore[attr-defined]
    page.goto(server + "/")
    assert page.locator(".counts").is_visible()
    _shot(page, "01-home")
    page.click(f'a[href="/engagements/{pair["id"]}"]')  # click 1: the comparison
    page.wait_for_selector(".side")
    assert page.locator(".side").count() >= 2
    assert page.locator(".side mark").count() > 0
    assert page.locator(".topic").count() > 0
    _shot(page, "02-engagement")
    page.locator(".side a.doc-link").first.click()  # click 2: one readout's document page
    page.wait_for_selector("#text")
    assert page.locator("#text mark.event").count() >= 1
    assert page.locator("#text mark.statement").count() >= 1
    title = page.locator("#text mark").first.get_attribute("title")
    assert title and "(" in title  # the rule that found it
    _shot(page, "03-document")
    page.locator("table a[href^='#ev']").first.click()  # click 3: jump to the evidence in the text
    assert page.url.endswith("#ev0")
    page.close()


def test_person_dyad_and_search_pages(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1300, "height": 900})  # type: ignore[attr-defined]
    page.goto(server + "/people")
    page.click("text=Boris Johnson")
    page.wait_for_selector("h1")
    assert "Boris Johnson" in page.inner_text("h1")
    assert "Prime Minister" in page.inner_text("main") or "head of government" in page.inner_text("main")
    _shot(page, "04-person")
    page.goto(server + "/dyads/GBR/JPN")
    assert page.locator(".chart svg").count() == 1 and page.locator("svg.network circle").count() >= 2
    _shot(page, "05-dyad")
    page.fill("input[type=search]", "Kishida")
    page.press("input[type=search]", "Enter")
    page.wait_for_selector(".results")
    assert page.locator(".results li").count() >= 1 and page.locator(".results mark").count() >= 1
    _shot(page, "06-search")
    page.close()


def test_hostile_document_runs_no_script(server: str, browser: object) -> None:
    docs = httpx.get(f"{server}/api/documents", params={"limit": 100}).json()["items"]
    hostile = next(d for d in docs if "script" in (d["title"] or ""))
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in [f"/documents/{hostile['id']}", "/", "/documents", "/search?q=pwned",
                 f"/people/{'narendra-modi@IND'}"]:
        page.goto(server + path)
        page.mouse.move(200, 300)
        for mark in page.locator("mark").all()[:5]:
            mark.hover()
        assert page.evaluate("window.__pwned") is None, path
    assert dialogs == []
    page.goto(f"{server}/documents/{hostile['id']}")
    assert page.locator("text=<script>window.__pwned = 1</script>").count() >= 1  # shown as text
    _shot(page, "07-hostile-document")
    page.close()

"""Ingest: golden metadata and clean text on the real dev documents; every bad input rejected
with its reason while the good inputs of the same run are still read."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.config import Settings
from parley.ingest import read_inputs
from parley.model import Document, Rejected

CHROME = ["Sign Up", "Sign up for daily", "cookies", "Share this page", "Related content",
          "Privacy", "Terms and conditions", "Subscribe"]


@pytest.fixture(scope="module")
def dev_documents(dev_docs: Path) -> dict[str, Document]:
    out = {}
    for item in read_inputs([str(dev_docs)], Settings()):
        assert isinstance(item, Document), item
        out[Path(item.source).stem] = item
    return out


def test_every_dev_document_is_read(dev_documents: dict[str, Document], gold: dict[str, dict]) -> None:
    assert set(dev_documents) == set(gold)


@pytest.mark.parametrize("field", ["title", "publisher", "published"])
def test_metadata_matches_the_gold(dev_documents: dict[str, Document], gold: dict[str, dict],
                                   field: str) -> None:
    wrong = {stem: (getattr(doc, field), gold[stem]["doc"].get(field))
             for stem, doc in dev_documents.items()
             if (getattr(doc, field) or None) != (gold[stem]["doc"].get(field) or None)}
    assert not wrong


def test_site_chrome_is_gone(dev_documents: dict[str, Document]) -> None:
    for stem, doc in dev_documents.items():
        for phrase in CHROME:
            assert phrase not in doc.text, (stem, phrase)


def test_text_header_lines_are_not_body(dev_documents: dict[str, Document]) -> None:
    doc = dev_documents["d03"]
    assert doc.text.startswith("BEIJING, Oct. 18 (Xinhua)")
    assert "Source:" not in doc.text
    founding = dev_documents["000_98c4913a90fb112d"]
    assert founding.text.startswith("Beijing, January 20th")


def test_ids_are_stable_and_distinct(dev_documents: dict[str, Document], dev_docs: Path) -> None:
    again = {Path(d.source).stem: d.id for d in read_inputs([str(dev_docs)], Settings())
             if isinstance(d, Document)}
    assert again == {stem: d.id for stem, d in dev_documents.items()}
    assert len(set(again.values())) == len(again)


# -- bad inputs ---------------------------------------------------------------------------------

GOOD = "Foreign Secretary David Lammy met Foreign Minister Wang Yi in Beijing today. They discussed trade."


@pytest.fixture
def messy_folder(tmp_path: Path) -> Path:
    (tmp_path / "a_good.txt").write_text("Readout of a meeting\n2024.10.18 / Source: FCDO\n\n" + GOOD)
    (tmp_path / "b_empty.txt").write_text("")
    (tmp_path / "c_binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(range(256)))
    (tmp_path / "d_latin1.txt").write_bytes("Réunion à Pékin\n\nLe ministre a rencontré".encode("latin-1"))
    (tmp_path / "e_truncated.html").write_text("<html><head><title>Cut</title></head><body><p>The Prime "
                                               "Minister spoke to")
    (tmp_path / "f_huge.txt").write_bytes(b"a" * (50 * 1024 * 1024))
    (tmp_path / "g_no_text.json").write_text(json.dumps({"title": "No body", "published": "2024-01-01"}))
    (tmp_path / "h_bad.json").write_text("{not json")
    (tmp_path / "i_german.txt").write_text("Der Bundeskanzler sprach heute mit dem chinesischen Präsidenten "
                                           "über Handel, Klimaschutz und die Lage in der Ukraine, teilte "
                                           "das Bundespresseamt mit. Beide Seiten vereinbarten weitere Gespräche.")
    (tmp_path / "j_good.jsonl").write_text(json.dumps({"title": "T", "text": GOOD + " Again."}) + "\n")
    return tmp_path


def test_bad_inputs_are_rejected_with_reasons(messy_folder: Path) -> None:
    items = list(read_inputs([str(messy_folder)], Settings()))
    docs = [i for i in items if isinstance(i, Document)]
    rejected = {Path(i.source.split("#")[0]).name: i for i in items if isinstance(i, Rejected)}
    assert sorted(Path(d.source.split("#")[0]).name for d in docs) == ["a_good.txt", "j_good.jsonl"]
    assert {name: r.reason for name, r in rejected.items()} == {
        "b_empty.txt": "empty", "c_binary.html": "binary", "d_latin1.txt": "undecodable",
        "e_truncated.html": "truncated", "f_huge.txt": "too-large", "g_no_text.json": "no-text",
        "h_bad.json": "invalid-json", "i_german.txt": "not-english",
    }
    for r in rejected.values():
        line = r.line()
        assert "\n" not in line and str(messy_folder) in line


def test_missing_path_is_rejected() -> None:
    items = list(read_inputs(["/no/such/file.txt"], Settings()))
    assert [(type(i), getattr(i, "reason", "")) for i in items] == [(Rejected, "missing")]


# -- URLs ---------------------------------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/readout.html":
            body = (f"<html><head><title>Readout</title><meta property='og:site_name' content='FCDO'>"
                    f"</head><body><article><p>{GOOD}</p><p>{GOOD}</p></article></body></html>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        elif self.path == "/feed.xml":
            port = self.server.server_address[1]
            body = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title><item><title>R</title>"
                    f"<link>http://127.0.0.1:{port}/readout.html</link></item><item><title>Gone</title>"
                    f"<link>http://127.0.0.1:{port}/missing.html</link></item></channel></rss>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        else:
            body = b"not found"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_loopback_urls_are_refused_unless_allowed(server: str) -> None:
    items = list(read_inputs([f"{server}/readout.html"], Settings()))
    assert len(items) == 1 and isinstance(items[0], Rejected) and items[0].reason == "refused"
    allowed = list(read_inputs([f"{server}/readout.html"], Settings(allow_private=True)))
    assert isinstance(allowed[0], Document) and allowed[0].publisher == "FCDO"


def test_unreachable_urls_are_reported_and_the_rest_read(server: str, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    settings = Settings(allow_private=True, max_redirects=3, fetch_timeout=5)
    items = list(read_inputs([f"{server}/missing.html", f"http://127.0.0.1:{_closed_port()}/x",
                              f"{server}/loop", str(good), "ftp://example.org/x"], settings))
    kinds = [(type(i).__name__, getattr(i, "reason", "")) for i in items]
    assert kinds == [("Rejected", "unreachable"), ("Rejected", "unreachable"), ("Rejected", "refused"),
                     ("Document", ""), ("Rejected", "unsupported")]
    assert "HTTP 404" in items[0].detail  # type: ignore[union-attr]
    assert "redirects" in items[2].detail  # type: ignore[union-attr]


def test_feed_items_are_fetched(server: str) -> None:
    items = list(read_inputs([f"{server}/feed.xml"], Settings(allow_private=True)))
    assert [type(i).__name__ for i in items] == ["Document", "Rejected"]

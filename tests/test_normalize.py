"""The text normaliser and document id: properties that must hold for any input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parley.ingest.normalize import document_id, english_ratio, is_chrome, normalize_text, strip_chrome

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


@given(texts)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(texts)
def test_normalized_text_has_one_kind_of_line_break_and_no_blank_runs(text: str) -> None:
    out = normalize_text(text)
    assert "\r" not in out
    assert "\n\n\n" not in out
    assert out == out.strip()
    assert all(line == line.strip() for line in out.split("\n"))


@given(texts.map(lambda t: t.replace("\r", "")), st.sampled_from(["\r\n", "\r", "\n"]))
def test_line_endings_do_not_change_the_id(text: str, newline: str) -> None:
    """The same text saved with Unix, Windows or old Mac line endings is one document."""
    body = "Lu Kang met Jonathan Allen.\n\n" + text
    assert document_id(normalize_text(body)) == document_id(normalize_text(body.replace("\n", newline)))


@given(texts)
def test_strip_chrome_never_adds_text(text: str) -> None:
    out = strip_chrome(text)
    assert len(out) <= len(normalize_text(text))
    assert strip_chrome(out) == out


def test_chrome_lines_go_and_sentences_mentioning_the_words_stay() -> None:
    text = ("Subscribe\n\nThe Prime Minister spoke to President Xi.\n\nSign Up for Daily Headlines\n\n"
            "Sign up to receive a daily email of today's top military news stories.\n\nSign Up Now\n\n"
            "They agreed to subscribe to the consensus and share this page of history.")
    out = strip_chrome(text)
    assert "Sign Up" not in out and not out.startswith("Subscribe")
    assert "The Prime Minister spoke to President Xi." in out
    assert "They agreed to subscribe" in out
    assert is_chrome("Share this page: Facebook X Email")
    assert not is_chrome("The leaders agreed to share intelligence.")


def test_english_ratio_separates_languages() -> None:
    assert english_ratio("The Prime Minister spoke to the President of China and they agreed that") > 0.3
    assert english_ratio("Der Bundeskanzler sprach mit dem chinesischen Präsidenten über Handel") < 0.08


def test_source_and_photo_credit_lines_are_chrome() -> None:
    text = "[Source: Fiji Government/ Facebook]\n\nPrime Minister Sitiveni Rabuka met his Samoan counterpart.\n" \
           "Photo: Reuters\nThe photo shows the two leaders."
    assert strip_chrome(text) == "Prime Minister Sitiveni Rabuka met his Samoan counterpart.\n" \
                                 "The photo shows the two leaders."

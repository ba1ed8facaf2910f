"""Text normalisation, site-chrome removal, language check and the document id.

The document id is the sha256 of the *normalised* text, so the same readout saved twice (CRLF vs
LF, a trailing newline, a cookie banner kept by one copy) is one document.  Normalisation is
idempotent: ``normalize(normalize(t)) == normalize(t)``; the property tests hold it to that.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_MANY_BREAKS = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """NFC, one kind of line break, no zero-width or control characters, tidy blank lines."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _MANY_BREAKS.sub("\n\n", text).strip()


def document_id(normalized_text: str) -> str:
    """Stable id of a document: sha256 of its normalised text, hex."""
    return hashlib.sha256(normalized_text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _chrome_patterns() -> tuple[re.Pattern[str], ...]:
    raw = resources.files("parley.data").joinpath("chrome.json").read_text(encoding="utf-8")
    return tuple(re.compile(p, re.IGNORECASE) for p in json.loads(raw)["line_patterns"])


def is_chrome(line: str) -> bool:
    """True for a line that is site furniture (subscribe prompts, share boxes, cookie banners)."""
    stripped = line.strip()
    return bool(stripped) and any(p.fullmatch(stripped) for p in _chrome_patterns())


def strip_chrome(text: str) -> str:
    """Drop whole lines of site chrome that extractors such as trafilatura keep."""
    kept = [line for line in normalize_text(text).split("\n") if not is_chrome(line)]
    return normalize_text("\n".join(kept))


# The commonest English function words: cheap, dependency-free evidence that a text is English.
_ENGLISH = frozenset(
    [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by",
        "it", "be", "at", "from", "are", "this", "has", "have", "his", "her", "their", "its", "an",
        "or", "which", "were", "will", "would", "said", "he", "she", "they", "not", "but", "also",
        "two", "both",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_ratio(text: str) -> float:
    """Share of words that are common English function words (about 0.3 to 0.5 in English prose)."""
    words = _WORD.findall(text.lower()[:20000])
    if not words:
        return 0.0
    return sum(w in _ENGLISH for w in words) / len(words)


def looks_english(text: str, threshold: float = 0.08) -> bool:
    """Short texts pass (too little evidence); longer ones need enough English function words."""
    words = _WORD.findall(text[:20000])
    if len(words) < 12:
        return True
    return english_ratio(text) >= threshold

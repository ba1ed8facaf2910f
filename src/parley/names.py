"""One key per person name, whatever the transliteration.

English texts spell the same Russian, Ukrainian, Arabic or Persian name several ways: "Zelenskiy",
"Zelensky" and "Zelenskyy"; "Sergey" and "Sergei"; "Mohammed", "Mohamed" and "Muhammad";
"Amir-Abdollahian" and "Amirabdollahian".  The differences follow a few general rules (the
romanisation of a final -ий/-ій, of -ей, of the vowels of Arabic names, and hyphenation), so the
key applies those rules rather than listing people: two spellings with the same key are taken to
be one name.  The extractor matches names to the office-holder registry and to each other by key,
and the store derives a person's id from it, so one person keeps one id across documents.
"""

from __future__ import annotations

import re
import unicodedata

# Romanisations of one Arabic given name (and its short forms in Gulf usage).
_FAMILIES: dict[str, str] = {
    variant: "muhammad"
    for variant in ("mohammed", "mohamed", "muhammad", "mohammad", "muhammed", "mohamad", "mohammod",
                    "muhamad", "mohamud", "mohd", "mhd")
}
_FAMILIES.update({v: "abdullah" for v in ("abdallah", "abdulla", "abdullah", "abdalla")})
_FAMILIES.update({v: "abdulaziz" for v in ("abdelaziz", "abdul aziz", "abdulaziz", "abdel aziz")})
_FAMILIES.update({v: "hussein" for v in ("husain", "hussain", "husayn", "hussein", "hosein", "hossein")})
_FAMILIES.update({v: "yusuf" for v in ("yousef", "youssef", "yusuf", "yousuf", "yussef")})
_FAMILIES.update({v: "khalid" for v in ("khaled", "khalid")})


def fold(text: str) -> str:
    """ASCII lower case ("Erdoğan" -> "erdogan")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _token(token: str) -> str:
    token = _FAMILIES.get(token, token)
    if len(token) > 3:
        token = re.sub(r"(?:iy|yy|ii|ij|yi)$", "i", token)  # Zelenskiy, Zelenskyy, Dmitrii -> -i
        token = re.sub(r"(?<=[^aeiouy])y$", "i", token)  # Zelensky, Dmitry -> -i
        token = re.sub(r"ey$", "ei", token)  # Sergey, Alexey, Andrey -> -ei
    return token


def name_tokens(name: str) -> tuple[str, ...]:
    """The key's tokens: folded, hyphens as spaces, each token romanisation-normalised."""
    text = re.sub(r"[^a-z0-9\s-]", " ", fold(name)).replace("-", " ")
    return tuple(_token(t) for t in text.split())


def name_key(name: str) -> str:
    """The transliteration-insensitive key of a name ("Zelenskiy" and "Zelenskyy" share one)."""
    return " ".join(name_tokens(name))


def squashed(name: str) -> str:
    """The key without spaces, so that "Amir-Abdollahian" and "Amirabdollahian" meet."""
    return name_key(name).replace(" ", "")

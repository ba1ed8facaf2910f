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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parley.extract.knowledge import Knowledge

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


_TRANSLITERATIONS = str.maketrans({"ø": "oe", "ö": "oe", "ü": "ue", "ä": "ae", "å": "aa", "ß": "ss", "æ": "ae"})


def ascii_spelling(text: str) -> str:
    """The way English copy writes a name without its letters ("Støre" -> "stoere",
    "Müller" -> "mueller"), lower case: a spelling of the same name, not another name."""
    return fold(text.lower().translate(_TRANSLITERATIONS))


def _token(token: str) -> str:
    token = _FAMILIES.get(token, token)
    if len(token) > 3:
        # Zelenskiy, Zelenskyy, Dmitrii -> -i; to a fixed point, so that a key's key is itself ("-iii")
        while len(token) > 3 and (shorter := re.sub(r"(?:iy|yy|ii|ij|yi)$", "i", token)) != token:
            token = shorter
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


# Words of Arabic and European names that do not tell people apart ("bin", "Al", "von").
_PARTICLES = {"bin", "ibn", "bint", "al", "el", "ul", "de", "da", "di", "van", "von", "der", "la", "le", "abu"}
_VARIANTS: dict[int, tuple[dict[str, set[str]], dict[str, list[tuple[frozenset[str], str]]]]] = {}


def one_letter_apart(a: str, b: str) -> bool:
    """Two spellings of one name, one letter swapped, added or dropped ("Hissain"/"Hissein",
    "Kao"/"Kau"): how one document's transliterations of a name differ."""
    if a == b or abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


# Spellings of one name that romanisations keep apart and the registry should not: French and
# Russian "dj"/"dzh" for English "j" ("Sirodjiddin", "Dzhaparov"), Armenian "-ian"/"-yan", and the
# Somali and Urdu forms of Mahmud.  Used to find registry people only: stored ids keep :func:`name_key`.
_DJ = re.compile(r"dzh|dj")
_LOOSE_FAMILIES = {v: "mahmud" for v in ("mahmoud", "mahmud", "mohamud", "mahmood", "mehmood", "mehmud")} | {
    "edward": "eduard"}  # (Armenian and Georgian given names written the English way)
_ARMENIAN = re.compile(r"(?<=\w{3})ian$")  # "Nalbandian" and "Nalbandyan", "Kocharian" and "Kocharyan"


def loose_key(name: str) -> str:
    """A looser transliteration key than :func:`name_key`, for registry lookups."""
    out = []
    for token in re.sub(r"[^a-z0-9\s-]", " ", fold(name)).replace("-", " ").split():
        token = _ARMENIAN.sub("yan", _DJ.sub("j", token))
        out.append(_LOOSE_FAMILIES.get(token) or _token(token))
    return " ".join(out)


def same_head(a: str, b: str) -> bool:
    """Two names one of whose words hold the other's, that may be one person: one word ("Xi"), or
    the same first word ("Mohammed bin Salman" of "Mohammed bin Salman Al Saud"); not a father's
    name inside the son's ("Salman bin Abdulaziz" in "Mohammad bin Salman bin Abdulaziz")."""
    wa, wb = ([w for w in fold(n).split() if "." not in w and w not in _STYLES] for n in (a, b))
    short, long = sorted((wa, wb), key=len)
    tail = long[-len(short):] == short and len(long) > len(short) and long[-len(short) - 1] not in {
        "bin", "ibn", "bint", "ben"}  # "López Obrador" of "Andrés Manuel López Obrador", not a father's name
    return min(len(wa), len(wb)) < 2 or wa[0] == wb[0] or wa[0] in _LEADS or wb[0] in _LEADS or tail


_LEADS = _PARTICLES | {"do", "dos", "das", "du", "del", "della", "ter", "ten", "st"}  # "Do Santos"
_STYLES = {"sheikh", "sheikha", "shaikh", "his", "her", "highness", "excellency", "hh", "he", "prince", "king",
           "emir", "amir", "sultan", "crown", "president", "minister", "prime", "dr", "mr", "mrs", "ms"}


def near_spelling(a: str, b: str) -> bool:
    """Full names of three or more letters a token that differ in one token by one letter, the
    others equal: one person written two ways in one text."""
    ta, tb = name_tokens(a), name_tokens(b)
    if len(ta) != len(tb) or len(ta) < 2:
        return False
    differ = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
    return len(differ) == 1 and min(len(differ[0][0]), len(differ[0][1])) >= 3 and one_letter_apart(*differ[0])


def _variant_index(kb: Knowledge) -> tuple[dict[str, set[str]], dict[str, list[tuple[frozenset[str], str]]]]:
    """The registry's names and aliases by transliteration key, and their distinctive words by each
    word (a name's variants share at least one), built once per knowledge base."""
    if id(kb) not in _VARIANTS:
        by_key: dict[str, set[str]] = {}
        by_word: dict[str, list[tuple[frozenset[str], str]]] = {}
        for alias, canonical in kb.person_aliases.items():
            by_key.setdefault(name_key(alias), set()).add(canonical)
            by_key.setdefault(squashed(alias), set()).add(canonical)
            by_key.setdefault(loose_key(alias), set()).add(canonical)
            distinctive = frozenset(name_tokens(alias)) - _PARTICLES
            if len(distinctive) >= 2:
                for word in distinctive:
                    by_word.setdefault(word, []).append((distinctive, canonical))
        _VARIANTS[id(kb)] = (by_key, by_word)
    return _VARIANTS[id(kb)]


def registry_variant(kb: Knowledge, name: str, country: str | None = None) -> str | None:
    """The registry person a spelling variant names: the same transliteration key ("Zelenskiy"
    for "Zelenskyy", "Sergei" for "Sergey"), or, for names of two or more distinctive words, the
    one registry name whose words contain the text's or are contained in them ("Mohamed bin
    Zayed" and "Mohammed bin Zayed bin Sultan Al Nahyan")."""
    by_key, by_word = _variant_index(kb)

    def fits(candidates: set[str]) -> str | None:
        if country:
            candidates = {c for c in candidates if kb.person_country.get(c) in (country, None)}
        return next(iter(candidates)) if len(candidates) == 1 else None

    for key in (name_key(name), squashed(name), loose_key(name)):
        if key in by_key:
            return fits(by_key[key])
    words = frozenset(name_tokens(name)) - _PARTICLES
    if len(words) < 2:
        return None
    return fits({c for w in words for tokens, c in by_word.get(w, ()) if words <= tokens or tokens <= words})


_VOWELS = set("aeiouy")


def typing_slip(typed: str, meant: str) -> bool:
    """One letter apart the way a typing slip is ("Artern", "Vincenr", "Tsipra", "Anthony"), or two
    neighbouring letters swapped ("Christodouldies"); not the way romanisations differ: another
    vowel inside the word ("Omer" for "Omar"), a doubled letter ("Dennis", "Muttaqi") or an added
    "h" ("Bidhya") is the writer's spelling of the name."""
    if len(typed) == len(meant):
        differ = [i for i, (x, y) in enumerate(zip(typed, meant, strict=True)) if x != y]
        if len(differ) == 2 and len(typed) >= 5:
            i, k = differ
            return k == i + 1 and (typed[i], typed[k]) == (meant[k], meant[i])  # two letters swapped
        if len(differ) != 1 or typed[:1] != meant[:1]:
            return False
        i = differ[0]
        return i == len(typed) - 1 or not {typed[i], meant[i]} & _VOWELS  # a consonant, or the last letter
    if not one_letter_apart(typed, meant):
        return False
    short, long = sorted((typed, meant), key=len)
    if long.startswith(short):
        return True  # a last letter dropped or added
    i = next(i for i, (x, y) in enumerate(zip(short, long[:-1], strict=True)) if x != y)
    return i > 0 and long[i] == "h" and long[i - 1] == "t"  # "th" for "t": English spelling of a Greek name


def registry_typo(kb: Knowledge, name: str, on: str | None, country: str | None = None) -> str | None:
    """The registry person a misspelt full name stands for: every word of the text's name is a
    word of one registry name, one of them with a letter swapped, added or dropped ("Jacinda
    Artern", "Anthony Blinken", "Jawad Zarif" for "Mohammad Javad Zarif"), and that person held
    an office within two years of the document's day, for the state the text gives them
    (``country``) if it gives one. A typing slip, not another romanisation (those are keys of
    :func:`registry_variant`), so the registry's spelling is the one to show. The slipped word
    has five letters or more: "Asim" and "Asif" are two names, not one mistyped."""
    if not on:
        return None
    words = [w for w in name_tokens(name) if w not in _PARTICLES]
    if len(words) < 2:
        return None
    by_word = _variant_index(kb)[1]
    found: set[str] = set()
    for exact in {w for w in words if len(w) >= 4}:
        for tokens, canonical in by_word.get(exact, ()):
            rest = [w for w in words if w not in tokens]
            if len(rest) == 1 and len(rest[0]) >= 5 and any(typing_slip(rest[0], t) for t in tokens - set(words)):
                found.add(canonical)
    if len(found) != 1:
        return None
    person = found.pop()
    if country and kb.person_country.get(person) not in (country, None):
        return None
    day, year = (on + "-01-01")[:10], int(on[:4])
    if any(t.start <= f"{year + 1}{day[4:]}" and (t.end is None or t.end >= f"{year - 2}{day[4:]}")
           for t in kb.terms_of(person)):
        return person
    return None

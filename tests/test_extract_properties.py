"""Properties of the extractor on generated readout-like text: it never fails, every fact's
evidence is a real span of the text, and the output always honours the contract's vocabulary."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from parley.extract import Extractor
from parley.ingest.formats import make_document
from parley.model import EVENT_TYPES, MODALITIES, Document

WORDS = ["The", "Prime", "Minister", "President", "Xi", "Jinping", "met", "spoke", "to", "with", "visited",
         "China", "Japan", "Beijing", "London", "today", "on", "Friday", "said", "he", "she", "they", "agreed",
         "trade", "climate", "security", "Taiwan", "Ukraine", "the", "leaders", "discussed", "will", "visit",
         "could", "if", "Foreign", "Secretary", "Wang", "Yi", "Antony", "Blinken", "call", "meeting", "talks",
         "(", ")", ",", ".", ":", "\n\n", "’s", "'s", "“", "”", "Mr.", "H.E.", "Rt", "Hon", "MP", "May", "2024",
         "Oct.", "18", "--", "—", "BEIJING", "Readout"]
TOPICS = {"bilateral_relations", "trade_investment", "finance", "climate_environment", "technology_ai",
          "security_defence", "human_rights", "hong_kong", "taiwan", "xinjiang_tibet", "ukraine_russia",
          "middle_east", "korean_peninsula", "maritime", "people_to_people", "party_to_party",
          "international_affairs", "health", "development", "nonproliferation", "cyber", "migration",
          "law_enforcement"}

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=120).map(" ".join)
titles = st.one_of(st.none(), st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join))
published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, title=titles, day=published)
@example(text="Xi Xi meeting Xi", title=None, day=None)  # a name that grows after it was mentioned
def test_extraction_is_total_and_grounded(extractor: Extractor, text: str, title: str | None,
                                          day: str | None) -> None:
    doc = make_document("gen.txt", text, title=title, published=day,
                        publisher="UK Prime Minister's Office (10 Downing Street)", min_english_ratio=0.0)
    if not isinstance(doc, Document):
        return
    x = extractor.extract(doc)
    primaries = [e for e in x.events if e.primary]
    assert len(primaries) <= 1
    for e in x.events:
        assert e.type in EVENT_TYPES and e.modality in MODALITIES
        assert e.participants and all(p.name for p in e.participants)
        assert e.date is None or len(e.date) in (7, 10)
        for ev in e.evidence:
            assert 0 <= ev.start <= ev.end <= len(doc.text) and doc.text[ev.start:ev.end] == ev.text
    for s in x.statements:
        assert set(s.topics) <= TOPICS and s.speaker.name
        for ev in s.evidence:
            assert doc.text[ev.start:ev.end] == ev.text

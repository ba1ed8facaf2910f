"""Event recall: engagements English tells in ways the first rules missed (meetings of the
document's own person named only by a reference, hosting, dates between auxiliary and verb, ...).
Every sentence here is written for the test."""

from __future__ import annotations

from parley.extract import Extractor
from parley.ingest.formats import make_document
from parley.model import Document, Extraction


def run(extractor: Extractor, text: str, **meta: str) -> Extraction:
    doc = make_document("t.txt", text, **meta)
    assert isinstance(doc, Document)
    return extractor.extract(doc)


def pairs(x: Extraction, kind: str = "MEET") -> set[frozenset[str]]:
    return {frozenset(p.name.split()[-1] for p in e.participants) for e in x.events if e.type == kind}


def test_a_reference_to_the_documents_person_meets_each_counterpart(extractor: Extractor) -> None:
    # "the Japanese leader" names no one: the document's own person meets each of the two
    x = run(extractor, "Japanese Prime Minister Shinzo Abe spoke with U.S. President Donald Trump on "
            "Saturday. Abe said he will raise the issue during his visit to China from Monday, where "
            "the Japanese leader is slated to meet with Chinese President Xi Jinping and South Korean "
            "President Moon Jae-in.", publisher="Example Press", published="2019-12-21")
    found = pairs(x)
    assert frozenset({"Abe", "Jinping"}) in found and frozenset({"Abe", "Jae-in"}) in found
    assert frozenset({"Jinping", "Jae-in"}) not in found
    assert all(e.modality == "planned" for e in x.events if e.type == "MEET")


def test_meetings_on_an_agenda_are_the_documents_persons(extractor: Extractor) -> None:
    x = run(extractor, "Federal Councillor Ignazio Cassis will travel to Washington this week. Cassis "
            "will discuss trade. Other topics on the agenda for meetings with Mr John Bolton on "
            "Wednesday and Mr Mike Pompeo on Thursday include the protecting power mandates.",
            publisher="Example Ministry", published="2019-02-05")
    found = pairs(x)
    assert frozenset({"Cassis", "Bolton"}) in found and frozenset({"Cassis", "Pompeo"}) in found
    assert frozenset({"Bolton", "Pompeo"}) not in found


def test_talks_between_two_named_people_stay_theirs(extractor: Extractor) -> None:
    x = run(extractor, "President Hassan Rouhani spoke at the assembly. A source said the United States "
            "reached out after positive talks between Secretary of State John Kerry and Iranian Foreign "
            "Minister Mohammad Javad Zarif.", publisher="Example Press", published="2013-09-27")
    assert frozenset({"Kerry", "Zarif"}) in pairs(x)
    assert not any("Rouhani" in p for p in pairs(x))

"""Extract: engagements, participants, dates, places, modality and statements from Documents."""

from parley.extract.pipeline import Extractor, analyse, extract_documents

__all__ = ["Extractor", "analyse", "extract_documents"]

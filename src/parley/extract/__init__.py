"""Extract: engagements, participants, dates, places, modality and statements from Documents.

The pipeline imports spaCy, which takes seconds: it is loaded on first use of one of its names
(PEP 562), so that modules needing only ``parley.extract.knowledge`` (the watcher, the CLI's
start-up) do not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parley.extract.pipeline import Extractor, analyse, extract_documents

__all__ = ["Extractor", "analyse", "extract_documents"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from parley.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'parley.extract' has no attribute {name!r}")

"""The topics a statement raises: cue patterns of ``data/topic_cues.json`` with their vetoes,
place names of a participant's own country waived, and regional wording ("developments in the
region") that raises a region's topic only when a participant is from it.  Split from
:mod:`parley.extract.statements`.
"""

from __future__ import annotations

import re
from functools import cache

from parley.extract.knowledge import Knowledge, _load


@cache
def _regional() -> tuple[tuple[str, frozenset[str], re.Pattern[str]], ...]:
    """Topics raised by regional wording ("developments in the region") when a participant is
    from one of the topic's countries."""
    cues = _load("topic_cues.json")["topics"]
    return tuple((slug, frozenset(spec["regional"]["countries"]),
                  re.compile(r"\b(?:" + "|".join(spec["regional"]["cues"]) + r")\b", re.IGNORECASE))
                 for slug, spec in cues.items() if spec.get("regional"))


@cache
def _party_waived() -> frozenset[str]:
    """Topics for which naming a participant's own country is not raising the topic."""
    cues = _load("topic_cues.json")["topics"]
    return frozenset(slug for slug, spec in cues.items() if spec.get("party_names_are_not_cues"))


def topics_of(text: str, kb: Knowledge, own: frozenset[str] | set[str] = frozenset()) -> tuple[str, ...]:
    """Topics whose cues occur in the text and are not vetoed by an exclusion.

    ``own`` holds the countries of the engagement's participants: naming the other side's country
    ("talks with Iranian President Rouhani") is not raising that country as a regional issue, for
    the topics whose data marks them so (``party_names_are_not_cues``).
    """
    found = []
    waived = _party_waived()
    for slug, (cue, exclude) in kb.topic_cues.items():
        vetoed: list[tuple[int, int]] | None = None  # the exclusions are looked for only once a cue is there
        for m in cue.finditer(text):
            if own and slug in waived and kb.countries.get(m.group(0)) in own:
                continue
            if vetoed is None:
                vetoed = [(x.start(), x.end()) for x in exclude.finditer(text)] if exclude else []
            if not any(s <= m.start() and m.end() <= e for s, e in vetoed):
                found.append(slug)
                break
    for slug, countries, regional in _regional():
        if slug not in found and own & countries and regional.search(text):
            found.append(slug)
    return tuple(found)

"""Stable ids for stored actors, shared by the writers of the tables and of the search index."""

from __future__ import annotations

import re
import unicodedata

from parley.model import Actor


def actor_key(actor: Actor) -> str:
    """A stable id for an actor: the ASCII-folded lower-case name, plus the country."""
    folded = unicodedata.normalize("NFKD", actor.name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "unknown"
    return f"{slug}@{actor.country or 'none'}"

"""Stable ids for stored actors, shared by the writers of the tables and of the search index."""

from __future__ import annotations

import re

from parley.model import Actor
from parley.names import name_key


def actor_key(actor: Actor) -> str:
    """A stable id for an actor: the name's transliteration key (so "Zelenskiy" and "Zelenskyy"
    are one person), plus the country."""
    slug = re.sub(r"[^a-z0-9]+", "-", name_key(actor.name)).strip("-") or "unknown"
    return f"{slug}@{actor.country or 'none'}"

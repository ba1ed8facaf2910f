"""Parley: diplomatic readouts and news reports turned into structured, checkable event data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from parley.notebook import Parley


def open(db: str | None = None, **settings: Any) -> Parley:
    """The database as pandas DataFrames: ``parley.open("parley.db").events(country="CHN")``."""
    from parley.notebook import open as _open

    return _open(db, **settings)

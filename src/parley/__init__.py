"""Parley: diplomatic readouts and news reports turned into structured, checkable event data."""

__version__ = "0.1.0"

"""One exception tree for the whole library.

Library code raises these; only the edges (the CLI and, later, the web server) catch them, print a
one-line message and choose an exit code.  Each class maps to one kind of failure a user can act on.
"""

from __future__ import annotations


class ParleyError(Exception):
    """Base of every error Parley raises on purpose."""

    exit_code = 1


class ConfigError(ParleyError):
    """A setting is malformed: bad ``parley.toml``, bad ``PARLEY_*`` value, unknown option."""

    exit_code = 2


class InputError(ParleyError):
    """An input cannot be read at all (missing path, unsupported scheme)."""

    exit_code = 2


class FetchError(InputError):
    """A URL could not be fetched safely: unreachable, private address, too large, bad type."""


class ModelError(ParleyError):
    """The configured spaCy pipeline (or another offline model) is not installed."""

    exit_code = 3


class StoreError(ParleyError):
    """The database refused an operation or has a schema this version cannot use."""

    exit_code = 4


class NoDatabaseError(StoreError):
    """A command that only reads was pointed at a database that does not exist (or is empty):
    most often a typo in ``--db``, so it is refused rather than created."""

    exit_code = 2


class NotFoundError(ParleyError):
    """A requested record (document, event, engagement) does not exist."""

    exit_code = 5

"""Store: the only stage that does database I/O (SQLite by default, PostgreSQL for teams)."""

from parley.store.db import Database
from parley.store.repo import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    Filters,
    counts,
    has_document,
    iter_extractions,
    list_documents,
    list_events,
    load_extractions,
    save_extraction,
    seed_topics,
)

__all__ = ["DOCUMENT_COLUMNS", "EVENT_COLUMNS", "Database", "Filters", "counts",
           "has_document", "iter_extractions", "list_documents", "list_events", "load_extractions",
           "open_reader", "open_store", "save_extraction"]


def open_store(url: str) -> Database:
    """Open for writing (creating and migrating if needed) the database at ``url``, topics seeded.

    Nothing is written when the schema is current and the topics and search index are in place,
    so a writer opening a busy store does not queue for the write lock before it has to.
    """
    db = Database(url)
    if _needs_setup(db):
        with db.transaction():
            seed_topics(db)
            _backfill_search(db)
    return db


def open_reader(url: str) -> Database:
    """Open an existing database for reading only: never creates, migrates or seeds anything, so
    a read-only file (or a read-only PostgreSQL role) can be read, and a mistyped path is refused."""
    return Database(url, readonly=True)


def _needs_setup(db: Database) -> bool:
    from importlib import resources
    from json import loads

    raw = resources.files("parley.data").joinpath("topics.json").read_text(encoding="utf-8")
    wanted = len(loads(raw)["topics"])
    if int(db.query("SELECT COUNT(*) AS n FROM topics")[0]["n"]) < wanted:
        return True
    return not db.query("SELECT 1 AS x FROM search_index LIMIT 1") and bool(
        db.query("SELECT 1 AS x FROM documents LIMIT 1"))


def _backfill_search(db: Database) -> None:
    """Databases written before the search index existed get it filled once."""
    if db.query("SELECT 1 AS x FROM search_index LIMIT 1") or not db.query("SELECT 1 AS x FROM documents LIMIT 1"):
        return
    from parley.store.repo import load_extractions
    from parley.store.search import index_extraction

    for extraction in load_extractions(db):
        index_extraction(db, extraction)

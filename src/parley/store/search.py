"""Full-text search over documents, people and statements: SQLite FTS5 or PostgreSQL tsvector.

The index is written in the same transaction as the records it points to.  User queries are
reduced to plain word tokens before they reach either engine, so no query syntax (quotes, NEAR,
column filters) can be injected; snippets mark hits with control characters that the web layer
turns into ``<mark>`` after escaping the text.
"""

from __future__ import annotations

import re
from typing import Any

from parley.model import Extraction
from parley.store.db import Database
from parley.store.keys import actor_key

HIT_START, HIT_END = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


def index_extraction(db: Database, extraction: Extraction) -> None:
    """Add a document, its statements and any new people to the search index."""
    doc = extraction.document
    rows: list[tuple[str, str, str, str]] = [("document", doc.id, doc.title or doc.source, doc.text)]
    for pos, st in enumerate(extraction.statements):
        rows.append(("statement", f"{doc.id}:s{pos}", st.speaker.name, st.text))
    people = {actor_key(a): a for e in extraction.events for a in e.participants}
    people.update({actor_key(s.speaker): s.speaker for s in extraction.statements})
    for key, actor in sorted(people.items()):  # sorted: concurrent writers take row locks in one order
        # search_people is keyed (the FTS5 columns are not): one index probe per person, not a scan
        added = db.execute("INSERT INTO search_people (ref) VALUES (?) ON CONFLICT (ref) DO NOTHING", (key,))
        if added.rowcount == 1:
            rows.append(("person", key, actor.name, " ".join(actor.aliases)))
    for kind, ref, title, body in rows:
        if db.backend == "postgresql":
            db.execute("INSERT INTO search_index (kind, ref, title, body) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (kind, ref) DO NOTHING", (kind, ref, title, body))
        else:
            db.execute("INSERT INTO search_index (kind, ref, title, body) VALUES (?, ?, ?, ?)",
                       (kind, ref, title, body))


def search(db: Database, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Best matches first: kind, ref, title and a snippet with hits between HIT_START/HIT_END."""
    words = _WORD.findall(query)[:12]
    if not words:
        return []
    if db.backend == "postgresql":
        return db.query(
            "SELECT kind, ref, title, ts_headline('english', body, q, "
            f"'StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=30, MinWords=12') AS snippet, "
            "ts_rank(tsv, q) AS score FROM search_index, plainto_tsquery('english', ?) AS q "
            "WHERE tsv @@ q ORDER BY score DESC, kind, ref LIMIT ? OFFSET ?",
            (" ".join(words), limit, offset))
    match = " ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*'
    return db.query(
        f"SELECT kind, ref, title, snippet(search_index, 3, '{HIT_START}', '{HIT_END}', '…', 16) AS snippet, "
        "bm25(search_index, 0, 0, 4.0, 1.0) AS score FROM search_index WHERE search_index MATCH ? "
        "ORDER BY score, kind, ref LIMIT ? OFFSET ?",
        (match, limit, offset))

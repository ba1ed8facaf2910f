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
SEARCH_WINDOW = 2000  # SQLite: the matches ranked per query are the most recently stored ones
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
        else:  # what a hit links to, and the contentless full-text index under the same rowid
            cur = db.execute("INSERT INTO search_index (kind, ref, title) VALUES (?, ?, ?)", (kind, ref, title))
            db.execute("INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)", (cur.lastrowid, title, body))


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
    # ranked among the most recently stored matches: a word found in most of a large store ('minister')
    # would otherwise be scored and sorted in full for every page (450 ms at 100,000 documents)
    hits = db.query(
        "SELECT r.kind, r.ref, r.title, m.score FROM (SELECT rowid, bm25(search_text, 4.0, 1.0) AS score "
        "FROM search_text WHERE search_text MATCH ? ORDER BY rowid DESC LIMIT ?) m "
        "JOIN search_index r ON r.id = m.rowid ORDER BY m.score, r.kind, r.ref LIMIT ? OFFSET ?",
        (match, SEARCH_WINDOW, limit, offset))
    texts = _bodies(db, hits)
    for hit in hits:
        hit["snippet"] = snippet_of(texts.get((hit["kind"], hit["ref"]), ""), words)
    return hits


def _bodies(db: Database, hits: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """The indexed text of each hit, read from its own row (the SQLite index keeps no copy)."""
    out: dict[tuple[str, str], str] = {}
    for hit in hits:
        kind, ref = hit["kind"], hit["ref"]
        if kind == "document":
            rows = db.query("SELECT text AS body FROM documents WHERE id = ?", (ref,))
        elif kind == "statement":  # ref is the public id, '<document id>:s<position>'
            doc_id, _, position = ref.rpartition(":s")
            rows = db.query("SELECT s.text AS body FROM documents d JOIN statements s ON s.doc_num = d.num "
                            "WHERE d.id = ? AND s.position = ?", (doc_id, int(position) if position.isdigit() else -1))
        else:
            rows = [{"body": " ".join(r["alias"] for r in db.query(
                "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", (ref,)))}]
        out[(kind, ref)] = rows[0]["body"] if rows else ""
    return out


SNIPPET_WORDS = 16


def _hits(token: str, words: list[str]) -> bool:
    """A token the query matched: the same word, another ending of it (the index stems), or for the
    last word (searched as a prefix) any word it begins."""
    low = token.lower()
    for n, word in enumerate(words):
        w = word.lower()
        if low == w or (n == len(words) - 1 and low.startswith(w)):
            return True
        stem = w[:max(4, len(w) - 3)]
        if len(w) >= 4 and low.startswith(stem) and len(low) - len(stem) <= 4:
            return True
    return False


def snippet_of(body: str, words: list[str]) -> str:
    """About 16 words of ``body`` around its best run of query words, hits between HIT_START and
    HIT_END, '…' where text is cut (what FTS5's snippet() gave before its copy of the text went)."""
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(body)]
    if not tokens:
        return body[:200]
    marked = [_hits(body[a:b], words) for a, b in tokens]
    best, score = 0, -1
    for i, hit in enumerate(marked):
        if hit:
            found = {body[a:b].lower() for (a, b), h in zip(tokens[i:i + SNIPPET_WORDS], marked[i:i + SNIPPET_WORDS],
                                                             strict=True) if h}
            if len(found) > score:
                best, score = max(0, min(i - 2, len(tokens) - SNIPPET_WORDS)), len(found)
    window = range(best, min(best + SNIPPET_WORDS, len(tokens)))
    start = 0 if best == 0 else tokens[best][0]
    end = len(body) if window.stop == len(tokens) else tokens[window.stop - 1][1]
    out, at = [], start
    for i in window:
        a, b = tokens[i]
        out.append(body[at:a])
        out.append(f"{HIT_START}{body[a:b]}{HIT_END}" if marked[i] else body[a:b])
        at = b
    out.append(body[at:end])
    return ("" if start == 0 else "…") + "".join(out) + ("" if end == len(body) else "…")

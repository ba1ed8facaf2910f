"""Turn a current SQLite store back into schema 13 (text keys everywhere), for the upgrade tests.

The tables that migration 0014 rebuilt are made again from the definitions of migrations 0001-0013
(applied to an empty database here, so this helper cannot drift from them) and filled from the
current rows with the text ids they had: ``<sha>:e1`` events, ``<sha>:s0`` statements,
``<owner>:e0`` evidence.  Everything else of the store is kept as it is.
"""

from __future__ import annotations

import sqlite3

from parley.store.db import _migrations, _split_sql

REBUILT = ("documents", "engagements", "events", "participants", "statements", "statement_topics", "evidence",
           "link_keys", "report_keys", "engagement_keys", "engagement_countries", "dyad_engagements")
LATER = ("claim_reps", "name_tokens")  # tables of migrations after 13
VIEWS = ("event_participants", "engagement_reports", "statements_with_topics", "people", "evidence_spans")

_EVENT = "d.id || ':' || e.local_id"
_OWNER = f"CASE WHEN v.owner_type = 'event' THEN {_EVENT} ELSE d.id || ':s' || s.position END"
FILL = {
    "documents": "SELECT id, source, url, title, publisher, published, language, text, ingested_at, linked "
                 "FROM cur_documents ORDER BY num",
    "engagements": "SELECT id, type, date, location, created_at, base_id, first_doc, reports FROM cur_engagements "
                   "ORDER BY num",
    "events": f"SELECT {_EVENT}, d.id, e.local_id, e.type, e.is_primary, e.date, e.location, e.modality, g.id "
              "FROM cur_events e JOIN cur_documents d ON d.num = e.doc_num "
              "LEFT JOIN cur_engagements g ON g.num = e.engagement_num ORDER BY e.num",
    "participants": f"SELECT {_EVENT}, p.position, p.actor_id, p.name, p.country, p.title, p.organization "
                    "FROM cur_participants p JOIN cur_events e ON e.num = p.event_num "
                    "JOIN cur_documents d ON d.num = e.doc_num",
    "statements": f"SELECT d.id || ':s' || s.position, d.id, s.position, s.speaker_actor_id, s.speaker_name, "
                  f"s.speaker_country, s.text, CASE WHEN e.num IS NULL THEN NULL ELSE {_EVENT} END "
                  "FROM cur_statements s JOIN cur_documents d ON d.num = s.doc_num "
                  "LEFT JOIN cur_events e ON e.num = s.event_num ORDER BY s.num",
    "statement_topics": "SELECT d.id || ':s' || s.position, t.topic FROM cur_statement_topics t "
                        "JOIN cur_statements s ON s.num = t.statement_num JOIN cur_documents d ON d.num = s.doc_num",
    "evidence": f"SELECT {_OWNER} || ':e' || (ROW_NUMBER() OVER (PARTITION BY v.owner_type, v.owner_num "
                f"ORDER BY v.num) - 1), d.id, v.owner_type, {_OWNER}, v.start_offset, v.end_offset, v.text, v.rule "
                "FROM cur_evidence v JOIN cur_documents d ON d.num = v.doc_num "
                "LEFT JOIN cur_events e ON v.owner_type = 'event' AND e.num = v.owner_num "
                "LEFT JOIN cur_statements s ON v.owner_type = 'statement' AND s.num = v.owner_num ORDER BY v.num",
    "link_keys": f"SELECT {_EVENT}, k.type, k.token, k.dated, k.day FROM cur_link_keys k "
                 "JOIN cur_events e ON e.num = k.event_num JOIN cur_documents d ON d.num = e.doc_num",
    "report_keys": f"SELECT k.type, k.t1, k.t2, k.month, {_EVENT} FROM cur_report_keys k "
                   "JOIN cur_events e ON e.num = k.event_num JOIN cur_documents d ON d.num = e.doc_num",
    "engagement_keys": "SELECT k.type, k.t1, k.t2, k.month, g.id FROM cur_engagement_keys k "
                       "JOIN cur_engagements g ON g.num = k.engagement_num",
    "engagement_countries": "SELECT g.id, c.country FROM cur_engagement_countries c "
                            "JOIN cur_engagements g ON g.num = c.engagement_num",
    "dyad_engagements": "SELECT y.a, y.b, y.day, g.id FROM cur_dyad_engagements y "
                        "JOIN cur_engagements g ON g.num = y.engagement_num",
}


def schema_13() -> dict[str, list[str]]:
    """The CREATE statements of schema 13 for the rebuilt tables, their indexes and the views."""
    mem = sqlite3.connect(":memory:")
    for number, _name, script in _migrations("sqlite"):
        if number <= 13:
            for statement in _split_sql(script):
                mem.execute(statement)
    rows = mem.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    mem.close()
    return {"tables": [sql for kind, name, _t, sql in rows if kind == "table" and name in REBUILT],
            "indexes": [sql for kind, _n, table, sql in rows if kind == "index" and table in REBUILT],
            "views": [sql for kind, name, _t, sql in rows if kind == "view" and name in VIEWS]}


def downgrade_to_13(path: str) -> None:
    """Rewrite the store at ``path`` in place as schema 13 held it."""
    old = schema_13()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA legacy_alter_table = ON")  # other tables' foreign keys keep naming the old tables
    conn.execute("BEGIN")
    for view in VIEWS:
        conn.execute(f"DROP VIEW IF EXISTS {view}")
    for table in LATER:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    for table in REBUILT:
        conn.execute(f"ALTER TABLE {table} RENAME TO cur_{table}")
    for table in REBUILT:  # renaming a table renames nothing in its indexes' names: drop them first
        for (index,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                     "AND sql IS NOT NULL", (f"cur_{table}",)).fetchall():
            conn.execute(f"DROP INDEX {index}")
    for sql in old["tables"]:
        conn.execute(sql)
    for table in REBUILT:
        conn.execute(f"INSERT INTO {table} {FILL[table]}")
    for table in REBUILT:
        conn.execute(f"DROP TABLE cur_{table}")
    for sql in [*old["indexes"], *old["views"]]:
        conn.execute(sql)
    conn.execute("DELETE FROM schema_migrations WHERE version > 13")
    conn.execute("COMMIT")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


# Parents before children: PostgreSQL checks every foreign key as the rows arrive.
COPY_ORDER = ("topics", "actors", "actor_aliases", "documents", "engagements", "events", "participants",
              "statements", "statement_topics", "evidence", "link_keys", "report_keys", "engagement_keys",
              "engagement_countries", "dyad_engagements", "dyad_counts", "person_counterparts", "person_topics",
              "row_counts", "search_people")


def postgresql_13_from(sqlite_path: str, url: str) -> None:
    """Make the empty PostgreSQL database at ``url`` a schema-13 store holding the rows of the
    schema-13 SQLite store at ``sqlite_path`` (its search index is left empty: the next writer
    fills it)."""
    import psycopg

    with psycopg.connect(url) as pg, pg.cursor() as cur:
        cur.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                    "applied_at TEXT NOT NULL)")
        for number, name, script in _migrations("postgresql"):
            if number <= 13:
                for statement in _split_sql(script):
                    cur.execute(statement)  # type: ignore[arg-type]  # our own migration files
                cur.execute("INSERT INTO schema_migrations VALUES (%s, %s, CURRENT_TIMESTAMP)", (number, name))
        lite = sqlite3.connect(sqlite_path)
        for table in COPY_ORDER:
            columns = [r[1] for r in lite.execute(f"PRAGMA table_info({table})")]
            rows = lite.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            cur.execute(f"DELETE FROM {table}")  # type: ignore[arg-type]  # what a migration counted (row_counts)
            if rows:
                cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) "  # type: ignore[arg-type]
                                f"VALUES ({', '.join('%s' for _ in columns)})", rows)
        lite.close()

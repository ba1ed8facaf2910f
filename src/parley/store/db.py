"""Connections to SQLite (the default) or PostgreSQL, with migrations and transactions.

One schema serves both backends: the migration files are portable SQL and every query uses ``?``
placeholders, rewritten to ``%s`` for psycopg.  Values are always passed as parameters, never
formatted into SQL, because document text is untrusted.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from parley.errors import StoreError

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+(?:\.(sqlite|postgresql))?\.sql$")


def _migrations(backend: str) -> list[tuple[int, str, str]]:
    """Migrations in order: ``NNNN_name.sql`` for both backends, or ``NNNN_name.<backend>.sql``
    where the backends need different SQL (full-text search)."""
    folder = resources.files("parley.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m and m.group(2) in (None, backend):
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _split_sql(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


class Database:
    """A connection to one Parley database; ``url`` is a file path or ``postgresql://...``."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.backend = "postgresql" if url.startswith(("postgresql://", "postgres://")) else "sqlite"
        try:
            if self.backend == "postgresql":
                import psycopg

                self._conn: Any = psycopg.connect(url, autocommit=False)
            else:
                path = url.removeprefix("sqlite:///")
                if path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                self._conn = sqlite3.connect(path, isolation_level=None)
                self._conn.execute("PRAGMA foreign_keys = ON")
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA busy_timeout = 10000")
        except Exception as exc:  # both drivers raise their own error trees
            raise StoreError(f"cannot open database {self._redacted()}: {exc}") from exc
        self._in_tx = False
        self.migrate()

    def _redacted(self) -> str:
        return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", self.url)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.backend == "postgresql" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; inside :meth:`transaction` it joins that transaction."""
        try:
            cur = self._conn.cursor()
            cur.execute(self._sql(sql), tuple(params))
            if not self._in_tx and self.backend == "postgresql":
                self._conn.commit()
            return cur
        except (sqlite3.Error, Exception) as exc:
            if not self._in_tx and self.backend == "postgresql":
                self._conn.rollback()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"database error: {exc}") from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dictionaries keyed by column name."""
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All or nothing: on any exception (Ctrl-C included) the whole block is rolled back."""
        if self._in_tx:
            yield self
            return
        if self.backend == "sqlite":
            self._conn.execute("BEGIN IMMEDIATE")
        self._in_tx = True
        try:
            yield self
        except BaseException:
            self._in_tx = False
            self._conn.rollback()
            raise
        self._in_tx = False
        self._conn.commit()

    def version(self) -> int:
        self.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                     "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        rows = self.query("SELECT MAX(version) AS v FROM schema_migrations")
        return int(rows[0]["v"] or 0)

    def migrate(self) -> int:
        """Apply the migrations this database has not seen, each in its own transaction."""
        current = self.version()
        known = _migrations(self.backend)
        if known and current > known[-1][0]:
            raise StoreError(f"database schema version {current} is newer than this Parley "
                             f"({known[-1][0]}); upgrade Parley")
        for number, name, script in known:
            if number <= current:
                continue
            with self.transaction():
                for statement in _split_sql(script):
                    self.execute(statement)
                self.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                             "VALUES (?, ?, CURRENT_TIMESTAMP)", (number, name))
            current = number
        return current

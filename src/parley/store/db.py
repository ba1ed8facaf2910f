"""Connections to SQLite (the default) or PostgreSQL, with migrations and transactions.

One schema serves both backends: the migration files are portable SQL and every query uses ``?``
placeholders, rewritten to ``%s`` for psycopg.  Values are always passed as parameters, never
formatted into SQL, because document text is untrusted.
"""

from __future__ import annotations

import importlib
import os
import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from parley.errors import NoDatabaseError, StoreError

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


# What a migration's SQL cannot compute (the linker's view of names, say) is filled by Python
# right after it, in the same transaction: "module:function", imported only when that migration
# runs (the linker's modules load spaCy's knowledge, which `parley --help` must not wait for).
AFTER_MIGRATION: dict[int, str] = {17: "parley.store.pairs:fill_engagement_keys"}


def _split_sql(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


class Database:
    """A connection to one Parley database; ``url`` is a file path or ``postgresql://...``."""

    def __init__(self, url: str, readonly: bool = False) -> None:
        self.url = url
        self.readonly = readonly
        self.backend = "postgresql" if url.startswith(("postgresql://", "postgres://")) else "sqlite"
        try:
            if self.backend == "postgresql":
                import psycopg

                options = "-c default_transaction_read_only=on" if readonly else None
                self._conn: Any = psycopg.connect(url, autocommit=False, options=options)
            elif readonly:
                self._conn = _open_sqlite_readonly(url.removeprefix("sqlite:///"))
            else:
                path = url.removeprefix("sqlite:///")
                if path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                self._conn = sqlite3.connect(path, isolation_level=None)
                self._conn.execute("PRAGMA busy_timeout = 10000")
                self._conn.execute("PRAGMA foreign_keys = ON")
                # the writer touches a few pages of every index per document: with SQLite's 2 MiB
                # default most of them are read again from the file for each batch of a large store
                self._conn.execute("PRAGMA cache_size = -65536")
                _set_wal(self._conn)
        except StoreError:
            raise
        except Exception as exc:  # both drivers raise their own error trees
            raise StoreError(f"cannot open database {self._redacted()}: {exc}") from exc
        self._in_tx = False
        if readonly:
            self._check_schema()
        else:
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
        return self._run(lambda cur: cur.execute(self._sql(sql), tuple(params)))

    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters (one round trip per batch on PostgreSQL)."""
        if rows:
            self._run(lambda cur: cur.executemany(self._sql(sql), [tuple(r) for r in rows]))

    def _run(self, call: Any) -> Any:
        """``call(cursor)`` as one statement: outside a transaction PostgreSQL commits (or rolls
        back) at once; either driver's error leaves as a StoreError."""
        try:
            cur = self._conn.cursor()
            call(cur)
            if not self._in_tx and self.backend == "postgresql":
                self._conn.commit()
            return cur
        except (sqlite3.Error, Exception) as exc:
            if not self._in_tx and self.backend == "postgresql":
                self._conn.rollback()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"database error: {exc}") from exc

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one ``INSERT`` and return the integer key (``num``) of the row it added."""
        cur = self.execute(f"{sql} RETURNING num", params)
        return int(cur.fetchall()[0][0])

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
        """The schema version, read without writing anything (0 for a database Parley never used)."""
        if self.backend == "postgresql":
            exists = self.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS x")[0]["x"]
        else:
            exists = bool(self.query("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' "
                                     "AND name = 'schema_migrations'"))
        if not exists:
            return 0
        rows = self.query("SELECT MAX(version) AS v FROM schema_migrations")
        return int(rows[0]["v"] or 0)

    def _check_schema(self) -> None:
        """A reader needs the current schema: it never creates or upgrades one itself."""
        current, latest = self.version(), _latest(self.backend)
        if current == latest:
            return
        if current == 0:
            raise NoDatabaseError(f"{self._redacted()} holds no Parley data yet (`parley ingest` creates it)")
        if current > latest:
            raise StoreError(f"database schema version {current} is newer than this Parley ({latest}); "
                             "upgrade Parley")
        raise StoreError(f"database schema version {current} is older than this Parley ({latest}); "
                         "run `parley ingest` (or `parley serve --allow-ingest`) once to upgrade it")

    def migrate(self) -> int:
        """Apply the migrations this database has not seen, all in one locked transaction.

        Two processes starting on a fresh database must not both create the schema: PostgreSQL
        takes a transaction-scoped advisory lock, SQLite a write lock (``BEGIN IMMEDIATE``), and the
        version is read again under the lock.  A database that is already current is not written.
        """
        known = _migrations(self.backend)
        latest = known[-1][0] if known else 0
        current = self.version()
        if current > latest:
            raise StoreError(f"database schema version {current} is newer than this Parley "
                             f"({latest}); upgrade Parley")
        if current == latest:
            return current
        # SQLite rebuilds a table by copying it, dropping the old one and renaming the copy; with
        # foreign keys on, dropping the old table would run its ON DELETE actions on the rows of
        # other tables.  The pragma cannot change inside a transaction: off around it, and the
        # keys are checked before the commit instead.
        if self.backend == "sqlite":
            self._conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self.transaction():
                if self.backend == "postgresql":
                    self.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
                self.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                             "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
                current = self.version()
                for number, name, script in known:
                    if number <= current:
                        continue
                    for statement in _split_sql(script):
                        self.execute(statement)
                    if (fill := AFTER_MIGRATION.get(number)) is not None:
                        module, function = fill.split(":")
                        getattr(importlib.import_module(module), function)(self)
                    self.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                                 "VALUES (?, ?, CURRENT_TIMESTAMP)", (number, name))
                    current = number
                if self.backend == "sqlite" and (broken := self.query("PRAGMA foreign_key_check")):
                    raise StoreError(f"migration to version {current} left {len(broken)} rows without their "
                                     f"parent (first: {broken[0]}); nothing was changed")
        finally:
            if self.backend == "sqlite":
                self._conn.execute("PRAGMA foreign_keys = ON")
        return current


_MIGRATION_LOCK = 0x7061726C6579  # "parley": the advisory lock key every Parley process agrees on


def _latest(backend: str) -> int:
    known = _migrations(backend)
    return known[-1][0] if known else 0


def _set_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. Changing the journal mode answers "database is locked" at once, without the
    busy handler, while another process creates the same file: retry for the busy timeout."""
    for attempt in range(100):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 99:
                raise
            time.sleep(0.1)


def _open_sqlite_readonly(path: str) -> sqlite3.Connection:
    """Open an existing SQLite file for reading only; a file we may not write is read as immutable.

    ``mode=ro`` never writes the database; a WAL database still needs its ``-shm`` file, which a
    reader without write permission cannot create, so that case falls back to ``immutable=1``.
    """
    if path == ":memory:" or not Path(path).is_file():
        raise NoDatabaseError(f"no database at {path} (check --db; `parley ingest` creates one)")
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return conn
    except sqlite3.OperationalError:
        writable = os.access(path, os.W_OK) and os.access(Path(path).resolve().parent, os.W_OK)
        if writable:
            raise
    conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
    conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    return conn

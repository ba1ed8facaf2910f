"""Bulk export of the stored tables as Parquet, CSV or JSON Lines, for pandas, polars, DuckDB, Spark.

Each table is read in keyset pages (one index range per page) and written page by page, so an
export of any size runs in flat memory.  Formats live in :data:`FORMATS`, a registry of writers
keyed by name: a new format (say, PLOVER records) is one function and one ``register`` call.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.errors import ConfigError, InputError
from parley.store.db import Database


@dataclass(frozen=True, slots=True)
class Table:
    """One exported table: its query (keyset-paged on ``key``) and its typed columns.

    ``key`` lists SQL expressions whose values order the rows and are unique per row; they are read
    as hidden columns (``_k0``, ``_k1``, ...), as is anything else ``select`` names with a leading
    underscore, and dropped before the rows are written.
    """

    name: str
    select: str  # SELECT ... FROM ... (no WHERE/ORDER)
    key: tuple[str, ...]  # the ordering key, unique per row
    columns: tuple[tuple[str, str], ...]  # (name, "str" | "int" | "bool")


_EVENT_ID = "d.id || ':' || e.local_id"
TABLES: dict[str, Table] = {t.name: t for t in (
    Table("documents", "SELECT d.id, d.source, d.url, d.title, d.publisher, d.published, d.language, d.ingested_at, "
          "d.text FROM documents d", ("d.id",),
          (("id", "str"), ("source", "str"), ("url", "str"), ("title", "str"), ("publisher", "str"),
           ("published", "str"), ("language", "str"), ("ingested_at", "str"), ("text", "str"))),
    Table("events", f"SELECT {_EVENT_ID} AS id, d.id AS doc_id, e.local_id, e.type, e.is_primary, e.date, e.location, "
          "e.modality, g.id AS engagement_id FROM documents d JOIN events e ON e.doc_num = d.num "
          "LEFT JOIN engagements g ON g.num = e.engagement_num", ("d.id", "e.local_id"),
          (("id", "str"), ("doc_id", "str"), ("local_id", "str"), ("type", "str"), ("is_primary", "bool"),
           ("date", "str"), ("location", "str"), ("modality", "str"), ("engagement_id", "str"))),
    Table("participants", f"SELECT {_EVENT_ID} AS event_id, p.position, p.actor_id, p.name, p.country, p.title, "
          "p.organization FROM documents d JOIN events e ON e.doc_num = d.num JOIN participants p "
          "ON p.event_num = e.num", ("d.id", "e.local_id", "p.position"),
          (("event_id", "str"), ("position", "int"), ("actor_id", "str"), ("name", "str"), ("country", "str"),
           ("title", "str"), ("organization", "str"))),
    Table("statements", "SELECT d.id || ':s' || s.position AS id, d.id AS doc_id, s.position, s.speaker_actor_id, "
          f"s.speaker_name, s.speaker_country, s.text, CASE WHEN e.num IS NULL THEN NULL ELSE {_EVENT_ID} END "
          "AS event_id, s.num AS _num FROM documents d JOIN statements s ON s.doc_num = d.num "
          # in the order of the text ids ('...:s10' before '...:s2'), as when the id was the key
          "LEFT JOIN events e ON e.num = s.event_num", ("d.id", "'s' || s.position"),
          (("id", "str"), ("doc_id", "str"), ("position", "int"), ("speaker_actor_id", "str"),
           ("speaker_name", "str"), ("speaker_country", "str"), ("text", "str"), ("event_id", "str"),
           ("topics", "str"))),
    Table("engagements", "SELECT g.id, g.type, g.date, g.location, g.reports FROM engagements g", ("g.id",),
          (("id", "str"), ("type", "str"), ("date", "str"), ("location", "str"), ("reports", "int"))),
)}


def pages(db: Database, table: Table, size: int = 1000) -> Iterator[list[dict[str, Any]]]:
    """The table's rows in key order, a page at a time (``statements`` gain their topics)."""
    head, _, tail = table.select.partition(" FROM ")
    hidden = [f"_k{n}" for n in range(len(table.key))]
    select = f"{head}, {', '.join(f'{k} AS {h}' for k, h in zip(table.key, hidden, strict=True))} FROM {tail}"
    last: list[Any] | None = None
    while True:
        where, params = "", []
        if last is not None:  # the first key bounds the index range, the row value is the exact test
            where = (f"WHERE {table.key[0]} >= ? AND ({', '.join(table.key)}) > "
                     f"({', '.join('?' for _ in table.key)})") if len(table.key) > 1 else f"WHERE {table.key[0]} > ?"
            params = [last[0], *last] if len(table.key) > 1 else last
        rows = db.query(f"{select} {where} ORDER BY {', '.join(table.key)} LIMIT ?", [*params, size])
        if not rows:
            return
        last = [rows[-1][h] for h in hidden]
        if table.name == "statements":
            nums = [r["_num"] for r in rows]
            topics: dict[int, list[str]] = {}
            for t in db.query("SELECT statement_num, topic FROM statement_topics WHERE statement_num IN "
                              f"({', '.join('?' for _ in nums)}) ORDER BY statement_num, topic", nums):
                topics.setdefault(t["statement_num"], []).append(t["topic"])
            for r in rows:
                r["topics"] = ";".join(topics.get(r["_num"], []))
        for r in rows:
            for name in [n for n in r if n.startswith("_")]:
                del r[name]
            for column, kind in table.columns:
                if kind == "bool" and r.get(column) is not None:
                    r[column] = bool(r[column])
        yield rows


Writer = Callable[[Database, Table, Path], int]
FORMATS: dict[str, tuple[str, Writer]] = {}  # name -> (file suffix, writer returning the rows written)


def register(name: str, suffix: str, writer: Writer) -> None:
    """Add an export format (``parley export --format NAME``)."""
    FORMATS[name] = (suffix, writer)


def _jsonl(db: Database, table: Table, path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for rows in pages(db, table):
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += len(rows)
    return n


def _csv(db: Database, table: Table, path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=[c for c, _ in table.columns])
        writer.writeheader()
        for rows in pages(db, table):
            writer.writerows(rows)
            n += len(rows)
    return n


def _parquet(db: Database, table: Table, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError("--format parquet needs pyarrow: pip install 'parley[export]'") from exc
    kinds = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
    schema = pa.schema([(c, kinds[k]) for c, k in table.columns])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for rows in pages(db, table):
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


register("jsonl", "jsonl", _jsonl)
register("csv", "csv", _csv)
register("parquet", "parquet", _parquet)


def export(db: Database, tables: list[str], fmt: str, folder: Path) -> dict[str, int]:
    """Write each table to ``folder/<table>.<suffix>``; the rows written per table."""
    check_request(tables, fmt)
    suffix, writer = FORMATS[fmt]
    folder.mkdir(parents=True, exist_ok=True)
    return {t: writer(db, TABLES[t], folder / f"{t}.{suffix}") for t in tables}


def check_request(tables: list[str], fmt: str) -> None:
    """Refuse an unknown format or table before any database is opened."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} ({', '.join(sorted(FORMATS))})")
    unknown = [t for t in tables if t not in TABLES]
    if unknown:
        raise InputError(f"unknown table(s) {', '.join(unknown)} ({', '.join(TABLES)})")

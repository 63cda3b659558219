"""The structure of an SQLite file — tables, columns, indexes, foreign keys, triggers, views —
and the structure this version's migrations give at a revision, to compare a file from
outside (a backup to restore) with what it claims to be.

Tables and indexes are compared by their parts (PRAGMA), not by their CREATE text, which
depends on the SQLAlchemy version that wrote it; triggers and views by their text, which the
migrations spell out by hand."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache

Schema = dict[tuple[str, ...], object]


@dataclass(frozen=True)
class Difference:
    kind: str  # table / column / index / foreign_key / trigger / view
    name: str  # the object (for a column or a foreign key: its column)
    table: str  # the table it belongs to
    change: str  # missing / extra / different


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_text(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def read_schema(con: sqlite3.Connection) -> Schema:
    """Every schema object of the file as {key: signature}. SQLite's own tables (sqlite_stat1
    made by ANALYZE, sqlite_sequence) are left out."""
    out: Schema = {}
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if name.startswith("sqlite_") and kind == "table":
            continue
        if kind in ("trigger", "view"):
            out[(kind, name, table)] = _sql_text(sql)
        elif kind == "table":
            out[("table", name, name)] = ""
            _read_table(con, name, out)
    return out


def _read_table(con: sqlite3.Connection, table: str, out: Schema) -> None:
    for _cid, col, ctype, notnull, _default, pk, *_hidden in con.execute(
            f"PRAGMA table_xinfo({_q(table)})"):
        out[("column", col, table)] = ((ctype or "").upper(), notnull, pk)
    for _seq, index, unique, _origin, partial in con.execute(f"PRAGMA index_list({_q(table)})"):
        columns = tuple(r[2] for r in con.execute(f"PRAGMA index_info({_q(index)})"))
        out[("index", index, table)] = (unique, partial, columns)
    for row in con.execute(f"PRAGMA foreign_key_list({_q(table)})"):
        _id, _seq, other, col, to, on_update, on_delete = row[:7]
        out[("foreign_key", col, table)] = (other, to, on_update, on_delete)


def compare(actual: Schema, expected: Schema) -> list[Difference]:
    """What differs, missing objects first (a missing table hides its columns' differences)."""
    missing_tables = {k[1] for k in expected if k[0] == "table" and k not in actual}
    extra_tables = {k[1] for k in actual if k[0] == "table" and k not in expected}
    out = []
    for key in expected:
        if key not in actual and (key[0] == "table" or key[2] not in missing_tables):
            out.append(Difference(key[0], key[1], key[2], "missing"))
    for key in actual:
        if key not in expected and (key[0] == "table" or key[2] not in extra_tables):
            out.append(Difference(key[0], key[1], key[2], "extra"))
    for key, value in expected.items():
        if key in actual and actual[key] != value:
            out.append(Difference(key[0], key[1], key[2], "different"))
    order = {"missing": 0, "different": 1, "extra": 2}
    return sorted(out, key=lambda d: (order[d.change], d.kind != "table", d.table, d.name))


@cache
def reference_schema(revision: str) -> Schema:
    """The schema the migrations build at ``revision``, in a scratch in-memory database
    (about a second the first time; kept for the rest of the run)."""
    from alembic import command
    from sqlalchemy import create_engine

    from db.migrate import alembic_config

    engine = create_engine("sqlite://")
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        with engine.connect() as conn:
            return read_schema(conn.connection.dbapi_connection)
    finally:
        engine.dispose()

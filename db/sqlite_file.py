"""SQLite file-level operations: this deployment keeps the database in one SQLite file.

Read-only connections, the online backup API, integrity checks, row counts, and copying the
backup history between two files. app/backup builds verified USB backups and restores on these;
the SQLite-only SQL stays here (a PostgreSQL deployment would back up with its own tools)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path


def ro_uri(path: Path) -> str:
    """A read-only SQLite URI; as_uri() percent-encodes Vietnamese letters, spaces, '?' and '#'."""
    return Path(path).resolve().as_uri() + "?mode=ro"


class DamageSafeConnection(sqlite3.Connection):
    """A damaged page can put raw bytes into SQLite's error message, which Python then fails
    to decode: report it as the damaged database it is, not as a crash."""

    def execute(self, *args, **kwargs):
        try:
            return super().execute(*args, **kwargs)
        except UnicodeDecodeError as exc:
            raise sqlite3.DatabaseError("database disk image is malformed") from exc


def connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(ro_uri(path), uri=True, isolation_level=None,
                           factory=DamageSafeConnection)


def connect_rw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(Path(path).resolve().as_uri(), uri=True, isolation_level=None,
                           factory=DamageSafeConnection)


def page_bytes(con: sqlite3.Connection) -> int:
    """The size of the database content (pages × page size)."""
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    return pages * size


def copy_pages(src: sqlite3.Connection, dst_path: Path,
               on_fraction: Callable[[float], None] | None = None,
               step: Callable | None = None) -> None:
    """Copy ``src`` (inside its read transaction) with the online backup API into a
    self-contained file in rollback-journal mode (no -wal beside it). ``step`` replaces the
    copy call itself (tests inject a full disk or a pulled drive there)."""
    total_pages = src.execute("PRAGMA page_count").fetchone()[0] or 1
    pages = max(256, total_pages // 50)
    dst = sqlite3.connect(dst_path, isolation_level=None)
    try:
        def report(_status, remaining, total):
            if on_fraction:
                on_fraction((total - remaining) / max(total, 1))

        (step or _backup)(src, dst, pages, report)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()


def _backup(src, dst, pages, report) -> None:
    src.backup(dst, pages=pages, progress=report)


def integrity(con: sqlite3.Connection, quick: bool = False) -> list[str]:
    """SQLite's integrity_check (or quick_check) rows: ["ok"] when the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    return [r[0] for r in con.execute(f"PRAGMA {pragma}")]


def table_names(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def schema_revision(con: sqlite3.Connection) -> str | None:
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def table_counts(con: sqlite3.Connection) -> dict[str, int]:
    """Rows per table, leaving out SQLite's own tables and full-text index internals."""
    rows = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    counts = {}
    for name, _sql in rows:
        if name in virtual or any(name.startswith(v + "_") for v in virtual):
            continue
        counts[name] = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
    return counts


def is_full_error(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.Error) and (
        getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(exc)
    )


def is_readonly_error(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.Error) and code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM)


def insert_row(con: sqlite3.Connection, table: str, values: dict) -> None:
    cols = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    con.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(values.values()))


def carry_rows(con: sqlite3.Connection, other: Path, table: str, columns: str,
               same: tuple[str, ...]) -> None:
    """Copy into ``table`` the rows of the same table in the file ``other`` that it lacks
    (rows equal on the ``same`` columns count as present). Raises sqlite3.Error."""
    con.execute("ATTACH DATABASE ? AS old", (ro_uri(other),))
    try:
        match = " AND ".join(f"m.{c} IS o.{c}" for c in same)
        con.execute(f"""INSERT INTO main.{table} ({columns})
            SELECT {columns} FROM old.{table} o WHERE NOT EXISTS (
              SELECT 1 FROM main.{table} m WHERE {match})""")
    finally:
        con.execute("DETACH DATABASE old")

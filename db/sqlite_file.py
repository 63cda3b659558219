"""SQLite file-level operations: this deployment keeps the database in one SQLite file.

Read-only connections, the online backup API, integrity checks, row counts, and copying the
backup history between two files. app/backup builds verified USB backups and restores on these;
the SQLite-only SQL stays here (a PostgreSQL deployment would back up with its own tools)."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path


def file_uri(path: Path, read_only: bool = False) -> str:
    """The SQLite URI of a file. pathlib's as_uri() percent-encodes Vietnamese letters, spaces,
    '?', '#' and '%', which string formatting would hand to SQLite as a query or fragment
    (opening — and creating — another file)."""
    uri = Path(path).resolve().as_uri()
    if not read_only:
        return uri
    # A WAL database needs its -shm beside it even to read; in a folder SQLite cannot write
    # (a CD, a read-only share) it must be told that nobody changes the file meanwhile.
    return uri + ("?mode=ro&immutable=1" if needs_immutable(path) else "?mode=ro")


def ro_uri(path: Path) -> str:
    """A read-only SQLite URI (see file_uri)."""
    return file_uri(path, read_only=True)


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
    return sqlite3.connect(file_uri(path), uri=True, isolation_level=None,
                           factory=DamageSafeConnection)


def folder_writable(folder: Path) -> bool:
    """Whether files can be created in ``folder`` (tried for real: on Windows the folder's
    permissions are not what os.access reports)."""
    folder = Path(folder)
    if not os.access(folder, os.W_OK):
        return False
    try:
        fd, probe = tempfile.mkstemp(prefix=".tdkt-thu-ghi-", dir=folder)
    except OSError:
        return False
    os.close(fd)
    try:
        os.unlink(probe)
    except OSError:
        pass
    return True


def file_writable(path: Path) -> bool:
    """Whether SQLite could write to the database file ``path`` and its journals beside it.
    A file that does not exist yet is writable when its folder is."""
    path = Path(path)
    if not path.exists():
        return not path.parent.exists() or folder_writable(path.parent)
    if not os.access(path, os.W_OK):
        return False
    try:
        with open(path, "r+b"):
            pass
    except OSError:
        return False
    return folder_writable(path.parent)


def is_wal_file(path: Path) -> bool:
    """The file's header says WAL mode (read and write format versions 2)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    return header[18:20] == b"\x02\x02"


def needs_immutable(path: Path) -> bool:
    """A WAL file in a read-only folder without the -shm SQLite would need to create there.
    (Backups are in rollback-journal mode: no probe of the USB drive for them.)"""
    path = Path(path)
    return (is_wal_file(path) and not Path(f"{path}-shm").exists()
            and not folder_writable(path.parent))


def unreadable_wal(path: Path) -> bool:
    """A -wal left beside the file in a read-only folder: its last changes could not be read
    (SQLite needs to write the -shm to use them)."""
    wal = Path(f"{path}-wal")
    return needs_immutable(path) and wal.exists() and wal.stat().st_size > 0


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


def foreign_key_problems(con: sqlite3.Connection) -> list[tuple[str, int, str]]:
    """Rows pointing at a row that does not exist: (table, rowid, referenced table)."""
    return [(r[0], r[1], r[2]) for r in con.execute("PRAGMA foreign_key_check")]


def peek_org_name(path: Path) -> str | None:
    """The organisation's short name, read with plain sqlite3 before the database layer has
    loaded (the window's title, shown while SQLAlchemy loads). None when the file is new,
    not ours, not set up, or unreadable: the caller then opens it the full way first."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        con = connect_ro(path)
        try:
            row = con.execute("SELECT short_name FROM organization WHERE id = 1").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row and row[0] else None

"""Versioned schema: Alembic migrations run programmatically when a database is opened.

A database made by a newer version of the app (an unknown revision) is refused; one made by
an older version is upgraded, after a backup copy made by the caller's hook.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from functools import cache
from pathlib import Path

from sqlalchemy import inspect, text

from db.engine import APPLICATION_ID, Database
from db.errors import SchemaError
from db.sqlite_file import connect_ro

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"


_REV = re.compile(r"""^revision\s*=\s*["']([^"']+)["']""", re.MULTILINE)
_DOWN = re.compile(r"""^down_revision\s*=\s*(?:["']([^"']+)["']|None)""", re.MULTILINE)


def alembic_config():
    # Alembic is imported only when a migration really runs: it costs ~0.3 s at start-up.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _revisions() -> dict[str, str | None]:
    """revision → down_revision, read from the migration files (linear history)."""
    out = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        rev, down = _REV.search(source), _DOWN.search(source)
        if rev:
            out[rev.group(1)] = down.group(1) if down else None
    return out


def head_revision() -> str:
    revs = _revisions()
    heads = set(revs) - {d for d in revs.values() if d}
    if len(heads) != 1:
        raise SchemaError(f"Lịch sử lược đồ có {len(heads)} nhánh: {sorted(heads)}.")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revisions())


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if "alembic_version" not in inspect(conn).get_table_names():
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def schema_number(revision: str | None) -> int:
    """The schema version shown to users: the revision's place in the history (1 for the
    first), so it only grows even when revisions were numbered out of order. A revision this
    app does not know (a newer app's) falls back to the number its name starts with."""
    if not revision:
        return 0
    order = _chain()
    if revision in order:
        return order.index(revision) + 1
    head = revision.split("_", 1)[0]
    return int(head) if head.isdigit() else 0


@cache
def _chain() -> list[str]:
    """The revisions from the first to the head."""
    down = _revisions()
    up = {d: r for r, d in down.items()}
    out, rev = [], up.get(None)
    while rev is not None:
        out.append(rev)
        rev = up.get(rev)
    return out


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database or not ours, with a reason."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as fh:
        header = fh.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise SchemaError(f"Tệp “{path.name}” không phải là cơ sở dữ liệu của phần mềm.")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        raise SchemaError(f"Tệp “{path.name}” là cơ sở dữ liệu của một phần mềm khác.")


def inspect_file(path: Path) -> tuple[str | None, bool]:
    """(alembic revision, looks like ours) read with plain sqlite3, without changing the file."""
    check_sqlite_file(path)
    try:
        con = connect_ro(path)  # a URI from pathlib: '#', '?', '%' in the path stay in the name
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            rev = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                rev = row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise SchemaError(f"Không đọc được tệp “{path.name}”: tệp bị hỏng ({exc}).") from exc
    ours = not tables or "alembic_version" in tables and "award_record" in tables
    return rev, ours


def ensure_compatible(revision: str | None, name: str) -> None:
    if revision and revision not in known_revisions():
        raise SchemaError(
            f"Cơ sở dữ liệu “{name}” được tạo bởi phiên bản mới hơn của phần mềm "
            f"(phiên bản dữ liệu {schema_number(revision)}, phần mềm này đọc được đến "
            f"{schema_number(head_revision())}). Hãy cập nhật phần mềm để mở tệp này."
        )


def open_database(
    path: str | Path,
    before_upgrade: Callable[[Path, str | None], None] | None = None,
    read_only: bool = False,
) -> Database:
    """Open (creating if needed) and upgrade a database file to the current schema.

    ``before_upgrade(path, old_revision)`` runs before a database holding data is migrated,
    so the caller can make a backup copy first. ``read_only``: open an existing file without
    writing to it (refused if it would need an upgrade).
    """
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    revision, ours = inspect_file(path) if path.exists() else (None, True)
    if not ours:
        raise SchemaError(f"Tệp “{path.name}” không phải là cơ sở dữ liệu của phần mềm này.")
    ensure_compatible(revision, path.name)
    if read_only:
        if revision != head_revision():
            raise SchemaError(
                f"Tệp “{path.name}” được tạo bởi phiên bản cũ hơn và cần được nâng cấp, nhưng "
                "thư mục hoặc tệp chỉ cho đọc. Hãy chép tệp vào một thư mục ghi được (ví dụ "
                "Tài liệu) rồi mở tệp đó; dữ liệu không bị hỏng.")
        return Database(path, read_only=True)
    db = Database(path)
    try:
        upgrade(db, revision, before_upgrade)
    except Exception:
        db.dispose()
        raise
    return db


def upgrade(
    db: Database,
    revision: str | None = None,
    before_upgrade: Callable[[Path, str | None], None] | None = None,
) -> None:
    head = head_revision()
    if revision is None:
        revision = current_revision(db)
    if revision == head:
        return
    if revision is not None and before_upgrade and db.path:
        before_upgrade(db.path, revision)
    from alembic import command

    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    if db.is_sqlite:
        with db.engine.begin() as conn:
            conn.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
            conn.execute(text(f"PRAGMA user_version={schema_number(head)}"))


def integrity_check(db: Database, quick: bool = False) -> str:
    """SQLite's integrity_check (or quick_check): "ok" when the file is sound."""
    if not db.is_sqlite:
        return "ok"
    pragma = "quick_check" if quick else "integrity_check"
    with db.engine.connect() as conn:
        rows = [r[0] for r in conn.execute(text(f"PRAGMA {pragma}"))]
    return "ok" if rows == ["ok"] else "; ".join(rows[:20])


def table_names(db: Database) -> list[str]:
    return inspect(db.engine).get_table_names()


def file_findings(path: Path) -> dict[str, list[str]]:
    """What ``tdkt check`` reads in a database file besides its structure (db.sqlite_schema):
    SQLite's full integrity check and rows pointing at missing rows. Each list is empty when
    that part is sound."""
    from db.sqlite_file import foreign_key_problems, integrity

    con = connect_ro(path)
    try:
        rows = integrity(con)
        fks = foreign_key_problems(con)
    finally:
        con.close()
    return {
        "integrity": [] if rows == ["ok"] else rows[:20],
        "foreign_keys": [f"Bảng “{table}”, dòng {rowid}: trỏ tới một dòng không còn trong bảng "
                         f"“{parent}”." for table, rowid, parent in fks[:50]]
        + ([f"… và {len(fks) - 50} dòng khác."] if len(fks) > 50 else []),
    }

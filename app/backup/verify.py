"""Verification of a database file: ours, sound, not newer than the app; counts and checksum."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.backup.files import connect_ro, sha256_file, sqlite_reason
from db.errors import SchemaError
from db.migrate import check_sqlite_file, ensure_compatible, schema_number


@dataclass(frozen=True)
class Verification:
    path: Path
    ok: bool
    problem: str | None = None  # a Vietnamese sentence when not ok
    revision: str | None = None
    schema: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    sha256: str | None = None
    size: int = 0

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


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


def _refuse(path: Path, problem: str) -> Verification:
    return Verification(path=path, ok=False, problem=problem)


def verify_file(
    path: Path, expect_counts: dict[str, int] | None = None, checksum: bool = True,
) -> Verification:
    """Check a database file without changing it: is it ours, intact, openable by this version."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        return _refuse(path, f"Không tìm thấy tệp “{name}”.")
    if path.stat().st_size == 0:
        return _refuse(path, f"Tệp “{name}” rỗng, không phải là cơ sở dữ liệu.")
    try:
        check_sqlite_file(path)
        con = connect_ro(path)
        try:
            return _verify_open(path, con, expect_counts, checksum)
        finally:
            con.close()
    except SchemaError as exc:
        return _refuse(path, str(exc))
    except sqlite3.DatabaseError as exc:
        return _refuse(path, f"Tệp “{name}” bị hỏng, không đọc được ({sqlite_reason(exc)}).")


def _verify_open(path, con, expect_counts, checksum) -> Verification:
    name = path.name
    result = [r[0] for r in con.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        detail = "; ".join(result[:3])
        return _refuse(path, f"Tệp “{name}” bị hỏng (kiểm tra toàn vẹn: {detail}).")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"alembic_version", "award_record"} <= tables:
        return _refuse(path, f"Tệp “{name}” không phải là cơ sở dữ liệu của phần mềm này.")
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = row[0] if row else None
    ensure_compatible(revision, name)  # SchemaError for a newer version
    counts = table_counts(con)
    if expect_counts is not None and counts != expect_counts:
        diff = sorted(k for k in set(counts) | set(expect_counts)
                      if counts.get(k) != expect_counts.get(k))
        return _refuse(path, f"Số dòng trong bản sao khác bản gốc (bảng: {', '.join(diff[:5])}).")
    return Verification(
        path=path, ok=True, revision=revision, schema=schema_number(revision), counts=counts,
        sha256=sha256_file(path) if checksum else None, size=path.stat().st_size,
    )

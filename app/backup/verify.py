"""Verification of a database file: ours, sound, not newer than the app; counts and checksum."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.backup.files import connect_ro, sha256_file, sqlite_reason
from db.errors import SchemaError
from db.migrate import check_sqlite_file, ensure_compatible, schema_number
from db.sqlite_file import integrity, schema_revision, table_counts, table_names


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
    result = integrity(con)
    if result != ["ok"]:
        detail = "; ".join(result[:3])
        return _refuse(path, f"Tệp “{name}” bị hỏng (kiểm tra toàn vẹn: {detail}).")
    tables = table_names(con)
    if not {"alembic_version", "award_record"} <= tables:
        return _refuse(path, f"Tệp “{name}” không phải là cơ sở dữ liệu của phần mềm này.")
    revision = schema_revision(con)
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

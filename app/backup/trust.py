"""Before a backup is trusted: compared with what was recorded when it was made (the manifest
beside it or inside the archive: SHA-256, rows per table) and with the structure this version
expects of a database at its revision (tables, columns, indexes, triggers). Any mismatch is
refused with what differs, before anything is replaced."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.backup.files import BackupError, connect_ro, sha256_file
from app.backup.manifest import MANIFEST_NAME, Entry, read_journal, read_manifest
from db.migrate import schema_number
from db.sqlite_file import schema_revision
from db.sqlite_schema import Difference, compare, read_schema, reference_schema

# Plain words for the tables an officer knows; the others are named as they are.
TABLE_WORDS = {
    "award_record": "sổ khen thưởng", "decision": "quyết định",
    "decision_line": "danh sách kèm theo quyết định", "subject": "đối tượng",
    "person": "cá nhân", "household": "hộ gia đình", "collective": "tập thể",
    "residential_area": "khu dân cư", "award_kind": "danh hiệu, hình thức khen thưởng",
    "batch": "đợt xét khen thưởng", "candidate": "người được đề nghị", "fund_line": "quỹ",
    "registration": "đăng ký thi đua", "movement": "phong trào", "audit_log": "nhật ký",
    "backup_log": "lịch sử sao lưu", "setting": "cài đặt",
}
PROTECTED_TABLES = ("decision", "decision_line", "award_record")
SHOWN = 5  # differences named in the message; the rest are counted


def table_word(table: str) -> str:
    word = TABLE_WORDS.get(table)
    return f"{word} ({table})" if word else table


# ----------------------------------------------------------------------------- manifest
def recorded_entry(source: Path) -> tuple[Entry, str] | None:
    """What was recorded of ``source`` when it was made, and where: the manifest beside it on
    the USB drive, else this PC's journal of safety copies."""
    source = Path(source)
    for entry in read_manifest(source.parent):
        if entry.file == source.name:
            return entry, f"ghi chép sao lưu “{MANIFEST_NAME}” bên cạnh tệp"
    full = str(source.resolve())
    for entry in reversed(read_journal()):
        if entry.file == full:
            return entry, "nhật ký sao lưu trên máy này"
    return None


def check_file_checksum(source: Path, recorded: tuple[Entry, str] | None) -> None:
    if recorded is None or not recorded[0].sha256:
        return
    entry, where = recorded
    if sha256_file(source) != entry.sha256:
        raise BackupError(
            f"Tệp “{source.name}” không khớp {where}: mã kiểm tra SHA-256 khác với lúc sao lưu "
            "— tệp đã bị sửa hoặc hỏng sau đó. Không khôi phục từ tệp này; hãy dùng bản sao "
            "lưu khác.")


def check_content(name: str, sha256: str | None, counts: dict[str, int],
                  expected_sha: str | None, expected_counts: dict | None, where: str) -> None:
    """The database (inside an archive, or the file itself) against what was recorded."""
    if expected_sha and sha256 and sha256 != expected_sha:
        raise BackupError(
            f"Dữ liệu trong “{name}” không khớp {where}: mã kiểm tra SHA-256 khác với lúc sao "
            "lưu — tệp đã bị sửa hoặc hỏng sau đó. Không khôi phục từ tệp này.")
    if expected_counts:
        wrong = [t for t in sorted(set(counts) | set(expected_counts))
                 if counts.get(t, 0) != expected_counts.get(t, 0)]
        if wrong:
            named = "; ".join(f"{table_word(t)}: có {counts.get(t, 0)} dòng, ghi chép "
                              f"{expected_counts.get(t, 0)}" for t in wrong[:SHOWN])
            more = f" và {len(wrong) - SHOWN} bảng khác" if len(wrong) > SHOWN else ""
            raise BackupError(
                f"Số dòng dữ liệu trong “{name}” không khớp {where} ({named}{more}). Tệp đã "
                "bị sửa hoặc hỏng sau khi sao lưu; không khôi phục từ tệp này.")


# ----------------------------------------------------------------------------- structure
def phrase(d: Difference) -> str:
    """One difference in words for the officer ("đã bị gỡ cơ chế chống sửa, xóa …")."""
    table = table_word(d.table)
    if d.kind == "trigger":
        plain = TABLE_WORDS.get(d.table, d.table)
        guard = ("cơ chế chống sửa, xóa " + plain if d.table in PROTECTED_TABLES
                 else "cơ chế tự động của " + plain)
        return {"missing": f"đã bị gỡ {guard} (“{d.name}”)",
                "different": f"{guard} (“{d.name}”) đã bị sửa",
                "extra": f"có thêm cơ chế lạ “{d.name}” trên {table}"}[d.change]
    what = {"table": "bảng", "column": "cột", "index": "chỉ mục", "view": "khung nhìn",
            "foreign_key": "liên kết của cột"}[d.kind]
    if d.kind == "table":
        return {"missing": f"thiếu bảng {table}", "extra": f"có thêm bảng lạ “{d.name}”",
                "different": f"bảng {table} khác"}[d.change]
    return {"missing": f"{table} thiếu {what} “{d.name}”",
            "extra": f"{table} có thêm {what} lạ “{d.name}”",
            "different": f"{what} “{d.name}” của {table} khác"}[d.change]


def structure_problems(path: Path) -> tuple[int, list[Difference]]:
    """(data version of the file, how its structure differs from that version's)."""
    con = connect_ro(path)
    try:
        revision = schema_revision(con)
        actual = read_schema(con)
    finally:
        con.close()
    return schema_number(revision), compare(actual, reference_schema(revision))


def check_structure(name: str, path: Path) -> None:
    """Refuse a file whose tables, columns, indexes or protecting triggers are not exactly
    those of its data version (a file with only some tables, or with the triggers dropped)."""
    try:
        version, differences = structure_problems(path)
    except sqlite3.Error as exc:
        raise BackupError(f"Không đọc được cấu trúc dữ liệu của “{name}” ({exc}).") from exc
    if not differences:
        return
    named = "; ".join(phrase(d) for d in differences[:SHOWN])
    more = f"; và {len(differences) - SHOWN} chỗ khác" if len(differences) > SHOWN else ""
    raise BackupError(
        f"Cấu trúc dữ liệu trong “{name}” không đúng như phần mềm đã tạo (phiên bản dữ liệu "
        f"{version}): {named}{more}. Tệp có thể đã bị sửa bằng công cụ khác; không khôi phục "
        "từ tệp này.")

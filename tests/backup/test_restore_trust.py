"""Restore trusts a backup only after checking it: against the manifest beside it or inside the
archive (SHA-256, rows per table), against the structure its version must have (tables,
columns, indexes, protecting triggers), and a ZIP's sizes before unpacking. Every refusal
names what is wrong and leaves the live database and its folder untouched."""

from __future__ import annotations

import json
import shutil
import sqlite3
import struct
import zipfile
from collections import namedtuple
from pathlib import Path

import pytest
import pyzipper

from app.backup import BackupError, archive, backup_database, check_backup, restore_database
from app.backup.manifest import MANIFEST_NAME
from tests.backup.backup_helpers import file_sha


def _folder_state(folder: Path) -> dict[str, str]:
    return {p.name: file_sha(p) for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def live(filled_db):
    """The live database (closed, as the restore flow leaves it) and its folder's state."""
    path = filled_db.path
    filled_db.dispose()
    return path


def _refused(source: Path, live: Path, match: str, password: str | None = None) -> None:
    before = _folder_state(live.parent)
    with pytest.raises(BackupError, match=match):
        check_backup(source, password)
    with pytest.raises(BackupError, match=match):
        restore_database(source, live, password=password)
    assert _folder_state(live.parent) == before  # nothing replaced, no leftover beside it


def _alone(path: Path, tmp_path: Path) -> Path:
    """The backup copied to a folder of its own (no manifest beside it)."""
    folder = tmp_path / "chép riêng"
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(path, folder / path.name))


def _edit(path: Path, *sql: str) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    for statement in sql:
        con.execute(statement)
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()


# ----------------------------------------------------------------------------- manifest
def test_tampered_manifest_counts_are_refused_and_named(filled_db, usb):
    made = backup_database(filled_db, usb).path
    live = filled_db.path
    filled_db.dispose()
    manifest = usb / MANIFEST_NAME
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["entries"][0]["counts"]["award_record"] += 1
    manifest.write_text(json.dumps(data), encoding="utf-8")
    _refused(made, live, r"sổ khen thưởng \(award_record\): có 2 dòng, ghi chép 3")


def test_backup_changed_after_it_was_made_is_refused_by_its_checksum(filled_db, usb):
    made = backup_database(filled_db, usb).path
    live = filled_db.path
    filled_db.dispose()
    _edit(made, "DELETE FROM certificate_print", "UPDATE person SET birth_year = 1901")
    _refused(made, live, "SHA-256 khác với lúc sao lưu")


def test_archive_whose_inner_manifest_disagrees_is_refused(filled_db, usb, tmp_path):
    made = backup_database(filled_db, usb, password="mật khẩu").path
    live = filled_db.path
    filled_db.dispose()
    plain = tmp_path / "bên trong.sqlite"
    with pyzipper.AESZipFile(made) as zf:
        zf.setpassword("mật khẩu".encode())
        plain.write_bytes(zf.read(archive.INNER_NAME))
        recorded = json.loads(zf.read(archive.INNER_MANIFEST))
    recorded["counts"]["person"] -= 1
    forged = tmp_path / "giả" / made.name
    forged.parent.mkdir()
    archive.encrypt(plain, forged, "mật khẩu", manifest=recorded)
    _refused(forged, live, r"ghi chép bên trong tệp nén \(cá nhân \(person\): có 52 dòng, "
                           r"ghi chép 51\)", password="mật khẩu")


def test_untouched_backups_still_restore(filled_db, usb):
    plain = backup_database(filled_db, usb).path
    zipped = backup_database(filled_db, usb, password="mk").path
    live = filled_db.path
    filled_db.dispose()
    assert check_backup(plain).counts["award_record"] == 2
    assert restore_database(zipped, live, password="mk").verification.counts["person"] == 52
    restore_database(plain, live)


# ----------------------------------------------------------------------------- structure
def test_file_with_a_table_missing_is_refused_before_anything_is_replaced(filled_db, usb,
                                                                          tmp_path):
    alone = _alone(backup_database(filled_db, usb).path, tmp_path)
    live = filled_db.path
    filled_db.dispose()
    _edit(alone, "DROP TABLE fund_line", "DROP TABLE report_narrative")
    _refused(alone, live, r"thiếu bảng quỹ \(fund_line\); thiếu bảng report_narrative")


@pytest.mark.parametrize("trigger,named", [
    ("award_record_only_revoke", r"đã bị gỡ cơ chế chống sửa, xóa sổ khen thưởng"),
    ("decision_line_issued_no_delete", r"chống sửa, xóa danh sách kèm theo quyết định"),
])
def test_file_with_a_protecting_trigger_dropped_is_refused(filled_db, usb, tmp_path, trigger,
                                                           named):
    alone = _alone(backup_database(filled_db, usb).path, tmp_path)
    live = filled_db.path
    filled_db.dispose()
    _edit(alone, f"DROP TRIGGER {trigger}")
    _refused(alone, live, named)


def test_weakened_trigger_extra_index_and_dropped_column_are_refused(filled_db, usb, tmp_path):
    alone = _alone(backup_database(filled_db, usb).path, tmp_path)
    live = filled_db.path
    filled_db.dispose()
    _edit(alone, "DROP TRIGGER award_record_no_delete",
          "CREATE TRIGGER award_record_no_delete BEFORE DELETE ON award_record WHEN 0 "
          "BEGIN SELECT RAISE(ABORT, 'x'); END")
    _refused(alone, live, r"chống sửa, xóa sổ khen thưởng \(“award_record_no_delete”\) đã bị sửa")
    again = _reopen(live)
    alone = _alone(backup_database(again, usb).path, tmp_path / "b")
    again.dispose()
    _edit(alone, "CREATE INDEX ix_la ON subject(name)", "ALTER TABLE person DROP COLUMN phone")
    _refused(alone, live, r"cá nhân \(person\) thiếu cột “phone”.*có thêm chỉ mục lạ “ix_la”")


def _reopen(path):
    from app.context import open_app_database

    return open_app_database(path)


# ----------------------------------------------------------------------------- ZIP sizes
def _zip_of(path: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, data)
    return path


def test_zip_bomb_is_refused_without_spilling_next_to_the_database(live, tmp_path,
                                                                   tmp_data_dir):
    bomb = _zip_of(tmp_path / "TDKT-sao-luu-2025-01-01-000000.zip", archive.INNER_NAME,
                   bytes(64 * 1024 * 1024))  # 64 MB of zeros in ~64 KB
    assert bomb.stat().st_size < 1024 * 1024
    _refused(bomb, live, "không chứa cơ sở dữ liệu của phần mềm")
    staging = tmp_data_dir / "backups" / "tam"
    assert not staging.exists() or list(staging.iterdir()) == []


def test_zip_declaring_more_than_the_disk_holds_is_refused_before_unpacking(
        filled_db, usb, monkeypatch):
    zipped = backup_database(filled_db, usb, password="mk").path
    live = filled_db.path
    filled_db.dispose()
    real = shutil.disk_usage

    def small_disk(path):
        if Path(path) == live.parent or "tam" in str(path):
            return namedtuple("usage", "total used free")(10**9, 10**9 - 300 * 2**20, 300 * 2**20)
        return real(path)

    monkeypatch.setattr("app.backup.archive.shutil.disk_usage", small_disk)
    monkeypatch.setattr(archive, "DISK_RESERVE", 300 * 2**20)
    written = []
    monkeypatch.setattr(archive, "fsync_file", written.append)
    _refused(zipped, live, "chỉ còn 300,0 MB trống", password="mk")
    assert written == []
    monkeypatch.setattr(archive, "MAX_UNPACKED", 1000)
    _refused(zipped, live, "quá lớn để là bản sao lưu", password="mk")


def _lie_about_size(path: Path, factor: float) -> None:
    """Rewrite the declared uncompressed size in the local header and the central directory."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(archive.INNER_NAME)
    lie = int(info.file_size * factor)
    struct.pack_into("<I", raw, info.header_offset + 22, lie)
    central = raw.rfind(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, lie)
    path.write_bytes(bytes(raw))


@pytest.mark.parametrize("factor,match", [(0.5, "khai báo .* nhưng cơ sở dữ liệu bên trong ghi"),
                                          (2, "khai báo .* nhưng cơ sở dữ liệu bên trong ghi")])
def test_zip_whose_declared_size_lies_is_refused(filled_db, usb, tmp_path, factor, match):
    plain = backup_database(filled_db, usb).path
    live = filled_db.path
    filled_db.dispose()
    lying = _zip_of(tmp_path / "nói dối.zip", archive.INNER_NAME, plain.read_bytes())
    _lie_about_size(lying, factor)
    _refused(lying, live, match)


def test_zip_that_unpacks_beyond_its_declared_size_is_stopped(filled_db, usb, tmp_path,
                                                              monkeypatch):
    """Even when the header agrees with the declared size, unpacking stops at it."""
    plain = backup_database(filled_db, usb).path
    live = filled_db.path
    filled_db.dispose()
    longer = _zip_of(tmp_path / "dài hơn.zip", archive.INNER_NAME,
                     plain.read_bytes() + bytes(8 * 1024 * 1024))
    with zipfile.ZipFile(longer) as zf:
        declared = zf.getinfo(archive.INNER_NAME).file_size
    monkeypatch.setattr(archive, "_check_header", lambda *a: None)  # a header that lies too
    _lie_about_size(longer, plain.stat().st_size / declared)
    _refused(longer, live, "giải nén ra nhiều hơn|bị hỏng")


# ----------------------------------------------------------------------------- leftovers
def _dead_pid() -> int:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_staging_files_of_killed_backups_and_restores_are_cleaned_at_start(live,
                                                                         tmp_data_dir):
    import os
    import time

    from app.context import open_app_database

    dead, alive = _dead_pid(), os.getpid()
    work = tmp_data_dir / "backups" / "tam"
    work.mkdir(parents=True, exist_ok=True)
    stale = [live.parent / f".{live.name}.khoi-phuc-{dead}",
             live.parent / f".{live.name}.khoi-phuc-{dead}-journal",
             work / f".TDKT-sao-luu-2025-01-01-000000.zip.kiem-tra-{dead}",
             work / f".TDKT-sao-luu-20250101-120000-{dead}.sqlite.dang-ghi",
             work / ".bản cũ.sqlite.kiem-tra"]  # an older version's name, without a process id
    kept = [live.parent / f".{live.name}.khoi-phuc-{alive}",  # a restore running right now
            work / f".TDKT-sao-luu-20250101-120000-{alive}.zip.dang-ghi",
            live.parent / "ghi chú của cán bộ.txt", work / "không phải của phần mềm.txt"]
    for p in stale + kept:
        p.write_bytes(b"x" * 4096)
    old = time.time() - 3600
    os.utime(stale[-1], (old, old))
    open_app_database(live).dispose()
    assert [p.name for p in stale if p.exists()] == []
    assert [p.name for p in kept if not p.exists()] == []

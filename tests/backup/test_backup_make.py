"""Backup: verified copy under a dated name; every failure leaves no partial file behind."""

from __future__ import annotations

import errno
import json
import sqlite3
import tempfile
from collections import namedtuple

import pytest
import pyzipper
from sqlalchemy import func, select

from app.backup import BackupCancelled, BackupError, backup_database, files, read_manifest
from app.backup.verify import table_counts
from db.migrate import integrity_check
from db.models import BackupLog, Person
from tests.backup.backup_helpers import file_sha


def _names(folder):
    return sorted(p.name for p in folder.iterdir())


def _people(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def test_backup_is_verified_named_and_logged(filled_db, usb):
    seen = []
    result = backup_database(filled_db, usb, progress=lambda d, t, m: seen.append((d, t, m)))
    assert result.path.parent == usb and files.NAME_RE.match(result.path.name)
    assert _names(usb) == sorted([result.path.name, "TDKT-sao-luu.json"])  # no -wal, no partial
    assert file_sha(result.path) == result.sha256 and result.size == result.path.stat().st_size
    con = sqlite3.connect(result.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("SELECT count(*) FROM person").fetchone()[0] == 52
    con.close()
    [entry] = read_manifest(usb)
    assert (entry.file, entry.sha256, entry.verified) == (result.path.name, result.sha256, True)
    assert entry.counts["award_record"] == 2
    with filled_db.read() as s:
        log = s.scalars(select(BackupLog)).one()
        assert (log.target, log.sha256, log.verified) == (str(result.path), result.sha256, True)
    assert seen[-1][:2] == (100, 100) and "sao lưu xong" in seen[-1][2]
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)  # progress only goes forward


def test_missing_target_is_refused(filled_db, tmp_path):
    with pytest.raises(BackupError, match="Không tìm thấy thư mục hoặc ổ đĩa"):
        backup_database(filled_db, tmp_path / "E:" / "không có")


def test_unwritable_target_is_refused_before_writing(filled_db, usb, monkeypatch):
    def denied(*a, **k):
        raise PermissionError(errno.EROFS, "Read-only file system")

    # Root ignores chmod, so the refusal of the drive is injected where the first byte is written.
    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(BackupError, match="chỉ đọc hoặc không có quyền ghi"):
        backup_database(filled_db, usb)
    assert _names(usb) == []


def test_target_too_small_is_refused_before_writing(filled_db, usb, monkeypatch):
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr("app.backup.make.shutil.disk_usage", lambda p: Usage(10**6, 10**6, 1000))
    with pytest.raises(BackupError, match="không đủ chỗ"):
        backup_database(filled_db, usb)
    assert _names(usb) == []


def _fail_midway(monkeypatch, exc):
    """Copy part of the pages, then fail the way a full disk or a pulled drive does."""
    real = files._copy_step

    def step(src, dst, pages, report):
        def report_then_fail(status, remaining, total):
            report(status, remaining, total)
            raise exc

        real(src, dst, 1, report_then_fail)

    monkeypatch.setattr(files, "_copy_step", step)


@pytest.mark.parametrize("exc, message", [
    (OSError(errno.ENOSPC, "No space left on device"), "đã đầy"),
    (sqlite3.OperationalError("database or disk is full"), "đã đầy"),
    (OSError(errno.EIO, "Input/output error"), "gián đoạn"),
])
def test_failure_during_copy_leaves_earlier_backups_and_live_data_intact(
        filled_db, usb, monkeypatch, exc, message):
    first = backup_database(filled_db, usb)
    before = file_sha(first.path)
    with filled_db.read() as s:
        counts = table_counts(s.connection().connection.driver_connection)
    _fail_midway(monkeypatch, exc)
    with pytest.raises(BackupError, match=message) as info:
        backup_database(filled_db, usb)
    assert "Bản sao dở dang đã được xóa" in str(info.value)
    assert _names(usb) == sorted([first.path.name, "TDKT-sao-luu.json"])
    assert file_sha(first.path) == before
    assert integrity_check(filled_db) == "ok" and _people(filled_db) == 52
    with filled_db.read() as s:
        assert table_counts(s.connection().connection.driver_connection) == counts
        assert s.scalar(select(func.count()).select_from(BackupLog)) == 1


@pytest.mark.parametrize("stage", ["Đang sao chép", "Đang kiểm tra", "Đang mã hóa"])
def test_cancel_midway_removes_the_partial_file(filled_db, usb, tmp_data_dir, stage):
    last = [""]

    def progress(done, total, message):
        last[0] = message

    def cancelled():  # the user presses Hủy once the job has reached ``stage``
        return last[0].startswith(stage)

    with pytest.raises(BackupCancelled, match="Đã hủy"):
        backup_database(filled_db, usb, password="mật khẩu", progress=progress,
                        cancelled=cancelled)
    assert _names(usb) == [] and list((tmp_data_dir / "backups" / "tam").iterdir()) == []
    if stage != "Đang mã hóa":
        last[0] = ""
        with pytest.raises(BackupCancelled):
            backup_database(filled_db, usb, progress=progress, cancelled=cancelled)
        assert _names(usb) == []
    with filled_db.read() as s:
        assert s.scalar(select(func.count()).select_from(BackupLog)) == 0


def test_encrypted_backup_opens_elsewhere_with_the_password_only(filled_db, usb, tmp_path,
                                                                 tmp_data_dir):
    result = backup_database(filled_db, usb, password="Mật khẩu 2025")
    assert result.encrypted and result.path.suffix == ".zip"
    assert list((tmp_data_dir / "backups" / "tam").iterdir()) == []  # no plain copy left
    header = result.path.read_bytes()[:30]  # ZIP local file header
    flags, method = int.from_bytes(header[6:8], "little"), int.from_bytes(header[8:10], "little")
    assert flags & 1 and method == 99  # encrypted, WinZip AES (what 7-Zip and WinRAR open)
    with pyzipper.AESZipFile(result.path) as zf:
        info, manifest = zf.infolist()  # the database, and what it holds (rows, checksum)
        assert manifest.filename == "TDKT-sao-luu.json"
        for member in (info, manifest):
            with pytest.raises(RuntimeError):
                zf.read(member.filename)  # no password: no data, not even the counts
        zf.setpassword("Mật khẩu 2025".encode())
        (tmp_path / "out.sqlite").write_bytes(zf.read(info.filename))
        recorded = json.loads(zf.read(manifest.filename))
    assert recorded["content_sha256"] == file_sha(tmp_path / "out.sqlite")
    assert recorded["counts"]["person"] == 52
    con = sqlite3.connect(tmp_path / "out.sqlite")
    assert con.execute("SELECT count(*) FROM person").fetchone()[0] == 52
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert file_sha(result.path) == result.sha256


def test_backup_while_another_connection_writes_is_consistent(filled_db, usb):
    """The copy is one snapshot: rows written during it are either all in or all out."""
    from tests.backup.backup_helpers import add_people

    def write_during(done, total, message):
        if 10 < done < 60:
            add_people(filled_db, 5, prefix="Lê Văn")

    result = backup_database(filled_db, usb, progress=write_during)
    con = sqlite3.connect(result.path)
    n = con.execute("SELECT count(*) FROM person").fetchone()[0]
    assert con.execute("SELECT count(*) FROM subject").fetchone()[0] == n
    con.close()


def test_partial_file_left_by_a_pulled_drive_is_removed_next_time(filled_db, usb):
    import os
    import time

    old = usb / ".TDKT-sao-luu-20260101-120000-99.sqlite.dang-ghi"
    old.write_bytes(b"half")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    running = usb / ".TDKT-sao-luu-20260101-120500-98.sqlite.dang-ghi"  # another job, now
    running.write_bytes(b"half")
    made = backup_database(filled_db, usb)
    assert _names(usb) == sorted([made.path.name, running.name, "TDKT-sao-luu.json"])


@pytest.mark.parametrize("lost", ["DELETE FROM person WHERE id = (SELECT max(id) FROM person)",
                                  "DELETE FROM certificate_print",  # an empty table: no change
                                  "INSERT INTO setting(key, value) VALUES ('lạ', '1')"])
def test_copy_whose_row_counts_differ_from_the_original_is_refused(filled_db, usb, monkeypatch,
                                                                   lost, tmp_data_dir):
    """The row-count comparison of the verification: a copy that lost (or gained) a row while
    staying a sound SQLite file is refused, names the table, and is removed."""
    real = files._copy_step

    def copy_then_change(src, dst, pages, report):
        real(src, dst, pages, report)
        dst.execute(lost)

    monkeypatch.setattr(files, "_copy_step", copy_then_change)
    if lost.startswith("DELETE FROM certificate_print"):
        backup_database(filled_db, usb)  # nothing lost: the same counts pass
        return
    table = "person" if "person" in lost else "setting"
    with pytest.raises(BackupError, match=rf"Số dòng trong bản sao khác bản gốc \(bảng: {table}\)"):
        backup_database(filled_db, usb)
    assert _names(usb) == []
    assert list((tmp_data_dir / "backups" / "tam").glob("*")) == []

"""Restore: verified first, safety copy of the current file, atomic replace; refusals change
nothing. Start-up check: a damaged file is reported, never written, and a backup offered."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from app.backup import (
    BackupError,
    backup_database,
    backup_history,
    check_backup,
    last_verified_backup,
    restore_database,
    startup_check,
)
from app.context import open_app_database
from db.migrate import open_database
from db.models import BackupLog, Person
from tests.backup.backup_helpers import add_people, file_sha


def _people(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def _folder_state(folder):
    return {p.name: file_sha(p) for p in folder.iterdir() if p.is_file()}


def _newer_schema_copy(tmp_path):
    path = tmp_path / "mới hơn.sqlite"
    open_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='0099_future'")
    con.commit()
    con.close()
    return path


def _bad_files(tmp_path, good):
    truncated = tmp_path / "cụt.sqlite"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    junk = tmp_path / "rác.db"
    junk.write_bytes(bytes(range(256)) * 400)
    foreign = tmp_path / "khác.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE khach_hang(id INTEGER)")
    con.commit()
    con.close()
    return {
        truncated: "bị hỏng",
        junk: "không phải là cơ sở dữ liệu",
        foreign: "không phải là cơ sở dữ liệu",
        _newer_schema_copy(tmp_path): "phiên bản mới hơn",
    }


def test_bad_files_are_refused_and_nothing_changes(filled_db, usb, tmp_path):
    good = backup_database(filled_db, usb).path
    live = filled_db.path
    filled_db.dispose()
    before = _folder_state(live.parent)
    for bad, reason in _bad_files(tmp_path / "USB KINGSTON", good).items():
        with pytest.raises(BackupError, match=reason):
            restore_database(bad, live)
        with pytest.raises(BackupError, match=reason):
            check_backup(bad)
        assert _folder_state(live.parent) == before, bad.name


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(filled_db, usb):
    first = backup_database(filled_db, usb)
    add_people(filled_db, 7, prefix="Phạm Thị")  # work done after the backup
    assert _people(filled_db) == 59
    path = filled_db.path
    filled_db.dispose()
    result = restore_database(first.path, path)
    db = open_app_database(path)
    try:
        assert _people(db) == 52
        with db.read() as s:  # the history of backups survives, and the restore is noted
            kinds = s.scalars(select(BackupLog.kind).order_by(BackupLog.id)).all()
        assert kinds == ["manual", "restore"]
        assert backup_history(db)[0].kind_label == "Khôi phục"
        assert last_verified_backup(db).target == first.path
    finally:
        db.dispose()
    con = sqlite3.connect(result.safety_copy)
    assert con.execute("SELECT count(*) FROM person").fetchone()[0] == 59
    con.close()
    _damage(path)  # the copy taken before the restore (newer) is not what gets offered
    assert startup_check(path).newest.file == str(first.path.resolve())


def test_encrypted_backup_needs_the_right_password(filled_db, usb):
    backup = backup_database(filled_db, usb, password="đúng").path
    path = filled_db.path
    filled_db.dispose()
    before = file_sha(path)
    for wrong in (None, "sai"):
        with pytest.raises(BackupError, match="Mật khẩu"):
            restore_database(backup, path, password=wrong)
    assert file_sha(path) == before
    restore_database(backup, path, password="đúng")
    assert sqlite3.connect(path).execute("SELECT count(*) FROM person").fetchone()[0] == 52


def _damage(path):
    """Overwrite pages in the middle of the file, as a failing disk sector would."""
    data = bytearray(path.read_bytes())
    page = 4096
    for n in range(2, len(data) // page - 1, 3):
        data[n * page + 100: n * page + 300] = b"\xff" * 200
    path.write_bytes(bytes(data))


def test_startup_check_reports_damage_offers_backup_and_never_writes(filled_db, usb):
    backup = backup_database(filled_db, usb).path
    path = filled_db.path
    assert startup_check(path).ok
    filled_db.dispose()
    _damage(path)
    damaged_sha = file_sha(path)
    status = startup_check(path)
    assert not status.ok and "bị hỏng" in status.problem
    assert status.newest.file == str(backup.resolve()) and "Khôi phục" in status.offer_text()
    assert file_sha(path) == damaged_sha
    result = restore_database(status.newest.file, path)
    assert startup_check(path).ok
    assert file_sha(result.safety_copy) == damaged_sha  # kept as it was, for a specialist
    _damage(path)  # again: the copy taken before the restore is not what gets offered
    assert startup_check(path).newest.file == str(backup.resolve())


def test_startup_check_of_a_new_or_healthy_file(tmp_path, db):
    assert startup_check(tmp_path / "chưa có.sqlite").ok
    assert startup_check(db.path).ok
    junk = tmp_path / "rác.sqlite"
    junk.write_bytes(b"x" * 5000)
    status = startup_check(junk)
    assert not status.ok and status.offers == [] and "USB" in status.offer_text()


def test_older_backup_is_upgraded_after_restore(filled_db, usb, tmp_path):
    """A backup made by an older version restores, then migrates (with its own safety copy)."""

    from db.migrate import current_revision, head_revision
    from tests.migration_helpers import migrate_to

    old_path = tmp_path / "cũ.sqlite"
    migrate_to(old_path, "0001_initial")
    path = filled_db.path
    filled_db.dispose()
    restore_database(old_path, path)
    db = open_app_database(path)
    assert current_revision(db) == head_revision()
    db.dispose()


def test_no_way_of_opening_writes_into_a_damaged_file(filled_db, capsys):
    from app.cli import main
    from app.errors import DatabaseVersionError

    path = filled_db.path
    filled_db.dispose()
    _damage(path)
    damaged_sha = file_sha(path)
    with pytest.raises(DatabaseVersionError, match="bị hỏng"):
        open_app_database(path)
    assert main(["demo", "--db", str(path)]) == 2
    assert "không ghi gì vào tệp này" in capsys.readouterr().err
    assert file_sha(path) == damaged_sha


def test_local_safety_copies_are_pruned(db, tmp_data_dir):
    from app.backup import local

    made = [local.safety_copy(db.path, local.PRE_RESTORE, f"lan{i}", "pre-restore")
            for i in range(local.KEEP_LOCAL + 3)]
    left = sorted((tmp_data_dir / "backups" / local.PRE_RESTORE).glob("*.sqlite"))
    assert len(left) == local.KEEP_LOCAL and made[-1] in left

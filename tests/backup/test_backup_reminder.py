"""Reminder when a backup is due; rotation never loses the newest verified backup; CLI."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.backup import (
    BackupSettings,
    backup_database,
    backup_due,
    backups_in,
    last_verified_backup,
    load_settings,
    read_manifest,
    rotate,
    save_settings,
    update_settings,
)
from app.backup.manifest import write_manifest
from app.cli import main
from app.errors import ValidationError


def test_backup_due_follows_the_interval_setting(filled_db, usb):
    assert "Chưa có bản sao lưu" in backup_due(filled_db)
    backup_database(filled_db, usb)
    assert last_verified_backup(filled_db).target.parent == usb
    assert backup_due(filled_db) is None
    later = date.today() + timedelta(days=31)
    text = backup_due(filled_db, today=later)
    assert "đã 31 ngày" in text and "quá 30 ngày" in text
    update_settings(filled_db, interval_days=60)
    assert backup_due(filled_db, today=later) is None


def test_settings_are_kept_and_checked(db):
    assert load_settings(db) == BackupSettings()
    save_settings(db, BackupSettings(keep=5, interval_days=14, on_exit=True, encrypt=True,
                                     last_target="E:\\"))
    assert load_settings(db).keep == 5 and load_settings(db).on_exit
    with pytest.raises(ValidationError, match="từ 1 đến 1000"):
        save_settings(db, replace(load_settings(db), keep=0))


def _fake_backups(folder, source, stamps):
    names = []
    for stamp in stamps:
        name = f"TDKT-sao-luu-2026-01-{stamp}-120000.sqlite"
        shutil.copyfile(source, folder / name)
        names.append(name)
    return names


def test_rotation_keeps_n_and_only_touches_our_files(filled_db, usb):
    first = backup_database(filled_db, usb)
    _fake_backups(usb, first.path, ["01", "02", "03"])  # older, not in the manifest
    (usb / "Ảnh gia đình.jpg").write_bytes(b"\xff\xd8 photo")
    result = backup_database(filled_db, usb, keep=2)
    left = [p.name for p in backups_in(usb)]
    assert left == [first.path.name, result.path.name]
    assert {p.name for p in result.removed} == {f"TDKT-sao-luu-2026-01-{d}-120000.sqlite"
                                               for d in ("01", "02", "03")}
    assert (usb / "Ảnh gia đình.jpg").exists()


def test_rotation_never_deletes_the_newest_verified_backup(filled_db, usb):
    verified = backup_database(filled_db, usb)
    # Newer files that were never verified (say, copied in by hand) must not push it out.
    later = [f"TDKT-sao-luu-2099-01-0{i}-120000.sqlite" for i in range(1, 4)]
    for name in later:
        shutil.copyfile(verified.path, usb / name)
    rotate(usb, keep=1)
    left = [p.name for p in backups_in(usb)]
    assert verified.path.name in left and later[-1] in left and len(left) == 2
    write_manifest(usb, [])  # no record at all: nothing counts as verified, keep the newest
    rotate(usb, keep=1)
    assert [p.name for p in backups_in(usb)] == [later[-1]]


def test_cli_backup_then_restore(filled_db, usb, capsys):
    path = str(filled_db.path)
    filled_db.dispose()
    assert main(["backup", "--to", str(usb), "--db", path, "--password", "mk"]) == 0
    out = capsys.readouterr().out
    assert "Đã sao lưu và kiểm tra" in out and "ZIP AES-256" in out
    [zipped] = backups_in(usb)
    assert read_manifest(usb)[0].encrypted
    con = sqlite3.connect(path)
    con.execute("UPDATE subject SET notes='sửa sau khi sao lưu'")
    con.commit()
    con.close()
    assert main(["restore", str(zipped), "--db", path, "--password", "sai"]) == 2
    assert "Mật khẩu" in capsys.readouterr().err
    assert main(["restore", str(zipped), "--db", path, "--password", "mk"]) == 0
    assert "Đã khôi phục" in capsys.readouterr().out
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM subject WHERE notes IS NOT NULL").fetchone()[0] == 0
    con.close()


def test_cli_restore_onto_a_new_pc(filled_db, usb, tmp_path, capsys):
    made = backup_database(filled_db, usb).path
    fresh = tmp_path / "máy mới" / "dữ liệu" / "thiduakhenthuong.sqlite"
    assert main(["restore", str(made), "--db", str(fresh)]) == 0
    assert "Dữ liệu trước khi khôi phục" not in capsys.readouterr().out  # nothing to keep
    con = sqlite3.connect(fresh)
    assert con.execute("SELECT count(*) FROM person").fetchone()[0] == 52
    con.close()

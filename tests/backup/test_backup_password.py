"""The backup password: NFC-normalised on write and read (Unikey's "Unicode tổ hợp" types NFD,
and older archives encrypted with NFD still open); kept in the OS password store, never in
the database; a readable password left by an older version is moved out once, with a notice."""

from __future__ import annotations

import json
import unicodedata

import pytest
import pyzipper
from PySide6.QtCore import Qt

from app import backup
from app.backup import BackupError, archive, backup_database, check_backup, restore_database
from app.cli import main as cli_main
from app.context import open_app_database
from db.models import Setting
from tests.ui.helpers import DialogRecorder
from ui.main_window import MainWindow

TYPED_NFC = unicodedata.normalize("NFC", "Hoa sen nở 2025")
TYPED_NFD = unicodedata.normalize("NFD", "Hoa sen nở 2025")  # Unikey, "Unicode tổ hợp"


def test_the_two_unicode_forms_of_a_password_are_one_password(filled_db, usb):
    assert TYPED_NFC != TYPED_NFD
    made = backup_database(filled_db, usb, password=TYPED_NFD).path
    live = filled_db.path
    filled_db.dispose()
    assert archive.password_ok(made, TYPED_NFC) and archive.password_ok(made, TYPED_NFD)
    assert check_backup(made, TYPED_NFC).counts["person"] == 52
    restore_database(made, live, password=TYPED_NFC)
    with pytest.raises(BackupError, match="Mật khẩu .* không đúng"):
        check_backup(made, "Hoa sen no 2025")


def test_an_archive_encrypted_with_the_nfd_bytes_still_opens(filled_db, usb, tmp_path):
    """Archives made by older versions took the password as typed (NFD from Unikey)."""
    plain = backup_database(filled_db, usb).path
    live = filled_db.path
    filled_db.dispose()
    old = tmp_path / "cũ" / "TDKT-sao-luu-2024-12-01-080000.zip"
    old.parent.mkdir()
    with pyzipper.AESZipFile(old, "w", compression=pyzipper.ZIP_DEFLATED,
                             encryption=pyzipper.WZ_AES) as zf:
        zf.setpassword(TYPED_NFD.encode("utf-8"))
        zf.write(plain, archive.INNER_NAME)
    assert check_backup(old, TYPED_NFC).counts["award_record"] == 2
    restore_database(old, live, password=TYPED_NFC)


def _legacy_password(db, password: str) -> None:
    """The settings row as an older version wrote it: the password readable."""
    with db.session() as s:
        s.merge(Setting(key="backup", value={"keep": 4, "password": password,
                                             "last_target": "E:\\TDKT-sao-luu"}))


def _row(db) -> str:
    with db.read() as s:
        return json.dumps(s.get(Setting, "backup").value, ensure_ascii=False)


def test_a_readable_password_is_moved_to_the_password_store_once(db, password_store):
    _legacy_password(db, TYPED_NFD)
    path = db.path
    db.dispose()
    again = open_app_database(path)
    assert "Hoa sen" not in _row(again) and "password" not in json.loads(_row(again))
    settings = backup.load_settings(again)
    assert settings.encrypt and settings.keep == 4 and settings.key_id
    assert backup.recall(again) == TYPED_NFC
    notice = backup.take_notice(again)
    assert "đã chuyển nó vào kho mật khẩu" in notice
    assert backup.take_notice(again) is None  # told once
    again.dispose()


def test_without_a_password_store_a_readable_password_is_dropped_and_asked_for(
        db, qtbot, monkeypatch, usb):
    _legacy_password(db, "mật khẩu cũ")
    path = db.path
    db.dispose()
    again = open_app_database(path)
    assert "mật khẩu cũ" not in _row(again)
    assert backup.load_settings(again).encrypt and backup.recall(again) is None
    rec = DialogRecorder(monkeypatch)
    typed = iter(["mật khẩu cũ", "mật khẩu cũ"])
    monkeypatch.setattr("ui.dialogs.ask_password", lambda *a, **k: next(typed))
    monkeypatch.setattr("app.backup.removable_drives", list)
    backup.update_settings(again, last_target=str(usb))
    win = MainWindow(again, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    from ui.screens.backup_hooks import remind_backup

    remind_backup(win, again)
    qtbot.waitUntil(lambda: bool(rec.texts("info")), timeout=5000)
    assert "không có kho mật khẩu an toàn" in rec.texts("info")[0]
    page = win.show_screen("backup")
    assert "hỏi mật khẩu" in page.settings_box.password_note.text()
    qtbot.mouseClick(page.btn_backup, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(rec.texts("info")) == 2, timeout=10000)
    [made] = backup.backups_in(usb)
    assert made.suffix == ".zip" and archive.password_ok(made, "mật khẩu cũ")


def test_a_second_typing_that_differs_makes_no_backup(org_db, qtbot, monkeypatch, usb):
    backup.update_settings(org_db, encrypt=True, last_target=str(usb))
    rec = DialogRecorder(monkeypatch)
    typed = iter(["một", "hai"])
    monkeypatch.setattr("ui.dialogs.ask_password", lambda *a, **k: next(typed))
    monkeypatch.setattr("app.backup.removable_drives", list)
    win = MainWindow(org_db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    page = win.show_screen("backup")
    qtbot.mouseClick(page.btn_backup, Qt.LeftButton)
    assert "khác nhau" in rec.texts("warn")[0] and backup.backups_in(usb) == []


def test_settings_box_without_a_store_says_the_password_is_not_kept(org_db, qtbot, monkeypatch):
    rec = DialogRecorder(monkeypatch)
    win = MainWindow(org_db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    box = win.show_screen("backup").settings_box
    box.encrypt.setChecked(True)
    box.password.setText("Bí mật")
    box.password2.setText("Bí mật")
    qtbot.mouseClick(box.btn_save, Qt.LeftButton)
    assert "không nhớ mật khẩu" in rec.texts("info")[0]
    assert "Bí mật" not in _row(org_db) and backup.load_settings(org_db).encrypt
    assert box.password.text() == ""  # nothing to show: nothing was kept


def test_cli_backup_needs_the_password_when_the_pc_does_not_keep_it(org_db, usb, capsys,
                                                                    password_store):
    backup.update_settings(org_db, encrypt=True)
    path = str(org_db.path)
    org_db.dispose()
    assert cli_main(["backup", "--to", str(usb), "--db", path]) != 0
    assert "--password" in capsys.readouterr().err and backup.backups_in(usb) == []
    again = open_app_database(path)
    assert backup.remember(again, TYPED_NFD)
    again.dispose()
    assert cli_main(["backup", "--to", str(usb), "--db", path]) == 0
    [made] = backup.backups_in(usb)
    assert made.suffix == ".zip" and archive.password_ok(made, TYPED_NFC)

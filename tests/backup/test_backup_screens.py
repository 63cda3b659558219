"""The backup and audit screens driven as the officer would, against temporary folders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app import backup
from app.backup.drives import Drive
from app.services.records import records
from db.models import BackupLog, Person, Setting
from tests.backup.backup_helpers import file_sha
from tests.ui.helpers import DialogRecorder, when_modal
from ui.main_window import MainWindow


def _window(qtbot, db):
    win = MainWindow(db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    return win


def _fake_usb(monkeypatch, tmp_path) -> Path:
    mount = tmp_path / "media" / "KINGSTON"
    mount.mkdir(parents=True)
    drive = Drive(mount, "KINGSTON", 16 * 1024**3, 8 * 1024**3)
    monkeypatch.setattr("app.backup.removable_drives", lambda: [drive])
    return drive.folder


def _settings_row(db) -> str:
    """The backup settings as stored in the database file (what a thief of the file reads)."""
    import json

    with db.read() as s:
        row = s.get(Setting, "backup")
        return json.dumps(row.value, ensure_ascii=False) if row else ""


def _people(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def test_one_click_backup_to_the_usb_drive_then_restore(qtbot, org_db, monkeypatch, tmp_path):
    rec = DialogRecorder(monkeypatch)
    folder = _fake_usb(monkeypatch, tmp_path)
    records.save_person(org_db, records.PersonData("Đặng Thị Ánh"))
    win = _window(qtbot, org_db)
    page = win.show_screen("backup")
    assert "Chưa có bản sao lưu" in page.status.text()
    assert page.target.currentData() == str(folder) and "KINGSTON" in page.target.currentText()

    qtbot.mouseClick(page.btn_backup, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(rec.texts("info")), timeout=10000)
    assert "Đã sao lưu và kiểm tra xong" in rec.texts("info")[0]
    [made] = backup.backups_in(folder)
    assert page.history.rowCount() == 1 and page.history.item(0, 4).text() == "Đạt"
    assert backup.load_settings(org_db).last_target == str(folder)
    assert "Lần sao lưu gần nhất" in page.status.text()

    records.save_person(org_db, records.PersonData("Người Thêm Sau"))
    assert _people(org_db) == 2
    page.history.selectRow(0)
    qtbot.mouseClick(page.btn_restore, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(rec.texts("info")) == 2, timeout=10000)
    assert "Đã khôi phục dữ liệu" in rec.texts("info")[1]
    assert any("Khôi phục dữ liệu từ" in t for t in rec.texts("confirm"))
    assert _people(org_db) == 1  # the same window goes on working on the restored file
    assert file_sha(made) == backup.read_manifest(folder)[0].sha256


def test_missing_drive_is_explained_and_nothing_written(qtbot, org_db, monkeypatch, tmp_path):
    rec = DialogRecorder(monkeypatch)
    monkeypatch.setattr("app.backup.removable_drives", list)
    gone = tmp_path / "E" / "TDKT-sao-luu"
    backup.update_settings(org_db, last_target=str(gone))
    page = _window(qtbot, org_db).show_screen("backup")
    assert "hãy cắm lại USB" in page.target.currentText()
    qtbot.mouseClick(page.btn_backup, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(rec.texts("error")), timeout=10000)
    assert "Không tìm thấy thư mục hoặc ổ đĩa" in rec.texts("error")[0]
    assert page.btn_backup.isEnabled() and not gone.parent.exists()
    with org_db.read() as s:
        assert s.scalar(select(func.count()).select_from(BackupLog)) == 0


def test_settings_with_a_password_make_encrypted_backups(qtbot, org_db, monkeypatch, tmp_path,
                                                         password_store):
    rec = DialogRecorder(monkeypatch)
    folder = _fake_usb(monkeypatch, tmp_path)
    page = _window(qtbot, org_db).show_screen("backup")
    box = page.settings_box
    box.keep.setValue(3)
    box.encrypt.setChecked(True)
    box.password.setText("Bí mật 2025")
    box.password2.setText("Bí mật")
    qtbot.mouseClick(box.btn_save, Qt.LeftButton)
    assert "khác nhau" in rec.texts("warn")[0] and not backup.load_settings(org_db).encrypt
    box.password2.setText("Bí mật 2025")
    box.on_exit.setChecked(True)
    qtbot.mouseClick(box.btn_save, Qt.LeftButton)
    saved = backup.load_settings(org_db)
    assert (saved.keep, saved.encrypt, saved.on_exit) == (3, True, True)
    assert backup.recall(org_db) == "Bí mật 2025" and "kho mật khẩu" in rec.texts("info")[-1]
    assert "Bí mật" not in _settings_row(org_db)  # never in the database
    qtbot.mouseClick(page.btn_backup, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(rec.texts("info")) == 2, timeout=10000)
    [made] = backup.backups_in(folder)
    assert made.suffix == ".zip" and page.history.item(0, 5).text() == "Có"


def test_backup_on_exit_goes_to_the_last_target(qtbot, org_db, monkeypatch, tmp_path):
    from ui.screens.backup_hooks import backup_on_exit

    DialogRecorder(monkeypatch)
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.update_settings(org_db, last_target=str(usb), on_exit=True)
    win = _window(qtbot, org_db)
    backup_on_exit(win, org_db)
    assert len(backup.backups_in(usb)) == 1
    assert backup.last_verified_backup(org_db).kind == "exit"


def test_damaged_database_at_start_is_restored_from_the_newest_backup(
        qtbot, org_db, monkeypatch, tmp_path):
    from ui.screens.backup_hooks import check_before_open

    rec = DialogRecorder(monkeypatch, confirm=True)
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.backup_database(org_db, usb)
    path = org_db.path
    org_db.dispose()
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 50_000)
    assert check_before_open(path)
    assert "bị hỏng" in rec.texts("confirm")[0] and "Khôi phục từ bản này" in rec.texts("confirm")[0]
    assert backup.startup_check(path).ok

    rec2 = DialogRecorder(monkeypatch, confirm=False)  # the officer declines: nothing written
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 50_000)
    before = file_sha(path)
    assert not check_before_open(path)
    assert file_sha(path) == before and "không ghi gì" in rec2.texts("info")[0]


def test_audit_screen_lists_filters_and_shows_before_after(qtbot, org_db, monkeypatch):
    DialogRecorder(monkeypatch)
    pid = records.save_person(org_db, records.PersonData("Lê Văn Cường"))
    records.save_person(org_db, records.PersonData("Lê Văn Cường", phone="0912345678", id=pid))
    records.save_former_unit(org_db, "Bình Hàn")
    page = _window(qtbot, org_db).show_screen("audit")
    assert page.model.rowCount() >= 3
    first = [page.model.index(0, c).data() for c in range(6)]
    assert first[1:3] == ["Thêm", "Địa bàn cũ"]  # newest first
    combo = page.filter_boxes["entity"]
    combo.setCurrentIndex(combo.findData("person"))
    assert page.model.rowCount() == 2
    page.filter_boxes["action"].setCurrentIndex(page.filter_boxes["action"].findData("update"))
    assert page.model.rowCount() == 1
    page.select_id(page.model.id_at(0))
    seen = []

    def read(dialog):
        seen.extend(dialog.rows())
        dialog.reject()

    when_modal(read)
    page.action_edit()
    assert ("điện thoại", "(trống)", "0912345678") in seen
    page.use_dates.setChecked(True)
    assert page.model.rowCount() == 1
    page.date_from.setDate(page.date_to.date().addDays(1))
    assert page.model.rowCount() == 0


def test_restore_from_file_refuses_junk_and_asks_the_zip_password(
        qtbot, org_db, monkeypatch, tmp_path):
    junk = tmp_path / "không phải dữ liệu.sqlite"
    junk.write_bytes(b"\x00\x01" * 5000)
    rec = DialogRecorder(monkeypatch, open_path=str(junk))
    usb = tmp_path / "usb"
    usb.mkdir()
    zipped = backup.backup_database(org_db, usb, password="Hoa sen 2025").path
    records.save_person(org_db, records.PersonData("Người Thêm Sau"))
    page = _window(qtbot, org_db).show_screen("backup")
    before = file_sha(org_db.path)
    qtbot.mouseClick(page.btn_restore_file, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(rec.texts("error")), timeout=10000)
    assert "không phải là cơ sở dữ liệu" in rec.texts("error")[0]
    assert file_sha(org_db.path) == before and _people(org_db) == 1

    asked = []
    monkeypatch.setattr("ui.dialogs.open_file", lambda *a, **k: str(zipped))
    monkeypatch.setattr("ui.dialogs.ask_password",
                        lambda *a, **k: asked.append(a[2]) or "Hoa sen 2025")
    qtbot.mouseClick(page.btn_restore_file, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(rec.texts("info")), timeout=10000)
    assert zipped.name in asked[0] and "Đã khôi phục" in rec.texts("info")[0]
    assert _people(org_db) == 0

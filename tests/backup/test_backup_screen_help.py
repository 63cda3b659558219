"""The backup screen as a new officer reads it: the help says where the files really go, the
history shows restores, no jargon ("lược đồ"), and a brand-new empty database is not nagged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app import backup
from app.backup.drives import Drive
from app.services.records import records
from tests.ui.helpers import DialogRecorder
from ui.main_window import MainWindow
from ui.screens.backup_hooks import remind_backup


def _window(qtbot, db):
    win = MainWindow(db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    return win


def _visible_text(page) -> str:
    labels = [w.text() for w in page.findChildren(QLabel)]
    cells = [page.history.item(r, c).text() + "\n" + page.history.item(r, c).toolTip()
             for r in range(page.history.rowCount()) for c in range(page.history.columnCount())]
    return "\n".join(labels + cells)


def test_help_names_the_folder_the_backup_is_written_to(qtbot, org_db, monkeypatch, tmp_path):
    rec = DialogRecorder(monkeypatch)
    mount = tmp_path / "media" / "KINGSTON"
    mount.mkdir(parents=True)
    drive = Drive(mount, "KINGSTON", 16 * 1024**3, 8 * 1024**3)
    monkeypatch.setattr("app.backup.removable_drives", lambda: [drive])
    records.save_person(org_db, records.PersonData("Đặng Thị Ánh"))
    page = _window(qtbot, org_db).show_screen("backup")
    assert f"thư mục “{drive.folder}” trên USB" in page.where.text()
    qtbot.mouseClick(page.btn_backup, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(rec.texts("info")), timeout=10000)
    [made] = backup.backups_in(drive.folder)
    assert made.parent == drive.folder  # where the help said

    chosen = tmp_path / "Tài liệu" / "Sao lưu phường"
    chosen.mkdir(parents=True)
    monkeypatch.setattr("ui.dialogs.choose_directory", lambda *a, **k: str(chosen))
    page.choose_folder()
    assert f"thẳng vào thư mục “{chosen}”" in page.where.text()
    qtbot.mouseClick(page.btn_backup, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(rec.texts("info")) == 2, timeout=10000)
    [made] = backup.backups_in(chosen)
    assert made.parent == chosen
    note = page.findChild(QLabel, "restore_note").text()
    assert str(backup.restore_safety_folder()) in note


def test_history_shows_restores_and_no_jargon(qtbot, org_db, monkeypatch, tmp_path):
    rec = DialogRecorder(monkeypatch, confirm=True)
    usb = tmp_path / "usb"
    usb.mkdir()
    records.save_person(org_db, records.PersonData("Đặng Thị Ánh"))
    made = backup.backup_database(org_db, usb).path
    page = _window(qtbot, org_db).show_screen("backup")
    monkeypatch.setattr("ui.dialogs.open_file", lambda *a, **k: str(made))
    qtbot.mouseClick(page.btn_restore_file, Qt.LeftButton)
    qtbot.waitUntil(lambda: any("Đã khôi phục" in t for t in rec.texts("info")), timeout=10000)
    kinds = [page.history.item(r, 1).text() for r in range(page.history.rowCount())]
    assert kinds[0] == "Khôi phục" and "Sao lưu" in kinds
    seen = _visible_text(page) + "\n".join(rec.texts())
    assert "lược đồ" not in seen.lower() and "phiên bản dữ liệu" in seen


def test_no_reminder_on_a_brand_new_empty_database(qtbot, org_db, monkeypatch):
    rec = DialogRecorder(monkeypatch)
    win = _window(qtbot, org_db)
    assert backup.backup_due(org_db) is None
    remind_backup(win, org_db)
    qtbot.wait(50)
    assert rec.texts("confirm") == []
    page = win.show_screen("backup")
    assert "color:#b00020" not in page.status.text() and "chưa cần sao lưu" in page.status.text()
    records.save_person(org_db, records.PersonData("Người Đầu Tiên"))  # now there is data
    remind_backup(win, org_db)
    qtbot.waitUntil(lambda: bool(rec.texts("confirm")), timeout=5000)
    assert "Chưa có bản sao lưu nào" in rec.texts("confirm")[0]


def test_help_without_a_target_says_what_to_do(qtbot, org_db, monkeypatch):
    DialogRecorder(monkeypatch)
    monkeypatch.setattr("app.backup.removable_drives", list)
    page = _window(qtbot, org_db).show_screen("backup")
    assert page.where.text().startswith("Cắm USB rồi bấm “Tìm lại USB”")

"""Monthly backups by Windows Task Scheduler, checked on Linux with the platform faked: the exact
schtasks.exe command and task XML, the scheduled run's outcome in the backup log, the reminder
after a failed run, and the box on the backup screen (a crontab line off Windows)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.backup import backup_database, backup_due, schedule
from app.cli import main
from db.models import BackupLog
from tests.winfake import fake_posix, fake_windows

APP_DIR = "C:\\Users\\Nguyễn Văn A\\AppData\\Local\\Programs\\ThiDuaKhenThuong"
DB_PATH = "C:\\Users\\Nguyễn Văn A\\AppData\\Local\\ThiDuaKhenThuong\\thiduakhenthuong.sqlite"
NS = {"t": schedule.TASK_XMLNS}


@pytest.fixture
def frozen_windows(monkeypatch):
    """The installed app on Windows: tdkt.exe running from the per-user program folder."""
    kernel32 = fake_windows(monkeypatch)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", APP_DIR + "\\tdkt.exe")
    monkeypatch.setenv("SystemRoot", "C:\\Windows")
    return kernel32


class FakeSchtasks:
    """Stands in for subprocess.run of schtasks.exe; keeps each command and the XML it got."""

    def __init__(self, monkeypatch, returncode=0, output=b"SUCCESS"):
        self.commands, self.kwargs, self.xml = [], [], []
        self.returncode, self.output = returncode, output
        monkeypatch.setattr(schedule.subprocess, "run", self)

    def __call__(self, cmd, **kwargs):
        self.commands.append(cmd)
        self.kwargs.append(kwargs)
        if "/XML" in cmd:
            raw = Path(cmd[cmd.index("/XML") + 1]).read_bytes()
            assert raw.startswith(b"\xff\xfe")  # UTF-16 with its BOM, as schtasks wants
            self.xml.append(raw.decode("utf-16"))
        code = self.returncode.get(cmd[1], 0) if isinstance(self.returncode, dict) else \
            self.returncode  # per verb: {"/Delete": 1, "/Query": 0}
        return subprocess.CompletedProcess(cmd, code, self.output, b"")


def _task(xml: str) -> ET.Element:
    assert xml.startswith('<?xml version="1.0" encoding="UTF-16"?>')
    return ET.fromstring(xml.split("\n", 1)[1])


def test_task_runs_the_console_program_monthly_with_catch_up(frozen_windows):
    wanted = schedule.Schedule("E:\\TDKT-sao-luu", day=25, time="10:00")
    task = _task(schedule.task_xml(DB_PATH, wanted))
    assert task.get("version") == "1.2"
    exe = task.find("t:Actions/t:Exec", NS)
    assert exe.findtext("t:Command", namespaces=NS) == APP_DIR + "\\tdkt-cli.exe"
    assert exe.findtext("t:Arguments", namespaces=NS) == (
        f'backup --scheduled --db "{DB_PATH}" --to E:\\TDKT-sao-luu')
    assert exe.findtext("t:WorkingDirectory", namespaces=NS) == APP_DIR
    trigger = task.find("t:Triggers/t:CalendarTrigger", NS)
    assert trigger.findtext("t:StartBoundary", namespaces=NS).endswith("T10:00:00")
    by_month = trigger.find("t:ScheduleByMonth", NS)
    assert [d.text for d in by_month.findall("t:DaysOfMonth/t:Day", NS)] == ["25"]
    assert len(by_month.find("t:Months", NS)) == 12
    settings = task.find("t:Settings", NS)
    assert settings.findtext("t:StartWhenAvailable", namespaces=NS) == "true"
    assert settings.findtext("t:DisallowStartIfOnBatteries", namespaces=NS) == "false"
    principal = task.find("t:Principals/t:Principal", NS)
    assert principal.findtext("t:LogonType", namespaces=NS) == "InteractiveToken"
    assert principal.findtext("t:RunLevel", namespaces=NS) == "LeastPrivilege"


def test_create_task_hands_schtasks_the_xml_and_remembers_the_schedule(
        db, frozen_windows, monkeypatch, tmp_path):
    schtasks = FakeSchtasks(monkeypatch)
    wanted = schedule.Schedule("F:\\Ổ Sao Lưu\\TDKT-sao-luu", day=5, time="15:30")
    assert schedule.create_task(db, wanted, tmp_path) == wanted
    [cmd] = schtasks.commands
    assert cmd == ["C:\\Windows\\System32\\schtasks.exe", "/Create", "/TN",
                   "ThiDuaKhenThuong\\SaoLuuHangThang", "/XML", cmd[5], "/F"]
    assert schtasks.kwargs[0]["creationflags"] == schedule.CREATE_NO_WINDOW
    assert not Path(cmd[5]).exists()  # the definition file is not left behind
    exe = _task(schtasks.xml[0]).find("t:Actions/t:Exec", NS)
    assert exe.findtext("t:Arguments", namespaces=NS).endswith(
        '--to "F:\\Ổ Sao Lưu\\TDKT-sao-luu"')
    assert schedule.load_schedule(db) == wanted


def test_a_refused_task_says_why_and_is_not_remembered(db, frozen_windows, monkeypatch, tmp_path):
    FakeSchtasks(monkeypatch, returncode=1, output="LỖI: Truy cập bị từ chối.".encode())
    with pytest.raises(schedule.ScheduleError, match="Truy cập bị từ chối"):
        schedule.create_task(db, schedule.Schedule("E:\\TDKT-sao-luu"), tmp_path)
    assert schedule.load_schedule(db) is None


def test_remove_task_deletes_it_and_forgets_the_schedule(db, frozen_windows, monkeypatch):
    schedule.save_schedule(db, schedule.Schedule("E:\\TDKT-sao-luu"))
    schtasks = FakeSchtasks(monkeypatch)
    schedule.remove_task(db)
    assert schtasks.commands == [["C:\\Windows\\System32\\schtasks.exe", "/Delete", "/TN",
                                  "ThiDuaKhenThuong\\SaoLuuHangThang", "/F"]]
    assert schedule.load_schedule(db) is None


def test_a_task_that_cannot_be_deleted_is_reported_one_already_gone_is_not(
        db, frozen_windows, monkeypatch):
    schedule.save_schedule(db, schedule.Schedule("E:\\TDKT-sao-luu"))
    schtasks = FakeSchtasks(monkeypatch, returncode={"/Delete": 1, "/Query": 0},
                            output="LỖI: Truy cập bị từ chối.".encode())
    with pytest.raises(schedule.ScheduleError, match="không xóa được"):
        schedule.remove_task(db)  # /Query finds it still there
    assert [c[1] for c in schtasks.commands] == ["/Delete", "/Query"]
    assert schedule.load_schedule(db) is not None
    # Deleted by hand in Task Scheduler meanwhile: /Delete and /Query fail, nothing to report.
    schtasks.returncode = 1
    schedule.remove_task(db)
    assert schedule.load_schedule(db) is None


def test_wrong_day_or_time_is_refused(db, frozen_windows, monkeypatch):
    FakeSchtasks(monkeypatch)
    with pytest.raises(schedule.ValidationError, match="từ 1 đến 28"):
        schedule.create_task(db, schedule.Schedule("E:\\x", day=31))
    with pytest.raises(schedule.ValidationError, match="GG:PP"):
        schedule.create_task(db, schedule.Schedule("E:\\x", time="25:00"))


def test_off_windows_there_is_no_task_but_a_crontab_line(db, monkeypatch):
    fake_posix(monkeypatch)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/tdkt/tdkt")
    wanted = schedule.Schedule("/media/an/KINGSTON/TDKT-sao-luu", day=3, time="09:05")
    assert schedule.cron_line("/home/an/dữ liệu/tdkt.sqlite", wanted) == (
        "5 9 3 * * /opt/tdkt/tdkt-cli backup --scheduled --db '/home/an/dữ liệu/tdkt.sqlite' "
        "--to /media/an/KINGSTON/TDKT-sao-luu")
    with pytest.raises(schedule.ScheduleError, match="Task Scheduler của Windows"):
        schedule.create_task(db, wanted)


# ------------------------------------------------------------------ the scheduled run
def _scheduled_rows(db):
    with db.read() as s:
        rows = s.scalars(select(BackupLog).where(BackupLog.kind == "scheduled")).all()
        return [(r.verified, r.message) for r in rows]


def test_a_scheduled_run_is_logged_and_counts_as_a_verified_backup(db, usb, root_log,
                                                                   tmp_data_dir):
    path = db.path
    db.dispose()
    assert main(["--data-dir", str(tmp_data_dir), "backup", "--scheduled", "--db", str(path),
                 "--to", str(usb)]) == 0
    [(verified, _)] = _scheduled_rows(db)
    assert verified and backup_due(db) is None
    log = (tmp_data_dir / "logs" / "tdkt.log").read_text(encoding="utf-8")
    assert "Scheduled backup written and verified" in log


def test_a_failed_scheduled_run_is_recorded_and_reminded_until_a_backup_succeeds(
        db, usb, root_log, tmp_data_dir, capsys):
    backup_database(db, usb)  # a recent verified backup: nothing would be due
    path = db.path
    db.dispose()
    missing = usb.parent / "USB chưa cắm" / "TDKT-sao-luu"  # the drive is not there
    assert main(["--data-dir", str(tmp_data_dir), "backup", "--scheduled", "--db", str(path),
                 "--to", str(missing)]) == 2
    assert "Lỗi: Không tìm thấy thư mục hoặc ổ đĩa" in capsys.readouterr().err
    [(verified, message)] = _scheduled_rows(db)
    assert not verified and "Không tìm thấy thư mục hoặc ổ đĩa" in message
    due = backup_due(db)
    assert due.startswith("Lần sao lưu tự động theo lịch lúc ")
    assert "không thành công: Không tìm thấy thư mục hoặc ổ đĩa" in due
    log = (tmp_data_dir / "logs" / "tdkt.log").read_text(encoding="utf-8")
    assert "Scheduled backup to" in log and "failed" in log
    backup_database(db, usb)  # the officer backs up by hand: the reminder goes
    assert backup_due(db) is None


def test_an_encrypted_schedule_without_a_remembered_password_is_a_recorded_failure(
        db, usb, root_log, tmp_data_dir, capsys):
    from app.backup import update_settings

    update_settings(db, encrypt=True)  # no password in this PC's store
    path = db.path
    db.dispose()
    assert main(["--data-dir", str(tmp_data_dir), "backup", "--scheduled", "--db", str(path),
                 "--to", str(usb)]) == 2
    [(verified, message)] = _scheduled_rows(db)
    assert not verified and "không nhớ mật khẩu" in message
    assert list(usb.iterdir()) == []  # never an unencrypted copy instead


# ------------------------------------------------------------------ the box on the screen
def _page(qtbot, db):
    from ui.screens.backup import BackupPage

    page = BackupPage(db)
    qtbot.addWidget(page)
    return page


def test_the_button_creates_and_removes_the_task(qtbot, db, frozen_windows, monkeypatch,
                                                 dialogs, usb):
    schtasks = FakeSchtasks(monkeypatch)
    page = _page(qtbot, db)
    page.target.insertItem(0, str(usb), str(usb))
    page.target.setCurrentIndex(0)
    box = page.schedule_box
    assert box.status.text() == "Chưa đặt lịch sao lưu tự động." and not box.btn_remove.isEnabled()
    box.day.setValue(7)
    qtbot.mouseClick(box.btn_create, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.texts("info")), timeout=10000)
    assert schtasks.commands[0][1] == "/Create"
    said = f"Windows sẽ tự sao lưu ngày 7 hằng tháng lúc 10:00, vào “{usb}”."
    assert dialogs.texts("info") == [said]
    assert box.status.text().startswith("Đã đặt lịch: sao lưu ngày 7 hằng tháng")
    assert box.btn_remove.isEnabled()
    qtbot.mouseClick(box.btn_remove, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(dialogs.texts("info")) == 2, timeout=10000)
    assert schtasks.commands[1][1] == "/Delete"
    assert box.status.text() == "Chưa đặt lịch sao lưu tự động."


def test_the_screen_shows_a_failed_scheduled_run(qtbot, db, dialogs):
    schedule.record_failure(db, "E:\\TDKT-sao-luu", "Không tìm thấy thư mục hoặc ổ đĩa “E:\\”.")
    page = _page(qtbot, db)
    assert page.schedule_box.failure.isVisibleTo(page)
    assert "không sao lưu được" in page.schedule_box.failure.text()
    assert "không thành công: Không tìm thấy thư mục" in page.status.text()


def test_off_windows_the_button_gives_the_crontab_line(qtbot, db, dialogs, usb, monkeypatch):
    fake_posix(monkeypatch)
    page = _page(qtbot, db)
    page.target.insertItem(0, str(usb), str(usb))
    page.target.setCurrentIndex(0)
    qtbot.mouseClick(page.schedule_box.btn_create, Qt.LeftButton)
    [text] = dialogs.texts("info")
    line = QApplication.clipboard().text()
    assert "Task Scheduler của Windows" in text and text.endswith(line)
    assert line.startswith("0 10 25 * * ") and f"--to '{usb}'" in line
    assert schedule.load_schedule(db) is None

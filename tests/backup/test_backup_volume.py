"""The monthly task names the USB by its identity, not its letter: Windows gave it E: when the
schedule was set and F: on the day of the run (a card reader came first). Checked on Linux with
the platform faked (tests/winfake.py) and psutil's drive list replaced."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import namedtuple
from pathlib import Path

import psutil
import pytest
from sqlalchemy import select

from app.backup import BackupError, backup_due, schedule, volumes
from app.cli import main
from db.models import BackupLog
from tests.winfake import FakeKernel32, fake_posix, fake_windows

Part = namedtuple("Part", "device mountpoint fstype opts")
SERIAL = 0x1A2B3C4D
NS = {"t": schedule.TASK_XMLNS}


def _drives(monkeypatch, *parts: Part) -> None:
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: list(parts))


@pytest.fixture
def windows_pc(monkeypatch):
    """A Windows PC whose USB stick KINGSTON has serial 1A2B-3C4D, plugged in as E:."""
    kernel32 = fake_windows(monkeypatch, FakeKernel32(
        labels={"C:\\": "Windows", "E:\\": "KINGSTON"},
        serials={"C:\\": 0x0C0C0C0C, "E:\\": SERIAL}))
    monkeypatch.setenv("SystemDrive", "C:")
    monkeypatch.setenv("SystemRoot", "C:\\Windows")
    _drives(monkeypatch, Part("C:\\", "C:\\", "NTFS", "rw,fixed"),
            Part("E:\\", "E:\\", "FAT32", "rw,removable"))
    return kernel32


# ------------------------------------------------------------------ Windows: serial number
def test_a_usb_folder_is_known_by_the_drive_serial_and_the_folder_inside(windows_pc):
    assert volumes.identify("E:\\TDKT-sao-luu") == volumes.Volume(
        "1A2B-3C4D", "KINGSTON", "TDKT-sao-luu")
    assert volumes.identify("e:\\Sao lưu\\TDKT-sao-luu").folder == "Sao lưu\\TDKT-sao-luu"
    assert volumes.identify("E:\\") == volumes.Volume("1A2B-3C4D", "KINGSTON", "")
    assert volumes.identify("C:\\Users\\An\\Sao lưu") is None  # the PC's own disk
    assert volumes.identify("\\\\may-chu\\chung\\Sao lưu") is None  # a network share
    assert volumes.identify("G:\\TDKT-sao-luu") is None  # no such drive: the plain path


def test_the_task_names_the_usb_by_serial_and_finds_it_under_another_letter(
        db, windows_pc, monkeypatch, tmp_path):
    from tests.backup.test_backup_schedule import FakeSchtasks

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "C:\\Program Files\\TDKT\\tdkt.exe")
    schtasks = FakeSchtasks(monkeypatch)
    made = schedule.create_task(db, schedule.Schedule("E:\\TDKT-sao-luu", day=7), tmp_path)
    assert (made.volume, made.label, made.folder) == ("1A2B-3C4D", "KINGSTON", "TDKT-sao-luu")
    assert schedule.load_schedule(db) == made
    task = ET.fromstring(schtasks.xml[0].split("\n", 1)[1])
    arguments = task.find("t:Actions/t:Exec/t:Arguments", NS).text
    assert arguments.endswith(
        "--volume 1A2B-3C4D --folder TDKT-sao-luu --label KINGSTON") and "--to" not in arguments
    assert made.text == ("ngày 7 hằng tháng lúc 10:00, vào “E:\\TDKT-sao-luu” — ổ “KINGSTON”, "
                         "nhận theo số sê-ri của ổ nên vẫn đúng khi Windows đặt chữ ổ khác")
    # The day of the run: a card reader took E:, the USB came up as F:.
    windows_pc.labels = {"C:\\": "Windows", "E:\\": "SD CARD", "F:\\": "KINGSTON"}
    windows_pc.serials = {"C:\\": 0x0C0C0C0C, "E:\\": 0x11112222, "F:\\": SERIAL}
    _drives(monkeypatch, Part("C:\\", "C:\\", "NTFS", "rw,fixed"),
            Part("E:\\", "E:\\", "FAT32", "rw,removable"),
            Part("F:\\", "F:\\", "FAT32", "rw,removable"))
    assert volumes.resolve(made.drive) == Path("F:\\") / "TDKT-sao-luu"


def test_a_schedule_saved_before_keeps_its_path(db, windows_pc):
    with db.session() as s:
        from db.models import Setting

        s.add(Setting(key=schedule.SETTING_KEY,
                      value={"target": "E:\\TDKT-sao-luu", "day": 25, "time": "10:00"}))
    old = schedule.load_schedule(db)
    assert old.volume is None and old.drive is None
    assert schedule.backup_arguments("C:\\tdkt.sqlite", old)[-2:] == ["--to", "E:\\TDKT-sao-luu"]


def _usb_at(tmp_path, monkeypatch, windows_pc, letter_root: str) -> Path:
    """The USB's root as a real folder (so the run can write there), its serial readable."""
    root = tmp_path / "ổ USB"
    root.mkdir(exist_ok=True)
    windows_pc.labels[str(root)] = "KINGSTON"
    windows_pc.serials[str(root)] = SERIAL
    _drives(monkeypatch, Part("C:\\", "C:\\", "NTFS", "rw,fixed"),
            Part(letter_root, str(root), "FAT32", "rw,removable"))
    return root


def _scheduled_rows(db):
    with db.read() as s:
        return [(r.verified, r.target, r.message) for r in s.scalars(
            select(BackupLog).where(BackupLog.kind == "scheduled"))]


def test_the_scheduled_run_backs_up_to_the_folder_on_the_drive_found_by_serial(
        db, windows_pc, monkeypatch, tmp_path, root_log, tmp_data_dir):
    root = _usb_at(tmp_path, monkeypatch, windows_pc, "F:\\")
    path = db.path
    db.dispose()
    assert main(["--data-dir", str(tmp_data_dir), "backup", "--scheduled", "--db", str(path),
                 "--volume", "1A2B-3C4D", "--folder", "TDKT-sao-luu", "--label", "KINGSTON"]) == 0
    [(verified, _, _)] = _scheduled_rows(db)
    assert verified and backup_due(db) is None
    assert [p.suffix for p in (root / "TDKT-sao-luu").iterdir() if p.suffix == ".sqlite"]
    log = (tmp_data_dir / "logs" / "tdkt.log").read_text(encoding="utf-8")
    assert f"Drive 1A2B-3C4D (KINGSTON) found at {root}" in log


def test_a_run_without_the_drive_is_a_clear_recorded_failure_and_reminded(
        db, windows_pc, monkeypatch, tmp_path, root_log, tmp_data_dir, capsys):
    _usb_at(tmp_path, monkeypatch, windows_pc, "F:\\")
    windows_pc.serials[str(tmp_path / "ổ USB")] = 0x99998888  # another USB plugged in
    path = db.path
    db.dispose()
    assert main(["--data-dir", str(tmp_data_dir), "backup", "--scheduled", "--db", str(path),
                 "--volume", "1A2B-3C4D", "--folder", "TDKT-sao-luu", "--label", "KINGSTON"]) == 2
    said = ("Không tìm thấy ổ “KINGSTON” (số sê-ri 1A2B-3C4D) trong các ổ đang cắm vào máy: "
            "hãy cắm đúng USB đã chọn khi đặt lịch sao lưu.")
    assert said in capsys.readouterr().err
    [(verified, target, message)] = _scheduled_rows(db)
    assert not verified and message == said
    assert target == "ổ “KINGSTON” (số sê-ri 1A2B-3C4D), thư mục “TDKT-sao-luu”"
    assert f"không thành công: {said}" in backup_due(db)
    log = (tmp_data_dir / "logs" / "tdkt.log").read_text(encoding="utf-8")
    assert "Scheduled backup to ổ “KINGSTON”" in log and "failed" in log


@pytest.mark.parametrize("folder", ["..\\..\\Windows", "C:\\Windows", "\\Windows"])
def test_a_folder_outside_the_drive_is_refused(windows_pc, folder):
    with pytest.raises(BackupError, match="không hợp lệ"):
        volumes.resolve(volumes.Volume("1A2B-3C4D", "KINGSTON", folder))


def test_to_or_volume_exactly_one(db, capsys, tmp_data_dir):
    path = str(db.path)
    db.dispose()
    assert main(["--data-dir", str(tmp_data_dir), "backup", "--db", path]) == 2
    assert "Cần đúng một nơi lưu" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_data_dir), "backup", "--db", path, "--to", "x",
                 "--volume", "1A2B-3C4D"]) == 2


# ------------------------------------------------------------------ elsewhere: UUID or label
@pytest.fixture
def linux_usb(tmp_path, monkeypatch):
    """/dev/disk links of a USB partition (sdb1) with a UUID and a label with a space, mounted
    under /media; the system disk (sda1) at /."""
    fake_posix(monkeypatch)
    dev = tmp_path / "dev"
    (dev / "disk" / "by-uuid").mkdir(parents=True)
    (dev / "disk" / "by-label").mkdir()
    for name in ("sda1", "sdb1"):
        (dev / name).touch()
    (dev / "disk" / "by-uuid" / "ABCD-1234").symlink_to(dev / "sdb1")
    (dev / "disk" / "by-uuid" / "0000-root").symlink_to(dev / "sda1")
    (dev / "disk" / "by-label" / "USB\\x20AN").symlink_to(dev / "sdb1")
    monkeypatch.setattr(volumes, "DEV_DISK", dev / "disk")
    media = tmp_path / "media" / "an" / "USB AN"
    (media / "TDKT-sao-luu").mkdir(parents=True)
    _drives(monkeypatch, Part(str(dev / "sda1"), "/", "ext4", "rw"),
            Part(str(dev / "sdb1"), str(media), "vfat", "rw"))
    return dev, media


def test_elsewhere_the_usb_is_known_by_its_uuid_and_found_where_it_is_mounted_now(
        linux_usb, monkeypatch, tmp_path):
    dev, media = linux_usb
    found = volumes.identify(media / "TDKT-sao-luu")
    assert found == volumes.Volume("UUID=ABCD-1234", "USB AN", "TDKT-sao-luu")
    assert volumes.identify(tmp_path / "không phải USB") is None  # on the system disk
    wanted = schedule.Schedule(str(media / "TDKT-sao-luu"), day=3, time="09:05")
    assert "--volume UUID=ABCD-1234 --folder TDKT-sao-luu --label 'USB AN'" in \
        schedule.cron_line("/home/an/tdkt.sqlite", wanted)
    # Mounted elsewhere next time (a second stick of the same name took the path):
    moved = tmp_path / "media" / "an" / "USB AN1"
    _drives(monkeypatch, Part(str(dev / "sda1"), "/", "ext4", "rw"),
            Part(str(dev / "sdb1"), str(moved), "vfat", "rw"))
    assert volumes.resolve(found) == moved / "TDKT-sao-luu"
    _drives(monkeypatch, Part(str(dev / "sda1"), "/", "ext4", "rw"))  # unplugged
    with pytest.raises(BackupError, match="Không tìm thấy ổ “USB AN” \\(UUID=ABCD-1234\\)"):
        volumes.resolve(found)


def test_elsewhere_a_label_serves_when_there_is_no_uuid(linux_usb):
    dev, media = linux_usb
    (dev / "disk" / "by-uuid" / "ABCD-1234").unlink()
    found = volumes.identify(media)
    assert found == volumes.Volume("LABEL=USB\\x20AN", "USB AN", "")
    assert volumes.locate(found.id) == media


def test_elsewhere_the_system_disk_keeps_its_path(linux_usb):
    assert volumes.identify("/home/an/Sao lưu") is None
    wanted = schedule.Schedule("/home/an/Sao lưu", day=3, time="09:05")
    assert schedule.cron_line("/home/an/tdkt.sqlite", wanted).endswith("--to '/home/an/Sao lưu'")



def test_a_schedule_set_before_asks_to_be_set_again_when_its_usb_is_plugged_in(
        qtbot, db, windows_pc, dialogs):
    from ui.screens.backup_schedule import ScheduleBox

    schedule.save_schedule(db, schedule.Schedule("E:\\TDKT-sao-luu"))  # as saved before
    box = ScheduleBox(db, lambda: "E:\\TDKT-sao-luu")
    qtbot.addWidget(box)
    assert "ghi cố định chữ ổ: hãy bấm “Đặt lịch sao lưu hằng tháng” lần nữa" in box.status.text()
    schedule.save_schedule(db, schedule.identified(schedule.Schedule("E:\\TDKT-sao-luu")))
    box.refresh()
    assert "cố định" not in box.status.text() and "ổ “KINGSTON”" in box.status.text()
    schedule.save_schedule(db, schedule.Schedule("\\\\may-chu\\chung\\Sao lưu"))
    box.refresh()
    assert "cố định" not in box.status.text()  # a network folder has no letter to lose

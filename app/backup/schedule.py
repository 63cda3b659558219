"""Monthly backups by Windows Task Scheduler, and what became of the last scheduled run.

The task runs the console program (``tdkt-cli.exe backup --scheduled --db … --volume 1A2B-3C4D
--folder TDKT-sao-luu``: the USB by its serial number, found under whatever letter it has that
day; ``--to F:\\…`` for a folder that does not move) once a month, and at the next start of the
PC if it was off at that time. Each scheduled run writes the log file and a backup-log row of
kind "scheduled": verified when the copy was made, a failure with its reason otherwise (USB not
plugged in, disk full…), which the app then shows until a backup succeeds. Elsewhere than
Windows the app offers a crontab line instead (the drive by its UUID or label).
"""

from __future__ import annotations

import ntpath
import os
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from pathlib import Path

from app import winapi
from app.backup import volumes
from app.backup.reminder import OFFSITE_KINDS, BackupInfo, backup_history
from app.errors import DomainError, ValidationError
from app.paths import project_root
from app.services.common import setting_dict, store_setting
from app.text import nfc, utc_now
from db.engine import Database
from db.models import BackupLog

TASK_NAME = "ThiDuaKhenThuong\\SaoLuuHangThang"  # folder\name in Task Scheduler
KIND = "scheduled"
SETTING_KEY = "backup_schedule"
TASK_XMLNS = "http://schemas.microsoft.com/windows/2004/02/mit/task"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
CREATE_NO_WINDOW = 0x08000000


class ScheduleError(DomainError):
    """The task could not be created or removed; the message says why."""


@dataclass(frozen=True)
class Schedule:
    target: str  # the backup folder on the drive when set, e.g. E:\TDKT-sao-luu
    day: int = 25  # day of the month, 1–28 (every month has it)
    time: str = "10:00"  # office hours: the PC is on and the USB plugged in
    # The drive by its own identity (app.backup.volumes), so the run finds it under whatever
    # letter Windows gives it that day; None: the plain path (system disk, network share).
    volume: str | None = None
    label: str | None = None
    folder: str | None = None

    @property
    def drive(self) -> volumes.Volume | None:
        return volumes.Volume(self.volume, self.label or "", self.folder or "") \
            if self.volume else None

    @property
    def text(self) -> str:
        where = f"ngày {self.day} hằng tháng lúc {self.time}, vào “{self.target}”"
        if self.drive:
            where += f" — {self.drive.name}, {self.drive.found_by}"
        return where


def identified(schedule: Schedule) -> Schedule:
    """The schedule with its target's drive identified (serial / UUID / label and the folder
    inside it), or as it is when the plain path is the way to find the folder again."""
    found = volumes.identify(schedule.target)
    if found is None:
        return replace(schedule, volume=None, label=None, folder=None)
    return replace(schedule, volume=found.id, label=found.label, folder=found.folder)


def names_a_letter(schedule: Schedule) -> bool:
    """A schedule set before drives were identified, whose folder is on a drive that could be
    (its task fails the month Windows gives the USB another letter): set it again."""
    return not schedule.volume and volumes.identify(schedule.target) is not None


# ------------------------------------------------------------------ the command the task runs
def program() -> list[str]:
    """The console program: tdkt-cli(.exe) beside the frozen app, else this Python -m app."""
    if getattr(sys, "frozen", False):
        if winapi.is_windows():
            return [ntpath.join(ntpath.dirname(sys.executable), "tdkt-cli.exe")]
        return [str(Path(sys.executable).with_name("tdkt-cli"))]
    return [sys.executable, "-m", "app"]


def backup_arguments(db_path: str | Path, schedule: Schedule) -> list[str]:
    where = ["--to", schedule.target]
    if schedule.volume:
        where = ["--volume", schedule.volume, "--folder", schedule.folder or ""]
        where += ["--label", schedule.label] if schedule.label else []
    return ["backup", "--scheduled", "--db", str(db_path), *where]


def task_xml(db_path: str | Path, schedule: Schedule, today: date | None = None) -> str:
    """The Task Scheduler definition (schema 1.2): monthly, catch up after a missed run, as the
    logged-on user with no elevation, at most two hours."""
    command, *pre = program()
    start = f"{(today or date.today()):%Y-%m-%d}T{schedule.time}:00"
    ET.register_namespace("", TASK_XMLNS)
    q = f"{{{TASK_XMLNS}}}"
    task = ET.Element(f"{q}Task", version="1.2")

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, q + tag, **attrs)
        if text is not None:
            el.text = text
        return el

    info = sub(task, "RegistrationInfo")
    sub(info, "Description", f"Thi đua – Khen thưởng: sao lưu dữ liệu {schedule.text}.")
    trigger = sub(sub(task, "Triggers"), "CalendarTrigger")
    sub(trigger, "StartBoundary", start)
    sub(trigger, "Enabled", "true")
    by_month = sub(trigger, "ScheduleByMonth")
    sub(sub(by_month, "DaysOfMonth"), "Day", str(schedule.day))
    months = sub(by_month, "Months")
    for month in MONTHS:
        sub(months, month)
    principal = sub(sub(task, "Principals"), "Principal", id="Author")
    sub(principal, "LogonType", "InteractiveToken")
    sub(principal, "RunLevel", "LeastPrivilege")
    settings = sub(task, "Settings")
    for tag, value in (("MultipleInstancesPolicy", "IgnoreNew"),
                       ("DisallowStartIfOnBatteries", "false"),
                       ("StopIfGoingOnBatteries", "false"),
                       ("StartWhenAvailable", "true"),  # the PC was off: run at next start
                       ("RunOnlyIfNetworkAvailable", "false"),
                       ("ExecutionTimeLimit", "PT2H"), ("Enabled", "true")):
        sub(settings, tag, value)
    exec_ = sub(sub(task, "Actions", Context="Author"), "Exec")
    sub(exec_, "Command", command)
    sub(exec_, "Arguments", subprocess.list2cmdline([*pre, *backup_arguments(db_path, schedule)]))
    sub(exec_, "WorkingDirectory", str(project_root()) if pre else ntpath.dirname(command))
    body = ET.tostring(task, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-16"?>\n' + body


def cron_line(db_path: str | Path, schedule: Schedule) -> str:
    """The crontab line doing the same on Linux (the app cannot edit crontab for the user)."""
    schedule = identified(schedule)
    hour, minute = schedule.time.split(":")
    command = shlex.join([*program(), *backup_arguments(db_path, schedule)])
    return f"{int(minute)} {int(hour)} {schedule.day} * * {command}"


# ------------------------------------------------------------------ schtasks.exe
def schtasks_path() -> str:
    """System32's schtasks.exe by full path: never a look-alike found on PATH."""
    return ntpath.join(os.environ.get("SystemRoot", "C:\\Windows"), "System32", "schtasks.exe")


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8", "oem", "cp1258"):  # schtasks prints in the console code page
        try:
            return raw.decode(encoding).strip()
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("latin-1").strip()


def run_schtasks(args: list[str]) -> tuple[int, str]:
    """Run schtasks.exe (no console window); its exit code and what it printed."""
    done = subprocess.run([schtasks_path(), *args], capture_output=True, timeout=60,
                          creationflags=CREATE_NO_WINDOW if winapi.is_windows() else 0,
                          check=False)
    return done.returncode, _decode(done.stdout + done.stderr)


def _check_schedule(schedule: Schedule) -> None:
    if not schedule.target:
        raise ValidationError("Hãy chọn USB hoặc thư mục để sao lưu theo lịch.", field="target")
    if not 1 <= schedule.day <= 28:
        raise ValidationError("Ngày sao lưu hằng tháng phải từ 1 đến 28.", field="day")
    try:
        datetime.strptime(schedule.time, "%H:%M")
    except ValueError as exc:
        raise ValidationError("Giờ sao lưu phải có dạng GG:PP, ví dụ 10:00.",
                              field="time") from exc


def create_task(db: Database, schedule: Schedule, work_dir: Path | None = None) -> Schedule:
    """Create (or replace) the monthly task and remember it; ScheduleError on refusal."""
    if not winapi.is_windows():
        raise ScheduleError("Lịch sao lưu tự động dùng Task Scheduler của Windows; trên máy "
                            "này hãy thêm dòng lệnh cron được gợi ý vào crontab.")
    schedule = Schedule(nfc(schedule.target), schedule.day, schedule.time)
    _check_schedule(schedule)
    schedule = identified(schedule)
    definition = Path(work_dir or tempfile.gettempdir()) / f"tdkt-lich-sao-luu-{os.getpid()}.xml"
    definition.write_bytes(task_xml(db.path, schedule).encode("utf-16"))  # with its BOM
    try:
        code, said = run_schtasks(["/Create", "/TN", TASK_NAME, "/XML", str(definition), "/F"])
    finally:
        definition.unlink(missing_ok=True)
    if code != 0:
        raise ScheduleError(f"Windows không tạo được lịch sao lưu ({said or f'mã lỗi {code}'}).")
    save_schedule(db, schedule)
    return schedule


def remove_task(db: Database) -> None:
    """Delete the task (a task already gone is fine) and forget the schedule."""
    if winapi.is_windows():
        code, said = run_schtasks(["/Delete", "/TN", TASK_NAME, "/F"])
        if code != 0 and task_exists():
            raise ScheduleError(f"Windows không xóa được lịch sao lưu ({said}).")
    save_schedule(db, None)


def task_exists() -> bool:
    return winapi.is_windows() and run_schtasks(["/Query", "/TN", TASK_NAME])[0] == 0


# ------------------------------------------------------------------ settings and outcomes
def load_schedule(db: Database) -> Schedule | None:
    with db.read() as s:
        data = setting_dict(s, SETTING_KEY)
    if not data.get("target"):
        return None
    fields = set(Schedule.__dataclass_fields__)
    return Schedule(**{k: v for k, v in data.items() if k in fields})


def save_schedule(db: Database, schedule: Schedule | None) -> None:
    value = asdict(schedule) if schedule else {}
    with db.session() as s:
        store_setting(s, SETTING_KEY, value)


def record_failure(db: Database, target: str | Path, reason: str) -> None:
    """A scheduled run that made no copy: kept in the backup log for the app to show."""
    with db.session() as s:
        # Whole seconds, as every backup row: a later row of the same second sorts by id.
        s.add(BackupLog(at=utc_now().replace(microsecond=0), target=nfc(str(target)), verified=False, kind=KIND,
                        message=nfc(reason)[:2000]))


def last_failure(db: Database) -> BackupInfo | None:
    """The newest scheduled run, when it failed and no verified backup was made since."""
    for info in backup_history(db, limit=50):
        if info.kind == KIND and not info.verified:
            return info
        if info.verified and info.kind in OFFSITE_KINDS:
            return None
    return None


def failure_reminder(db: Database) -> str | None:
    failed = last_failure(db)
    if failed is None:
        return None
    reason = failed.message.rstrip(". ") + "."
    return (f"Lần sao lưu tự động theo lịch lúc {failed.at:%H:%M ngày %d/%m/%Y} không thành "
            f"công: {reason} Dữ liệu chưa được sao lưu theo lịch: hãy bấm “Sao lưu ngay” ở mục "
            "“Sao lưu & khôi phục”.")

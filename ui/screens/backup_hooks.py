"""Data safety at start and exit of the GUI (called from ui/app.py and the main window).

* ``check_before_open``: quick integrity check before the database is opened; on damage say
  so, offer the newest verified backup, and never open (so never write into) a damaged file;
* ``remind_backup``: after the window shows, tell a one-time notice, remind when a backup is
  due (never on a brand-new empty database);
* ``backup_on_exit``: the optional backup to the last target when the window closes.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from app import backup
from app.errors import DomainError
from ui import dialogs, workers
from ui.screens.backup_parts import backup_password, password_for

log = logging.getLogger(__name__)
TITLE = "Dữ liệu bị hỏng"


def _restore_now(source: Path, db_path: Path) -> bool:
    password = password_for(None, source, None)
    if password is False:
        return False
    try:
        result = backup.restore_database(source, db_path, password=password)
    except DomainError as exc:
        dialogs.error(None, "Không khôi phục được", str(exc))
        return False
    dialogs.info(None, "Đã khôi phục",
                 f"Đã khôi phục dữ liệu từ “{source.name}”. Tệp hỏng được giữ lại tại:\n"
                 f"{result.safety_copy}")
    return True


def check_before_open(db_path: str | Path) -> bool:
    """True when the file may be opened (sound, new, or just restored); False to quit."""
    db_path = Path(db_path)
    status = backup.startup_check(db_path)
    if status.ok:
        return True
    log.error("Start-up check failed for %s: %s", db_path, status.problem)
    text = f"{status.problem}\n\n{status.offer_text()}"
    if status.newest:
        if dialogs.confirm(None, TITLE, text, default_yes=True):
            return _restore_now(Path(status.newest.file), db_path)
    else:
        dialogs.error(None, TITLE, text)
    if dialogs.confirm(None, TITLE, "Chọn một bản sao lưu khác (ví dụ trên USB) để khôi phục?"):
        chosen = dialogs.open_file(None, "Chọn bản sao lưu để khôi phục",
                                   "Bản sao lưu (*.sqlite *.db *.zip);;Mọi tệp (*)")
        if chosen:
            return _restore_now(Path(chosen), db_path)
    dialogs.info(None, TITLE, f"Phần mềm đóng lại mà không ghi gì vào tệp hỏng:\n{db_path}")
    return False


def remind_backup(window, db) -> None:
    """After start-up: a one-time notice about the backup password (moved out of the data file
    by this version), then ask when the last verified backup is older than the setting."""
    notice = backup.take_notice(db)
    if notice:
        QTimer.singleShot(0, lambda: dialogs.info(window, "Mật khẩu bản sao lưu", notice))
    text = backup.backup_due(db)
    if not text:
        return

    def ask():
        if dialogs.confirm(window, "Nhắc sao lưu", f"{text}\n\nMở mục “Sao lưu & khôi phục”?",
                           default_yes=True):
            window.show_screen("backup")

    QTimer.singleShot(0, ask)


def backup_on_exit(window, db) -> None:
    """Back up to the last target before closing, if the officer turned that on."""
    try:
        settings = backup.load_settings(db)
    except Exception as exc:  # noqa: BLE001 - closing must never fail
        log.warning("Backup settings unreadable on exit: %s", exc)
        return
    if not settings.on_exit or not settings.last_target:
        return
    password = backup_password(window, db)
    if password is False:
        dialogs.warn(window, "Chưa sao lưu khi thoát", "Chưa nhập mật khẩu bản sao lưu nên "
                     "chưa sao lưu. Dữ liệu vẫn nguyên vẹn trên máy.")
        return
    loop = QEventLoop()
    outcome = {}

    def finish(key, value):  # queued to this thread, so it runs inside loop.exec()
        outcome[key] = value
        loop.quit()

    workers.run_with_progress(
        window, "Đang sao lưu trước khi thoát…", backup.backup_database, db,
        Path(settings.last_target), password=password, keep=settings.keep,
        kind="exit", on_success=lambda r: finish("result", r),
        on_failure=lambda e: finish("error", e))
    loop.exec()
    if "error" in outcome and not isinstance(outcome["error"], backup.BackupCancelled):
        dialogs.warn(window, "Chưa sao lưu khi thoát", str(outcome["error"]))

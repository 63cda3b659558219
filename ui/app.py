"""Starting the GUI: logging, exception hook, opening the database, first-run set-up."""

from __future__ import annotations

import gc
import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from app import APP_NAME, __version__
from app.context import open_app_database
from app.errors import DatabaseVersionError, ProtectedRowError
from app.logging_setup import setup_logging
from app.paths import default_db_path, resource_path
from ui import dialogs

log = logging.getLogger(__name__)


def install_excepthook(log_path: str) -> None:
    """Unexpected errors: log the traceback and tell the user where the log is."""

    def hook(exc_type, exc, tb):
        if isinstance(exc, ProtectedRowError):  # the database refused to alter the record
            dialogs.warn(None, "Không được sửa", str(exc))
            return
        log.error("Unhandled error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        dialogs.error(None, "Lỗi không mong muốn",
                      f"Đã xảy ra lỗi: {exc}\n\nChi tiết được ghi trong nhật ký:\n{log_path}",
                      details="".join(traceback.format_exception(exc_type, exc, tb)))

    sys.excepthook = hook


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ThiDuaKhenThuong")
    icon = resource_path("icons", "app.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def open_main_window(db):
    """First-run set-up if the organisation is unknown, then the main window (or None)."""
    from app.services.system.organization import get_org
    from ui.main_window import MainWindow
    from ui.screens.first_run import FirstRunDialog

    org = get_org(db)
    if org is None:
        dialog = FirstRunDialog(db)
        if dialog.exec() != QDialog.Accepted:
            return None
        org = get_org(db)
    return MainWindow(db, org.short_name)


def run_gui(db_path: str | None = None) -> int:
    log_path = setup_logging()
    app = make_application()
    install_excepthook(log_path)
    path = Path(db_path) if db_path else default_db_path()
    from ui.screens.backup_hooks import check_before_open, remind_backup

    if not check_before_open(path):  # damaged file: never opened, so never written
        return 1
    try:
        db = open_app_database(path)
    except DatabaseVersionError as exc:
        dialogs.error(None, "Không mở được cơ sở dữ liệu", str(exc))
        return 1
    log.info("Opened %s", path)
    window = open_main_window(db)
    if window is None:
        db.dispose()
        return 0
    window.show()
    remind_backup(window, db)
    from ui.screens.rules_hooks import offer_rule_update

    offer_rule_update(window, db)  # newer rule packs: asked after the window shows
    # Start-up objects (Qt wrappers, SQLAlchemy mappers) never die: keep them out of the
    # cyclic GC, whose full passes otherwise stall a list refresh by ~0.1 s.
    gc.freeze()
    code = app.exec()
    from ui import workers

    workers.wait_all()  # a background job still running must end before Qt tears down
    db.dispose()
    return code

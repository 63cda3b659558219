"""Starting the GUI: logging, exception hook, opening the database, first-run set-up.

The window comes first (issue 14): the file's quick integrity check runs on a thread from the
first moment — on the second core while Qt, SQLAlchemy and the window load — and writes are
held until it passes; the result shows in the status bar. A damaged file is then closed
unwritten and the usual restore offer follows. Heavy libraries (charts, PDF, Excel, Word)
load in idle moments after the first screen, one at a time, so the first report does not
wait for them either.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QThread, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from app import APP_NAME, __version__
from app.logging_setup import setup_logging
from app.paths import default_db_path, resource_path
from ui import dialogs
from ui.i18n import install_vietnamese

log = logging.getLogger(__name__)

# Start-up timeline (bench/startup.py prints it): wall clock, and the GUI thread's CPU time.
MARKS: dict[str, float] = {}
CPU_MARKS: dict[str, float] = {}
# Loaded after the first screen, in idle moments; each one under the 0.3 s a click may wait.
PRELOAD = ("reportlab.platypus", "reportlab.pdfgen.canvas", "openpyxl", "docx",
           "PySide6.QtCharts", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "alembic.command")
PRELOAD_DELAY_MS = 1500
BUSY_TITLE = "Cơ sở dữ liệu đang bận"
BUSY_TEXT = ("Một chương trình khác đang ghi vào tệp dữ liệu nên chưa ghi được. Chưa có gì "
             "bị thay đổi.\n\nChờ một lát rồi bấm “Thử lại”, hoặc “Hủy” để bỏ thao tác này.")


def mark(name: str) -> None:
    MARKS[name] = time.perf_counter()
    CPU_MARKS[name] = time.thread_time()


def install_excepthook(log_path: str) -> None:
    """Unexpected errors: log the traceback and tell the user where the log is. An error
    that is a sentence for the user (a busy or read-only file…) is shown as just that."""
    from app.errors import DomainError, ProtectedRowError

    def hook(exc_type, exc, tb):
        if isinstance(exc, ProtectedRowError):  # the database refused to alter the record
            dialogs.warn(None, "Không được sửa", str(exc))
            return
        if isinstance(exc, DomainError):
            log.warning("Not done: %s", exc)
            dialogs.warn(None, "Chưa thực hiện được", str(exc))
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
    install_vietnamese(app)  # Qt's own buttons and menus, dates and numbers in Vietnamese
    icon = resource_path("icons", "app.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def ask_retry_when_busy() -> bool:
    """Database.on_busy in the window: the officer chooses "Thử lại" or "Hủy" (a background
    job cannot ask: it reports the error instead)."""
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return False
    return dialogs.retry(QApplication.activeWindow(), BUSY_TITLE, BUSY_TEXT)


def open_main_window(db):
    """First-run set-up if the organisation is unknown, then the main window (or None)."""
    from app.services.system.organization import get_org
    from ui.main_window import MainWindow
    from ui.screens.first_run import FirstRunDialog

    db.on_busy = ask_retry_when_busy
    org = get_org(db)
    if org is None:
        if db.read_only:
            dialogs.error(None, "Không mở được cơ sở dữ liệu",
                          "Tệp chỉ đọc này chưa có thông tin đơn vị, nên chưa dùng được.")
            return None
        dialog = FirstRunDialog(db)
        if dialog.exec() != QDialog.Accepted:
            return None
        org = get_org(db)
    return MainWindow(db, org.short_name)


def open_database(path: Path, check=None):
    """The database for the window, or None after telling the officer why not. ``check``: the
    BackgroundCheck already running (writes are held until it passes); None checks first."""
    from app.context import open_app_database
    from app.errors import DatabaseInUseError, DatabaseVersionError, DomainError

    try:
        db = open_app_database(path, check=check is None)
    except DatabaseInUseError as exc:
        dialogs.error(None, "Tệp dữ liệu đang được mở", str(exc))
        return None
    except DatabaseVersionError as exc:
        if check is not None and check.wait() and check.problem:
            return _offer_restore(path)  # damaged: the restore offer, never an opened file
        dialogs.error(None, "Không mở được cơ sở dữ liệu", str(exc))
        return None
    except DomainError as exc:
        dialogs.error(None, "Không mở được cơ sở dữ liệu", str(exc))
        return None
    if check is not None:
        check.attach(db)
    return db


def _offer_restore(path: Path):
    """A damaged file: say so, offer the newest verified backup (ui.screens.backup_hooks)."""
    from ui.screens.backup_hooks import check_before_open

    if not check_before_open(path):  # nothing restored: the file was never written
        return None
    return open_database(path)


class Startup:
    """What the running window's start left to finish: the integrity check's result, the
    read-only notice, the backup reminder, the preloading of heavy libraries."""

    def __init__(self, window, check):
        self.window, self.check = window, check
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._poll)

    def start(self) -> None:
        self.window.startup = self  # lives as long as its window
        db = self.window.db
        if db.read_only:
            from db.engine import READ_ONLY_TEXT

            self.window.set_check_state("Chỉ đọc")
            QTimer.singleShot(0, lambda: dialogs.info(self.window, "Mở ở chế độ chỉ đọc",
                                                      READ_ONLY_TEXT))
        elif self.check is not None and not self.check.done.is_set():
            self.window.set_check_state("Đang kiểm tra dữ liệu…")
        self.timer.start()
        QTimer.singleShot(PRELOAD_DELAY_MS, lambda: preload(list(PRELOAD)))

    def _poll(self) -> None:
        if self.check is not None and not self.check.done.is_set():
            return
        self.timer.stop()
        mark("checked")
        if self.check is None or self.check.problem is None:
            if not self.window.db.read_only:
                self.window.set_check_state("Dữ liệu đã kiểm tra: tốt")
            from ui.screens.backup_hooks import remind_backup

            remind_backup(self.window, self.window.db)  # once the file is known to be sound
            if not self.window.db.read_only:
                from ui.screens.rules_hooks import offer_rule_update

                offer_rule_update(self.window, self.window.db)  # newer rule packs, if any
            return
        log.error("Start-up check failed for %s: %s", self.check.path, self.check.problem)
        self._damaged()

    def _damaged(self) -> None:
        """Close the window (nothing was written: writes were held) and offer a restore."""
        app = QApplication.instance()
        app.setQuitOnLastWindowClosed(False)
        self.window.skip_exit_backup = True
        self.window.close()
        self.window.db.close()
        db = _offer_restore(self.check.path)
        window = open_main_window(db) if db is not None else None
        app.setQuitOnLastWindowClosed(True)
        if window is None:
            if db is not None:
                db.close()
            app.quit()
            return
        window.show()
        Startup(window, None).start()


def preload(modules: list[str]) -> None:
    """Import the next heavy module in an idle moment, then schedule the one after."""
    import importlib

    if not modules:
        mark("preloaded")
        return
    name = modules.pop(0)
    try:
        importlib.import_module(name)
    except ImportError as exc:  # an optional piece missing from this build
        log.info("Preload of %s skipped: %s", name, exc)
    QTimer.singleShot(30, lambda: preload(modules))


def start_gui(db_path: str | None = None) -> Startup | int:
    """Everything up to the main window on screen: its Startup, or the exit code when there
    is no window (0: the officer cancelled the first-run set-up; 1: a message said why).

    A file already set up gets its window at once — navigation and title, painted — and
    its first screen once SQLAlchemy has loaded and the file is open."""
    mark("start")
    from app.context import BackgroundCheck

    path = Path(db_path) if db_path else default_db_path()
    check = BackgroundCheck(path)  # from the first moment, on the other core
    log_path = setup_logging()
    make_application()
    install_excepthook(log_path)
    mark("qt")
    early = _early_window(path)
    if isinstance(early, int):
        return early
    db = open_database(path, check)
    if early is not None:
        early[1].release()  # the database holds the lock itself now
    if db is None:
        if early is not None:
            early[0].skip_exit_backup = True
            early[0].close()
        return 1
    log.info("Opened %s%s", path, " (read only)" if db.read_only else "")
    mark("database")
    if early is None:
        window = open_main_window(db)
        if window is None:
            db.close()
            return 0
        window.show()
    else:
        window = early[0]
        db.on_busy = ask_retry_when_busy
        window.attach_database(db)
    mark("window")
    startup = Startup(window, check)
    startup.start()
    return startup


def _early_window(path: Path):
    """(window shown without its database yet, the lock taken for it), None when the file
    must be opened first (new, not set up, not ours), or 1 when another copy has it."""
    from app.context import GUI, window_title_hint
    from app.errors import DatabaseInUseError
    from app.lock import acquire

    name = window_title_hint(path)
    if not name:
        return None
    try:
        lock = acquire(path, GUI)  # a second copy is refused before any window shows
    except DatabaseInUseError as exc:
        dialogs.error(None, "Tệp dữ liệu đang được mở", str(exc))
        return 1
    from ui.main_window import MainWindow

    window = MainWindow(None, name)
    window.show()
    QApplication.processEvents()  # painted now, while the database layer loads
    mark("shown")
    return window, lock


def run_gui(db_path: str | None = None) -> int:
    startup = start_gui(db_path)
    if isinstance(startup, int):
        return startup
    # Start-up objects (Qt wrappers, SQLAlchemy mappers) never die: keep them out of the
    # cyclic GC, whose full passes otherwise stall a list refresh by ~0.1 s.
    gc.freeze()
    code = QApplication.instance().exec()
    from ui import workers

    workers.wait_all()  # a background job still running must end before Qt tears down
    from ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():  # (another file may have been opened)
        if isinstance(widget, MainWindow):
            widget.db.close()  # connections closed, lock file released
    return code

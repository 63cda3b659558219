"""Opening the application's database: lock, check, migrate (backup first), seed reference data.

Every way into a database file goes through ``open_app_database``: the window, the commands,
"open another file". It decides how the file may be used:

* a file (or folder) that cannot be written is opened read-only, with a sentence saying so —
  it is never called damaged;
* a writer (the window, a command that writes) takes the file's lock, so a second copy of the
  app is refused with a sentence naming who has the file;
* a damaged file is never written: the quick integrity check runs first — or, for the
  window's fast start, in the background while writes are held (``check=False``).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from app.lock import acquire
from db.errors import SchemaError
from db.sqlite_file import connect_ro, file_writable, integrity, unreadable_wal

if TYPE_CHECKING:  # SQLAlchemy and the backup package load while the window's check runs
    from db.engine import Database

GUI = "cửa sổ Phần mềm Thi đua – Khen thưởng"
DAMAGED = ("Tệp dữ liệu “{name}” bị hỏng: {problem}. Phần mềm không ghi gì vào tệp này; hãy "
           "khôi phục từ bản sao lưu.")


def quick_problem(path: Path) -> str | None:
    """SQLite's quick integrity check, read only: None when sound, else what is wrong."""
    try:
        con = connect_ro(path)
        try:
            rows = integrity(con, quick=True)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:3])


def _lower_this_threads_priority() -> None:
    """Below normal for the calling thread only (Windows; Linux, where a thread has its own
    nice value). Elsewhere, or if refused, it simply runs at normal priority."""
    try:
        if os.name == "nt":
            import ctypes

            kernel32 = ctypes.windll.kernel32
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), -1)  # BELOW_NORMAL
        elif sys.platform.startswith("linux"):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (OSError, AttributeError):
        pass


class BackgroundCheck:
    """The quick integrity check of a file, on its own thread (SQLite works outside the GIL,
    so on the second core while the window is built). Attached to the opened Database it
    lets the held writes through when the file is sound, or refuses them for good."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.problem: str | None = None
        self.seconds = 0.0
        self.done = threading.Event()
        self._db: Database | None = None
        self._guard = threading.Lock()
        if not self.path.exists() or self.path.stat().st_size == 0:
            self.done.set()  # a new database: nothing to check
        else:
            threading.Thread(target=self._run, name="kiem-tra-toan-ven", daemon=True).start()

    def _run(self) -> None:
        started = time.perf_counter()
        _lower_this_threads_priority()  # the window's start goes first on a busy PC
        problem = quick_problem(self.path)
        with self._guard:
            self.problem, self.seconds = problem, time.perf_counter() - started
            self.done.set()
            db = self._db
        if db is not None:
            self._apply(db)

    def attach(self, db: Database) -> None:
        with self._guard:
            self._db = db
            done = self.done.is_set()
        if done:
            self._apply(db)

    def _apply(self, db: Database) -> None:
        if self.problem is None:
            db.allow_writes()
        else:
            db.refuse_writes(self.message())

    def message(self) -> str:
        return DAMAGED.format(name=self.path.name, problem=self.problem)

    def wait(self, timeout: float | None = None) -> bool:
        return self.done.wait(timeout)


def window_title_hint(path: str | Path) -> str | None:
    """The organisation's name read cheaply, so the window can show before the database layer
    has loaded (None: open the file the full way first — new, not set up, not ours…)."""
    from db.sqlite_file import peek_org_name

    return peek_org_name(Path(path))


def needs_upgrade(path: Path) -> bool:
    """The file is new, or older than this version (opening it writes the schema)."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    from db.migrate import head_revision, inspect_file

    try:
        revision, _ours = inspect_file(path)
    except SchemaError:  # unreadable: the integrity check that follows says how
        return True
    return revision != head_revision()


def open_app_database(path: str | Path, *, writer: bool = True, program: str = GUI,
                      check: bool = True) -> Database:
    """Open or create the database file, upgraded to this version, with reference data.

    ``writer``: hold the file's lock while open (released by ``Database.close()``); readers
    (reports, exports, backups) share the file with the window and lock only to upgrade it.
    ``check=False``: the caller runs the quick integrity check itself and holds writes until
    it passes (the window starts faster); a file that must be upgraded is checked first anyway.
    """
    from db.migrate import open_database

    path = Path(path)
    if not file_writable(path):
        return _open_read_only(path)
    upgrade = needs_upgrade(path)
    lock = acquire(path, program) if writer or upgrade else None
    try:
        if check or upgrade:
            from app.backup.startup import refuse_if_damaged

            refuse_if_damaged(path)  # quick integrity check: never write into a damaged file
        db = open_database(path, before_upgrade=_backup_before_upgrade)
        if not check and not upgrade:
            db.hold_writes()  # until the caller's check passes
        if writer or upgrade:
            _seed(db)
            from app.backup.secret import move_plain_password

            move_plain_password(db)  # an older version's readable backup password: out of it
    except BaseException:
        if lock:
            lock.release()
        raise
    if lock is not None:
        if writer:
            db.on_close(lock.release)
        else:
            lock.release()
    return db


def _backup_before_upgrade(path: Path, old_revision: str | None) -> None:
    """A verified copy with SQLite's backup API before any schema migration."""
    from app.backup.local import pre_migration_backup

    pre_migration_backup(path, old_revision)


def _seed(db: Database) -> None:
    from app.services.awards.reference import seed_reference_data

    with db.session() as s:
        seed_reference_data(s)


def _open_read_only(path: Path) -> Database:
    """A healthy file nobody may write here: view, print, export and back up only."""
    from app.backup.startup import refuse_if_damaged
    from db.migrate import open_database

    if not path.exists():
        raise SchemaError(f"Không tạo được cơ sở dữ liệu “{path.name}”: thư mục “{path.parent}” "
                          "không cho ghi. Hãy chọn một thư mục khác (ví dụ Tài liệu).")
    if unreadable_wal(path):
        raise SchemaError(
            f"Tệp “{path.name}” nằm trong thư mục chỉ đọc cùng phần ghi dở (tệp “{path.name}-wal”"
            ") mà phần mềm không đọc được ở đây. Hãy chép cả hai tệp sang một thư mục ghi được "
            "rồi mở lại; dữ liệu không bị hỏng.")
    refuse_if_damaged(path)
    return open_database(path, read_only=True)  # refuses a file that would need an upgrade

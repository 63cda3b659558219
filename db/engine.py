"""Engine and session set-up. SQLite: foreign keys on, WAL, busy timeout, on every connection.

SQLite's own error codes become the user's sentences here (a trigger's refusal, a database
another program keeps busy, a read-only file), so the layers above never see sqlite3."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from db.errors import DatabaseBusyError, DatabaseReadOnlyError, ProtectedRowError
from db.sqlite_file import file_uri

# Marks the file as ours (PRAGMA application_id), so a foreign SQLite file is recognised.
APPLICATION_ID = 0x54444B54  # "TDKT"
BUSY_TIMEOUT_MS = 5000
# BEGIN IMMEDIATE waits BUSY_TIMEOUT_MS inside SQLite; tried this many times in all before the
# user is asked (GUI) or told (CLI) — so a busy file costs at most ~10 s, never a traceback.
IMMEDIATE_ATTEMPTS = 2
# How long a write waits for the start-up integrity check still running in the background.
WRITE_HOLD_SECONDS = 60.0

READ_ONLY_TEXT = ("Cơ sở dữ liệu đang mở ở chế độ chỉ đọc (thư mục hoặc tệp không cho ghi): "
                  "xem, in, xuất và sao lưu được; không thêm, sửa hay xóa được. Muốn sửa, hãy "
                  "chép tệp vào một thư mục ghi được (ví dụ Tài liệu) rồi mở tệp đó.")
_WRITE_WORDS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "BEGIN")


def _on_connect(read_only: bool, dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if not read_only:  # the journal mode is stored in the file: setting it is a write
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _translate_error(context) -> None:
    """SQLite's errors the user can act on become their Vietnamese sentences:
    a trigger's RAISE(ABORT, '<sentence>') (SQLite's own constraint errors say "… constraint
    failed"), a database another program keeps locked, a write to a read-only file."""
    exc = context.original_exception
    if isinstance(exc, sqlite3.IntegrityError) and "constraint failed" not in str(exc):
        raise ProtectedRowError(str(exc)) from exc
    if isinstance(exc, sqlite3.OperationalError):
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "is locked" in str(exc):
            raise DatabaseBusyError() from exc
        if code == sqlite3.SQLITE_READONLY:
            raise DatabaseReadOnlyError(READ_ONLY_TEXT) from exc


def sqlite_url(path: str | Path, read_only: bool = False) -> URL:
    """The SQLAlchemy URL of a database file, built from parts (never by formatting a string:
    '#', '?', '%' in a folder name would otherwise open another file)."""
    return URL.create("sqlite", database=file_uri(path, read_only), query={"uri": "true"})


def make_engine(url_or_path: str | Path | URL, read_only: bool = False) -> Engine:
    if isinstance(url_or_path, URL) or "://" in str(url_or_path):
        url = url_or_path
    else:
        url = sqlite_url(url_or_path, read_only)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", partial(_on_connect, read_only))
        event.listen(engine, "handle_error", _translate_error)
    return engine


class Database:
    """One open database file: its engine, a session factory, and what may be written.

    ``read_only``: opened without write access (a read-only folder or file); every write is
    refused with READ_ONLY_TEXT before it reaches SQLite. Writes can also be *held* while the
    start-up integrity check runs in the background (``hold_writes``/``allow_writes``)."""

    def __init__(self, url_or_path: str | Path, read_only: bool = False):
        self.path = None if "://" in str(url_or_path) else Path(url_or_path).resolve()
        self.read_only = read_only
        self.engine = make_engine(url_or_path, read_only)
        self.Session = sessionmaker(self.engine, expire_on_commit=False, future=True)
        # Asked when a write transaction found the file busy for too long: True to try again
        # (the GUI asks the officer "Thử lại?"); None (CLI, tests): raise DatabaseBusyError.
        self.on_busy: Callable[[], bool] | None = None
        self._closers: list[Callable[[], None]] = []
        self._gate = threading.Event()
        self._gate.set()
        self._refusal: str | None = READ_ONLY_TEXT if read_only else None
        event.listen(self.engine, "before_cursor_execute", self._before_execute)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self, immediate: bool = False) -> Iterator[Session]:
        """A unit of work: one transaction, committed on success, rolled back on any error.

        ``immediate``: take the write lock at the start (SQLite BEGIN IMMEDIATE), for work that
        reads then writes what it read — allocating register numbers — so no other writer
        slips in between. A busy file is retried (bounded), then reported."""
        with self.Session() as s, s.begin():
            if immediate and self.is_sqlite:
                self._begin_immediate(s)
            yield s

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (no commit)."""
        with self.Session() as s:
            yield s

    def _begin_immediate(self, s: Session) -> None:
        conn = s.connection()
        attempt = 1
        while True:
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except DatabaseBusyError:
                if attempt < IMMEDIATE_ATTEMPTS:
                    attempt += 1
                    time.sleep(0.05)
                elif self.on_busy is not None and self.on_busy():
                    attempt = 1
                else:
                    raise

    # ------------------------------------------------------------------ write gate
    def hold_writes(self) -> None:
        """Writes wait (reads go on) until allow_writes() or refuse_writes()."""
        if self._refusal is None:
            self._gate.clear()

    def allow_writes(self) -> None:
        if not self.read_only:
            self._refusal = None
        self._gate.set()

    def refuse_writes(self, reason: str) -> None:
        """Every later write raises DatabaseReadOnlyError(reason) (e.g. a damaged file)."""
        self._refusal = reason
        self._gate.set()

    @property
    def writes_allowed(self) -> bool:
        return self._gate.is_set() and self._refusal is None

    def _before_execute(self, _conn, _cursor, statement, *_args) -> None:
        if self._gate.is_set() and self._refusal is None:
            return
        if not statement.lstrip().upper().startswith(_WRITE_WORDS):
            return
        if not self._gate.wait(WRITE_HOLD_SECONDS):
            raise DatabaseReadOnlyError("Phần mềm vẫn đang kiểm tra tệp dữ liệu; chưa ghi gì. "
                                        "Hãy thử lại sau giây lát.")
        if self._refusal is not None:
            raise DatabaseReadOnlyError(self._refusal)

    # ------------------------------------------------------------------ closing
    def on_close(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` when the database is closed for good (e.g. release the lock file)."""
        self._closers.append(fn)

    def dispose(self) -> None:
        """Close the open connections (before a restore replaces the file); the Database stays
        usable and reconnects on the next use."""
        self.engine.dispose()

    def close(self) -> None:
        """Finished with this file: connections closed, lock released."""
        self.engine.dispose()
        closers, self._closers = self._closers, []
        for fn in reversed(closers):
            fn()

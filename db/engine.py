"""Engine and session set-up. SQLite: foreign keys on, WAL, busy timeout, on every connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from db.errors import ProtectedRowError

# Marks the file as ours (PRAGMA application_id), so a foreign SQLite file is recognised.
APPLICATION_ID = 0x54444B54  # "TDKT"
BUSY_TIMEOUT_MS = 5000


def _on_connect(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _protected_row(context) -> None:
    """A trigger's RAISE(ABORT, '<Vietnamese sentence>') becomes ProtectedRowError with just
    that sentence (SQLite's own constraint errors say "… constraint failed")."""
    exc = context.original_exception
    if isinstance(exc, sqlite3.IntegrityError) and "constraint failed" not in str(exc):
        raise ProtectedRowError(str(exc)) from exc


def make_engine(url_or_path: str | Path) -> Engine:
    url = str(url_or_path)
    if "://" not in url:
        url = f"sqlite:///{Path(url).resolve()}"
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "handle_error", _protected_row)
    return engine


class Database:
    """One open database file: its engine and a session factory."""

    def __init__(self, url_or_path: str | Path):
        self.path = None if "://" in str(url_or_path) else Path(url_or_path).resolve()
        self.engine = make_engine(url_or_path)
        self.Session = sessionmaker(self.engine, expire_on_commit=False, future=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: one transaction, committed on success, rolled back on any error."""
        with self.Session() as s, s.begin():
            yield s

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (no commit)."""
        with self.Session() as s:
            yield s

    def dispose(self) -> None:
        self.engine.dispose()

"""One writer at a time: a lock file next to the database, held with an OS advisory lock.

``<database>.lock`` holds who opened the file (program, computer, process, time) so a second
copy of the app can say who has it. The lock itself is the operating system's (fcntl.flock;
msvcrt.locking on Windows): it dies with the process, so a crash or a power cut never leaves
the file "in use" — a lock file nobody holds is stale and simply taken over.

Inside one process the lock is shared (counted): the window and the restore it starts, or a
test opening the same file twice, are one holder. Needs no Qt.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import DatabaseInUseError

log = logging.getLogger(__name__)

SUFFIX = ".lock"
_WIN_LOCK_OFFSET = 1 << 30  # Windows locks a byte range: one far past the holder's text


def lock_path(db_path: str | os.PathLike) -> Path:
    path = Path(db_path).resolve()
    return path.with_name(path.name + SUFFIX)


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as written in the lock file."""

    program: str
    host: str
    pid: int
    since: str  # local time, "HH:MM dd/mm/YYYY"

    def describe(self) -> str:
        return (f"{self.program} trên máy “{self.host}” (tiến trình {self.pid}, mở lúc "
                f"{self.since})")


class _FileLock:
    """An open lock file with the OS lock taken on it."""

    def __init__(self, path: Path):
        self.path = path
        self.fh = None

    def try_acquire(self) -> bool:
        """True when locked; False when another process holds it. OSError if the file cannot
        be made at all."""
        for _ in range(5):  # the holder may delete the file between our open and lock
            fh = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
            try:
                locked = _os_lock(fh)
            except OSError:
                fh.close()
                raise
            if not locked:
                fh.close()
                return False
            if _same_file(fh, self.path):
                self.fh = fh
                return True
            _os_unlock(fh)  # locked a file already unlinked by its last holder: retry
            fh.close()
        return False

    def write_holder(self, program: str) -> None:
        info = {"program": program, "host": socket.gethostname(), "pid": os.getpid(),
                "since": f"{datetime.now():%H:%M %d/%m/%Y}"}
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(json.dumps(info, ensure_ascii=False).encode("utf-8") + b"\n")
        self.fh.flush()

    def release(self) -> None:
        if self.fh is None:
            return
        try:
            self.fh.seek(0)
            self.fh.truncate()
            if os.name != "nt":  # unlinked while still locked (Windows refuses: left stale)
                self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.debug("Lock file %s not cleaned: %s", self.path, exc)
        finally:
            _os_unlock(self.fh)
            self.fh.close()
            self.fh = None


def _os_lock(fh) -> bool:
    if os.name == "nt":
        import msvcrt

        fh.seek(_WIN_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _os_unlock(fh) -> None:
    try:
        if os.name == "nt":
            import msvcrt

            fh.seek(_WIN_LOCK_OFFSET)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    except OSError:
        pass  # closing the file releases it anyway


def _same_file(fh, path: Path) -> bool:
    if os.name == "nt":
        return True
    try:
        return os.path.samestat(os.fstat(fh.fileno()), os.stat(path))
    except OSError:
        return False


def read_holder(db_path: str | os.PathLike) -> Holder | None:
    """What the lock file says about its holder (None if unreadable or empty)."""
    try:
        info = json.loads(lock_path(db_path).read_text(encoding="utf-8") or "null")
        return Holder(str(info["program"]), str(info["host"]), int(info["pid"]),
                      str(info["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


# ---------------------------------------------------------------- in-process bookkeeping
_held: dict[Path, list] = {}  # lock path → [_FileLock, count]
_guard = threading.Lock()


class DatabaseLock:
    """This process's hold on a database file; ``release()`` once when done."""

    def __init__(self, path: Path):
        self.path = path
        self._released = False

    def release(self) -> None:
        with _guard:
            if self._released:
                return
            self._released = True
            entry = _held.get(self.path)
            if entry is None:
                return
            entry[1] -= 1
            if entry[1] <= 0:
                del _held[self.path]
                entry[0].release()


def in_use_message(db_path: Path, holder: Holder | None) -> str:
    who = holder.describe() if holder else "một cửa sổ hoặc một lệnh khác của phần mềm"
    return (f"Cơ sở dữ liệu “{Path(db_path).name}” đang được mở bởi {who}. Mỗi lúc chỉ một "
            "chương trình được ghi vào tệp này, để không ai mất dữ liệu của ai: hãy dùng cửa "
            "sổ đang mở, hoặc đóng nó rồi thử lại.")


def acquire(db_path: str | os.PathLike, program: str = "Phần mềm Thi đua – Khen thưởng"
            ) -> DatabaseLock:
    """Take the database's lock for this process, or raise DatabaseInUseError naming who holds
    it. A folder where the lock file cannot be made (a read-only share) is not locked: the
    database is then opened read-only anyway."""
    path = lock_path(db_path)
    with _guard:
        entry = _held.get(path)
        if entry is not None:
            entry[1] += 1
            return DatabaseLock(path)
        flock = _FileLock(path)
        try:
            got = flock.try_acquire()
        except OSError as exc:
            log.warning("No lock file beside %s (%s); opened without it", db_path, exc)
            return DatabaseLock(path)
        if not got:
            raise DatabaseInUseError(in_use_message(Path(db_path), read_holder(db_path)))
        flock.write_holder(program)
        _held[path] = [flock, 1]
        return DatabaseLock(path)


@contextmanager
def holding(db_path: str | os.PathLike, program: str = "Phần mềm Thi đua – Khen thưởng"):
    """The lock for the length of a ``with`` block (a restore, a migration)."""
    held = acquire(db_path, program)
    try:
        yield held
    finally:
        held.release()


def held_here(db_path: str | os.PathLike) -> bool:
    """Whether this process holds the database's lock."""
    with _guard:
        return lock_path(db_path) in _held

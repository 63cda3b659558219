"""Staging files left by a backup or restore that was killed (power cut, Task Manager): removed
when the database is next opened, unless the process that wrote them is still running.

Their names carry the writer's process id: ``.<db>.khoi-phuc-<pid>`` beside the database,
``.<file>.kiem-tra-<pid>`` and ``.TDKT-sao-luu-…-<pid>.sqlite.dang-ghi`` in the work folder."""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path

from app.backup.files import PARTIAL_SUFFIX, remove_quietly

log = logging.getLogger(__name__)
RESTORE_MARK = ".khoi-phuc-"
CHECK_MARK = ".kiem-tra"
OLD_WITHOUT_PID = 30 * 60  # a staging file with no process id in its name (older versions)
_PID = re.compile(r"-(\d+)(?:\.(?:sqlite|zip)" + re.escape(PARTIAL_SUFFIX) + r")?$")
_EXTRAS = ("-journal", "-wal", "-shm")


def work_folder() -> Path:
    """The PC-local work folder of backups and restores (not created here)."""
    from app.paths import data_dir

    return data_dir() / "backups" / "tam"


def restore_staging_name(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}{RESTORE_MARK}{os.getpid()}")


def check_staging_name(folder: Path, source: Path) -> Path:
    return folder / f".{source.name}{CHECK_MARK}-{os.getpid()}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    import psutil

    return psutil.pid_exists(pid)


def _stale(path: Path) -> bool:
    m = _PID.search(path.name)
    if m:
        return not _alive(int(m.group(1)))
    try:
        return time.time() - path.stat().st_mtime > OLD_WITHOUT_PID
    except OSError:
        return False


def _ours(name: str, db_name: str | None) -> bool:
    if not name.startswith("."):
        return False
    if db_name is not None:
        return name.startswith(f".{db_name}{RESTORE_MARK}")
    return CHECK_MARK in name or name.endswith(PARTIAL_SUFFIX)


def _clean(folder: Path, db_name: str | None) -> list[Path]:
    try:
        found = [p for p in folder.iterdir()
                 if p.is_file() and _ours(p.name, db_name) and not p.name.endswith(_EXTRAS)]
    except OSError:
        return []
    removed = [p for p in found if _stale(p) and remove_quietly(p)]
    for p in removed:
        log.info("Removed a staging file left by an interrupted backup or restore: %s", p)
    return removed


def clean_stale_staging(db_path: Path) -> list[Path]:
    """Remove what killed restores left beside ``db_path`` and what killed backups and checks
    left in the work folder; returns what was removed."""
    db_path = Path(db_path)
    removed = _clean(db_path.parent, db_path.name)
    if work_folder().is_dir():
        removed += _clean(work_folder(), None)
    return removed

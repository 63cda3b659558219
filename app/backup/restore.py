"""Restoring a backup: verify first, keep a safety copy of the current file, replace atomically.

The caller closes its own connections to the database first (``Database.dispose()``) and
reopens it afterwards (``open_app_database``, which upgrades an older schema after a backup).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.backup import archive
from app.backup.files import (
    BackupError,
    Cancelled,
    Progress,
    connect_ro,
    fsync_dir,
    online_copy,
    remove_quietly,
    report,
    utc_now,
)
from app.backup.local import PRE_RESTORE, raw_copy, safety_copy
from app.backup.verify import Verification, verify_file
from app.lock import acquire as acquire_lock
from db.sqlite_file import carry_rows, connect_rw, insert_row

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    db_path: Path
    source: Path
    safety_copy: Path | None
    verification: Verification


def check_backup(source: Path, password: str | None = None) -> Verification:
    """Verify a backup (plain or encrypted ZIP) without installing it; raises BackupError."""
    source = Path(source)
    if archive.is_zip(source):
        staged = _temp_folder() / f".{source.name}.kiem-tra"
        try:
            archive.extract(source, staged, password)
            ver = verify_file(staged)
        finally:
            remove_quietly(staged)
    else:
        ver = verify_file(source)
    if not ver.ok:
        raise BackupError(f"Không khôi phục từ tệp này: {ver.problem}")
    return ver


def restore_database(
    source: str | Path, db_path: str | Path, *, password: str | None = None,
    progress: Progress | None = None, cancelled: Cancelled | None = None,
) -> RestoreResult:
    """Replace the database at ``db_path`` with the verified content of ``source``."""
    source, db_path = Path(source), Path(db_path).resolve()
    if not source.is_file():
        raise BackupError(f"Không tìm thấy tệp “{source}”.")
    if source.resolve() == db_path:
        raise BackupError("Tệp được chọn chính là cơ sở dữ liệu đang dùng.")
    report(progress, cancelled, 5, "Đang kiểm tra bản sao lưu…")
    db_path.parent.mkdir(parents=True, exist_ok=True)  # a new PC: nothing there yet
    # Refused while another copy of the app has the file open: it would go on writing into
    # the replaced file and lose every write. (This process's own window disposed its
    # connections before calling; its hold on the lock is shared.)
    lock = acquire_lock(db_path, "lệnh khôi phục dữ liệu")
    staged = db_path.with_name(f".{db_path.name}.khoi-phuc-{os.getpid()}")
    try:
        ver = _stage(source, staged, password, progress, cancelled)
        report(progress, None, 75, "Đang cất bản sao an toàn của dữ liệu hiện tại…")
        aside = _keep_current(db_path)
        report(progress, None, 90, "Đang thay thế cơ sở dữ liệu…")
        _replace(staged, db_path)
        _note_restore(aside, db_path, source, ver)
    except BackupError:
        raise
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"Không khôi phục được ({exc}). Dữ liệu hiện tại không thay đổi.") from exc
    finally:
        remove_quietly(staged)
        lock.release()
    report(progress, None, 100, "Đã khôi phục xong.")
    log.info("Restored %s from %s (safety copy %s)", db_path, source, aside)
    return RestoreResult(db_path=db_path, source=source, safety_copy=aside, verification=ver)


def _stage(source, staged, password, progress, cancelled) -> Verification:
    """Put a verified copy beside the database (same disk, so the final rename is atomic)."""
    if archive.is_zip(source):
        archive.extract(source, staged, password)
        report(progress, cancelled, 40, "Đang kiểm tra dữ liệu trong tệp nén…")
        ver = verify_file(staged)
    else:
        first = verify_file(source, checksum=False)  # refuse junk before writing anything
        if not first.ok:
            raise BackupError(f"Không khôi phục từ tệp này: {first.problem}")
        src = connect_ro(source)
        try:
            src.execute("BEGIN")
            online_copy(src, staged, progress, cancelled, start=10, span=40)
        finally:
            src.close()
        report(progress, cancelled, 55, "Đang kiểm tra bản sẽ khôi phục…")
        ver = verify_file(staged, expect_counts=first.counts)
    if not ver.ok:
        raise BackupError(f"Không khôi phục từ tệp này: {ver.problem}")
    return ver


def _keep_current(db_path: Path) -> Path | None:
    """A safety copy of the current file; a damaged one is copied byte for byte, never written."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        return safety_copy(db_path, PRE_RESTORE, "truoc-khoi-phuc", "pre-restore")
    except BackupError as exc:
        log.warning("Current database not copyable with the backup API (%s); raw copy", exc)
        return raw_copy(db_path, PRE_RESTORE, "hong")


def _replace(staged: Path, db_path: Path) -> None:
    # The old -wal must go before the new file arrives, or SQLite would replay old pages into
    # it. Its content is already in the safety copy.
    for extra in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), Path(f"{db_path}-journal")):
        if extra.exists():
            extra.unlink()
    os.replace(staged, db_path)
    fsync_dir(db_path.parent)


def _note_restore(aside: Path | None, db_path: Path, source: Path, ver: Verification) -> None:
    """Backup history in the restored file: the backups made after it (so the reminder stays
    right) and a line for this restore itself."""
    con = connect_rw(db_path)
    try:
        if aside is not None:
            _carry_from(con, aside)
        kept = f" Dữ liệu trước đó được giữ tại: {aside}" if aside else ""
        insert_row(con, "backup_log", {
            "at": utc_now().isoformat(sep=" ", timespec="microseconds"), "target": str(source),
            "size": source.stat().st_size, "sha256": ver.sha256, "verified": 1,
            "encrypted": archive.is_zip(source), "kind": "restore",
            "message": f"Khôi phục vào “{db_path.name}”: lược đồ {ver.schema}, "
                       f"{ver.total_rows} dòng." + kept})
    except sqlite3.Error as exc:  # history only, never the data: the restore itself stands
        log.warning("Backup history not written after the restore: %s", exc)
    finally:
        con.close()


_LOG_COLS = "at, target, size, sha256, verified, encrypted, kind, message"


def _carry_from(con, aside: Path) -> None:
    try:
        carry_rows(con, aside, "backup_log", _LOG_COLS, ("at", "target", "sha256"))
    except sqlite3.Error as exc:  # an older or damaged copy: history only
        log.warning("Backup history not carried over: %s", exc)


def _temp_folder() -> Path:
    from app.backup.make import staging_dir

    return staging_dir()

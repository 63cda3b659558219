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

from app.backup import archive, trust
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
from app.backup.leftovers import check_staging_name, restore_staging_name
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
    staged = check_staging_name(_temp_folder(), source)
    try:
        return _stage(source, staged, password, None, None, copy_plain=False)
    finally:
        remove_quietly(staged)


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
    staged = restore_staging_name(db_path)
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


def _stage(source, staged, password, progress, cancelled, copy_plain=True) -> Verification:
    """Put a verified copy beside the database (same disk, so the final rename is atomic).

    Every check comes first, nothing is replaced here: the file against what was recorded when
    it was made (manifest beside it, or inside the archive), its integrity, and its structure
    against the one this version expects (tables, columns, indexes, protecting triggers)."""
    recorded = trust.recorded_entry(source)
    entry, where = recorded if recorded else (None, "")
    if archive.is_zip(source):
        trust.check_file_checksum(source, recorded)
        inner = archive.inner_manifest(source, password) or {}
        archive.extract(source, staged, password)  # size checked first, and capped
        report(progress, cancelled, 40, "Đang kiểm tra dữ liệu trong tệp nén…")
        ver = _verified(staged, source.name)
        trust.check_content(source.name, ver.sha256, ver.counts, inner.get("content_sha256"),
                            inner.get("counts"), "ghi chép bên trong tệp nén")
        if entry is not None:
            trust.check_content(source.name, ver.sha256, ver.counts, entry.content_sha256,
                                entry.counts, where)
        trust.check_structure(source.name, staged)
        return ver
    first = _verified(source, source.name, checksum=False)  # refuse junk before writing
    trust.check_file_checksum(source, recorded)
    if entry is not None:
        trust.check_content(source.name, None, first.counts, None, entry.counts, where)
    trust.check_structure(source.name, source)
    if not copy_plain:
        return first
    src = connect_ro(source)
    try:
        src.execute("BEGIN")
        online_copy(src, staged, progress, cancelled, start=10, span=40)
    finally:
        src.close()
    report(progress, cancelled, 55, "Đang kiểm tra bản sẽ khôi phục…")
    return _verified(staged, source.name, expect_counts=first.counts)


def _verified(path: Path, name: str, **how) -> Verification:
    ver = verify_file(path, **how)
    if not ver.ok:
        problem = ver.problem.replace(f"“{path.name}”", f"“{name}”")
        raise BackupError(f"Không khôi phục từ tệp này: {problem}")
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
            "message": f"Khôi phục vào “{db_path.name}”: phiên bản dữ liệu {ver.schema}, "
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

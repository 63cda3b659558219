"""Making a backup: online copy to a temporary name, fsync, verify, then the final dated name.

Whatever fails, the partial file is removed and neither the live database nor earlier
backups are touched; the user gets a Vietnamese sentence saying what to do.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.backup import archive
from app.backup.files import (
    MB,
    PARTIAL_SUFFIX,
    PREFIX,
    BackupError,
    Cancelled,
    Progress,
    connect_ro,
    db_size,
    final_name,
    fsync_dir,
    online_copy,
    remove_quietly,
    report,
    sha256_file,
    utc_now,
    write_error_message,
)
from app.backup.leftovers import work_folder
from app.backup.manifest import Entry, add_to_journal, add_to_manifest
from app.backup.readback import read_back_sha256
from app.backup.rotation import remove_stale_partials, rotate
from app.backup.verify import Verification, table_counts, verify_file
from app.errors import DomainError
from db.engine import Database
from db.models import BackupLog

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    sha256: str
    encrypted: bool
    rows: int
    schema: int
    seconds: float
    removed: tuple[Path, ...] = ()


def check_target(target: Path, need: int, create: bool = False) -> None:
    """Refuse early, before writing a byte, a folder that is missing, read-only or too small.

    ``create``: make the backup folder on a drive that is there (e.g. E:\\TDKT-sao-luu)."""
    if create and not target.is_dir() and target.parent.is_dir():
        try:
            target.mkdir()
        except OSError as exc:
            raise BackupError(write_error_message(exc, target.parent, need)) from exc
    if not target.is_dir():
        raise BackupError(f"Không tìm thấy thư mục hoặc ổ đĩa “{target}”. Hãy cắm lại USB "
                          "hoặc chọn nơi lưu khác.")
    try:
        fd, probe = tempfile.mkstemp(prefix=".tdkt-thu-ghi-", dir=target)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise BackupError(write_error_message(exc, target, need)) from exc
    free = shutil.disk_usage(target).free
    if free < need * 1.05 + MB:
        raise BackupError(f"Ổ đĩa “{target}” không đủ chỗ: cần khoảng {need / MB:.1f} MB, "
                          f"chỉ còn {free / MB:.1f} MB. Hãy xóa bớt tệp hoặc dùng USB khác.")


def backup_database(
    db: Database, target: str | Path, *, password: str | None = None, kind: str = "manual",
    keep: int | None = None, create_folder: bool = False, progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BackupResult:
    """Back up ``db`` into the folder ``target``; returns where and what was verified."""
    if db.path is None:
        raise BackupError("Chỉ sao lưu được cơ sở dữ liệu dạng tệp.")
    started = time.perf_counter()
    target = Path(target)
    report(progress, cancelled, 0, "Đang chuẩn bị sao lưu…")
    src = connect_ro(db.path)
    try:
        src.execute("BEGIN")  # one snapshot for the counts and the copy
        counts = table_counts(src)
        need = db_size(src)
        check_target(target, need, create_folder)
        remove_stale_partials(target)
        plain, verification = _copy_and_verify(src, target, counts, need, password,
                                               progress, cancelled)
    finally:
        src.close()
    try:
        written, entry = _finish(plain, verification, target, password, kind, db.path,
                                 progress, cancelled)
    finally:  # after success the plain copy was renamed or encrypted: nothing left to remove
        remove_quietly(plain)
    _record(db, entry, written, target)
    removed = rotate(target, keep) if keep else ()
    report(progress, None, 100, "Đã sao lưu xong.")
    return BackupResult(
        path=written, size=entry.size, sha256=entry.sha256, encrypted=bool(password),
        rows=verification.total_rows, schema=verification.schema,
        seconds=time.perf_counter() - started, removed=tuple(removed),
    )


def _partial(folder: Path, ext: str) -> Path:
    return folder / f".{PREFIX}{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.{ext}{PARTIAL_SUFFIX}"


def staging_dir() -> Path:
    """The PC-local work folder: encrypted backups are staged here so personal data never lands
    unencrypted on USB, and restores unpack here."""
    folder = work_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _copy_and_verify(src, target, counts, need, password, progress, cancelled):
    staging = staging_dir() if password else target
    if password:
        remove_stale_partials(staging)
    plain = _partial(staging, "sqlite")
    try:
        online_copy(src, plain, progress, cancelled, start=2, span=68)
        report(progress, cancelled, 72, "Đang kiểm tra bản sao (toàn vẹn, số dòng)…")
        verification = verify_file(plain, expect_counts=counts)
    except BackupError:  # includes a cancel
        remove_quietly(plain)
        raise
    except Exception as exc:
        cleaned = remove_quietly(plain)
        log.warning("Backup to %s failed: %r", target, exc)
        raise BackupError(write_error_message(exc, target, need, cleaned)) from exc
    if not verification.ok:
        remove_quietly(plain)
        raise BackupError(f"Bản sao vừa ghi không đạt kiểm tra nên đã bị xóa: "
                          f"{verification.problem} Dữ liệu đang dùng vẫn nguyên vẹn.")
    return plain, verification


def _finish(plain: Path, ver: Verification, target: Path, password, kind, db_path,
            progress, cancelled) -> tuple[Path, Entry]:
    """Encrypt if asked, then give the verified file its final dated name."""
    written, size, sha, content = plain, ver.size, ver.sha256, None
    if password:
        written = _partial(target, "zip")
        try:
            report(progress, cancelled, 80, "Đang mã hóa bằng mật khẩu…")
            archive.encrypt(plain, written, password, manifest={
                "app": "tdkt", "content_sha256": ver.sha256, "content_size": ver.size,
                "schema": ver.schema, "counts": ver.counts})
            report(progress, cancelled, 90, "Đang kiểm tra tệp đã mã hóa…")
            content = archive.content_sha256(written, password)
            if content != ver.sha256:
                raise BackupError("Tệp mã hóa đọc lại không khớp bản gốc.")
            size = written.stat().st_size
            sha = sha256_file(written)
        except BackupError:  # includes a cancel
            remove_quietly(written)
            raise
        except Exception as exc:
            cleaned = remove_quietly(written)
            raise BackupError(write_error_message(exc, target, size, cleaned)) from exc
    confirm_on_drive(written, sha, target, size, progress, cancelled)
    report(progress, None, 98, "Đang đặt tên tệp sao lưu…")  # too late to cancel
    final = final_name(target, datetime.now(), "zip" if password else "sqlite")
    try:
        os.replace(written, final)
        fsync_dir(target)
    except OSError as exc:
        cleaned = remove_quietly(written)
        raise BackupError(write_error_message(exc, target, size, cleaned)) from exc
    entry = Entry(
        file=final.name, at=utc_now().isoformat(timespec="seconds"), size=size, sha256=sha,
        verified=True, encrypted=bool(password), kind=kind, schema=ver.schema,
        source_db=str(Path(db_path).resolve()), rows=ver.total_rows, content_sha256=content,
        counts=ver.counts,
    )
    return final, entry


def confirm_on_drive(written: Path, sha: str, target: Path, size: int,
                     progress=None, cancelled=None) -> None:
    """Read the finished copy back from the drive (not the cache); it must hash the same."""
    try:
        report(progress, cancelled, 95, "Đang đọc lại bản sao từ ổ đĩa…")
        on_drive = read_back_sha256(written)
    except BackupError:  # a cancel
        remove_quietly(written)
        raise
    except OSError as exc:
        cleaned = remove_quietly(written)
        raise BackupError(write_error_message(exc, target, size, cleaned)) from exc
    if on_drive != sha:
        log.error("Read-back of %s differs: %s on the drive, %s written", written, on_drive, sha)
        remove_quietly(written)
        raise BackupError(
            f"Đọc lại từ ổ đĩa “{target}” thì dữ liệu khác với dữ liệu vừa ghi: USB có thể bị "
            "hỏng hoặc là USB giả dung lượng. Bản sao lỗi đã bị xóa; hãy sao lưu vào USB khác. "
            "Dữ liệu đang dùng và các bản sao lưu trước vẫn nguyên vẹn.")


def _record(db: Database, entry: Entry, written: Path, target: Path) -> None:
    """Manifest on the target, journal on this PC, and the backup log in the database."""
    try:
        add_to_manifest(target, entry)
    except OSError as exc:  # the backup file itself is complete and verified
        log.warning("Could not write the manifest on %s: %s", target, exc)
    add_to_journal(Entry(**{**entry.__dict__, "file": str(written.resolve()), "counts": {}}))
    log.info("Backup written and verified: %s (%d bytes, SHA-256 %s)", written, entry.size,
             entry.sha256)
    try:
        _log_in_database(db, entry, written)
    except DomainError as exc:  # busy or read-only file: the backup itself stands, verified
        log.warning("Backup %s not noted in the database's history: %s", written, exc)


def _log_in_database(db: Database, entry: Entry, written: Path) -> None:
    with db.session() as s:
        s.add(BackupLog(
            at=datetime.fromisoformat(entry.at), target=str(written), size=entry.size,
            sha256=entry.sha256, verified=True, encrypted=entry.encrypted, kind=entry.kind,
            message=f"Phiên bản dữ liệu {entry.schema}, {entry.rows} dòng dữ liệu"
            + (f"; SHA-256 của dữ liệu bên trong: {entry.content_sha256}"
               if entry.content_sha256 else ""),
        ))

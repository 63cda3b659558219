"""Low-level file work for backups: SQLite online copy, fsync, checksums, names, error texts."""

from __future__ import annotations

import errno
import hashlib
import os
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.errors import DomainError
from app.text import local_time as utc_to_local  # noqa: F401 - used by the package
from app.text import utc_now  # noqa: F401 - used by the package
from db.sqlite_file import (  # noqa: F401 - connect_ro, ro_uri, db_size used by the package
    connect_ro,
    copy_pages,
    is_full_error,
    is_readonly_error,
    ro_uri,
)
from db.sqlite_file import page_bytes as db_size  # noqa: F401

# As ui/workers.py passes them: progress(done, total, Vietnamese text); cancelled() -> bool.
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

PREFIX = "TDKT-sao-luu-"
NAME_RE = re.compile(r"^TDKT-sao-luu-\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?\.(sqlite|zip)$")
PARTIAL_SUFFIX = ".dang-ghi"  # a file still being written; never a finished backup
MB = 1024 * 1024


class BackupError(DomainError):
    """A backup or restore could not be done; the message says why and what stayed safe."""


class BackupCancelled(BackupError):
    """The user pressed Hủy; whatever was half-written has been removed."""


def report(progress: Progress | None, cancelled: Cancelled | None, percent: int, text: str) -> None:
    """Tell the GUI how far we are, and stop here if the user cancelled."""
    if cancelled and cancelled():
        raise BackupCancelled("Đã hủy theo yêu cầu; không có gì bị thay đổi.")
    if progress:
        progress(percent, 100, text)




def final_name(folder: Path, when: datetime, ext: str) -> Path:
    """A dated name that does not exist yet on the target (never overwrite a backup)."""
    base = f"{PREFIX}{when:%Y-%m-%d-%H%M%S}"
    candidate = folder / f"{base}.{ext}"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}.{ext}"
    return candidate


def sha256_file(path: Path, chunk: int = 4 * MB) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def fsync_file(path: Path) -> None:
    """Force the file's bytes onto the device (a USB stick may otherwise hold them in cache)."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
        if hasattr(os, "posix_fadvise"):
            # Drop the cached pages, so the verification that follows reads what the drive
            # actually holds, not what is still in memory.
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles for this."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_quietly(*paths: Path) -> bool:
    """Delete leftovers (a partial file and its journals); the drive may already be gone.

    True when nothing is left behind."""
    clean = True
    for p in paths:
        for candidate in (p, Path(f"{p}-journal"), Path(f"{p}-wal"), Path(f"{p}-shm")):
            try:
                candidate.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                clean = False
    return clean


def online_copy(
    src, dst_path: Path, progress: Progress | None = None,
    cancelled: Cancelled | None = None, start: int = 0, span: int = 100,
) -> None:
    """Copy ``src`` (already inside its read transaction) with SQLite's online backup API
    into a self-contained file, then force it onto the device."""
    copy_pages(src, dst_path,
               lambda done: report(progress, cancelled, start + int(done * span),
                                   "Đang sao chép dữ liệu…"),
               step=_copy_step)
    fsync_file(dst_path)


def _copy_step(src, dst, pages, report) -> None:
    """The copy itself; a separate function so tests can inject a full disk or a pulled drive."""
    src.backup(dst, pages=pages, progress=report)


_SQLITE_REASONS = {
    "malformed": "cấu trúc tệp bị hỏng",
    "not a database": "không phải tệp cơ sở dữ liệu",
    "unable to open": "không mở được tệp",
    "disk i/o error": "lỗi đọc ghi ổ đĩa",
    "locked": "tệp đang bị chương trình khác giữ",
}


def sqlite_reason(exc: BaseException) -> str:
    """SQLite's English error in Vietnamese words, keeping the original for a specialist."""
    text = str(exc)
    for key, words in _SQLITE_REASONS.items():
        if key in text.lower():
            return f"{words} — {text}"
    return text


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return is_full_error(exc)


def is_read_only(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return True
    return is_readonly_error(exc)


def write_error_message(exc: BaseException, target: Path, need: int, cleaned: bool = True) -> str:
    """What went wrong while writing to ``target``, in words the officer can act on."""
    left = ("Bản sao dở dang đã được xóa" if cleaned else
            "Bản sao dở dang (tệp ẩn “.TDKT-sao-luu-…”) sẽ được xóa ở lần sao lưu sau")
    safe = f"{left}; dữ liệu đang dùng và các bản sao lưu trước vẫn nguyên vẹn."
    if is_disk_full(exc):
        return (f"Ổ đĩa “{target}” đã đầy: cần khoảng {need / MB:.1f} MB trống. "
                f"Hãy xóa bớt tệp hoặc dùng USB khác. {safe}")
    if is_read_only(exc):
        return (f"Không ghi được vào “{target}”: ổ đĩa chỉ đọc hoặc không có quyền ghi. "
                f"Hãy gạt khóa chống ghi của USB hoặc chọn nơi lưu khác. {safe}")
    return (f"Sao lưu bị gián đoạn khi ghi vào “{target}” ({exc}). USB có thể đã bị rút ra. "
            f"{safe}")

"""Writing documents and exports safely: a temporary name in the same folder, then one rename.

A full disk, a pulled USB stick or a crash in the middle of writing never destroys the file
that was there before (the rename is atomic on the same disk), and the half-written file is
removed. A file Word or Excel holds open (Windows refuses to replace it) gets a sentence the
officer can act on instead of "[Errno 13] Permission denied".

    with atomic_output("Báo cáo.xlsx") as tmp:
        workbook.save(tmp)
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import DomainError, FileInUseError

IN_USE = "Tệp đang mở ở chương trình khác — hãy đóng rồi thử lại."
_REPLACE_TRIES = 5  # Windows: an antivirus scanning the new file briefly blocks the rename


class FileWriteError(DomainError):
    """An output file could not be written (full disk, read-only folder); the previous file,
    if any, is untouched."""


def _mode_for(target: Path) -> int:
    """The new file gets the old one's permissions, or the usual ones (mkstemp makes 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_error(exc: OSError, target: Path) -> DomainError | None:
    """An OSError met while writing ``target``, as a sentence (the previous file is intact)."""
    kept = " Tệp cũ (nếu có) vẫn nguyên vẹn."
    if exc.errno == errno.ENOSPC:
        return FileWriteError(f"Ổ đĩa đầy: không ghi được “{target.name}” vào “{target.parent}”. "
                              f"Hãy xóa bớt tệp hoặc chọn nơi khác.{kept}")
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FileWriteError(f"Không ghi được vào thư mục “{target.parent}”: thư mục chỉ đọc "
                              f"hoặc không có quyền ghi. Hãy chọn thư mục khác.{kept}")
    if exc.errno == errno.EIO:
        return FileWriteError(f"Lỗi ghi ổ đĩa khi ghi “{target}” (USB bị rút ra?).{kept}")
    return None  # not about the output (a missing input file…): the caller's own error


def _raise_for(exc: OSError, target: Path):
    error = write_error(exc, target)
    if error is None:
        raise exc
    raise error from exc


def replace_file(tmp: str | os.PathLike, target: str | os.PathLike) -> Path:
    """Move the finished ``tmp`` onto ``target`` in one step. FileInUseError when another
    program (Word, Excel) keeps ``target`` open."""
    tmp, target = Path(tmp), Path(target)
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(tmp, target)
            return target
        except PermissionError as exc:
            if attempt == _REPLACE_TRIES - 1:
                raise FileInUseError(f"{IN_USE} (Tệp: {target})") from exc
            time.sleep(0.1)
    return target  # pragma: no cover


@contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside ``path`` for the writer; moved onto ``path`` when the block
    ends without error, removed when it fails. The temporary name keeps the extension (some
    writers choose the format by it)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".dang-ghi{target.suffix}",
                                    dir=target.parent)
    except OSError as exc:
        _raise_for(exc, target)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _mode_for(target))
        replace_file(tmp, target)
    except OSError as exc:
        _raise_for(exc, target)
    finally:
        try:
            tmp.unlink()
        except OSError:
            pass  # already moved into place (or the drive is gone)


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """``Path.write_bytes``, atomically."""
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def copy_file(source: str | os.PathLike, path: str | os.PathLike) -> Path:
    """``shutil.copyfile``, atomically (saving a preview under the name the user chose)."""
    with atomic_output(path) as tmp:
        shutil.copyfile(source, tmp)
    return Path(path)

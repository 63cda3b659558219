"""Password protection: an AES-256 encrypted ZIP (WinZip AE-2), which 7-Zip or WinRAR opens
on any PC without this app — USB drives get lost and the file holds names and CCCD numbers."""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

from app.backup.files import MB, BackupError, fsync_file

INNER_NAME = "thiduakhenthuong.sqlite"


def encrypt(plain: Path, out: Path, password: str) -> None:
    import pyzipper

    with pyzipper.AESZipFile(
        out, "w", compression=pyzipper.ZIP_DEFLATED, compresslevel=1,
        encryption=pyzipper.WZ_AES,
    ) as zf:
        zf.setpassword(password.encode("utf-8"))
        zf.setencryption(pyzipper.WZ_AES, nbits=256)
        zf.write(plain, INNER_NAME)
    fsync_file(out)


def _member(zf) -> str:
    names = [n for n in zf.namelist() if not n.endswith("/")]
    dbs = [n for n in names if n.lower().endswith((".sqlite", ".db", ".sqlite3"))]
    if len(dbs) != 1:
        raise BackupError("Tệp ZIP không chứa đúng một tệp cơ sở dữ liệu của phần mềm.")
    return dbs[0]


def _open(path: Path, password: str | None):
    import pyzipper

    try:
        zf = pyzipper.AESZipFile(path)
    except (pyzipper.BadZipFile, OSError) as exc:
        raise BackupError(f"Tệp “{path.name}” không phải tệp ZIP hợp lệ hoặc bị hỏng.") from exc
    if password:
        zf.setpassword(password.encode("utf-8"))
    return zf


def _read_error(path: Path, exc: Exception) -> BackupError:
    text = str(exc).lower()
    if "password" in text or "encrypted" in text:
        return BackupError(f"Mật khẩu của tệp “{path.name}” không đúng hoặc chưa nhập.")
    return BackupError(f"Tệp “{path.name}” bị hỏng, không giải nén được ({exc}).")


def content_sha256(path: Path, password: str | None) -> str:
    """Checksum of the database inside the ZIP; reading it checks the password and the CRC."""
    h = hashlib.sha256()
    with _open(path, password) as zf:
        try:
            with zf.open(_member(zf)) as fh:
                while block := fh.read(4 * MB):
                    h.update(block)
        except (RuntimeError, ValueError, OSError, zlib.error) as exc:
            raise _read_error(path, exc) from exc
        except Exception as exc:  # pyzipper.BadZipFile (CRC) and friends
            raise _read_error(path, exc) from exc
    return h.hexdigest()


def is_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def is_encrypted(path: Path) -> bool:
    import pyzipper

    try:
        with pyzipper.AESZipFile(path) as zf:
            return any(info.flag_bits & 0x1 for info in zf.infolist())
    except Exception:  # noqa: BLE001 - not a readable ZIP: the caller reports that later
        return False


def extract(path: Path, out: Path, password: str | None) -> None:
    """Unpack the database from the ZIP to ``out`` (then verified like any other file)."""
    with _open(path, password) as zf:
        try:
            with zf.open(_member(zf)) as src, open(out, "wb") as dst:
                while block := src.read(4 * MB):
                    dst.write(block)
        except BackupError:
            raise
        except Exception as exc:  # wrong password, CRC error, truncated archive
            raise _read_error(path, exc) from exc
    fsync_file(out)


def password_ok(path: Path, password: str) -> bool:
    """Quick test of a password (AES keeps a check value at the start of the member)."""
    try:
        with _open(path, password) as zf, zf.open(_member(zf)) as fh:
            fh.read(1)
        return True
    except Exception:  # noqa: BLE001 - wrong password, or a damaged file reported later
        return False

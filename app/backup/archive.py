"""Password protection: an AES-256 encrypted ZIP (WinZip AE-2), which 7-Zip or WinRAR opens
on any PC without this app — USB drives get lost and the file holds names and CCCD numbers.

A ZIP from outside is hostile until checked: its declared unpacked size must fit the disk and
match the SQLite header inside, and unpacking stops at that size, so a "zip bomb" never spills
gigabytes next to the live database. Passwords are NFC-normalised (Unikey's "Unicode tổ hợp"
types NFD); an archive encrypted with the other form still opens."""

from __future__ import annotations

import hashlib
import json
import shutil
import unicodedata
import zlib
from collections.abc import Iterator
from pathlib import Path

from app.backup.files import MB, BackupError, fsync_file

INNER_NAME = "thiduakhenthuong.sqlite"
INNER_MANIFEST = "TDKT-sao-luu.json"  # what the database inside is: checksum, rows per table
MAX_UNPACKED = 4 * 1024 * MB  # far above any ward's database (the large demo is ~0.2 GB)
DISK_RESERVE = 256 * MB  # left free for the live database and its safety copy
SQLITE_HEADER = b"SQLite format 3\x00"


def password_forms(password: str) -> list[str]:
    """The forms to try, NFC first: what the app writes since it normalises, then NFD (an
    archive made before, typed with Unikey's "Unicode tổ hợp"), then exactly as typed."""
    forms = [unicodedata.normalize("NFC", password), unicodedata.normalize("NFD", password),
             password]
    return list(dict.fromkeys(forms))


def encrypt(plain: Path, out: Path, password: str, manifest: dict | None = None) -> None:
    """Write ``plain`` into an encrypted ZIP; ``manifest`` (checksum, rows per table) goes in
    beside it, encrypted too, so the archive can be checked wherever it is copied."""
    import pyzipper

    with pyzipper.AESZipFile(
        out, "w", compression=pyzipper.ZIP_DEFLATED, compresslevel=1,
        encryption=pyzipper.WZ_AES,
    ) as zf:
        zf.setpassword(password_forms(password)[0].encode("utf-8"))
        zf.setencryption(pyzipper.WZ_AES, nbits=256)
        zf.write(plain, INNER_NAME)
        if manifest is not None:
            zf.writestr(INNER_MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    fsync_file(out)


def _member(zf):
    infos = [i for i in zf.infolist() if not i.filename.endswith("/")]
    dbs = [i for i in infos if i.filename.lower().endswith((".sqlite", ".db", ".sqlite3"))]
    if len(dbs) != 1:
        raise BackupError("Tệp ZIP không chứa đúng một tệp cơ sở dữ liệu của phần mềm.")
    return dbs[0]


def _open(path: Path):
    import pyzipper

    try:
        return pyzipper.AESZipFile(path)
    except (pyzipper.BadZipFile, OSError) as exc:
        raise BackupError(f"Tệp “{path.name}” không phải tệp ZIP hợp lệ hoặc bị hỏng.") from exc


def _open_member(zf, info, password: str | None):
    """The member opened with the first form of the password that fits."""
    if not info.flag_bits & 0x1:
        return zf.open(info)
    last: Exception = RuntimeError("encrypted: password required")
    for form in password_forms(password) if password else []:
        try:
            return zf.open(info, pwd=form.encode("utf-8"))
        except RuntimeError as exc:  # "Bad password": try the next form
            last = exc
    raise last


def _read_error(path: Path, exc: Exception) -> BackupError:
    text = str(exc).lower()
    if "password" in text or "encrypted" in text:
        return BackupError(f"Mật khẩu của tệp “{path.name}” không đúng hoặc chưa nhập.")
    return BackupError(f"Tệp “{path.name}” bị hỏng, không giải nén được ({exc}).")


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB".replace(".", ",")


def check_declared_size(path: Path, declared: int, unpack_to: Path | None) -> None:
    """Refuse, before a byte is written, an archive whose content would not fit or is absurd."""
    if declared > MAX_UNPACKED:
        raise BackupError(
            f"Tệp “{path.name}” khai báo dữ liệu bên trong tới {_mb(declared)} khi giải nén — "
            "quá lớn để là bản sao lưu của phần mềm. Không giải nén tệp này.")
    if unpack_to is None:
        return
    free = shutil.disk_usage(unpack_to).free
    if declared + DISK_RESERVE > free:
        raise BackupError(
            f"Giải nén “{path.name}” cần {_mb(declared)}, ổ đĩa “{unpack_to}” chỉ còn "
            f"{_mb(free)} trống (phải chừa lại {_mb(DISK_RESERVE)} cho dữ liệu đang dùng). "
            "Hãy giải phóng chỗ trống rồi thử lại.")


def _check_header(path: Path, head: bytes, declared: int) -> None:
    """The SQLite header tells the database's own size: it must be what the ZIP declares."""
    if not head.startswith(SQLITE_HEADER):
        raise BackupError(f"Tệp nén “{path.name}” không chứa cơ sở dữ liệu của phần mềm.")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    size_valid = head[24:28] == head[92:96]  # "in-header database size" is trustworthy
    if size_valid and pages and page_size * pages != declared:
        raise BackupError(
            f"Tệp nén “{path.name}” khai báo {_mb(declared)} nhưng cơ sở dữ liệu bên trong "
            f"ghi {_mb(page_size * pages)}: tệp đã bị sửa hoặc hỏng. Không giải nén tệp này.")


def _blocks(path: Path, password: str | None, unpack_to: Path | None) -> Iterator[bytes]:
    """The database inside, block by block, never beyond its declared size."""
    with _open(path) as zf:
        info = _member(zf)
        declared = info.file_size
        check_declared_size(path, declared, unpack_to)
        try:
            with _open_member(zf, info, password) as fh:
                head = fh.read(100)
                _check_header(path, head, declared)
                done = len(head)
                yield head
                while block := fh.read(4 * MB):
                    done += len(block)
                    if done > declared:
                        raise BackupError(
                            f"Tệp nén “{path.name}” giải nén ra nhiều hơn {_mb(declared)} đã "
                            "khai báo: đã dừng và xóa phần đã giải nén.")
                    yield block
        except BackupError:
            raise
        except (RuntimeError, ValueError, OSError, zlib.error) as exc:
            raise _read_error(path, exc) from exc
        except Exception as exc:  # pyzipper.BadZipFile (CRC, HMAC) and friends
            raise _read_error(path, exc) from exc
        if done != declared:
            raise BackupError(f"Tệp nén “{path.name}” bị cụt: giải nén được {_mb(done)} trên "
                              f"{_mb(declared)} đã khai báo.")


def content_sha256(path: Path, password: str | None) -> str:
    """Checksum of the database inside the ZIP; reading it checks the password and the CRC."""
    h = hashlib.sha256()
    for block in _blocks(path, password, None):
        h.update(block)
    return h.hexdigest()


def inner_manifest(path: Path, password: str | None) -> dict | None:
    """The manifest written inside the archive (None for archives made before it existed)."""
    with _open(path) as zf:
        try:
            info = zf.getinfo(INNER_MANIFEST)
        except KeyError:
            return None
        if info.file_size > MB:
            raise BackupError(f"Tệp “{path.name}” có phần ghi chép bên trong bất thường.")
        try:
            with _open_member(zf, info, password) as fh:
                data = json.loads(fh.read(MB).decode("utf-8"))
        except (RuntimeError, ValueError, OSError) as exc:
            raise _read_error(path, exc) from exc
    return data if isinstance(data, dict) else None


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
    """Unpack the database from the ZIP to ``out`` (then verified like any other file); on any
    refusal nothing is left at ``out``."""
    try:
        with open(out, "wb") as dst:
            dst.writelines(_blocks(path, password, out.parent))
        fsync_file(out)
    except BaseException:
        out.unlink(missing_ok=True)
        raise


def password_ok(path: Path, password: str) -> bool:
    """Quick test of a password (AES keeps a check value at the start of the member)."""
    try:
        with _open(path) as zf, _open_member(zf, _member(zf), password) as fh:
            fh.read(1)
        return True
    except Exception:  # noqa: BLE001 - wrong password, or a damaged file reported later
        return False

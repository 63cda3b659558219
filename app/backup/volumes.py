"""Which drive a scheduled backup goes to, told by the drive itself rather than by its letter.

Windows gives a USB stick the first free letter each time it is plugged in: E: this month, F:
the next when a phone or card reader came first. The monthly task therefore names the drive by
its volume serial number (GetVolumeInformationW, as ``vol E:`` prints it: 1A2B-3C4D) and the
folder inside it; at run time the serial is looked up among the drives mounted now. Elsewhere
the mount's file-system UUID (or label) from /dev/disk plays the serial's part. A folder on the
system disk, a network share, or a mount without UUID or label keeps its plain path.
"""

from __future__ import annotations

import ctypes
import logging
import ntpath
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from app import winapi
from app.backup.files import BackupError

log = logging.getLogger(__name__)
DEV_DISK = Path("/dev/disk")  # udev's by-uuid / by-label links (tests point it elsewhere)
_SERIAL = re.compile(r"^[0-9A-F]{4}-[0-9A-F]{4}$")


@dataclass(frozen=True)
class Volume:
    """A drive as the task names it: ``id`` is a Windows serial ("1A2B-3C4D") or "UUID=…" /
    "LABEL=…"; ``label`` the name people know it by ("" when unnamed); ``folder`` the backup
    folder inside the drive, relative to its root."""

    id: str
    label: str
    folder: str

    @property
    def name(self) -> str:
        """The drive in a Vietnamese sentence: ổ “KINGSTON” or ổ có số sê-ri 1A2B-3C4D."""
        if self.label:
            return f"ổ “{self.label}”"
        return f"ổ có số sê-ri {self.id}" if _SERIAL.match(self.id) else f"ổ {self.id}"

    @property
    def found_by(self) -> str:
        """How the run finds it, for the officer."""
        if _SERIAL.match(self.id):
            return "nhận theo số sê-ri của ổ nên vẫn đúng khi Windows đặt chữ ổ khác"
        return "nhận theo mã nhận dạng của ổ nên vẫn đúng khi ổ được gắn vào chỗ khác"

    @property
    def described(self) -> str:
        """The name with the identity the task looks for: ổ “KINGSTON” (số sê-ri 1A2B-3C4D)."""
        if not self.label:
            return self.name
        return self.name + (f" (số sê-ri {self.id})" if _SERIAL.match(self.id) else
                            f" ({self.id})")


def _relative(folder: str) -> str:
    return "" if folder == "." else folder


# ------------------------------------------------------------------ Windows
def serial_text(serial: int) -> str:
    return f"{serial >> 16 & 0xFFFF:04X}-{serial & 0xFFFF:04X}"


def windows_volume(root: str) -> tuple[str, str] | None:
    """(serial "1A2B-3C4D", label) of the drive at ``root`` ("E:\\"), None when unreadable."""
    label = ctypes.create_unicode_buffer(261)
    serial = ctypes.c_ulong()  # DWORD, as the prototype's LPDWORD wants on Windows
    try:
        ok = winapi.kernel32().GetVolumeInformationW(root, label, 261, ctypes.byref(serial),
                                                      None, None, None, 0)
    except Exception as exc:  # noqa: BLE001 - an unreadable drive has no serial
        log.warning("Could not read the volume information of %s: %s", root, exc)
        return None
    return (serial_text(serial.value), label.value) if ok and serial.value else None


def _windows_identify(target: str) -> Volume | None:
    drive, rest = ntpath.splitdrive(target)
    if not re.fullmatch(r"[A-Za-z]:", drive):
        return None  # a network share (\\server\share) is reached by its name already
    if drive.upper() == os.environ.get("SystemDrive", "C:").upper():
        return None  # the PC's own disk keeps its letter
    found = windows_volume(drive.upper() + "\\")
    if found is None:
        return None
    return Volume(found[0], found[1], _relative(str(PureWindowsPath(rest.lstrip("\\/")))))


def _windows_locate(serial: str) -> Path | None:
    for root in _mountpoints():
        found = windows_volume(root)
        if found and found[0] == serial:
            return Path(root)
    return None


# ------------------------------------------------------------------ elsewhere: /dev/disk
def _links(kind: str) -> dict[str, str]:
    """{link name: device it points to} of /dev/disk/by-<kind>."""
    folder = DEV_DISK / f"by-{kind}"
    try:
        return {p.name: os.path.realpath(p) for p in folder.iterdir()}
    except OSError:
        return {}


def _unescape(name: str) -> str:
    """udev writes unsafe characters of a label as \\xNN (a space is \\x20)."""
    return re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), name)


def _mount_of(path: str):
    """The mounted partition holding ``path`` (longest mountpoint that contains it)."""
    best = None
    for part in _partitions():
        mount = part.mountpoint
        inside = path == mount or path.startswith(mount.rstrip("/") + "/")
        if inside and (best is None or len(mount) > len(best.mountpoint)):
            best = part
    return best


def _posix_identify(target: str) -> Volume | None:
    path = os.path.realpath(target)
    part = _mount_of(path)
    if part is None or part.mountpoint == "/":
        return None  # the system disk: its path does not move
    device = os.path.realpath(part.device)
    labels = {dev: name for name, dev in _links("label").items()}
    folder = _relative(os.path.relpath(path, part.mountpoint))
    label = _unescape(labels[device]) if device in labels else ""
    for uuid, dev in _links("uuid").items():
        if dev == device:
            return Volume(f"UUID={uuid}", label, folder)
    if device in labels:
        return Volume(f"LABEL={labels[device]}", label, folder)
    return None


def _posix_locate(volume_id: str) -> Path | None:
    kind, _, name = volume_id.partition("=")
    device = _links(kind.lower()).get(name)
    if device is None:
        return None
    for part in _partitions():
        if os.path.realpath(part.device) == device:
            return Path(part.mountpoint)
    return None


# ------------------------------------------------------------------ both
def _partitions():
    import psutil

    try:
        return psutil.disk_partitions(all=False)
    except OSError as exc:
        log.warning("Could not list drives: %s", exc)
        return []


def _mountpoints() -> list[str]:
    return [part.mountpoint for part in _partitions()]


def identify(target: str | Path) -> Volume | None:
    """The drive holding ``target`` and the folder inside it, None when the plain path is the
    right way to find it again (system disk, network share, no serial/UUID/label)."""
    target = str(target)
    if winapi.is_windows():
        return _windows_identify(target)
    return _posix_identify(target)


def locate(volume_id: str) -> Path | None:
    """Where the drive is mounted now (its root), None when it is not plugged in."""
    if _SERIAL.match(volume_id):
        return _windows_locate(volume_id) if winapi.is_windows() else None
    if volume_id.startswith(("UUID=", "LABEL=")):
        return _posix_locate(volume_id)
    return None


def check_folder(folder: str) -> str:
    """The folder inside the drive, from a command line: relative and staying inside."""
    parts = PureWindowsPath(folder).parts if winapi.is_windows() else PurePosixPath(folder).parts
    if PureWindowsPath(folder).drive or folder.startswith(("/", "\\")) or ".." in parts:
        raise BackupError(f"Thư mục trên ổ sao lưu “{folder}” không hợp lệ: phải là thư mục "
                          "bên trong ổ, ví dụ TDKT-sao-luu.")
    return folder


def resolve(volume: Volume) -> Path:
    """The backup folder on the drive where it is now; BackupError when it is not plugged in."""
    folder = check_folder(volume.folder)
    root = locate(volume.id)
    if root is None:
        raise BackupError(
            f"Không tìm thấy {volume.described} trong các ổ đang cắm vào máy: hãy cắm đúng USB "
            "đã chọn khi đặt lịch sao lưu.")
    log.info("Drive %s (%s) found at %s", volume.id, volume.label, root)
    return root / folder if folder else root

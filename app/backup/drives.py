"""Drives to offer as backup targets: USB sticks and memory cards, and external hard disks.

Windows reports an external USB hard disk as a "fixed" drive, like the PC's own disk, so a fixed
drive is offered only when the bus it hangs on is USB (or FireWire, SD, MMC), asked of the
storage driver; the system drive (%SystemDrive%, normally C:) is never offered.
"""

from __future__ import annotations

import ctypes
import logging
import ntpath
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from app import winapi

log = logging.getLogger(__name__)
_LINUX_MEDIA = ("/media/", "/run/media/", "/mnt/")

FOLDER_ON_DRIVE = "TDKT-sao-luu"  # backups go in one folder, not loose in the drive's root
REMOVABLE, EXTERNAL_DISK = "removable", "external-disk"

IOCTL_STORAGE_QUERY_PROPERTY = 0x002D1400
# STORAGE_BUS_TYPE values of buses a disk is unplugged from: USB, IEEE 1394, SD, MMC.
EXTERNAL_BUSES = {7: "USB", 4: "FireWire", 12: "SD", 13: "MMC"}


@dataclass(frozen=True)
class Drive:
    mountpoint: Path
    label: str
    total: int
    free: int
    kind: str = REMOVABLE

    @property
    def folder(self) -> Path:
        return self.mountpoint / FOLDER_ON_DRIVE

    @property
    def kind_label(self) -> str:
        return "Ổ cứng ngoài" if self.kind == EXTERNAL_DISK else "USB"

    @property
    def title(self) -> str:
        gb = 1024 ** 3
        name = f"{self.label} ({self.mountpoint})" if self.label else str(self.mountpoint)
        return f"{name} — còn trống {self.free / gb:.1f} GB / {self.total / gb:.1f} GB"


def _volume_label(mountpoint: str) -> str:
    if not winapi.is_windows():
        return Path(mountpoint).name
    try:
        buf = ctypes.create_unicode_buffer(261)
        ok = winapi.kernel32().GetVolumeInformationW(mountpoint, buf, 261, None, None, None,
                                                      None, 0)
        return buf.value if ok else ""
    except Exception:  # noqa: BLE001 - a label is a nicety
        return ""


class _PropertyQuery(ctypes.Structure):  # STORAGE_PROPERTY_QUERY
    _fields_ = [("PropertyId", ctypes.c_uint32), ("QueryType", ctypes.c_uint32),
                ("AdditionalParameters", ctypes.c_ubyte * 1)]


class _DeviceDescriptor(ctypes.Structure):  # STORAGE_DEVICE_DESCRIPTOR, fixed part
    _fields_ = [("Version", ctypes.c_uint32), ("Size", ctypes.c_uint32),
                ("DeviceType", ctypes.c_ubyte), ("DeviceTypeModifier", ctypes.c_ubyte),
                ("RemovableMedia", ctypes.c_ubyte), ("CommandQueueing", ctypes.c_ubyte),
                ("VendorIdOffset", ctypes.c_uint32), ("ProductIdOffset", ctypes.c_uint32),
                ("ProductRevisionOffset", ctypes.c_uint32),
                ("SerialNumberOffset", ctypes.c_uint32), ("BusType", ctypes.c_uint32),
                ("RawPropertiesLength", ctypes.c_uint32)]


def bus_type(mountpoint: str) -> int | None:
    """STORAGE_BUS_TYPE of the disk holding a Windows drive ("E:\\"), None when unknown.

    Opening the volume with no access rights is enough for this query (no administrator)."""
    kernel32 = winapi.kernel32()
    volume = "\\\\.\\" + mountpoint.rstrip("\\/")
    handle = kernel32.CreateFileW(volume, 0, winapi.FILE_SHARE_READ | winapi.FILE_SHARE_WRITE,
                                  None, winapi.OPEN_EXISTING, 0, None)
    if handle in (None, winapi.INVALID_HANDLE_VALUE):
        return None
    try:
        query = _PropertyQuery(0, 0)  # StorageDeviceProperty, PropertyStandardQuery
        out = (ctypes.c_ubyte * 1024)()  # the descriptor plus its vendor/product strings
        returned = ctypes.c_ulong()
        if not kernel32.DeviceIoControl(handle, IOCTL_STORAGE_QUERY_PROPERTY, ctypes.byref(query),
                                        ctypes.sizeof(query), out, ctypes.sizeof(out),
                                        ctypes.byref(returned), None):
            return None
        return _DeviceDescriptor.from_buffer(out).BusType
    finally:
        kernel32.CloseHandle(handle)


def _same_drive(a: str, b: str) -> bool:
    return ntpath.splitdrive(a)[0].upper() == ntpath.splitdrive(b)[0].upper()


def target_kind(part) -> str | None:
    """REMOVABLE, EXTERNAL_DISK, or None for a drive that is not a backup target."""
    if not winapi.is_windows():
        return REMOVABLE if part.mountpoint.startswith(_LINUX_MEDIA) else None
    if _same_drive(part.mountpoint, os.environ.get("SystemDrive", "C:") + "\\"):
        return None  # the PC's own disk: a copy there is lost with the PC
    options = part.opts.split(",")
    if "removable" in options:
        return REMOVABLE
    if "fixed" in options:
        try:
            bus = bus_type(part.mountpoint)
        except Exception as exc:  # noqa: BLE001 - an unreadable drive is simply not offered
            log.warning("Could not ask the bus type of %s: %s", part.mountpoint, exc)
            return None
        return EXTERNAL_DISK if bus in EXTERNAL_BUSES else None
    return None  # CD-ROM, network share, RAM disk


def removable_drives() -> list[Drive]:
    """Mounted drives to offer as backup targets, with their free space (an empty list if none
    is plugged in): removable drives and external hard disks, never the system disk."""
    import psutil

    drives = []
    try:
        parts = psutil.disk_partitions(all=False)
    except OSError as exc:
        log.warning("Could not list drives: %s", exc)
        return []
    for part in parts:
        kind = target_kind(part)
        if kind is None:
            continue
        try:
            usage = shutil.disk_usage(part.mountpoint)  # fails for an empty card reader
        except OSError:
            continue
        drives.append(Drive(Path(part.mountpoint), _volume_label(part.mountpoint),
                            usage.total, usage.free, kind))
    return drives

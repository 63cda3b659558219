"""Removable drives (USB sticks, memory cards) to offer as backup targets."""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)
_LINUX_MEDIA = ("/media/", "/run/media/", "/mnt/")


FOLDER_ON_DRIVE = "TDKT-sao-luu"  # backups go in one folder, not loose in the drive's root


@dataclass(frozen=True)
class Drive:
    mountpoint: Path
    label: str
    total: int
    free: int

    @property
    def folder(self) -> Path:
        return self.mountpoint / FOLDER_ON_DRIVE

    @property
    def title(self) -> str:
        gb = 1024 ** 3
        name = f"{self.label} ({self.mountpoint})" if self.label else str(self.mountpoint)
        return f"{name} — còn trống {self.free / gb:.1f} GB / {self.total / gb:.1f} GB"


def _volume_label(mountpoint: str) -> str:
    if os.name != "nt":
        return Path(mountpoint).name
    try:
        import ctypes

        buf = ctypes.create_unicode_buffer(261)
        ok = ctypes.windll.kernel32.GetVolumeInformationW(
            ctypes.c_wchar_p(mountpoint), buf, 261, None, None, None, None, 0)
        return buf.value if ok else ""
    except Exception:  # noqa: BLE001 - a label is a nicety
        return ""


def _is_removable(part) -> bool:
    if os.name == "nt":
        return "removable" in part.opts.split(",")
    return part.mountpoint.startswith(_LINUX_MEDIA)


def removable_drives() -> list[Drive]:
    """Mounted removable drives with their free space (an empty list if none is plugged in)."""
    import psutil

    drives = []
    try:
        parts = psutil.disk_partitions(all=False)
    except OSError as exc:
        log.warning("Could not list drives: %s", exc)
        return []
    for part in parts:
        if not _is_removable(part):
            continue
        try:
            usage = shutil.disk_usage(part.mountpoint)  # fails for an empty card reader
        except OSError:
            continue
        drives.append(Drive(Path(part.mountpoint), _volume_label(part.mountpoint),
                            usage.total, usage.free))
    return drives

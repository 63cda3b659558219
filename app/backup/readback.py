"""Read a backup back from the drive itself, not from the system's file cache.

Just after writing, reading a file returns what is still in memory: a USB stick that lost the
data (or a fake one, whose real capacity is smaller than it claims) would pass every check.
So the finished copy is hashed once more with the cache out of the way: on Windows the file is
opened with FILE_FLAG_NO_BUFFERING (reads into sector-aligned buffers, in whole sectors);
elsewhere its cached pages are dropped first (fsync, then posix_fadvise DONTNEED).
"""

from __future__ import annotations

import ctypes
import hashlib
import ntpath
import os
from pathlib import Path

from app import winapi

CHUNK = 1024 * 1024  # a multiple of every sector size (512, 4096)
MIN_SECTOR = 4096  # aligning to 4 KiB also satisfies 512-byte sectors


def read_back_sha256(path: str | Path) -> str:
    """SHA-256 of the file as the drive returns it."""
    if winapi.is_windows():
        return _sha256_unbuffered(Path(path))
    return _sha256_uncached(Path(path))


def _sha256_uncached(path: Path) -> str:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)  # dirty pages cannot be dropped: write them out first
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        digest = hashlib.sha256()
        while block := os.read(fd, CHUNK):
            digest.update(block)
        return digest.hexdigest()
    finally:
        os.close(fd)


def sector_size(kernel32, path: Path) -> int:
    """Bytes per sector of the volume holding ``path`` (at least 4 KiB)."""
    root = ntpath.splitdrive(str(path))[0] + "\\"
    per_cluster, per_sector, free, total = (ctypes.c_ulong() for _ in range(4))
    ok = kernel32.GetDiskFreeSpaceW(root, ctypes.byref(per_cluster), ctypes.byref(per_sector),
                                    ctypes.byref(free), ctypes.byref(total))
    reported = per_sector.value if ok else 0
    return max(reported, MIN_SECTOR)


def _sha256_unbuffered(path: Path) -> str:
    kernel32 = winapi.kernel32()
    sector = sector_size(kernel32, path)
    chunk = max(CHUNK // sector, 1) * sector
    raw = ctypes.create_string_buffer(chunk + sector)
    address = ctypes.addressof(raw) + (-ctypes.addressof(raw)) % sector  # aligned start
    handle = kernel32.CreateFileW(
        str(path), winapi.GENERIC_READ, winapi.FILE_SHARE_READ, None, winapi.OPEN_EXISTING,
        winapi.FILE_FLAG_NO_BUFFERING | winapi.FILE_FLAG_SEQUENTIAL_SCAN, None)
    if handle in (None, winapi.INVALID_HANDLE_VALUE):
        raise winapi.error(f"Opening {path} without the cache")
    try:
        digest = hashlib.sha256()
        got = ctypes.c_ulong()
        while True:
            if not kernel32.ReadFile(handle, address, chunk, ctypes.byref(got), None):
                raise winapi.error(f"Reading {path} without the cache")
            if got.value == 0:  # end of file; the last read may return less than a chunk
                return digest.hexdigest()
            digest.update(ctypes.string_at(address, got.value))
    finally:
        kernel32.CloseHandle(handle)

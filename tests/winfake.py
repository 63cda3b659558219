"""A stand-in for kernel32.dll, so the Windows branches of app/ run (and are checked) on Linux.

``fake_windows(monkeypatch)`` makes ``app.winapi.is_windows()`` true and hands out a
FakeKernel32 that serves real files and records every call with the arguments Windows would
have received; it asserts what Windows itself would refuse (unaligned unbuffered reads).
"""

from __future__ import annotations

import ctypes
import itertools
from dataclasses import dataclass, field

from app import winapi


def _set(pointer, value) -> None:
    """Write through a ctypes.byref(...) out-parameter."""
    pointer._obj.value = value


@dataclass
class FakeKernel32:
    sector: int = 4096
    corrupt: bool = False  # the "drive" returns other bytes than were written (a fake USB)
    bus_types: dict[str, int] = field(default_factory=dict)  # "E:" -> STORAGE_BUS_TYPE
    labels: dict[str, str] = field(default_factory=dict)  # "E:\\" -> volume label
    serials: dict[str, int] = field(default_factory=dict)  # "E:\\" -> volume serial number
    calls: list[tuple] = field(default_factory=list)
    mutexes: dict[int, str] = field(default_factory=dict)

    def __post_init__(self):
        self._ids = itertools.count(100)
        self._files = {}

    # -- files
    def CreateFileW(self, name, access, share, security, disposition, flags, template):
        self.calls.append(("CreateFileW", name, access, share, disposition, flags))
        handle = next(self._ids)
        if name.startswith("\\\\.\\"):  # a volume, opened for DeviceIoControl
            self._files[handle] = name[4:]
        else:
            self._files[handle] = open(name, "rb")  # noqa: SIM115 - closed by CloseHandle
        return handle

    def ReadFile(self, handle, address, size, got, overlapped):
        # What FILE_FLAG_NO_BUFFERING demands; Windows fails the call otherwise.
        assert address % self.sector == 0, "buffer not aligned to the sector size"
        assert size % self.sector == 0, "read size not a whole number of sectors"
        data = self._files[handle].read(size)
        if self.corrupt and data:
            data = bytes([data[0] ^ 0xFF]) + data[1:]
        ctypes.memmove(address, data, len(data))
        _set(got, len(data))
        self.calls.append(("ReadFile", handle, size))
        return 1

    def CloseHandle(self, handle):
        opened = self._files.pop(handle, None)
        if hasattr(opened, "close"):
            opened.close()
        self.calls.append(("CloseHandle", handle))
        return 1

    def GetDiskFreeSpaceW(self, root, per_cluster, per_sector, free, total):
        self.calls.append(("GetDiskFreeSpaceW", root))
        _set(per_sector, self.sector)
        return 1

    # -- drives
    def DeviceIoControl(self, handle, code, inbuf, insize, outbuf, outsize, returned, overlapped):
        volume = self._files[handle]
        self.calls.append(("DeviceIoControl", volume, code))
        if volume not in self.bus_types:
            return 0
        # STORAGE_DEVICE_DESCRIPTOR: BusType is the DWORD at byte 28.
        raw = (ctypes.c_ubyte * outsize).from_address(ctypes.cast(outbuf, ctypes.c_void_p).value)
        ctypes.c_uint32.from_buffer(raw, 28).value = self.bus_types[volume]
        _set(returned, 40)
        return 1

    def GetVolumeInformationW(self, root, name, size, serial, *rest):
        self.calls.append(("GetVolumeInformationW", root))
        if root not in self.labels and root not in self.serials:
            return 0
        name.value = self.labels.get(root, "")
        if serial is not None:
            _set(serial, self.serials.get(root, 0))
        return 1

    # -- named mutex
    def CreateMutexW(self, security, initial_owner, name):
        handle = next(self._ids)
        self.mutexes[handle] = name
        self.calls.append(("CreateMutexW", name, initial_owner))
        return handle


def fake_windows(monkeypatch, kernel32: FakeKernel32 | None = None) -> FakeKernel32:
    kernel32 = kernel32 or FakeKernel32()
    monkeypatch.setattr(winapi, "is_windows", lambda: True)
    monkeypatch.setattr(winapi, "kernel32", lambda: kernel32)
    return kernel32


def fake_posix(monkeypatch) -> None:
    """The other way round: the non-Windows branch, whatever system runs the test."""
    monkeypatch.setattr(winapi, "is_windows", lambda: False)

"""The few Windows API calls the app makes (through ctypes), behind one switch.

Code asks ``winapi.is_windows()`` and ``winapi.kernel32()`` at call time (module attributes,
never imported by name), so tests on Linux fake the platform and the DLL: every Windows branch
runs in the Linux suite against a stand-in that checks the arguments Windows would get.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

GENERIC_READ = 0x80000000
FILE_SHARE_READ, FILE_SHARE_WRITE = 0x1, 0x2
OPEN_EXISTING = 3
FILE_FLAG_NO_BUFFERING = 0x20000000  # reads go to the device; buffers and sizes sector-aligned
FILE_FLAG_SEQUENTIAL_SCAN = 0x08000000
INVALID_HANDLE_VALUE = ctypes.c_void_p(-1).value
ERROR_ALREADY_EXISTS = 183


def is_windows() -> bool:
    return sys.platform == "win32"


@cache
def kernel32():
    """kernel32.dll with the prototypes we call (64-bit handles must not be cut to an int)."""
    from ctypes import wintypes as w

    dll = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    prototypes = {
        "CreateFileW": (w.HANDLE, [w.LPCWSTR, w.DWORD, w.DWORD, w.LPVOID, w.DWORD, w.DWORD,
                                   w.HANDLE]),
        "ReadFile": (w.BOOL, [w.HANDLE, w.LPVOID, w.DWORD, w.LPDWORD, w.LPVOID]),
        "CloseHandle": (w.BOOL, [w.HANDLE]),
        "GetDiskFreeSpaceW": (w.BOOL, [w.LPCWSTR, w.LPDWORD, w.LPDWORD, w.LPDWORD, w.LPDWORD]),
        "DeviceIoControl": (w.BOOL, [w.HANDLE, w.DWORD, w.LPVOID, w.DWORD, w.LPVOID, w.DWORD,
                                     w.LPDWORD, w.LPVOID]),
        "GetVolumeInformationW": (w.BOOL, [w.LPCWSTR, w.LPWSTR, w.DWORD, w.LPDWORD, w.LPDWORD,
                                           w.LPDWORD, w.LPWSTR, w.DWORD]),
        "CreateMutexW": (w.HANDLE, [w.LPVOID, w.BOOL, w.LPCWSTR]),
    }
    for name, (restype, argtypes) in prototypes.items():
        function = getattr(dll, name)
        function.restype, function.argtypes = restype, argtypes
    return dll


def last_error() -> int:
    """GetLastError of the last call (0 where there is none, e.g. against a test's stand-in)."""
    return ctypes.get_last_error() if hasattr(ctypes, "get_last_error") else 0


def error(what: str) -> OSError:
    code = last_error()
    return OSError(code, f"{what} failed (Windows error {code})")

"""A named mutex held while the program runs (window or console), on Windows.

The installer's AppMutex (packaging/tdkt.iss) names the same mutex: Setup and the uninstaller
refuse to replace or remove the program's files while any copy of it runs, a scheduled
`tdkt-cli backup` included. Windows releases the mutex when the process ends, however it ends.
"""

from __future__ import annotations

from app import winapi

# "Local" (this Windows session) and "Global" (another user's session on the same PC).
MUTEX_NAMES = ("ThiDuaKhenThuong.DangChay", "Global\\ThiDuaKhenThuong.DangChay")
_held: list[int] = []  # handles kept open for the life of the process


def hold_app_mutex() -> bool:
    """Create the mutexes once per process; True when this call created them."""
    if _held or not winapi.is_windows():
        return False
    kernel32 = winapi.kernel32()
    for name in MUTEX_NAMES:
        handle = kernel32.CreateMutexW(None, False, name)  # an existing one opens too
        if handle:
            _held.append(handle)
    return bool(_held)

"""Qt user interface: windows, dialogs, table models. Calls app services; no SQL, no rules."""

import sys


def _immortal_singletons() -> None:
    """PySide6 6.12.0 on Python 3.11 releases one reference too many to None (and True /
    False) on every call of a method returning void, so after some thousands of calls (the
    lines of one large certificate list) the interpreter aborts with "none_dealloc". Python
    3.12 made these objects immortal; give them the same protection here (they live in static
    storage: nothing is ever freed)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40


_immortal_singletons()

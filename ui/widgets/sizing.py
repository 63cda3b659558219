"""Dialogs opened at a comfortable size, never larger than the screen's free area (1366×768 at
125 % leaves 1093×614 pixels for Qt: a 1000×660 dialog would hang off the bottom)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

SHARE = 0.95  # of the free area (the taskbar is already out of it)


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, int(free.width() * SHARE))
        height = min(height, int(free.height() * SHARE))
    widget.resize(width, height)

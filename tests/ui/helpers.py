"""Helpers for driving modal dialogs the way a user would."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_modal(callback, attempts: int = 50):
    """Run ``callback(dialog)`` as soon as a modal dialog is open (before calling exec())."""

    def poll(remaining=attempts):
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            callback(dialog)
        elif remaining:
            QTimer.singleShot(20, lambda: poll(remaining - 1))

    QTimer.singleShot(0, poll)


class DialogRecorder:
    """Replaces ui.dialogs functions: records messages, answers confirmations."""

    def __init__(self, monkeypatch, confirm: bool = True, save_path: str | None = None,
                 open_path: str | None = None, text: str | None = None):
        import ui.dialogs as d

        self.messages: list[tuple[str, str, str]] = []
        for kind in ("info", "warn", "error"):
            monkeypatch.setattr(d, kind, self._recorder(kind))
        monkeypatch.setattr(d, "confirm", lambda *a, **k: self._log("confirm", *a) or confirm)
        monkeypatch.setattr(d, "save_file", lambda *a, **k: save_path)
        monkeypatch.setattr(d, "open_file", lambda *a, **k: open_path)
        monkeypatch.setattr(d, "choose_directory", lambda *a, **k: save_path)
        monkeypatch.setattr(d, "ask_text", lambda *a, **k: text)

    def _recorder(self, kind):
        return lambda parent, title, text, *a, **k: self.messages.append((kind, title, text))

    def _log(self, kind, parent, title, text, *a):
        self.messages.append((kind, title, text))

    def texts(self, kind: str | None = None) -> list[str]:
        return [m[2] for m in self.messages if kind is None or m[0] == kind]


def type_text(widget, text: str) -> None:
    """Type Unicode text key by key (qtbot.keyClicks aborts on non-ASCII such as "Đặng")."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    widget.setFocus()
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def wait_for_jobs(qtbot, timeout: int = 20000) -> None:
    """Screens load and act off the GUI thread: wait until every background job is done and
    its result shown."""
    from ui import workers

    qtbot.waitUntil(lambda: workers.running() == 0, timeout=timeout)

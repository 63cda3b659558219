"""Issue 14.5: no English on any screen or in any dialog the officer can reach.

Each screen of SCREENS is opened in the main window on the demo ward; every tab is shown,
every button pressed (message boxes and file choosers patched), every dialog that opens read
and its own buttons pressed too; the right-click menus of text boxes, the window's menus and
the messages the app shows are read as well. Separately: Qt's file dialog (not the native
one) in its three modes. Fails on any English word Qt or argparse uses, or on any of Qt's
English strings left untranslated."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QTreeView

from tests.ui.english import english_in, qt_sources
from tests.ui.helpers import DialogRecorder, wait_for_jobs
from tests.ui.walk import Walker
from ui.screens import SCREENS

# Qt asks for these but shows them as they are (key names, a percent format, layout hint).
UNTRANSLATED_OK = {("QProgressBar", "%p%"), ("QGuiApplication", "QT_LAYOUT_DIRECTION")}
# QShortcut: Ctrl, Shift, Del… as printed on the keyboard; QMimeType: file types, which Qt's
# MIME database names in Vietnamese itself when no translator does ("Bảng tính MS Excel").
UNTRANSLATED_CONTEXTS_OK = {"QShortcut", "QMimeType"}


class Recorder(QTranslator):
    """Installed last, so asked first: notes every text Qt looks up, answers nothing (the
    project's translation answers next)."""

    def __init__(self):
        super().__init__()
        self.asked: set[tuple[str, str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source, disambiguation or ""))  # None: ask the next one

    def isEmpty(self):
        return False


@pytest.fixture
def recorder(qapp):
    rec = Recorder()
    qapp.installTranslator(rec)
    yield rec
    qapp.removeTranslator(rec)


def _untranslated(asked) -> list[tuple[str, str, str]]:
    """What Qt looked up that the project's translation does not answer."""
    ours = QApplication.instance().findChild(QTranslator, "tdkt_qt_vi")
    return sorted(
        (ctx, src, dis) for ctx, src, dis in asked
        if (ctx, src) not in UNTRANSLATED_OK and ctx not in UNTRANSLATED_CONTEXTS_OK
        and not ours.translate(ctx, src, dis or None) and any(c.isalpha() for c in src))


class Findings:
    def __init__(self):
        self.sources = qt_sources()
        self.english: dict[str, list[str]] = {}
        self.count = 0

    def __call__(self, where: str, text: str) -> None:
        self.count += 1
        words = english_in(text, self.sources)
        if words:
            self.english[f"{where}: {text[:80]!r}"] = words


def _all_patched(monkeypatch) -> DialogRecorder:
    import ui.dialogs as d

    recorder = DialogRecorder(monkeypatch, confirm=False)
    for name in dir(d):  # message functions added later (retry, ask_password…) answer "no"
        fn = getattr(d, name)
        if callable(fn) and not name.startswith("_") and getattr(fn, "__module__", "") == d.__name__:
            monkeypatch.setattr(d, name, lambda *a, **k: None)
    return recorder


@pytest.mark.parametrize("key", [s.key for s in SCREENS])
def test_no_english_on_the_screen_and_its_dialogs(qtbot, demo_db, monkeypatch, recorder, key):
    from ui.main_window import MainWindow

    messages = _all_patched(monkeypatch)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda *a: True)  # no outside program
    findings = Findings()
    window = MainWindow(demo_db, "Thành Đông")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_screen(key)
    wait_for_jobs(qtbot)
    walker = Walker(qtbot, findings)
    walker.read(window, key)
    walker.press_all(page, key)
    window.show_screen(key)  # back on the page (a button may have switched screens)
    wait_for_jobs(qtbot)
    walker.read(window, key)
    walker.stop()
    for kind, title, text in messages.messages:
        findings(f"{key} › hộp thông báo ({kind})", f"{title}: {text}")
    assert findings.count > 20
    assert findings.english == {}
    assert _untranslated(recorder.asked) == []


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_qt_file_dialog_is_vietnamese(qtbot, tmp_path, recorder, mode):
    (tmp_path / "Danh sách cá nhân.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "Sao lưu").mkdir()
    dialog = QFileDialog(None, "Chọn tệp", str(tmp_path), "Tệp Excel (*.xlsx);;Mọi tệp (*)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.DontUseNativeDialog, True)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptSave)
    elif mode == "folder":
        dialog.setFileMode(QFileDialog.Directory)
    dialog.show()
    list_view = dialog.findChild(QTreeView)
    qtbot.waitUntil(lambda: list_view.model().rowCount(list_view.rootIndex()) >= 1, timeout=5000)
    findings = Findings()
    walker = Walker(qtbot, findings)
    walker.read(dialog, f"QFileDialog {mode}")
    walker.stop()
    model = list_view.model()
    root = list_view.rootIndex()
    for row in range(model.rowCount(root)):
        for col in range(model.columnCount(root)):
            findings(f"QFileDialog {mode} › ô", str(model.index(row, col, root).data() or ""))
    for action in dialog.findChildren(QAction):  # the list's right-click menu
        findings(f"QFileDialog {mode} › lệnh", action.text())
    assert findings.english == {}
    assert _untranslated(recorder.asked) == []
    wait_for_jobs(qtbot)

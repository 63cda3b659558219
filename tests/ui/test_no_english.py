"""Issue 14.5: Qt's own file dialog (not the native one, which speaks the PC's language) is
Vietnamese in its three modes — labels, buttons, tooltips, the file list's headers and types,
its right-click menu. Every screen and every dialog reachable from it is walked for English
by tests/ui/test_every_screen.py."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QTreeView

from tests.ui.english import Findings, untranslated
from tests.ui.helpers import wait_for_jobs
from tests.ui.walk import Walker


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
            if col == 1:  # sizes are written in the PC's regional format (QLocale::system(),
                continue  # "4 byte" on a Vietnamese Windows), as the PC's own dialogs write them
            findings(f"QFileDialog {mode} › ô", str(model.index(row, col, root).data() or ""))
    for action in dialog.findChildren(QAction):  # the list's right-click menu
        findings(f"QFileDialog {mode} › lệnh", action.text())
    assert findings.english == {}
    assert untranslated(recorder.asked) == []
    wait_for_jobs(qtbot)

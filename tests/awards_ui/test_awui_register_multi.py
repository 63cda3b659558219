"""Sổ khen thưởng: several entries selected (Ctrl + click) are revoked in one decision; history
and correction still act on the current row."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from app.services.rounds import decisions
from tests.ui.helpers import DialogRecorder, type_text
from ui.screens.decision_editor import DecisionEditor
from ui.screens.register_dialogs import CorrectDialog, HistoryDialog, RevokeDialog


def _click_row(qtbot, page, row, modifier=Qt.NoModifier):
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.LeftButton, modifier, rect.center())


def _name(page, row):
    col = [c.title for c in page.source.columns].index("Họ và tên / Tên")
    return page.source.rows([page.model.id_at(row)])[0][col]


def test_revoke_several_entries_in_one_decision(qtbot, window, issued, when_dialog, monkeypatch):
    answers = DialogRecorder(monkeypatch)
    page = window.show_screen("register")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)
    _click_row(qtbot, page, 0)
    _click_row(qtbot, page, 2, Qt.ControlModifier)
    assert len(page.selected_ids()) == 2
    chosen = {_name(page, 0), _name(page, 2)}

    seen = {}

    def history(d: HistoryDialog):  # the current (last clicked) row, not the first selected
        seen["history"] = d.windowTitle()
        d.accept()

    when_dialog(HistoryDialog, history)
    page.btn_edit.click()
    assert seen["history"].endswith(_name(page, 2))

    def correct(d: CorrectDialog):
        seen["correct"] = d.fields["printed_name"].text()
        d.reject()

    when_dialog(CorrectDialog, correct)
    page.findChild(QPushButton, "register_correct").click()
    assert seen["correct"] == _name(page, 2)

    def revoke(d: RevokeDialog):
        seen["names"] = {r.printed_name for r in d.records}
        type_text(d.fields["reason"], "Kê khai thành tích không đúng")
        d.fields["signed_on"].set_value(date(2026, 2, 1))
        d.buttons.button(QDialogButtonBox.Save).click()

    def check_draft(e: DecisionEditor):
        qtbot.waitUntil(lambda: not e.busy, timeout=10000)  # the list loads off the GUI thread
        seen["lines"] = len(e.lines_model.items)
        assert e.d.kind == "thu_hoi"
        e.save_button.click()
        e.reject()

    when_dialog(RevokeDialog, revoke)
    when_dialog(DecisionEditor, check_draft)
    page.findChild(QPushButton, "register_revoke").click()
    qtbot.waitUntil(lambda: any("Đã ban hành" in t for t in answers.texts("info")), timeout=10000)
    assert seen["names"] == chosen and seen["lines"] == 2
    revocations = decisions.list_decisions(issued.db, year=2026, status="issued")
    assert [d.full_number for d in revocations] == ["1/QĐ-UBND"]  # one decision for both

    box = page.filter_boxes["revoked"]
    box.setCurrentIndex(box.findData("revoked"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    assert {_name(page, 0), _name(page, 1)} == chosen

    # All three selected again: the two revoked ones are skipped, the third is offered.
    box.setCurrentIndex(box.findData(None))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)
    page.table.selectAll()

    def only_the_third(d: RevokeDialog):
        seen["left"] = [r.printed_name for r in d.records]
        d.reject()

    when_dialog(RevokeDialog, only_the_third)
    page.findChild(QPushButton, "register_revoke").click()
    assert len(seen["left"]) == 1 and seen["left"][0] not in chosen

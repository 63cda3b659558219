"""The decision editor: an unsaved suggested number is not lost on closing; an issued
decision opens read-only."""

from __future__ import annotations

from datetime import date

from app.services.rounds import decision_issue, decisions
from ui.screens.decision_editor import DecisionEditor


def test_closing_a_draft_offers_to_save_the_suggested_number(qtbot, issued, dialogs):
    did = decision_issue.draft_revocation(issued.db, [1], "Kê khai sai", date(2025, 12, 20))
    editor = DecisionEditor(issued.db, did)
    qtbot.addWidget(editor)
    assert editor.f["number"].text() == "13"  # 12/QĐ-UBND was issued earlier in 2025
    editor.f["signed_on"].setText("05/01/2026")
    editor.f["signed_on"].editingFinished.emit()
    assert editor.f["number"].text() == "1"  # numbering restarts with the year
    editor.reject()
    assert "Lưu trước khi đóng?" in dialogs.texts("confirm")[-1]
    d = decisions.get_decision(issued.db, did)
    assert (d.number, d.signed_on, d.year) == (1, date(2026, 1, 5), 2026)


def test_an_issued_decision_opens_read_only(qtbot, issued, dialogs):
    editor = DecisionEditor(issued.db, issued.decision)
    qtbot.addWidget(editor)
    assert editor.f["number"].text() == "12" and editor.f["number"].isReadOnly()
    assert editor.f["bases"].isReadOnly() and not editor.f["signer"].isEnabled()
    assert not editor.save_button.isEnabled() and not editor.remove_line_button.isEnabled()
    assert "Đã ban hành — chỉ xem" in editor.state_label.text()
    editor.reject()
    assert dialogs.texts("confirm") == []

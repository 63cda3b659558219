"""A draft looks like a draft on screen, saving it says it is still a draft, and issuing a
decision that spends more than the fund holds asks first."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QLabel, QWidget

from app.services.awards import award_kinds, fund
from app.services.rounds import batches, council, decisions
from ui.screens import decision_actions
from ui.screens.decision_editor import DecisionEditor


def _draft(ward, number: int | None = 12) -> int:
    """A draft decision for three Lao động tiên tiến, money included."""
    db = ward.db
    ldtt = award_kinds.get_award_kind(db, code="LDTT").id
    bid = batches.create_batch(db, "Tổng kết năm 2025", 2025)
    cids = batches.add_candidates(db, bid, ward.persons[:3], ldtt).added
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "Hội trường", ward.members)
    council.record_tallies(db, mid, [(c, 4, 4, 4) for c in cids])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        number, d.signed_on, d.title, d.bases, d.articles, d.recipients, d.signer_name,
        d.signer_title, d.sign_mode))
    return did


def test_draft_is_marked_and_saving_says_it_stays_a_draft(qtbot, ward, dialogs):
    did = _draft(ward)
    editor = DecisionEditor(ward.db, did)
    qtbot.addWidget(editor)
    editor.show()
    mark = editor.findChild(QLabel, "draft_mark")
    assert mark is not None and mark.isVisible() and "DỰ THẢO" in mark.text()
    editor.f["title"].setText("Về việc tặng danh hiệu “Lao động tiên tiến” năm 2025")
    editor.save_button.click()
    said = editor.state_label.text()
    assert "Đã lưu dự thảo" in said and "chưa ban hành" in said


def test_an_issued_decision_has_no_draft_mark(qtbot, issued, dialogs):
    editor = DecisionEditor(issued.db, issued.decision)
    qtbot.addWidget(editor)
    editor.show()
    mark = editor.findChild(QLabel, "draft_mark")
    assert mark is None or not mark.isVisible()


def test_draft_preview_is_marked_and_its_saved_copy_said_a_draft(qtbot, ward, dialogs,
                                                                   tmp_path, monkeypatch):
    did = _draft(ward)
    shown = []
    monkeypatch.setattr("ui.dialogs.save_file", lambda *a, **k: str(tmp_path / "dự thảo.pdf"))
    parent = QWidget()
    qtbot.addWidget(parent)
    decision_actions.preview_decision(parent, ward.db, did, on_shown=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    preview = shown[0]
    banner = preview.findChild(QLabel, "draft_mark")
    assert banner is not None and "DỰ THẢO" in banner.text()
    preview.save_pdf()
    assert "dự thảo" in dialogs.texts("info")[-1].lower()
    preview.close()


def test_issuing_beyond_the_fund_warns_first(qtbot, ward, monkeypatch):
    from tests.ui.helpers import DialogRecorder

    did = _draft(ward)
    cost = decisions.get_decision(ward.db, did).total_money
    assert cost > 0
    fund.add_line(ward.db, 2025, "du_toan", cost - 1000, "Dự toán năm 2025")
    answers = DialogRecorder(monkeypatch, confirm=False)
    decision_actions.issue(None, ward.db, did)
    assert len(answers.texts("confirm")) == 1
    asked = answers.texts("confirm")[0]
    assert "vượt" in asked and "1.000 đồng" in asked
    assert decisions.get_decision(ward.db, did).status == "draft"  # the officer said no


def test_issuing_within_the_fund_asks_only_once(qtbot, ward, monkeypatch):
    from tests.ui.helpers import DialogRecorder

    did = _draft(ward)
    cost = decisions.get_decision(ward.db, did).total_money
    fund.add_line(ward.db, 2025, "du_toan", cost, "Dự toán năm 2025")
    answers = DialogRecorder(monkeypatch, confirm=False)
    decision_actions.issue(None, ward.db, did)
    assert len(answers.texts("confirm")) == 1 and "vượt" not in answers.texts("confirm")[0]

"""Where the officer finds the new documents: "In văn bản" on the batch and decision screens,
the khu dân cư window, "In báo cáo quỹ…", the movement list's menu and "In quyết định kiện
toàn…" on the council members' window — each previewed, then saved as PDF or Word."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton
from round_world import build_round

from app.services.system import document_inputs as inputs
from tests.ui.helpers import type_text, when_modal


@pytest.fixture
def w(db):
    return build_round(db)


def _menu(widget, name: str) -> dict:
    button = widget.findChild(QPushButton, name)
    assert button is not None and button.isVisibleTo(widget)
    return {a.text(): a for a in button.menu().actions() if a.text()}


def _previewed(qtbot, widget) -> int:
    qtbot.waitUntil(lambda: getattr(widget, "_preview", None) is not None, timeout=20000)
    pages = widget._preview.page_count()
    widget._preview.close()
    widget._preview = None
    return pages


def test_batch_screen_prints_a_candidates_report(qtbot, db, w, dialogs, tmp_path):
    from ui.screens.batches import BatchesPage

    page = BatchesPage(db)
    qtbot.addWidget(page)
    page.show()
    page.reload(w.batch)
    actions = _menu(page, "batch_documents")
    assert list(actions) == [
        "Thông báo công khai danh sách đề nghị (lấy ý kiến)…", "Báo cáo thành tích…",
        "Bảng trích ngang (đề nghị cấp trên)", "Danh mục hồ sơ (đề nghị cấp trên)",
        "Khu dân cư: biên bản bình xét, tổng hợp ý kiến, văn bản đề nghị…"]
    chosen = []

    def pick(dialog):
        chosen.append(dialog.list.currentItem().text())
        dialog.accept()

    when_modal(pick)
    actions["Báo cáo thành tích…"].trigger()
    assert chosen == ["Nguyễn Thị Ánh — Chiến sĩ thi đua cơ sở"]
    assert _previewed(qtbot, page) == 2
    actions["Bảng trích ngang (đề nghị cấp trên)"].trigger()
    assert _previewed(qtbot, page) == 1


def test_area_window_keeps_votes_and_prints(qtbot, db, w, dialogs):
    from app.services.rounds import culture_review as cr
    from ui.screens.area_review import AreaReviewDialog

    dialog = AreaReviewDialog(db, w.culture)
    qtbot.addWidget(dialog)
    assert dialog.area_box.currentText() == "Khu dân cư số 1 (2 hộ; Khu dân cư văn hóa)"
    type_text(dialog.secretary, "Lê Thị Mai")
    dialog.present.setText("42")
    dialog.votes.item(0, 2).setText("4O")  # a letter O typed for a zero
    button = dialog.findChild(QPushButton, "area_minutes")
    button.click()
    assert "phải là số (đang nhập “4O”)" in dialog.error.text()
    dialog.votes.item(0, 2).setText("40")
    button.click()
    assert _previewed(qtbot, dialog) == 1
    r = cr.review_data(db, w.culture, w.area)
    assert r.secretary == "Lê Thị Mai" and r.present == 42
    assert [h.agree for h in r.homes] == [40, None]
    dialog.tabs.setCurrentIndex(1)
    dialog.no_comments.setChecked(True)
    dialog.findChild(QPushButton, "area_comments").click()
    assert _previewed(qtbot, dialog) == 1
    assert cr.review_data(db, w.culture, w.area).no_comments


def test_decision_screen_numbers_the_notice(qtbot, db, w, dialogs):
    from app.services.rounds import notices
    from ui.screens.decisions import DecisionsPage

    page = DecisionsPage(db)
    qtbot.addWidget(page)
    page.show()
    page.show_year_of(w.decision)
    actions = _menu(page, "decision_documents")

    def number(dialog):
        assert dialog.fields["number"].text() == "1/TB-UBND"  # suggested
        dialog.fields["number"].setText("7/TB-UBND")
        dialog.fields["signed_on"].setText("08/12/2025")
        dialog.accept()

    when_modal(number)
    actions["Thông báo kết quả, kèm danh sách công khai…"].trigger()
    assert _previewed(qtbot, page) == 2
    kept = inputs.load(db, notices.input_key(decision_id=w.decision))
    assert kept.number == "7/TB-UBND" and kept.signed_on.isoformat() == "2025-12-08"
    actions["Danh sách chi tiền thưởng (ký nhận)"].trigger()
    assert _previewed(qtbot, page) >= 1


def test_fund_movement_and_council_screens(qtbot, db, w, dialogs, tmp_path):
    from ui.screens.batch_meeting import MembersDialog
    from ui.screens.fund import FundPage
    from ui.screens.movements import MovementsPage

    fund = FundPage(db)
    qtbot.addWidget(fund)
    fund.year.setValue(2025)
    fund.findChild(QPushButton, "fund_report").click()
    assert _previewed(qtbot, fund) == 1

    movements = MovementsPage(db)
    qtbot.addWidget(movements)
    movements.show()
    movements.select_id(w.movement)
    actions = _menu(movements, "movement_documents")

    def plan(dialog):
        type_text(dialog.fields["subjects"], "Cán bộ, công chức và Nhân dân trong phường")
        dialog.accept()

    when_modal(plan)
    actions["Kế hoạch phát động phong trào…"].trigger()
    assert _previewed(qtbot, movements) >= 1
    from app.services.emulation import movement_plans as mp

    assert inputs.load(db, mp.input_key(w.movement)).get("subjects") == (
        "Cán bộ, công chức và Nhân dân trong phường")

    members = MembersDialog(db)
    qtbot.addWidget(members)
    when_modal(lambda dialog: dialog.accept())
    members.findChild(QPushButton, "council_setup").click()
    assert _previewed(qtbot, members) >= 3

"""“Gợi ý (nhiều năm liền)”: computed in the background, nothing ticked for the officer, every
line readable inside the dialog at 1366×768."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.services.awards import award_kinds
from app.services.records import records
from app.services.rounds import batches, decision_issue
from app.services.rounds.decision_issue import ExternalAward
from tests.ui.helpers import wait_for_jobs
from ui.screens.batch_add import ChecklistDialog

NAMES = ("Nguyễn Thị Thanh Hương", "Trần Văn Bảy", "Lê Thị Minh Nguyệt")


def _five_years_of_gdvh(db, area) -> list[int]:
    homes = [records.save_household(db, records.HouseholdData(n, area_id=area, address="Số 9"))
             for n in NAMES]
    gdvh = award_kinds.get_award_kind(db, code="GDVH").id
    for y in range(2020, 2025):
        decision_issue.record_external_decision(
            db, f"{y}/QĐ-UBND", date(y, 12, 20), "UBND phường Thành Đông", "xa",
            "Công nhận Gia đình văn hóa", [ExternalAward(h, gdvh, y) for h in homes])
    return homes


def test_streak_suggestions_start_unticked_and_fit(qtbot, window, ward, dialogs, when_dialog):
    _five_years_of_gdvh(ward.db, ward.area)
    bid = batches.create_batch(ward.db, "Tổng kết năm 2025", 2025)
    window.resize(1366, 768)
    page = window.show_screen("batches")
    page.reload(bid)
    wait_for_jobs(qtbot)
    seen = {}

    def look(dialog):
        qtbot.waitExposed(dialog)
        items = [dialog.list.item(i) for i in range(dialog.list.count())]
        seen["texts"] = [i.text() for i in items]
        seen["ticked"] = [i.checkState() == Qt.Checked for i in items]
        viewport = dialog.list.viewport().width()
        seen["widest"] = max(dialog.list.visualItemRect(i).width() for i in items)
        seen["viewport"] = viewport
        seen["hscroll"] = dialog.list.horizontalScrollBar().isVisible()
        seen["size"] = (dialog.frameGeometry().width(), dialog.frameGeometry().height())
        dialog.reject()

    when_dialog(ChecklistDialog, look)
    page.candidates.findChild(QPushButton, "cand_suggest").click()
    qtbot.waitUntil(lambda: "texts" in seen, timeout=15000)
    assert len(seen["texts"]) == len(NAMES)
    assert not any(seen["ticked"])  # the officer chooses; nothing is proposed in their name
    assert not seen["hscroll"] and seen["widest"] <= seen["viewport"]
    assert seen["size"][0] <= 1366 and seen["size"][1] <= 768
    assert batches.list_candidates(ward.db, bid) == []  # closed: nothing added


def test_ticked_suggestions_become_candidates(qtbot, window, ward, dialogs, when_dialog):
    homes = _five_years_of_gdvh(ward.db, ward.area)
    bid = batches.create_batch(ward.db, "Tổng kết năm 2025", 2025)
    page = window.show_screen("batches")
    page.reload(bid)
    wait_for_jobs(qtbot)

    def tick_one(dialog):
        dialog.list.item(0).setCheckState(Qt.Checked)
        dialog.accept()

    when_dialog(ChecklistDialog, tick_one)
    page.candidates.findChild(QPushButton, "cand_suggest").click()
    qtbot.waitUntil(lambda: len(batches.list_candidates(ward.db, bid)) == 1, timeout=15000)
    wait_for_jobs(qtbot)
    assert batches.list_candidates(ward.db, bid)[0].subject_id in homes
    qtbot.waitUntil(lambda: len(page.candidates.model.items) == 1, timeout=5000)
    assert "Đã thêm 1 ứng viên." in dialogs.texts("info")[-1]

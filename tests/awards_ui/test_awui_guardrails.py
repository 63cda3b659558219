"""Guardrails in the candidates tab: the reason and the legal basis are shown, the row is
marked, nobody is removed (advice, never a silent block)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.services.rounds import batches
from tests.ui.helpers import type_text, wait_for_jobs
from ui.screens.batch_rows import WARN


def test_same_award_same_year_is_flagged_with_its_basis(qtbot, window, issued, dialogs):
    again = batches.create_batch(issued.db, "Khen thưởng bổ sung năm 2025", 2025)
    batches.add_candidates(issued.db, again, issued.persons[:1] + issued.persons[3:4],
                           issued.ldtt)
    page = window.show_screen("batches")
    page.reload(again)
    tab = page.candidates
    tab.findChild(QPushButton, "cand_check").click()
    wait_for_jobs(qtbot)  # checked off the GUI thread, then the list reloads
    assert "cảnh báo ở 1 ứng viên" in dialogs.texts("info")[-1]

    rows = {c.subject_name: i for i, c in enumerate(tab.model.items)}
    flagged = tab.model.index(rows["Nguyễn Thị Ánh"], 0)
    assert tab.model.data(flagged, Qt.BackgroundRole).color() == WARN
    assert tab.model.index(rows["Lê Thị Dung"], 3).data() == "không có"
    tab.table.selectRow(rows["Nguyễn Thị Ánh"])
    shown = tab.findings.toPlainText()
    assert "Cảnh báo:" in shown and "2025" in shown and "Căn cứ:" in shown
    assert len(tab.model.items) == 2  # still both: the council decides
    type_text(tab.search, "DUNG")
    assert [c.subject_name for c in tab.model.items] == ["Lê Thị Dung"]
    assert tab.count.text() == "1 ứng viên, 0 có cảnh báo"

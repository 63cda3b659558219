"""Master/detail screens follow the row clicked with the mouse (not the one selected before):
the officer must never read another person's warnings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from app.services.rounds import batches
from tests.ui.helpers import wait_for_jobs


def click_row(view, row: int, modifier=Qt.NoModifier) -> None:
    """A real mouse click in the middle of the row's first cell."""
    rect = view.visualRect(view.model().index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.LeftButton, modifier, rect.center())


def test_candidate_findings_follow_the_mouse(qtbot, window, issued, dialogs):
    again = batches.create_batch(issued.db, "Khen thưởng bổ sung năm 2025", 2025)
    batches.add_candidates(issued.db, again, issued.persons[:1] + issued.persons[3:4],
                           issued.ldtt)
    page = window.show_screen("batches")
    page.reload(again)
    tab = page.candidates
    tab.findChild(QPushButton, "cand_check").click()
    wait_for_jobs(qtbot)
    rows = {c.subject_name: i for i, c in enumerate(tab.model.items)}
    view = tab.table
    qtbot.waitExposed(view)

    click_row(view, rows["Lê Thị Dung"])
    assert "Lê Thị Dung" in tab.findings.toPlainText()
    assert "Cảnh báo:" not in tab.findings.toPlainText()
    click_row(view, rows["Nguyễn Thị Ánh"])
    shown = tab.findings.toPlainText()
    assert "Nguyễn Thị Ánh" in shown and "Cảnh báo:" in shown
    click_row(view, rows["Lê Thị Dung"])
    assert "Lê Thị Dung" in tab.findings.toPlainText()
    # Ctrl+click adds a second row: the panel shows the row just clicked.
    click_row(view, rows["Nguyễn Thị Ánh"], Qt.ControlModifier)
    assert "Nguyễn Thị Ánh" in tab.findings.toPlainText()
    # keys still work
    view.setFocus()
    click_row(view, rows["Lê Thị Dung"])
    QTest.keyClick(view, Qt.Key_Up if rows["Lê Thị Dung"] else Qt.Key_Down)
    assert "Nguyễn Thị Ánh" in tab.findings.toPlainText()


def test_batch_tabs_follow_the_batch_clicked(qtbot, window, issued, dialogs):
    other = batches.create_batch(issued.db, "Khen thưởng chuyên đề phòng chống thiên tai", 2025)
    page = window.show_screen("batches")
    names = [b.name for b in page.model.items]
    view = page.table
    qtbot.waitExposed(view)
    for name in (names[1], names[0], names[1]):
        click_row(view, names.index(name))
        assert page.heading.text().startswith(f"<b>{name}</b>")
        expected = other if "thiên tai" in name else issued.batch
        assert page.candidates.batch.id == expected
        wait_for_jobs(qtbot)
        assert len(page.candidates.model.items) == (0 if expected == other else 3)
    page.tabs.setCurrentWidget(page.council)  # hidden tabs load when shown, for that batch
    assert page.council.batch.id == expected
    first = next(i for i, b in enumerate(page.model.items) if b.id == issued.batch)
    click_row(view, first)
    assert page.council.batch.id == issued.batch

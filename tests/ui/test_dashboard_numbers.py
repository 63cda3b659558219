"""The dashboard's charts write numbers the Vietnamese way ("1.000", not "1000" or "1,000")."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem

from tests.ui.helpers import wait_for_jobs


def _axis_labels(view) -> set[str]:
    texts = set()
    for item in view.scene().items():
        if isinstance(item, QGraphicsTextItem):
            texts.add(item.toPlainText())
        elif isinstance(item, QGraphicsSimpleTextItem):
            texts.add(item.text())
    return texts


def test_year_chart_axis_reads_thousands_with_a_dot(qtbot, demo_db):
    from ui.screens.dashboard import DashboardPage

    page = DashboardPage(demo_db)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    page.on_show()
    wait_for_jobs(qtbot)
    qtbot.waitUntil(lambda: "1.000" in _axis_labels(page.by_year), timeout=5000)
    labels = _axis_labels(page.by_year)
    assert "1000" not in labels and "1,000" not in labels


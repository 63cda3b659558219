"""Báo cáo and Tổng quan screens, driven like a user."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.reports.sections import ReportSpec, load_sections
from tests.ui.helpers import DialogRecorder, type_text

pytestmark = pytest.mark.timeout(60)


def _ward(build):
    with build() as b:
        b.organization()
        k = b.area("Khu dân cư Tuệ Tĩnh", b.unit("Bình Hàn"))
        an = b.person("Nguyễn Văn An", k, staff_class="Lãnh đạo")
        d = b.decision(15, 2025)
        b.award(an, "LDTT", 2025, 710_000, decision=d)
        b.award(k, "KDCVH", 2025, 3_510_000, decision=d)
        for y in (2022, 2023):
            b.award(an, "LDTT", y, 710_000)
        return an.id


def _threads_done(qtbot):
    from ui import workers

    qtbot.waitUntil(lambda: not workers._running, timeout=20000)


@pytest.fixture
def opened(monkeypatch):
    import ui.screens.reports as screen

    calls = []
    monkeypatch.setattr(screen, "open_path", lambda p: calls.append(str(p)))
    return calls


def _select(list_widget, label, qtbot):
    for i in range(list_widget.count()):
        if list_widget.item(i).text() == label:
            rect = list_widget.visualItemRect(list_widget.item(i))
            qtbot.mouseClick(list_widget.viewport(), Qt.LeftButton, pos=rect.center())
            return
    raise AssertionError(label)


def test_write_narrative_and_export_five_year_docx(db, build, qtbot, tmp_path, monkeypatch,
                                                   opened):
    from docx import Document

    from ui.screens.reports import ReportsPage

    _ward(build)
    out = tmp_path / "tổng kết.docx"
    rec = DialogRecorder(monkeypatch, confirm=True, save_path=str(out))
    page = ReportsPage(db)
    qtbot.addWidget(page)
    page.show()
    page.kind.setCurrentIndex(1)
    page.year_to.setValue(2025)
    page.year_from.setValue(2021)
    # loaded, and no later computation pending (it would disable the editor again)
    qtbot.waitUntil(lambda: page._spec_loaded == ReportSpec(2021, 2025) and page._job is None,
                    timeout=20000)
    assert "khen thưởng 04 lượt" in page.figures.toPlainText()
    _select(page.section_list, "Lãnh đạo, chỉ đạo", qtbot)
    assert "Bản nháp mẫu" in page.source.text()
    page.editor.selectAll()
    type_text(page.editor, "Đảng ủy phường lãnh đạo sát sao.")
    assert "chưa lưu" in page.source.text()
    qtbot.mouseClick(page.findChild(type(page.btn_save), "export_docx"), Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    _threads_done(qtbot)
    assert opened == [str(out)] and not rec.texts("error")
    body = "\n".join(p.text for p in Document(out).paragraphs)
    assert "Đảng ủy phường lãnh đạo sát sao." in body
    assert "39/39" not in body and "1/1 thôn, khu dân cư" in body
    saved = {s.key: s for s in load_sections(db, ReportSpec(2021, 2025))}
    assert saved["leadership"].source == "saved"
    assert saved["leadership"].text == "Đảng ủy phường lãnh đạo sát sao."


def test_export_all_three_into_a_folder_with_a_blank_date(db, build, qtbot, tmp_path,
                                                          monkeypatch, opened):
    from docx import Document

    from ui.screens.reports import ReportsPage

    _ward(build)
    folder = tmp_path / "báo cáo năm"
    folder.mkdir()
    rec = DialogRecorder(monkeypatch, confirm=True, save_path=str(folder))
    page = ReportsPage(db)
    qtbot.addWidget(page)
    page.show()
    page.year_to.setValue(2025)
    qtbot.waitUntil(lambda: page._spec_loaded == ReportSpec(2025, 2025) and page._job is None,
                    timeout=20000)
    qtbot.mouseClick(page.blank_date, Qt.LeftButton)
    assert page.blank_date.isChecked() and not page.report_date.isEnabled()
    qtbot.mouseClick(page.findChild(type(page.btn_save), "export_all"), Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    _threads_done(qtbot)
    assert opened == [str(folder)] and not rec.texts("error")
    assert sorted(p.name for p in folder.iterdir()) == [
        "Báo cáo tổng kết 2025.docx", "Báo cáo tổng kết 2025.pdf",
        "Số liệu thi đua khen thưởng 2025.xlsx"]
    cells = " ".join(c.text for t in Document(folder / "Báo cáo tổng kết 2025.docx").tables
                     for r in t.rows for c in r.cells)
    assert "Thành Đông, ngày tháng năm" in " ".join(cells.split())


def test_tools_tab_forms_and_history(db, build, qtbot, tmp_path, monkeypatch, opened):
    from openpyxl import load_workbook

    from ui.screens.reports import ReportsPage

    _ward(build)
    forms = tmp_path / "biểu.xlsx"
    rec = DialogRecorder(monkeypatch, confirm=True, save_path=str(forms))
    page = ReportsPage(db)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentIndex(1)
    tools = page.tools
    assert tools.decision.count() == 1 and "15/QĐ-UBND" in tools.decision.itemText(0)
    tools.forms_year.setValue(2025)
    qtbot.mouseClick(tools.findChild(type(page.btn_save), "export_forms"), Qt.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=20000)
    assert "Biểu 0604" in load_workbook(forms).sheetnames
    type_text(tools.search, "nguyen an")
    assert tools.matches.count() == 1
    history = tmp_path / "quá trình.pdf"
    monkeypatch.setattr("ui.dialogs.save_file", lambda *a, **k: str(history))
    qtbot.mouseClick(tools.findChild(type(page.btn_save), "export_history"), Qt.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=20000)
    _threads_done(qtbot)
    assert history.exists() and not rec.texts("error")
    qtbot.mouseClick(tools.findChild(type(page.btn_save), "edit_layout"), Qt.LeftButton)
    assert opened[-1].endswith("stat_forms.json") and "dữ liệu người dùng" in opened[-1]
    assert "stat_forms.json" in rec.texts("info")[-1]
    assert opened[-1] in tools.layout_note.text()


def test_dashboard_shows_counts_charts_and_reminders(db, build, qtbot, monkeypatch):
    from PySide6.QtCharts import QChartView

    from ui.screens.dashboard import DashboardPage

    _ward(build)
    monkeypatch.setattr("app.services.system.dashboard.date",
                        type("D", (), {"today": staticmethod(lambda: date(2025, 12, 1))}))
    page = DashboardPage(db)
    qtbot.addWidget(page)
    page.show()
    page.on_show()
    qtbot.waitUntil(lambda: page.loaded is not None, timeout=20000)
    tiles = {t.objectName(): t.text() for t in page.tiles}
    assert any("Cá nhân" in v and "1" in v for v in tiles.values())
    charts = page.findChildren(QChartView)
    assert len(charts) == 3
    titles = {c.chart().title() for c in charts}
    assert any("Gia đình văn hóa" in t or "gia đình văn hóa" in t for t in titles)
    texts = [r.text() for r in page.reminder_labels]
    assert any("sao lưu" in t.lower() for t in texts)
    # data changes → the figures follow when the screen is shown again
    with build() as b:
        b.person("Trần Thị Bình", None)
    page.on_show()
    qtbot.waitUntil(lambda: any("Cá nhân" in t.text() and "2" in t.text() for t in page.tiles),
                    timeout=20000)
    _threads_done(qtbot)


def test_area_names_are_shortened_for_the_chart():
    from ui.screens.dashboard import short_area

    assert short_area("Khu dân cư số 16") == "KDC số 16"
    assert short_area("Tổ dân phố Tuệ Tĩnh") == "TDP Tuệ Tĩnh"
    assert short_area("Thôn An Lạc") == "Thôn An Lạc"

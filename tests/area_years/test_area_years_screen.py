"""The "Số liệu khu dân cư" screen used as the officer would: type figures, paste a block from
Excel, copy last year, see what is computed and what disagrees, save; edit the culture
indicators and the targets; the dashboard shows the running targets; the settings screen
keeps a former unit's kind; the import screen takes the area figures."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from app.services.emulation import area_years as ay
from app.services.emulation import culture_indicators as ci
from app.services.emulation import targets as tg
from app.services.records import records
from db.models import AreaYear, FormerUnit
from tests.ui.helpers import DialogRecorder, type_text, when_modal
from ui.main_window import MainWindow


def _ward(build):
    """Khu Đông with per-household records for 2025; Khu Tây and Khu Nam with none."""
    with build() as b:
        unit = b.unit("An Thượng", 1)
        east = b.area("Khu Đông", unit)
        b.area("Khu Tây", unit)
        b.area("Khu Nam", unit)
        homes = [b.household(f"Hộ {i}", east) for i in range(4)]
        for h in homes[:3]:
            b.registration(h, "GDVH", 2025, "dat")
    return east.id


def _page(qtbot, db, year=2025):
    win = MainWindow(db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    page = win.show_screen("area_years")
    page.grid.year.setValue(year)
    qtbot.waitUntil(lambda: page.grid.model.grid is not None and page.grid._job is None
                    and page.grid.model.grid.year == year, timeout=10000)
    return win, page


def _cell(model, area, key):
    r = next(i for i, row in enumerate(model.rows) if row.area == area)
    return model.index(r, model.column(key))


def test_type_paste_copy_and_save(qtbot, org_db, build, monkeypatch):
    east = _ward(build)
    ay.save_year(org_db, 2024, {east: {"households": 4, "ind:4": 18}})
    recorder = DialogRecorder(monkeypatch)
    _, page = _page(qtbot, org_db)
    grid, model = page.grid, page.grid.model
    # Khu Đông's registered / achieved come from its households: shown, shaded, not editable.
    reg = _cell(model, "Khu Đông", "registered")
    assert reg.data() == "3" and not (model.flags(reg) & Qt.ItemIsEditable)
    assert _cell(model, "Khu Đông", "source").data() == "Từ danh sách hộ"
    assert _cell(model, "Khu Tây", "source").data() == "Chưa có"

    # Type a figure the way a person does: select, type, Enter.
    homes = _cell(model, "Khu Tây", "households")
    grid.view.setCurrentIndex(homes)
    grid.view.edit(homes)
    editor = grid.view.viewport().findChild(QLineEdit)
    editor.selectAll()
    type_text(editor, "1.250")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: homes.data() == "1.250")  # the delegate commits on the next turn
    assert model.pending_count() == 1
    model.setData(_cell(model, "Khu Tây", "achieved"), "nhiều")
    assert "“nhiều” không phải số nguyên" in recorder.texts("warn")[-1]

    # A block copied from Excel, pasted on the area column: matched by name.
    QGuiApplication.clipboard().setText("Khu Nam\t\t300\t290\t280\r\n"
                                        "Khu Tây\t\t1.250\t1.200\t1.150\r\n")
    grid.view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(grid.view, Qt.Key_V, Qt.ControlModifier)
    assert _cell(model, "Khu Nam", "achievement_rate").data() == "96,6%"
    assert model.pending_count() == 6

    grid.btn_copy.click()  # Khu Đông: last year's households and đội văn nghệ
    assert _cell(model, "Khu Đông", "households").data() == "4"
    assert _cell(model, "Khu Đông", "ind:4").data() == "18"
    assert "Toàn phường năm 2025: 1.554 hộ" in grid.totals.text()

    qtbot.keyClick(grid.view, Qt.Key_S, Qt.ControlModifier)
    assert recorder.texts("info")[-1] == "Đã lưu số liệu năm 2025 của 3 khu dân cư."
    with org_db.read() as s:
        rows = {(r.area_id, r.households, r.registered, r.achieved) for r in
                s.scalars(select(AreaYear).where(AreaYear.year == 2025))}
    assert (east, 4, None, None) in rows and len(rows) == 3
    qtbot.waitUntil(lambda: grid._job is None and not model.pending, timeout=10000)
    assert _cell(model, "Khu Tây", "source").data() == "Nhập theo khu"


def test_disagreement_listed_and_unsaved_changes_kept_on_year_change(qtbot, org_db, build,
                                                                      monkeypatch):
    east = _ward(build)
    ay.save_year(org_db, 2025, {east: {"registered": 4}})
    recorder = DialogRecorder(monkeypatch, confirm=False)
    _, page = _page(qtbot, org_db)
    grid = page.grid
    assert grid.warnings.isVisible() and grid.warnings.count() == 1
    assert "số hộ đăng ký nhập theo khu (4) khác số tính từ danh sách hộ (3)" in \
        grid.warnings.item(0).text()
    assert _cell(grid.model, "Khu Đông", "source").data() == "Từ danh sách hộ ⚠"
    grid.model.setData(_cell(grid.model, "Khu Nam", "households"), "90")
    grid.year.setValue(2024)  # refused: the typed figure would be lost
    assert "chưa lưu" in recorder.texts("confirm")[-1]
    assert grid.year.value() == 2025 and grid.model.pending_count() == 1


def test_indicators_and_targets_tabs(qtbot, org_db, build, monkeypatch):
    east = _ward(build)
    ay.save_year(org_db, 2025, {east: {"households": 4, "registered": 3, "achieved": 3}})
    DialogRecorder(monkeypatch)
    _, page = _page(qtbot, org_db)
    page.tabs.setCurrentWidget(page.indicators)

    def fill_indicator(dialog):
        type_text(dialog.fields["name"], "Điểm vui chơi trẻ em")
        dialog.accept()

    when_modal(fill_indicator)
    page.indicators.add()
    assert page.indicators.table.item(5, 0).text() == "Điểm vui chơi trẻ em"
    assert ci.list_indicators(org_db)[-1].kind == "yesno"

    page.tabs.setCurrentWidget(page.targets)

    def fill_target(dialog):
        dialog.fields["year_from"].setValue(2025)
        dialog.fields["year_to"].setValue(2025)
        dialog.fields["value"].setValue(95)
        dialog.accept()

    when_modal(fill_target)
    page.targets.add()
    qtbot.waitUntil(lambda: page.targets.table.rowCount() == 1 and page.targets._job is None,
                    timeout=10000)
    row = [page.targets.table.item(0, c).text() for c in range(6)]
    assert row == ["Năm 2025", "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”", "95%",
                   "năm", "100%", "vượt chỉ tiêu"]


def test_dashboard_shows_the_running_targets(qtbot, org_db, build):
    from app.services.system import dashboard

    east = _ward(build)
    ay.save_year(org_db, 2025, {east: {"kdcvh": "dat"}})
    tg.save_target(org_db, tg.TargetData(2021, 2025, "kdcvh_count", 3))
    d = dashboard.load(org_db, today=date(2025, 12, 1))
    assert [(t.period, t.wanted, t.achieved, t.verdict_text) for t in d.targets] == [
        ("2021 – 2025", "3", "1", "chưa đạt chỉ tiêu")]
    from ui.screens.dashboard import DashboardPage

    page = DashboardPage(org_db)
    qtbot.addWidget(page)
    page._show(d)
    assert not page.target_box.isHidden()
    assert "chưa đạt chỉ tiêu" in [label.text() for label in page.target_labels]


def test_settings_keep_a_former_units_kind(qtbot, org_db, monkeypatch):
    from ui.screens.settings_org import OrgSettingsPage

    unit = records.save_former_unit(org_db, "An Thượng")
    DialogRecorder(monkeypatch, text="An Thượng (cũ)")
    page = OrgSettingsPage(org_db)
    qtbot.addWidget(page)
    page.units.setCurrentRow(0)
    assert page.unit_kind.currentText() == "phường"
    page.unit_kind.setCurrentText("xã")
    page.unit_kind.activated.emit(page.unit_kind.currentIndex())
    page.rename_unit()  # renaming keeps the kind
    with org_db.read() as s:
        assert (s.get(FormerUnit, unit).name, s.get(FormerUnit, unit).kind) == (
            "An Thượng (cũ)", "xã")
    assert page.unit_kind.currentText() == "xã"


def test_import_screen_reads_area_figures(qtbot, org_db, build, monkeypatch, tmp_path):
    from openpyxl import Workbook

    _ward(build)
    path = tmp_path / "số liệu.xlsx"
    wb = Workbook()
    wb.active.append(["Khu dân cư", "Năm 2024", None, "Năm 2025", None])
    wb.active.append([None, "Tổng số hộ", "Số hộ đạt", "Tổng số hộ", "Số hộ đạt"])
    wb.active.append(["Khu Nam", 300, 280, 305, 290])
    wb.save(path)
    recorder = DialogRecorder(monkeypatch, open_path=str(path))
    win, page = _page(qtbot, org_db)
    page.btn_import.click()
    wizard = win.page("excel_import")
    assert wizard.kind.currentData() == "area_year" and wizard.year.isVisible()
    wizard.btn_open.click()
    qtbot.waitUntil(lambda: wizard.model.rowCount() == 2, timeout=10000)
    headers = [wizard.model.headerData(c, Qt.Horizontal) for c in range(
        wizard.model.columnCount())]
    assert "Tủ sách, thư viện" in headers
    wizard.btn_import.click()
    qtbot.waitUntil(lambda: bool(recorder.texts("info")), timeout=10000)
    assert recorder.texts("info")[-1] == "Đã thêm 2, cập nhật 0, bỏ qua 0 dòng."

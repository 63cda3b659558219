"""The registrations screen used as the officer would: register an area's households, tick
outcomes with mouse and keyboard, save, see the rates, send achieved ones to a batch."""

from emulation_helpers import small_ward
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.services.emulation import movements as mv
from app.services.emulation import registrations as reg
from app.services.rounds import batches
from db.models import Registration
from tests.ui.helpers import wait_for_jobs, when_modal
from ui.main_window import MainWindow


def _accept_scope(expected_scope):
    """The "which households" dialog: check what it proposes, then go on."""
    def answer(dialog):
        assert dialog.scope()[0] == expected_scope, dialog.scope()
        dialog.accept()
    when_modal(answer)


def _window(qtbot, db):
    win = MainWindow(db, "phường Thành Đông")
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def _select(box, value):
    box.setCurrentIndex(box.findData(value))


def _loaded(qtbot, page):
    """Registering and loading run off the GUI thread: wait for them (and the rates)."""
    wait_for_jobs(qtbot)


def test_register_tick_outcomes_and_see_rates(qtbot, org_db, dialogs):
    ward = small_ward(org_db)
    win = _window(qtbot, org_db)
    page = win.show_screen("registrations")
    page.year.setValue(2025)
    _select(page.area, ward["Khu dân cư số 2"])
    _accept_scope("area")  # the area the list shows is proposed
    page.btn_households.click()
    _loaded(qtbot, page)
    assert dialogs.texts("info")[-1] == "Đã đăng ký thêm 5."
    assert page.model.rowCount() == 5
    assert page.model.counts() == (0, 0, 5)

    view = page.view
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key_D)  # đạt, and the cursor moves down
    qtbot.keyClick(view, Qt.Key_K)  # không đạt
    view.selectRow(2)
    qtbot.keyClick(view, Qt.Key_Space)  # toggles đạt
    # ticking a check box with the mouse works too
    idx = page.model.index(3, 0)
    page.model.setData(idx, Qt.Checked.value, Qt.CheckStateRole)
    assert page.model.counts() == (3, 1, 1)
    assert "4 thay đổi chưa lưu" in page.counts.text() and page.btn_save.isEnabled()

    _select(page.outcome_filter, "chua")  # what is left to evaluate
    assert page.model.rowCount() == 1
    _select(page.outcome_filter, "")
    win.activateWindow()  # back from the dialog
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)
    qtbot.keyClick(page, Qt.Key_S, Qt.ControlModifier)  # Ctrl+S saves
    assert dialogs.texts("info")[-1] == "Đã lưu kết quả bình xét của 4 đăng ký."
    assert sorted(r.outcome or "" for r in reg.rows(org_db, 2025)) == [
        "", "dat", "dat", "dat", "khong_dat"]

    page.tabs.setCurrentWidget(page.rates)  # the rates compute when their tab is shown
    _loaded(qtbot, page)
    table = page.rates.table
    cells = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(7)]
             for r in range(table.rowCount())}
    assert cells["Khu dân cư số 2"][2:] == ["5", "5", "100,0 %", "3", "60,0 %"]
    assert cells["Toàn phường"][2:5] == ["25", "5", "20,0 %"]
    assert "3 hộ đạt (60,0 % số hộ đăng ký)" in page.rates.sentence.text()


def test_whole_ward_all_achieved_then_to_batch(qtbot, org_db, dialogs, monkeypatch, tmp_path):
    ward = small_ward(org_db)
    bid = batches.create_batch(org_db, "Tổng kết năm 2025", 2025)
    mid = mv.save_movement(org_db, mv.MovementData("Toàn dân đoàn kết xây dựng đời sống văn hóa"))
    win = _window(qtbot, org_db)
    page = win.show_screen("registrations")
    page.year.setValue(2025)
    _select(page.movement, mid)
    _accept_scope("ward")  # no area chosen: the whole ward
    page.btn_households.click()
    _loaded(qtbot, page)
    page.btn_areas.click()
    _loaded(qtbot, page)
    assert page.model.rowCount() == 23 + 3
    page.search.setText("dong giang")  # filter, then mark what is shown
    qtbot.waitUntil(lambda: page.model.rowCount() == 9)
    page.btn_all.click()
    page.btn_save.click()
    _loaded(qtbot, page)
    from ui.screens import registrations_actions

    monkeypatch.setattr(registrations_actions.BatchChoice, "ask",
                        classmethod(lambda cls, parent, items, n: items[0][0]))
    page.btn_candidates.click()
    _loaded(qtbot, page)
    assert dialogs.texts("info")[-1].startswith("Đã thêm 9 ứng viên")
    assert len(batches.list_candidates(org_db, bid)) == 9
    with org_db.read() as s:
        linked = s.scalars(select(Registration.movement_id).distinct()).all()
    assert linked == [mid]
    out = tmp_path / "đăng ký.xlsx"
    monkeypatch.setattr("ui.dialogs.save_file", lambda *a, **k: str(out))
    page.btn_export.click()
    ws = load_workbook(out).active
    assert ws["A1"].value == "DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2025"
    assert [c.value for c in ws[4]] == [1, "Thôn Đông Giàng", None, "Khu dân cư văn hóa", "Đạt"]
    assert [c.value for c in ws[5]] == [2, "Hộ Thôn Đông Giàng 1", "Thôn Đông Giàng",
                                        "Gia đình văn hóa", "Đạt"]
    assert ws.max_row == 3 + 9 and ward

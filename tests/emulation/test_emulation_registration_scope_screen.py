"""Households register for Gia đình văn hóa by khu dân cư or one by one, not only the whole
ward at once."""

from emulation_helpers import small_ward
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.services.emulation import registrations as reg
from tests.ui.helpers import type_text, wait_for_jobs, when_modal
from ui.main_window import MainWindow
from ui.screens.registrations_households import HouseholdScopeDialog
from ui.widgets.subject_picker import SubjectPicker


def _page(qtbot, db):
    win = MainWindow(db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    page = win.show_screen("registrations")
    page.year.setValue(2025)
    qtbot.waitUntil(lambda: not page.loader.busy, timeout=5000)
    return page


def _registered(db):
    return sorted(r.subject_name for r in reg.rows(db, 2025))


def test_one_khu_dan_cu_chosen_in_the_dialog(qtbot, org_db, dialogs):
    ward = small_ward(org_db)
    page = _page(qtbot, org_db)

    def one_area(dialog: HouseholdScopeDialog):
        assert dialog.scope() == ("ward", None)  # nothing filtered: the whole ward proposed
        box = dialog.area_box
        box.setCurrentIndex(box.findData(ward["Thôn Đông Giàng"]))
        assert dialog.scope() == ("area", ward["Thôn Đông Giàng"])
        dialog.buttons.button(QDialogButtonBox.Ok).click()

    when_modal(one_area)
    page.btn_households.click()
    wait_for_jobs(qtbot)
    assert dialogs.texts("info")[-1] == "Đã đăng ký thêm 8."
    assert _registered(org_db) == sorted(f"Hộ Thôn Đông Giàng {i}" for i in range(1, 9))
    qtbot.waitUntil(lambda: not page.loader.busy and page.model.rowCount() == 8, timeout=5000)


def test_households_chosen_one_by_one(qtbot, org_db, dialogs):
    small_ward(org_db)
    page = _page(qtbot, org_db)
    picked = ["Hộ Khu dân cư số 1 3", "Hộ Khu dân cư số 2 5"]

    def pick(picker: SubjectPicker):
        for name in picked:
            picker.search_box.clear()
            type_text(picker.search_box, name)
            qtbot.waitUntil(lambda n=name: picker.model.rowCount() == 1 and
                            picker.model.index(0, 0).data() == n, timeout=3000)
            picker.add_selected()
        picker.buttons.button(QDialogButtonBox.Ok).click()

    def chosen(dialog: HouseholdScopeDialog):
        dialog.chosen.setChecked(True)
        when_modal(lambda d: pick(d) if isinstance(d, SubjectPicker) else None)
        dialog.buttons.button(QDialogButtonBox.Ok).click()

    when_modal(chosen)
    page.btn_households.click()
    qtbot.waitUntil(lambda: bool(dialogs.texts("info")), timeout=5000)
    wait_for_jobs(qtbot)
    assert dialogs.texts("info")[-1] == "Đã đăng ký thêm 2."
    assert _registered(org_db) == picked
    assert QApplication.activeModalWidget() is None

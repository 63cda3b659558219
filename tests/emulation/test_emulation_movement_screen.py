"""The movements screen: add a movement with a year's results, find it, export the list."""

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services.emulation import movements as mv
from tests.ui.helpers import DialogRecorder, type_text, when_modal
from ui.main_window import MainWindow


def test_add_movement_with_results_and_export(qtbot, org_db, monkeypatch, tmp_path):
    out = tmp_path / "phong trào.xlsx"
    recorder = DialogRecorder(monkeypatch, save_path=str(out))
    win = MainWindow(org_db, "phường Thành Đông")
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    page = win.show_screen("movements")

    def fill(dialog):
        type_text(dialog.fields["name"], "Bình dân học vụ số")
        dialog.fields["kind"].setCurrentIndex(dialog.fields["kind"].findData("chuyên đề"))
        type_text(dialog.fields["plan_number"], "45/KH-UBND")
        type_text(dialog.fields["plan_date"], "15/03/2025")
        dialog.result_year.setValue(2025)
        type_text(dialog.result_text, "100% cán bộ tham gia học trên nền tảng số.")
        dialog.result_year.setValue(2024)  # switching years keeps what was typed
        dialog.buttons.button(QDialogButtonBox.Save).click()

    when_modal(fill)
    qtbot.keyClick(win, Qt.Key_N, Qt.ControlModifier)
    assert page.model.rowCount() == 1
    row = page.source.rows(page.model.all_ids())[0]
    assert (row[0], row[2], row[4], str(row[5])) == ("Bình dân học vụ số", "chuyên đề",
                                                      "45/KH-UBND", "15/03/2025")
    mid = page.model.all_ids()[0]
    assert mv.results(org_db, mid) == {2025: "100% cán bộ tham gia học trên nền tảng số."}

    mv.save_movement(org_db, mv.MovementData("Chủ nhật xanh", launched_by="Phường",
                                             kind="theo đợt"))
    page.reload()
    type_text(page.search_box, "binh dan")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.btn_export.click()
    ws = load_workbook(out).active
    assert ws["A4"].value == "Bình dân học vụ số" and ws["A5"].value is None
    assert ws["F4"].is_date
    assert recorder.texts("info")[-1].startswith("Đã ghi 1 dòng")

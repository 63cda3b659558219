"""The import screen: choose a file, see the rows and problems, choose update for a
duplicate, import; a file with errors cannot be imported."""

from excel_helpers import seed_ward, workbook
from openpyxl import load_workbook
from sqlalchemy import select

from db.models import Household
from tests.ui.helpers import DialogRecorder
from ui.main_window import MainWindow


def _page(qtbot, db):
    win = MainWindow(db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    page = win.show_screen("excel_import")
    page.kind.setCurrentIndex(page.kind.findData("household"))
    return page


def test_preview_choose_update_and_import(qtbot, org_db, monkeypatch, tmp_path):
    seed_ward(org_db)
    first = workbook([["Chủ hộ", "Khu dân cư", "Số nhân khẩu"],
                      ["Ngô Văn Tư", "Khu dân cư số 1", 3]], path=tmp_path / "1.xlsx")
    DialogRecorder(monkeypatch, open_path=str(first))
    page = _page(qtbot, org_db)
    page.btn_open.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.btn_import.click()
    qtbot.waitUntil(lambda: page.summary.text().startswith("Đã thêm 1"), timeout=5000)

    second = workbook([["DANH SÁCH HỘ"], [], ["Chủ hộ", "Khu dân cư", "Số nhân khẩu"],
                       ["NGÔ VĂN TƯ", "KDC số 1", 5], ["Đinh Thị Năm", "Khu dân cư số 2", 2]],
                      merges=["A1:C1"], path=tmp_path / "2.xlsx")
    recorder = DialogRecorder(monkeypatch, open_path=str(second))
    page.btn_open.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    m = page.model
    assert [m.index(r, 2).data() for r in range(2)] == ["Bỏ qua", "Thêm mới"]
    assert m.index(0, 3).data() == "Trùng chủ hộ trong cùng khu dân cư"
    page.table.selectRow(0)
    page.btn_update.click()
    assert m.index(0, 2).data() == "Cập nhật"
    page.btn_import.click()
    qtbot.waitUntil(lambda: bool(recorder.texts("info")), timeout=5000)
    assert recorder.texts("info")[-1] == "Đã thêm 1, cập nhật 1, bỏ qua 0 dòng."
    with org_db.read() as s:
        got = {h.name: h.members for h in s.scalars(select(Household))}
    assert got == {"Ngô Văn Tư": 5, "Đinh Thị Năm": 2}


def test_errors_are_listed_and_import_is_disabled(qtbot, org_db, monkeypatch, tmp_path):
    seed_ward(org_db)
    bad = workbook([["Chủ hộ", "Khu dân cư", "Số nhân khẩu"], ["Lý Văn Sáu", "Khu 9", "ba"]],
                   sheet="Hộ", path=tmp_path / "lỗi.xlsx")
    DialogRecorder(monkeypatch, open_path=str(bad))
    page = _page(qtbot, org_db)
    page.btn_open.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    lines = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert "Trang “Hộ”, dòng 2, cột C — Lỗi: Số nhân khẩu: “ba” không phải số nguyên." in lines
    assert not page.btn_import.isEnabled()
    assert page.model.index(0, 2).data() == "Không nhập (lỗi)"
    assert "chưa nhập dòng nào" in page.summary.text()


def test_template_download(qtbot, org_db, monkeypatch, tmp_path):
    out = tmp_path / "mẫu.xlsx"
    DialogRecorder(monkeypatch, save_path=str(out))
    page = _page(qtbot, org_db)
    page.btn_template.click()
    assert load_workbook(out)["Danh sách"]["B3"].value == "Chủ hộ (*)"


def test_registration_list_with_year_chosen_on_screen(qtbot, org_db, monkeypatch, tmp_path):
    seed_ward(org_db)
    with org_db.session() as s:
        from app.services.records.subjects import apply_name
        from db.models import Household as H

        h = H(area_id=None)
        apply_name(h, "Tạ Văn Bốn")
        s.add(h)
    path = workbook([["Chủ hộ", "Kết quả"], ["Tạ Văn Bốn", "Đạt"]], path=tmp_path / "đk.xlsx")
    recorder = DialogRecorder(monkeypatch, open_path=str(path))
    page = _page(qtbot, org_db)
    page.kind.setCurrentIndex(page.kind.findData("registration"))
    assert page.year.isVisibleTo(page) and page.award.isVisibleTo(page)
    page.year.setValue(2025)
    page.award.setCurrentIndex(page.award.findData("Gia đình văn hóa"))
    page.btn_open.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.btn_import.isEnabled(), page.summary.text()
    page.btn_import.click()
    qtbot.waitUntil(lambda: bool(recorder.texts("info")), timeout=5000)
    assert recorder.texts("info")[-1] == "Đã thêm 1, cập nhật 0, bỏ qua 0 dòng."

"""The import screen shows what the importer would otherwise decide alone: cells read from
TCVN3 / VNI (keep or convert each), rows repeated in the file (keep the first or both) and
the columns it does not use."""

from excel_helpers import seed_ward, workbook
from PySide6.QtCore import Qt
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


def _column(model, col):
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_cell_choices_pairs_and_unused_columns_on_screen(qtbot, org_db, monkeypatch, tmp_path):
    seed_ward(org_db)
    path = workbook([
        ["STT", "Chủ hộ", "Khu dân cư", "Địa chỉ", "Dân tộc"],
        [1, "TrÇn ThÞ Lan", "Khu dân cư số 1", "Số 1", "Kinh"],  # TCVN3, typed by hand
        [2, "Phí Bá Phong", "Khu dân cư số 1", "Số 2", "Kinh"],  # Unicode, also valid TCVN3
        [3, "Lê Văn Tám", "Khu dân cư số 2", "Số 8", "Kinh"],
        [4, "Lê Văn Tám", "Khu dân cư số 2", "Số 8", "Kinh"],  # the same household again
    ], sheet="Hộ", path=tmp_path / "hộ.xlsx")
    recorder = DialogRecorder(monkeypatch, open_path=str(path))
    page = _page(qtbot, org_db)
    page.btn_open.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    titles = [page.details.tabText(i) for i in range(page.details.count())]
    assert titles[1:] == ["Chuyển mã (2, 1 cần chọn)", "Trùng trong tệp (1)",
                          "Cột không dùng (1)"]
    assert [page.details.unused.item(i).text() for i in range(page.details.unused.count())] == [
        "Trang “Hộ”: cột E ‘Dân tộc’ không dùng."]

    cells = page.details.cells_model
    assert _column(cells, 1) == ["B2", "B3"]
    assert _column(cells, 3) == ["TrÇn ThÞ Lan", "Phí Bá Phong"]  # as typed
    assert _column(cells, 4) == ["Trần Thị Lan", "Phớ Bỏ Phong"]  # converted reading
    assert _column(cells, 6) == ["Chuyển mã", "Giữ nguyên"]
    assert cells.index(1, cells.CHOICE).data(Qt.CheckStateRole) == Qt.Unchecked
    m = page.model
    assert [m.index(r, 2).data() for r in range(4)] == ["Thêm mới", "Thêm mới", "Thêm mới",
                                                        "Bỏ qua"]
    assert m.index(3, 3).data().startswith("Trùng tên, không có gì khác nhau (dòng 4)")

    # Keep both rows of the pair: the fourth row will be added.
    page.details.setCurrentIndex(2)
    page.details.pairs.selectRow(0)
    page.details.btn_both.click()
    assert m.index(3, 2).data() == "Thêm mới"
    assert page.details.pairs_model.index(0, 5).data() == "Giữ cả hai"

    # Convert the ambiguous cell after all: nothing can be imported before a re-check.
    page.details.setCurrentIndex(1)
    page.details.cells.selectRow(1)
    page.details.btn_convert.click()
    assert not page.btn_import.isEnabled() and page.details.btn_recheck.isEnabled()
    assert "Kiểm tra lại" in page.summary.text()
    page.details.btn_recheck.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and page.btn_import.isEnabled(),
                    timeout=5000)
    assert page.model.index(1, 4).data() == "Phớ Bỏ Phong"
    assert page.model.index(3, 2).data() == "Thêm mới"  # the pair's choice survived

    # Back to "keep as typed" with the check box, re-check, import.
    cells.setData(cells.index(1, cells.CHOICE), Qt.Unchecked.value, Qt.CheckStateRole)
    page.details.btn_recheck.click()
    qtbot.waitUntil(lambda: page.btn_import.isEnabled(), timeout=5000)
    page.btn_import.click()
    qtbot.waitUntil(lambda: bool(recorder.texts("info")), timeout=5000)
    assert recorder.texts("info")[-1] == "Đã thêm 4, cập nhật 0, bỏ qua 0 dòng."
    with org_db.read() as s:
        names = sorted(s.scalars(select(Household.name)))
    assert names == ["Lê Văn Tám", "Lê Văn Tám", "Phí Bá Phong", "Trần Thị Lan"]


def test_cannot_keep_both_rows_with_one_cccd(qtbot, org_db, monkeypatch, tmp_path):
    seed_ward(org_db)
    path = workbook([["Chủ hộ", "Khu dân cư", "Số CCCD"],
                     ["Lê Văn Tám", "Khu dân cư số 2", "001080000001"],
                     ["Lê Văn Tám", "Khu dân cư số 2", "001080000001"]], path=tmp_path / "h.xlsx")
    recorder = DialogRecorder(monkeypatch, open_path=str(path))
    page = _page(qtbot, org_db)
    page.btn_open.click()
    qtbot.waitUntil(lambda: page.details.pairs_model.rowCount() == 1, timeout=5000)
    page.details.pairs.selectRow(0)
    page.details.btn_both.click()
    assert "cùng số CCCD" in recorder.texts("info")[-1]
    assert page.model.index(1, 2).data() == "Bỏ qua"

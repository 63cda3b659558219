"""Issue 16 in the import wizard: the officer picks "Sổ khen thưởng cũ", opens the old register,
sees per year what would be written, answers the questions (which record, an unknown
spelling, the fund), and imports in one go."""

from excel_helpers import seed_ward
from history_helpers import per_row_sheet, save
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.services.records.subjects import apply_name
from db.models import AwardRecord, AwardSpelling, Decision, FundLine, Person
from tests.ui.helpers import DialogRecorder
from ui.main_window import MainWindow


def _file(tmp_path):
    rows = [[i, n, u, a, "151/QĐ-UBND", "12/12/2021", "Phường", m, None]
            for i, (n, u, a, m) in enumerate([
                ("Nguyễn Văn An", "Giáo viên Trường TH Bình Hàn", "LĐTT", "710.000"),
                ("Nguyễn Thị Hoa", "Khu dân cư số 2", "LĐTT", "710.000"),
                ("Lê Văn Tám", "Trạm Y tế phường", "GK CT phường", "300.000")], start=1)]
    block = [["STT", "Họ và tên", "Đơn vị", "Hình thức khen thưởng", "Tiền thưởng"],
             [("Quyết định số 25/QĐ-UBND ngày 20/12/2022 của Chủ tịch UBND thành phố về việc "
              "tặng Bằng khen")],
             [1, "Nguyễn Văn An", "Trường TH Bình Hàn", "BK UBND thành phố", "1.500.000"]]
    return save({"2021": per_row_sheet(2021, rows), "Năm 2022": block}, tmp_path / "sổ cũ.xlsx")


def _column(model, col):
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_old_register_imported_from_the_wizard(qtbot, org_db, monkeypatch, tmp_path):
    seed_ward(org_db)
    with org_db.session() as s:
        for year in (1975, 1990):
            p = Person(birth_year=year)
            apply_name(p, "Nguyễn Thị Hoa")
            s.add(p)
            s.flush()
        hoa = p.id
    recorder = DialogRecorder(monkeypatch, open_path=str(_file(tmp_path)))
    win = MainWindow(org_db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    page = win.show_screen("excel_import")
    page.kind.setCurrentIndex(page.kind.findData("award_history"))
    page.btn_open.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    details, history = page.details, page.details.history
    titles = [details.tabText(i) for i in range(details.count())]
    assert titles[:4] == ["Theo năm (2)", "Quyết định (2)", "Đối tượng (2, 1 cần chọn)",
                          "Cách viết danh hiệu (3, 1 chưa hiểu)"]
    assert not page.btn_import.isEnabled() and not page.btn_update.isVisible()
    headers = [page.model.headerData(c, Qt.Horizontal) for c in range(page.model.columnCount())]
    assert headers[-4:] == ["Hiểu là", "Loại đối tượng", "Hồ sơ", "Số vào sổ"]

    # Which Nguyễn Thị Hoa: the one born 1990.
    details.setCurrentIndex(2)
    assert history.subjects_model.items[0].needs_choice
    history.subjects.selectRow(0)
    history.record.setCurrentIndex(history.record.findData(hoa))
    history.btn_record.click()
    qtbot.waitUntil(lambda: details.tabText(2) == "Đối tượng (2)", timeout=5000)

    # "GK CT phường" is the Giấy khen of the Chủ tịch: saved in the table.
    details.setCurrentIndex(3)
    history.spellings.selectRow(0)
    assert history.spellings_model.items[0].text == "GK CT phường"
    history.kind.setCurrentIndex(history.kind.findText("Giấy khen của Chủ tịch Ủy ban nhân dân"))
    history.btn_spelling.click()
    qtbot.waitUntil(lambda: page.btn_import.isEnabled(), timeout=5000)
    with org_db.read() as s:
        assert s.scalar(select(AwardSpelling).where(AwardSpelling.spelling == "GK CT phường"))

    # Per year; the 2021 money goes to the fund.
    details.setCurrentIndex(0)
    years = history.years_model
    assert _column(years, 0) == ["2021", "2022"]
    assert _column(years, 3) == ["3", "1"] and _column(years, 5) == ["1.720.000", "1.500.000"]
    years.setData(years.index(0, years.CHOICE), Qt.Checked.value, Qt.CheckStateRole)
    qtbot.waitUntil(lambda: bool(history.years_model.items)
                    and history.years_model.items[0].post_fund, timeout=5000)
    assert page.btn_import.isEnabled()

    page.btn_import.click()
    qtbot.waitUntil(lambda: any("Đã ghi 2 quyết định" in t for t in recorder.texts("info")),
                    timeout=5000)
    assert "Ghi chi quỹ thi đua các năm 2021" in recorder.texts("confirm")[0]
    with org_db.read() as s:
        assert len(s.scalars(select(Decision).where(Decision.source == "so_cu")).all()) == 2
        assert len(s.scalars(select(AwardRecord)).all()) == 4
        assert s.scalar(select(AwardRecord.subject_id).where(
            AwardRecord.printed_name == "Nguyễn Thị Hoa")) == hoa
        assert [x.amount for x in s.scalars(select(FundLine))] == [1_720_000]

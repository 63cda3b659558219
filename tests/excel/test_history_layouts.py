"""Issue 16 points 1–2, 6: the layouts of real old registers read in one go — decision on every
row or on a section row above its block, numbers written several ways, abbreviations, money
as text, legacy cells, title / blank / signature rows, several sheets, the year from the
decision, the sheet name or the title."""

from datetime import date

import pytest
from excel_helpers import seed_ward
from history_helpers import HEADER, check, per_row_sheet, save, section
from sqlalchemy import func, select

from app.excel.importer import commit
from db.models import AwardRecord, Decision, HistorySource, Person


@pytest.fixture
def ward(db):
    return seed_ward(db)


def test_decision_on_every_row_written_several_ways(db, ward, tmp_path):
    path = save({"2022": per_row_sheet(2022, [
        [1, "Nguyễn Văn An", "Giáo viên Trường TH Bình Hàn", "LĐTT", "Số 151/QĐ-UBND",
         "12/12/2022", "Phường", "710.000", None],
        [2, "Bà Trần Thị Lan", "Công chức UBND phường", "Lao động tiên tiến", "151/QĐ-UB",
         date(2022, 12, 12), "cấp phường", 710000, "Đã nhận tiền"],
        [3, "Trường Tiểu học Bình Hàn", None, "Tập thể LĐTT", "151/QĐ-UBND", "12/12/2022",
         "Phường", "1.420.000 đ", None],
    ])}, tmp_path / "so.xlsx")
    result = check(db, path)
    assert result.ok, [p.text() for p in result.problems]
    [decision] = result.plan.decisions
    assert (decision.reference, decision.signed_on, decision.level) == (
        "151/QĐ-UBND", date(2022, 12, 12), "xa")
    assert [r.values["_money"] for r in result.rows] == [710_000, 710_000, 1_420_000]
    assert [r.values["_award_name"] for r in result.rows] == [
        "Lao động tiên tiến", "Lao động tiên tiến", "Tập thể lao động tiên tiến"]
    # title, blank and signature rows are not data
    assert [r.row for r in result.rows] == [4, 5, 6]
    assert any("ký tên" in why for _, _, why in result.skipped)
    done = commit(db, result)
    assert (done.decisions, done.entries, done.money) == (1, 3, 2_840_000)
    with db.read() as s:
        d = s.scalar(select(Decision))
        assert (d.full_number, d.number, d.symbol, d.status, d.source, d.external,
                d.total_money) == ("151/QĐ-UBND", 151, "QĐ-UBND", "issued", "so_cu", False,
                                   2_840_000)
        recs = s.scalars(select(AwardRecord).order_by(AwardRecord.register_no)).all()
        assert [(r.certificate_no, r.printed_name, r.position_line, r.money) for r in recs] == [
            ("2022/0001", "Nguyễn Văn An", "Giáo viên Trường TH Bình Hàn", 710_000),
            ("2022/0002", "Trần Thị Lan", "Công chức UBND phường", 710_000),
            ("2022/0003", "Trường Tiểu học Bình Hàn", None, 1_420_000)]
        assert recs[2].subject_id == ward["school"]  # the collective already on file
        assert (recs[1].salutation, s.get(Person, recs[1].subject_id).gender) == ("Bà", "nữ")
        notes = s.scalar(select(HistorySource.notes).where(HistorySource.row_no == 5))
        assert notes == "Đã nhận tiền"


def test_decision_on_a_section_row_above_each_block(db, ward, tmp_path):
    rows = [["DANH SÁCH KHEN THƯỞNG NĂM 2023"],
            ["STT", "Họ và tên", "Đơn vị", "Hình thức khen thưởng", "Tiền thưởng"],
            section("Quyết định số 160/QĐ-UBND, ngày 10 tháng 12 năm 2023 của Chủ tịch UBND "
                    "phường về việc tặng danh hiệu Lao động tiên tiến năm 2023"),
            ["I", "Cá nhân"],
            [1, "Nguyễn Văn An", "Trường TH Bình Hàn", "LĐTT", "750.000"],
            [2, "Trần Thị Lan", "UBND phường", "LĐTT", "750.000"],
            ["II", "Tập thể"],
            [1, "Chi hội Phụ nữ khu dân cư số 1", None, "Giấy khen", 1_000_000],
            section("Quyết định số 25/QĐ-UBND ngày 20/12/2023 của Chủ tịch UBND thành phố về "
                    "việc tặng Bằng khen"),
            [1, "Nguyễn Văn An", "Trường TH Bình Hàn", "BK UBND thành phố", 2_250_000]]
    path = save({"Năm 2023": rows}, tmp_path / "khoi.xlsx", merges={"Năm 2023": ["A3:E3",
                                                                               "A9:E9"]})
    from history_helpers import kinds

    result = check(db, path, spellings={"Giấy khen": kinds(db)["GK_CT"]})
    assert result.ok, [p.text() for p in result.problems]
    own, city = result.plan.decisions
    assert (own.reference, own.signed_on, own.level, own.title) == (
        "160/QĐ-UBND", date(2023, 12, 10), "xa",
        "Về việc tặng danh hiệu Lao động tiên tiến năm 2023")
    assert [r.row for r in own.rows] == [5, 6, 8]
    assert (city.reference, city.level, city.issuer) == ("25/QĐ-UBND", "tinh",
                                                         "Chủ tịch UBND thành phố")
    # the "II. Tập thể" heading makes the Giấy khen row a collective's
    assert result.rows[2].values["_type"] == "collective"
    # the same person in both blocks is one record; a decision heading is not an area
    assert result.rows[0].values["_group"] is result.rows[3].values["_group"]
    assert result.rows[0].values["area"] is None


def test_number_and_date_in_one_cell_and_the_decision_in_the_title(db, ward, tmp_path):
    combined = [["STT", "Họ và tên", "Đơn vị", "Danh hiệu", "Số, ngày quyết định"],
                [1, "Nguyễn Văn An", "Trường TH Bình Hàn", "LĐTT",
                 "170/QĐ-UBND ngày 11/12/2021"]]
    titled = [[("DANH SÁCH KÈM THEO QUYẾT ĐỊNH SỐ 12/QĐ-UBND NGÀY 05/01/2021 CỦA CHỦ TỊCH UBND "
               "PHƯỜNG")], [], ["STT", "Họ và tên", "Địa chỉ", "Danh hiệu"],
              [1, "Hộ ông Lê Văn Tám", "Khu dân cư số 1", "GĐVH"]]
    path = save({"Gộp": combined, "Tiêu đề": titled}, tmp_path / "gop.xlsx")
    result = check(db, path)
    assert result.ok, [p.text() for p in result.problems]
    refs = sorted((g.reference, g.signed_on) for g in result.plan.decisions)
    assert refs == [("12/QĐ-UBND", date(2021, 1, 5)), ("170/QĐ-UBND", date(2021, 12, 11))]
    household = result.rows[1]
    assert (household.values["_type"], household.values["_name"]) == ("household", "Lê Văn Tám")


@pytest.mark.parametrize("sheet,title,year_cell,expected", [
    ("2019", "SỔ KHEN THƯỞNG", None, 2019),  # the sheet's name
    ("Sheet1", "KHEN THƯỞNG NĂM 2018", None, 2018),  # its title
    ("Sheet1", "SỔ KHEN THƯỞNG", None, 2020),  # the decision's date
    ("2019", "SỔ KHEN THƯỞNG", 2017, 2017),  # a year column wins
])
def test_the_year_comes_from_a_column_the_sheet_the_title_or_the_decision(
        db, ward, tmp_path, sheet, title, year_cell, expected):
    rows = [[title], ["STT", "Họ và tên", "Danh hiệu", "Số QĐ", "Ngày QĐ", "Năm"],
            [1, "Nguyễn Văn An", "LĐTT", "9/QĐ-UBND", "15/01/2020", year_cell]]
    result = check(db, save({sheet: rows}, tmp_path / "nam.xlsx"))
    assert result.ok, [p.text() for p in result.problems]
    assert result.rows[0].values["_year"] == expected


def test_legacy_cells_and_several_sheets_make_one_person(db, ward, tmp_path):
    """The same teacher on three sheets: Unicode, TCVN3 (.VnTime) and VNI."""
    head = ["STT", "Họ và tên", "Đơn vị", "Danh hiệu", "Số QĐ", "Ngày QĐ"]
    sheets = {
        "2021": [head, [1, "Nguyễn Văn Hùng", "Trường TH Bình Hàn", "LĐTT", "101/QĐ-UBND",
                        "10/12/2021"]],
        "2022": [head, [1, "NguyÔn V¨n Hïng", "Tr\u00adêng TH B×nh Hµn", "L§TT", "102/QĐ-UBND",
                        "10/12/2022"]],
        "2023": [head, [1, "Nguyeãn Vaên Huøng", "Tröôøng TH Bình Haøn", "LÑTT", "103/QĐ-UBND",
                        "10/12/2023"]],
    }
    fonts = {"2022": {"B2": ".VnTime", "C2": ".VnTime", "D2": ".VnTime"},
             "2023": {"B2": "VNI-Times", "C2": "VNI-Times", "D2": "VNI-Times"}}
    result = check(db, save(sheets, tmp_path / "ma.xlsx", fonts=fonts))
    assert result.ok, [p.text() for p in result.problems]
    assert {r.values["_name"] for r in result.rows} == {"Nguyễn Văn Hùng"}
    assert len(result.plan.subjects) == 1
    commit(db, result)
    with db.read() as s:
        people = s.scalars(select(Person).where(Person.name_folded == "nguyen van hung")).all()
        assert len(people) == 1
        years = s.scalars(select(AwardRecord.year).where(AwardRecord.subject_id == people[0].id)
                          .order_by(AwardRecord.year)).all()
        assert years == [2021, 2022, 2023]


def test_preview_per_year_decisions_entries_money_new_and_matched(db, ward, tmp_path):
    from app.services.records.subjects import apply_name

    with db.session() as s:
        p = Person(birth_year=1980)
        apply_name(p, "Trần Thị Lan")
        s.add(p)
    path = save({"2021": per_row_sheet(2021, [
        [1, "Nguyễn Văn An", "Trường TH Bình Hàn", "LĐTT", "5/QĐ-UBND", "10/12/2021", "Phường",
         700_000, None],
        [2, "Trần Thị Lan", "UBND phường", "LĐTT", "5/QĐ-UBND", "10/12/2021", "Phường", 700_000,
         None]]),
        "2022": per_row_sheet(2022, [
            [1, "Nguyễn Văn An", "Trường TH Bình Hàn", "CSTĐCS", "8/QĐ-UBND", "10/12/2022",
             "Phường", 2_340_000, None],
            [2, "Nguyễn Văn An", "Trường TH Bình Hàn", "BK UBND tỉnh", "77/QĐ-UBND", "20/12/2022",
             "Tỉnh", 2_340_000, None]])}, tmp_path / "nam.xlsx")
    result = check(db, path)
    assert result.ok, [p.text() for p in result.problems]
    y21, y22 = result.plan.years
    assert (y21.year, y21.decisions, y21.entries, y21.money, y21.new_records,
            y21.matched_records) == (2021, 1, 2, 1_400_000, 1, 1)
    assert (y22.year, y22.decisions, y22.entries, y22.money, y22.new_records,
            y22.matched_records) == (2022, 2, 2, 4_680_000, 1, 0)
    assert "Năm 2021: 1 quyết định mới, 2 mục vào sổ, 1.400.000 đồng, 1 hồ sơ mới, 1 hồ sơ đã " \
           "có." in result.plan.summary_lines()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Decision)) == 0  # preview writes nothing


def test_the_template_round_trip(db, ward, tmp_path):
    from openpyxl import load_workbook

    from app.excel.templates import write_template

    path = tmp_path / "mau.xlsx"
    write_template("award_history", path)
    wb = load_workbook(path)
    ws = wb["Danh sách"]
    headers = [c.value for c in ws[3]]
    assert headers[:4] == ["STT", "Họ và tên / Tên tập thể (*)", "Loại đối tượng", "Năm sinh"]
    values = {"Họ và tên / Tên tập thể (*)": "Nguyễn Văn An", "Danh hiệu, hình thức (*)": "LĐTT",
              "Số quyết định": "151/QĐ-UBND", "Ngày quyết định": "12/12/2022",
              "Cấp khen": "Phường", "Số tiền (đồng)": 710000, "STT": 1}
    for col, header in enumerate(headers, start=1):
        ws.cell(4, col, values.get(header))
    wb.save(path)
    result = check(db, path)
    assert result.ok, [p.text() for p in result.problems]
    assert commit(db, result).entries == 1
    assert HEADER[0] == "STT"

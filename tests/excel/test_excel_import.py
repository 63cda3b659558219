"""Import of real-world lists: each quirk from a generated file."""

from datetime import date, datetime

import pytest
from excel_helpers import seed_ward, workbook
from sqlalchemy import func, select

from app.cli import main as cli_main
from app.errors import ValidationError
from app.excel.importer import commit, preview, set_action
from app.excel.legacy import encode_tcvn3, encode_vni
from db.models import AuditLog, Household, Person


@pytest.fixture
def ward(db):
    return seed_ward(db)


def _count(db, model):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_messy_household_list(db, ward, tmp_path):
    path = workbook([
        ["ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG"],
        [],
        ["DANH SÁCH HỘ GIA ĐÌNH ĐĂNG KÝ NĂM 2025"],
        [],
        ["TT", "HỌ VÀ TÊN CHỦ HỘ", "Thôn, khu dân cư", "Địa chỉ", "Số khẩu"],
        [1, 2, 3, 4, 5],
        ["I", "KHU DÂN CƯ SỐ 1"],
        [1, "Nguye\u0302\u0303n Văn An", "Khu dân cư số 1", "12 ngõ 3", 4],
        [2, encode_tcvn3("Trương Thị Ánh"), "KDC số 1", None, 3],
        [None, None, None, None, None],
        [3, encode_vni("Đặng Văn Hưởng"), "số 2", None, "5"],
        ["II", "THÔN ĐÔNG GIÀNG"],
        [4, "LÊ THỊ HỒNG", None, None, 2],
        [None, "Tổng cộng", None, None, 14],
        [None, None, "Thành Đông, ngày 12 tháng 3 năm 2025"],
        [None, "Người lập biểu", None, "Trưởng thôn"],
        [None, "Nguyễn Văn Bình"],
    ], fonts={"B9": ".VnTime", "B11": "VNI-Times"},
        merges=["A1:E1", "A3:E3", "B7:E7", "B12:E12"], path=tmp_path / "hộ.xlsx")
    result = preview(db, "household", path)
    assert not result.errors, [p.text() for p in result.errors]
    got = [(r.row, r.values["name"], r.values["area_id"], r.values["members"]) for r in result.rows]
    assert got == [
        (8, "Nguyễn Văn An", ward["Khu dân cư số 1"], 4),
        (9, "Trương Thị Ánh", ward["Khu dân cư số 1"], 3),
        (11, "Đặng Văn Hưởng", ward["Khu dân cư số 2"], 5),
        (13, "Lê Thị Hồng", ward["Thôn Đông Giàng"], 2),  # area from the group heading
    ]
    reasons = {row: why for _, row, why in result.skipped}
    assert reasons[6] == "Dòng đánh số cột"
    assert reasons[14] == "Dòng tổng cộng"
    assert reasons[15].startswith("Phần ký tên")
    assert 17 not in reasons and all(r.row < 14 for r in result.rows)
    assert result.converted == {"tcvn3": 1, "vni": 1}
    assert commit(db, result).created == 4
    with db.read() as s:
        names = set(s.scalars(select(Household.name)))
        log = s.scalars(select(AuditLog).where(AuditLog.entity == "household")).one()
    assert names == {"Đặng Văn Hưởng", "Lê Thị Hồng", "Nguyễn Văn An", "Trương Thị Ánh"}
    assert len(log.after["ids"]) == 4 and "hộ.xlsx" in log.note


@pytest.mark.parametrize("header", ["Họ và tên", "Họ tên", "HỌ VÀ TÊN", "Họ và tên (*)",
                                    "HO VA TEN"])
def test_person_name_header_variants(db, ward, tmp_path, header):
    path = workbook([["Ngày sinh", header], [date(1980, 5, 2), "Trần Văn Bảo"]],
                    path=tmp_path / "p.xlsx")
    result = preview(db, "person", path)
    assert [r.values["name"] for r in result.rows] == ["Trần Văn Bảo"]


def test_person_dates_cccd_and_gender(db, ward, tmp_path):
    path = workbook([
        ["DANH SÁCH CÁN BỘ"],
        ["STT", "Họ tên", "Giới tính", "Ngày, tháng, năm sinh", "Số CCCD", "Đơn vị công tác"],
        [1, "Phạm Thị Thu", "Nữ", datetime(1985, 3, 14), "001185012345",
         "Trường Tiểu học Bình Hàn"],
        [2, "Hoàng Văn Nam", "nam", "07/11/1979", 1079004567, "Công ty ABC"],
        [3, "Vũ Minh Đức", "Nam", 1990, None, None],
        [4, "Đỗ Thị Lan", "Nữ", "1992", " 036 192 000 111 ", None],
    ], path=tmp_path / "cán bộ.xlsx")
    result = preview(db, "person", path)
    assert not result.errors
    v = [r.values for r in result.rows]
    assert (v[0]["birth"], v[0]["gender"], v[0]["workplace_id"]) == (date(1985, 3, 14), "nữ",
                                                                     ward["school"])
    assert (v[1]["birth"], v[1]["cccd"], v[1]["workplace"]) == (date(1979, 11, 7),
                                                                "001079004567", "Công ty ABC")
    assert any("số 0 ở đầu" in p.message for p in result.rows[1].problems)
    assert (v[2]["birth"], v[2]["birth_year"]) == (None, 1990)
    assert (v[3]["birth_year"], v[3]["cccd"]) == (1992, "036192000111")
    commit(db, result)
    with db.read() as s:
        p = s.scalars(select(Person).where(Person.cccd == "001079004567")).one()
        assert p.workplace_text == "Công ty ABC" and p.birth_year == 1979


def test_file_with_errors_imports_nothing(db, ward, tmp_path):
    path = workbook([
        ["Họ và tên", "Ngày sinh", "CCCD", "Giới tính"],
        ["Nguyễn Văn Một", "01/01/1980", "001080000001", "Nam"],
        ["Nguyễn Văn Hai", "31/02/1981", "0010800002", "Ông già"],
        ["", "01/01/1982", None, None],
    ], sheet="Trang 1", path=tmp_path / "lỗi.xlsx")
    result = preview(db, "person", path)
    texts = [p.text() for p in result.errors]
    assert "Trang “Trang 1”, dòng 3, cột B — Lỗi: Ngày sinh: Ngày “31/02/1981” không có thật." in texts
    assert any("dòng 3, cột C" in t and "12 chữ số" in t for t in texts)
    assert any("dòng 3, cột D" in t and "Nam hoặc Nữ" in t for t in texts)
    assert any("dòng 4, cột A" in t and "Thiếu họ và tên" in t for t in texts)
    with pytest.raises(ValidationError, match="chưa nhập dòng nào"):
        commit(db, result)
    assert _count(db, Person) == 0


def test_duplicates_by_cccd_and_by_name_and_birth(db, ward, tmp_path):
    first = workbook([["Họ và tên", "Ngày sinh", "CCCD", "Chức vụ"],
                      ["Nguyễn Văn An", "02/05/1980", "001080000001", "Công chức"],
                      ["Lê Thị Bình", "03/06/1975", None, None]], path=tmp_path / "1.xlsx")
    commit(db, preview(db, "person", first))
    second = workbook([["Họ và tên", "Ngày sinh", "CCCD", "Chức vụ"],
                       ["Nguyễn Văn Ân", "02/05/1981", "001080000001", "Phó Chủ tịch"],
                       ["LÊ THỊ BÌNH", "03/06/1975", None, "Hội viên"],
                       ["Lê Thị Bình", "04/06/1975", None, None]], path=tmp_path / "2.xlsx")
    result = preview(db, "person", second)
    dup = [(r.duplicate_text, r.action) for r in result.rows]
    assert dup == [("Trùng số CCCD 001080000001", "skip"),
                   ("Trùng họ tên và ngày sinh", "skip"), ("", "create")]
    set_action(result.rows[0], "update")
    done = commit(db, result)
    assert (done.created, done.updated, done.skipped) == (1, 1, 1)
    with db.read() as s:
        an = s.scalars(select(Person).where(Person.cccd == "001080000001")).one()
        assert (an.name, an.position) == ("Nguyễn Văn Ân", "Phó Chủ tịch")
        assert _count(db, Person) == 3
        update = s.scalars(select(AuditLog).where(AuditLog.action == "update")).one()
        assert update.before["position"] == "Công chức"


def test_duplicate_inside_the_file_is_an_error(db, ward, tmp_path):
    path = workbook([["Họ và tên", "CCCD"], ["A Một", "001080000001"], ["A Hai", "001080000001"]],
                    path=tmp_path / "d.xlsx")
    result = preview(db, "person", path)
    assert [p.message for p in result.errors] == ["Số CCCD 001080000001 trùng với dòng 2."]


def test_missing_area_is_an_error_for_households(db, ward, tmp_path):
    path = workbook([["Chủ hộ", "Khu dân cư"], ["Bùi Văn Cả", "Khu 99"]], path=tmp_path / "h.xlsx")
    result = preview(db, "household", path)
    assert "chưa có trong Danh mục khu dân cư" in result.errors[0].message


def test_no_header_found(db, ward, tmp_path):
    path = workbook([["a", "b"], [1, 2]], path=tmp_path / "x.xlsx")
    result = preview(db, "household", path)
    assert not result.rows and not result.ok
    assert any("Chủ hộ" in n for n in result.notes)


def _legacy_sheet(encode, font, caps_font, tmp_path, name):
    people = [("Trương Thị Ánh", "Nữ", "12/03/1982", "Khu dân cư số 1", "Chủ tịch Hội Phụ nữ"),
              ("Đặng Văn Hưởng", "Nam", "1975", "Thôn Đông Giàng", "Trưởng thôn"),
              ("Nguyễn Thị Ngọc Diệp", "Nữ", "05/11/1990", "Khu dân cư số 2", "Công chức")]
    rows = [[encode("danh sách cán bộ đề nghị khen thưởng")], [],
            [encode(h) for h in ("STT", "Họ và tên", "Giới tính", "Ngày sinh", "Khu dân cư",
                                 "Chức vụ")]]
    rows += [[i, *[encode(v) for v in p]] for i, p in enumerate(people, start=1)]
    fonts = {f"{col}{r}": font for r in range(3, 7) for col in "BCDEF"}
    fonts["A1"] = caps_font
    path = workbook(rows, fonts=fonts, merges=["A1:F1"], path=tmp_path / name)
    return path, people


def test_whole_list_typed_in_tcvn3(db, ward, tmp_path):
    path, _people = _legacy_sheet(encode_tcvn3, ".VnTime", ".VnTimeH", tmp_path, "abc.xlsx")
    result = preview(db, "person", path)
    assert result.ok, [p.text() for p in result.problems]
    got = [(r.values["name"], r.values["gender"], r.values["area_id"], r.values["position"])
           for r in result.rows]
    assert got == [
        ("Trương Thị Ánh", "nữ", ward["Khu dân cư số 1"], "Chủ tịch Hội Phụ nữ"),
        ("Đặng Văn Hưởng", "nam", ward["Thôn Đông Giàng"], "Trưởng thôn"),
        ("Nguyễn Thị Ngọc Diệp", "nữ", ward["Khu dân cư số 2"], "Công chức"),
    ]
    assert result.converted["tcvn3"] == 11  # every non-ASCII data cell (names, Nữ, areas, posts)


def test_whole_list_typed_in_vni(db, ward, tmp_path):
    path, people = _legacy_sheet(encode_vni, "VNI-Times", "VNI-Times", tmp_path, "vni.xlsx")
    result = preview(db, "person", path)
    assert result.ok, [p.text() for p in result.problems]
    assert [r.values["name"] for r in result.rows] == [p[0] for p in people]
    assert [r.values["birth"] for r in result.rows] == [date(1982, 3, 12), None, date(1990, 11, 5)]
    assert result.rows[1].values["birth_year"] == 1975
    assert result.converted == {"vni": 11}


def test_birth_year_under_nam_and_nu_columns(db, ward, tmp_path):
    """The classic two-row header: "Năm sinh" merged over "Nam" | "Nữ"."""
    path = workbook([
        ["DANH SÁCH HỘI VIÊN"],
        ["TT", "Họ và tên", "Năm sinh", None, "Chức vụ"],
        [None, None, "Nam", "Nữ", None],
        [1, "Phan Văn Lực", 1968, None, "Chi hội trưởng"],
        [2, "Bùi Thị Hoa", None, "20/10/1972", "Hội viên"],
        [3, "Vũ Thị Mận", "x", 1980, None],
    ], merges=["A1:E1", "C2:D2", "A2:A3", "B2:B3", "E2:E3"], path=tmp_path / "hội viên.xlsx")
    result = preview(db, "person", path)
    got = [(r.values["name"], r.values["gender"], r.values["birth_year"], r.values["birth"])
           for r in result.rows]
    assert got[:2] == [("Phan Văn Lực", "nam", 1968, None),
                       ("Bùi Thị Hoa", "nữ", 1972, date(1972, 10, 20))]
    assert [p.message for p in result.errors] == [
        "Có giá trị ở cả cột Nam và cột Nữ: chỉ ghi ở một cột."]
    assert result.errors[0].row == 6 and result.errors[0].column == "C"
    assert result.rows[0].values["position"] == "Chi hội trưởng"


def test_stale_preview_writes_nothing(db, ward, tmp_path):
    """Someone adds the same CCCD between preview and import: the whole import is refused."""
    from app.errors import DomainError
    from app.services.records import records

    path = workbook([["Họ và tên", "CCCD"], ["Mai Văn Một", "001080000009"],
                     ["Mai Văn Hai", "001080000010"]], path=tmp_path / "p.xlsx")
    result = preview(db, "person", path)
    records.save_person(db, records.PersonData("Người Khác", cccd="001080000010"))
    with pytest.raises(DomainError, match="Chưa ghi dòng nào"):
        commit(db, result)
    assert _count(db, Person) == 1


def test_broken_file_is_explained(db, ward, tmp_path):
    path = tmp_path / "hỏng.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ValidationError, match="Không mở được tệp Excel “hỏng.xls”"):
        preview(db, "person", path)
    assert cli_main(["import", "person", str(path), "--db", str(db.path)]) == 2


def test_old_xls_typed_in_tcvn3(db, ward, tmp_path):
    """Excel 97–2003 files: where .VnTime lists really live."""
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("Hộ gia đình")
    abc = xlwt.easyxf("font: name .VnTime")
    caps = xlwt.easyxf("font: name .VnTimeH")
    ws.write_merge(0, 0, 0, 3, encode_tcvn3("danh sách hộ gia đình"), caps)
    for col, head in enumerate(["STT", "Họ và tên chủ hộ", "Khu dân cư", "Số khẩu"]):
        ws.write(2, col, encode_tcvn3(head), abc)
    ws.write(3, 0, 1)
    ws.write(3, 1, encode_tcvn3("Hoàng Thị Lụa"), abc)
    ws.write(3, 2, encode_tcvn3("Thôn Đông Giàng"), abc)
    ws.write(3, 3, 4)
    ws.write(4, 0, 2)
    ws.write(4, 1, encode_vni("Đỗ Văn Bảy"), xlwt.easyxf("font: name VNI-Times"))
    ws.write(4, 2, "Khu dân cư số 2")
    ws.write(4, 3, 3)
    path = tmp_path / "cũ.xls"
    book.save(str(path))
    result = preview(db, "household", path)
    assert result.ok, [p.text() for p in result.problems]
    got = [(r.row, r.values["name"], r.values["area_id"], r.values["members"]) for r in result.rows]
    assert got == [(4, "Hoàng Thị Lụa", ward["Thôn Đông Giàng"], 4),
                   (5, "Đỗ Văn Bảy", ward["Khu dân cư số 2"], 3)]
    assert commit(db, result).created == 2


def test_summary_counts_error_rows_apart(db, ward, tmp_path):
    path = workbook([["Chủ hộ", "Khu dân cư", "Số nhân khẩu"], ["Hà Văn Một", "Khu dân cư số 1", 2],
                     ["Hà Văn Hai", "Khu 9", "hai"], ["TRẦN VĂN BA", "Khu dân cư số 2", 1]],
                    path=tmp_path / "h.xlsx")
    result = preview(db, "household", path)
    assert result.summary() == ("3 dòng dữ liệu; 2 thêm mới; 0 cập nhật; 0 bỏ qua; "
                                "1 dòng có lỗi (2 lỗi).")
    assert result.rows[2].display("name") == "Trần Văn Ba"  # what will be written
    assert result.rows[1].display("members") == "hai"  # the bad cell as typed


def test_old_xls_dates_and_merged_cells(db, ward, tmp_path):
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("Cán bộ")
    ws.write_merge(0, 0, 0, 2, "DANH SÁCH CÁN BỘ")
    for col, head in enumerate(["Họ và tên", "Ngày sinh", "Khu dân cư"]):
        ws.write(1, col, head)
    ws.write(2, 0, "Lương Văn Chín")
    ws.write(2, 1, date(1979, 8, 30), xlwt.easyxf(num_format_str="DD/MM/YYYY"))
    ws.write_merge(2, 3, 2, 2, "Khu dân cư số 1")  # one area merged over two people
    ws.write(3, 0, "Lương Thị Mười")
    ws.write(3, 1, "1984")
    path = tmp_path / "cán bộ.xls"
    book.save(str(path))
    result = preview(db, "person", path)
    got = [(r.values["name"], r.values["birth"], r.values["birth_year"], r.values["area_id"])
           for r in result.rows]
    assert got == [("Lương Văn Chín", date(1979, 8, 30), 1979, ward["Khu dân cư số 1"]),
                   ("Lương Thị Mười", None, 1984, ward["Khu dân cư số 1"])]

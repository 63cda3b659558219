"""Area figures per year from Excel (``tdkt import area-year``): the long layout (one row per
area and year), the wide one (one row per area, one column group per year) with the years on a
row of their own or in the names, the same tolerance and all-or-nothing rule as the other
lists; movements (``tdkt import movement``) with their template."""

from __future__ import annotations

from datetime import date

import pytest
from excel_helpers import seed_ward, workbook
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.cli import main as cli_main
from app.excel.export import HEADER_ROW
from app.excel.importer import commit, preview
from app.excel.legacy import encode_tcvn3
from app.excel.templates import export_kind, write_template
from db.models import AreaYear, FormerUnit, Movement, ResidentialArea


@pytest.fixture
def ward(db):
    return seed_ward(db)


def _count(db, model):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def _errors(result):
    return [p.text() for p in result.errors]


def test_wide_layout_years_above_the_names(db, ward, tmp_path):
    path = workbook([
        ["SỐ LIỆU XÂY DỰNG GIA ĐÌNH VĂN HÓA, KHU DÂN CƯ VĂN HÓA"],
        [],
        ["STT", "Thôn, khu dân cư", "Năm 2021", None, None, None, "Năm 2022", None, None, None],
        [None, None, "Số hộ", "Đăng ký", "Đạt", "KDCVH", "Số hộ", "Đăng ký", "Đạt", "KDCVH"],
        ["I", "PHƯỜNG BÌNH HÀN CŨ"],
        [1, "KDC số 1", 300, 290, 280, "x", 305, 300, 290, "Đạt"],
        [2, encode_tcvn3("Thôn Đông Giàng"), 200, 200, 190, "Không đạt", 204, 200, 192, None],
        [None, "Tổng cộng", 500, 490, 470, None, 509, 500, 482, None],
    ], merges=["C3:F3", "G3:J3", "A3:A4", "B3:B4"], path=tmp_path / "rộng.xlsx")
    result = preview(db, "area-year", path)
    assert result.ok, _errors(result)
    got = {(r.values["area"], r.values["year"]): tuple(r.values[k] for k in (
        "households", "registered", "achieved", "kdcvh")) for r in result.rows}
    assert got == {("KDC số 1", 2021): (300, 290, 280, "dat"),
                   ("KDC số 1", 2022): (305, 300, 290, "dat"),
                   ("Thôn Đông Giàng", 2021): (200, 200, 190, "khong_dat"),
                   ("Thôn Đông Giàng", 2022): (204, 200, 192, None)}
    assert not result.unused and not result.problems  # areas on file: nothing to warn about
    assert {why for _, _, why in result.skipped} >= {"Dòng tổng cộng"}
    assert commit(db, result).created == 4
    with db.read() as s:
        stored = s.execute(select(AreaYear.area_id, AreaYear.year, AreaYear.households)).all()
    assert (ward["Khu dân cư số 1"], 2022, 305) in stored


def test_wide_layout_years_in_the_names(db, ward, tmp_path):
    path = workbook([
        ["Khu dân cư", "Tổng số hộ năm 2024", "Số hộ đạt 2024", "Tổng số hộ năm 2025",
         "Số hộ đạt 2025", "Sân thể thao 2025"],
        ["Khu dân cư số 2", 120, 110, 125, 118, "Có"],
    ], path=tmp_path / "rộng 2.xlsx")
    result = preview(db, "area-year", path)
    assert result.ok, _errors(result)
    by_year = {r.values["year"]: r.values for r in result.rows}
    assert (by_year[2024]["households"], by_year[2024]["achieved"]) == (120, 110)
    assert by_year[2025]["ind:3"] == 1 and by_year[2024]["ind:3"] is None
    assert not result.cells  # "Có" is a yes/no value, not a TCVN3 question


def test_bad_figures_stop_the_whole_file(db, ward, tmp_path):
    path = workbook([
        ["Khu dân cư", "Năm", "Tổng số hộ", "Số hộ đăng ký", "Số hộ đạt", "Khu dân cư văn hóa"],
        ["Khu dân cư số 1", 2025, 300, 290, 295, "Đạt"],
        ["Khu dân cư số 2", 2025, 120, 110, 100, "Có lẽ"],
        ["Khu dân cư số 1", 2025, 300, 290, 280, "Đạt"],
        ["Thôn Đông Giàng", 2025, 2.5, None, None, None],
        ["Khu dân cư số 9", 2025, None, None, None, None],
    ], path=tmp_path / "sai.xlsx")
    result = preview(db, "area-year", path)
    assert _errors(result) == [
        "Trang “Danh sách”, dòng 2, cột D — Lỗi: Số hộ đạt (295) lớn hơn số hộ đăng ký (290).",
        ("Trang “Danh sách”, dòng 3, cột F — Lỗi: Khu dân cư văn hóa: Kết quả “Có lẽ” phải là "
        "Đạt hoặc Không đạt."),
        ("Trang “Danh sách”, dòng 4, cột A — Lỗi: Số liệu năm 2025 của “Khu dân cư số 1” đã có "
        "ở dòng 2 (Danh sách)."),
        "Trang “Danh sách”, dòng 5, cột C — Lỗi: Tổng số hộ: “2,5” không phải số nguyên."]
    empty = result.rows[-1]
    assert empty.action == "skip" and "không có số liệu" in empty.problems[-1].message
    with pytest.raises(Exception, match="chưa nhập dòng nào"):
        commit(db, result)
    assert _count(db, AreaYear) == 0 and _count(db, ResidentialArea) == 3


def test_new_areas_and_former_units_with_their_kind(db, tmp_path, capsys):
    path = workbook([
        ["Khu dân cư", "Năm", "Tổng số hộ", "Số hộ đạt", "Địa bàn cũ", "Loại địa bàn cũ"],
        ["Thôn Trác Châu", 2025, 250, 240, "An Thượng", "xã"],
        ["Thôn Trác Châu", 2024, 248, 236, "An Thượng", "xã"],
        ["Khu dân cư số 5", 2025, 300, 280, "Bình Hàn", "Phường"],
    ], path=tmp_path / "mới.xlsx")
    assert cli_main(["import", "area-year", str(path), "--db", str(db.path)]) == 0
    out = capsys.readouterr().out
    assert out.count("Khu dân cư “Thôn Trác Châu” chưa có trong Danh mục: sẽ được thêm.") == 1
    assert "Địa bàn cũ “An Thượng” chưa có: sẽ được thêm (xã)." in out
    with db.read() as s:
        units = dict(s.execute(select(FormerUnit.name, FormerUnit.kind)).all())
        assert s.scalar(select(func.count()).select_from(ResidentialArea)) == 2
    assert units == {"An Thượng": "xã", "Bình Hàn": "phường"}
    # A later file saying otherwise is noted, never applied.
    again = workbook([["Khu dân cư", "Năm", "Tổng số hộ", "Địa bàn cũ", "Loại địa bàn cũ"],
                      ["Thôn Trác Châu", 2023, 245, "An Thượng", "phường"]],
                     path=tmp_path / "khác.xlsx")
    result = preview(db, "area-year", again)
    assert [p.message for p in result.problems] == [
        ("Địa bàn cũ “An Thượng” đang ghi là xã, tệp ghi phường: giữ xã (sửa ở Cài đặt đơn vị "
        "nếu cần).")]


def test_template_lists_the_areas_and_the_indicator_columns(db, ward, tmp_path, capsys):
    out = tmp_path / "mẫu.xlsx"
    assert cli_main(["template", "area-year", "-o", str(out), "--year", "2025",
                     "--db", str(db.path)]) == 0
    ws = load_workbook(out)["Danh sách"]
    headers = [c.value for c in ws[HEADER_ROW] if c.value]
    assert headers[:7] == ["STT", "Khu dân cư (*)", "Năm (*)", "Tổng số hộ",
                           "Số hộ đăng ký Gia đình văn hóa", "Số hộ đạt Gia đình văn hóa",
                           "Khu dân cư văn hóa"]
    assert headers[7:] == ["Tủ sách, thư viện", "Nhà văn hóa", "Sân thể thao",
                           "Đội văn nghệ (thành viên)", "Câu lạc bộ", "Địa bàn cũ",
                           "Loại địa bàn cũ", "Ghi chú"]
    assert [ws.cell(r, 2).value for r in range(HEADER_ROW + 1, HEADER_ROW + 4)] == [
        "Khu dân cư số 1", "Khu dân cư số 2", "Thôn Đông Giàng"]
    assert ws.cell(HEADER_ROW + 1, 3).value == 2025 and "NĂM 2025" in ws["A1"].value
    # Returned as it was made (no figure typed yet): every row skipped, nothing written.
    result = preview(db, "area-year", out)
    assert result.ok and result.counts()["skip"] == 3


def test_export_then_update_names_what_changed(db, ward, tmp_path, capsys):
    from app.services.emulation import area_years as ay

    ay.save_year(db, 2025, {ward["Khu dân cư số 1"]: {"households": 300, "registered": 290,
                                                      "achieved": 280, "ind:4": 20}})
    out = tmp_path / "xuất.xlsx"
    assert export_kind(db, "area_year", out) == 1
    wb = load_workbook(out)
    ws = wb.active
    ws.cell(HEADER_ROW + 1, 6).value = 285  # Số hộ đạt
    wb.save(out)
    assert cli_main(["import", "area-year", str(out), "--db", str(db.path)]) == 0
    printed = capsys.readouterr().out
    assert ("Đã có số liệu năm 2025 của khu này: số hộ đạt 280 → 285 — bỏ qua.") in printed
    assert cli_main(["import", "area-year", str(out), "--update", "--db", str(db.path)]) == 0
    with db.read() as s:
        row = s.query(AreaYear).one()
    assert (row.achieved, row.indicators) == (285, {"4": 20})


def test_movements_from_their_template(db, tmp_path, capsys):
    out = tmp_path / "phong trào.xlsx"
    write_template("movement", out)
    wb = load_workbook(out)
    ws = wb["Danh sách"]
    rows = [
        [1, "Toàn dân đoàn kết xây dựng đời sống văn hóa", "Thủ tướng Chính phủ",
         "Thường xuyên", None, 2021, None, "12/KH-UBND", "15/01/2021", None],
        [2, "Thi đua tăng thu ngân sách giai đoạn 2019 - 2025", "UBND thành phố", "theo đợt",
         None, "01/03/2019", 2025, None, None, None],
        [3, "Chủ nhật xanh", "Đảng ủy phường", None, None, 2022, None, None, None, None],
        [4, "Chủ nhật xanh", None, None, None, None, None, None, None, None],
    ]
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c, value)
    wb.save(out)
    result = preview(db, "movement", out)
    assert [p.text() for p in result.errors] == [
        "Trang “Danh sách”, dòng 7, cột B — Lỗi: Phong trào “Chủ nhật xanh” trùng với dòng 6."]
    ws.delete_rows(HEADER_ROW + 4)
    wb.save(out)
    assert cli_main(["import", "movement", str(out), "--db", str(db.path)]) == 0
    printed = capsys.readouterr().out
    assert "Ngày bắt đầu: chỉ có năm 2021, lấy ngày 01/01/2021." in printed
    assert "Ngày kết thúc: chỉ có năm 2025, lấy ngày 31/12/2025." in printed
    assert ("Cấp phát động “UBND thành phố”: báo cáo xếp phong trào vào nhóm do Thành phố "
            "phát động.") in printed
    with db.read() as s:
        got = {m.name: (m.launched_by, m.kind, m.start_date, m.end_date) for m in
               s.scalars(select(Movement))}
    assert got["Toàn dân đoàn kết xây dựng đời sống văn hóa"] == (
        "Thủ tướng Chính phủ", "thường xuyên", date(2021, 1, 1), None)
    assert got["Thi đua tăng thu ngân sách giai đoạn 2019 - 2025"] == (
        "UBND thành phố", "theo đợt", date(2019, 3, 1), date(2025, 12, 31))
    assert got["Chủ nhật xanh"][1] == "thường xuyên"
    again = tmp_path / "xuất phong trào.xlsx"
    assert export_kind(db, "movement", again) == 3
    assert preview(db, "movement", again).counts()["skip"] == 3

"""Every workbook the reports write, read back as a ward office would print it: years as
2021, rates as percentages with one decimal, A4, headers whole, statistical forms signed."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from app.excel.export import line_count
from app.reports.forms import build_forms
from app.reports.summary import build_summary
from db.models import Movement, MovementResult


def _ward(build):
    with build() as b:
        b.organization()
        unit = b.unit("Cẩm Thượng")
        areas = [b.area(f"Khu dân cư số {i}", unit, households_total=3) for i in (1, 2)]
        homes = [b.household(f"Đặng Văn Hộ {i}{n}", area)
                 for i, area in enumerate(areas) for n in range(3)]
        for year in (2024, 2025):
            for n, home in enumerate(homes):
                b.registration(home, "GDVH", year, outcome="dat" if n % 3 else "khong_dat")
                if n % 3:
                    b.award(home, "GDVH", year)
        person = b.person("Nguyễn Thị Ánh", areas[0], gender="nữ")
        b.award(person, "LDTT", 2025, 1_120_000, decision=b.decision(15, 2025))
        m = Movement(name="Thi đua lao động giỏi", name_folded="thi dua lao dong gioi",
                     launched_by="Phường", kind="thường xuyên", start_date=date(2021, 1, 5))
        b.s.add(m)
        b.s.flush()
        b.s.add_all([MovementResult(movement_id=m.id, year=2024, narrative="Hoàn thành"),
                     MovementResult(movement_id=m.id, year=2025,
                                    narrative="Năm 2025: 100% cơ quan hoàn thành kế hoạch")])


def _header_row(ws) -> int:
    """The first row with a fill: the header row of write_sheet's tables."""
    for row in ws.iter_rows():
        if any(c.fill is not None and c.fill.fgColor.rgb not in (None, "00000000")
               for c in row if c.value is not None):
            return row[0].row
    raise AssertionError(f"no header row in {ws.title}")


def _assert_headers_fit(ws, row: int) -> None:
    """Each header cell (merged ones over all their columns and rows) is tall enough for its
    wrapped lines."""
    spans = {(r.min_row, r.min_col): r for r in ws.merged_cells.ranges}
    for cell in ws[row]:
        if not isinstance(cell.value, str):
            continue
        span = spans.get((row, cell.column))
        cols = range(cell.column, (span.max_col if span else cell.column) + 1)
        rows = range(row, (span.max_row if span else row) + 1)
        width = sum(ws.column_dimensions[get_column_letter(c)].width for c in cols)
        height = sum(ws.row_dimensions[r].height or 15 for r in rows)
        lines = line_count(cell.value, width, bold=True)
        assert height >= lines * 14, (ws.title, cell.value, width, height)


def test_figures_workbook_years_rates_paper_and_movement_results(db, build, tmp_path):
    _ward(build)
    wb = load_workbook(build_summary(db, 2024, 2025, "xlsx", tmp_path / "số liệu.xlsx"))
    for ws in wb:
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        head = _header_row(ws)
        _assert_headers_fit(ws, head)
        titles = [c.value or "" for c in ws[head]]
        for row in ws.iter_rows(min_row=head + 1):
            for title, cell in zip(titles, row):
                if title.startswith("Năm") and isinstance(cell.value, int):
                    assert "," not in cell.number_format and cell.number_format in ("General", "0")
                if title.startswith("Tỷ lệ") and cell.value is not None:
                    assert cell.number_format == "0.0%", (ws.title, title)
                    assert 0 <= cell.value <= 1 and round(cell.value * 1000) == cell.value * 1000
    culture = wb["Gia đình văn hóa"]
    first = _header_row(culture) + 1
    assert culture.cell(first, 1).value == 2024
    assert culture.cell(first, 4).value == 1.0  # 6 of 6 households registered
    assert culture.cell(first, 6).value == 0.667  # 4 of 6 registered reached it: 66,7 %
    results = [c.value for c in wb["Phong trào"]["I"] if c.value and "Năm" in str(c.value)]
    assert results == ["Năm 2024: Hoàn thành\nNăm 2025: 100% cơ quan hoàn thành kế hoạch"]


def test_statistical_forms_end_with_signatures_and_print_no_working_note(db, build, tmp_path):
    _ward(build)
    wb = load_workbook(build_forms(db, 2025, tmp_path / "biểu.xlsx", on=date(2026, 1, 5)))
    for ws in wb:
        assert int(ws.page_setup.paperSize) == 9
        texts = {(c.row, c.column): c.value for row in ws.iter_rows() for c in row
                 if isinstance(c.value, str)}
        joined = " ".join(texts.values())
        assert "chưa đối chiếu" not in joined and "Phỏng theo" not in joined
        last_data = max(c.row for row in ws.iter_rows() for c in row if isinstance(c.value, int))
        where = {v: rc for rc, v in texts.items()}
        assert where["Thành Đông, ngày 05 tháng 01 năm 2026"][0] > last_data
        left, right = where["NGƯỜI LẬP BIỂU"], where["THỦ TRƯỞNG ĐƠN VỊ"]
        assert left[0] == right[0] > last_data and left[1] < right[1]
        assert where["(Ký, ghi rõ họ tên)"][0] == left[0] + 1
        assert where["(Ký, đóng dấu, ghi rõ họ tên)"] == (right[0] + 1, right[1])
        assert ws.row_dimensions[right[0] + 2].height >= 60  # room to sign and seal
        assert not ws.print_area  # everything written is printed
        _assert_headers_fit(ws, _header_row(ws))


def test_gia_dinh_van_hoa_rates_export_as_percentages(db, build, tmp_path):
    from app.excel.export import HEADER_ROW
    from app.services.emulation.registration_rates import export_rates

    _ward(build)
    path = tmp_path / "tỷ lệ.xlsx"
    export_rates(db, 2025, path)
    ws = load_workbook(path).active
    assert int(ws.page_setup.paperSize) == 9
    heads = [c.value for c in ws[HEADER_ROW]]
    first = {heads[i]: c for i, c in enumerate(ws[HEADER_ROW + 1])}
    assert first["Khu dân cư"].value == "Khu dân cư số 1"
    for head, value in (("Tỷ lệ đăng ký", 1.0), ("Tỷ lệ đạt / đăng ký", 0.667)):
        assert first[head].value == value and first[head].number_format == "0.0%"

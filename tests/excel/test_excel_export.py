from datetime import date, datetime

from openpyxl import load_workbook

from app.excel.export import HEADER_ROW, write_table


def test_write_table_layout(tmp_path):
    path = tmp_path / "danh sách.xlsx"
    rows = [
        ["Nguye\u0302\u0303n Văn An", date(1980, 5, 2), datetime(2025, 1, 3, 0, 0), 3],
        ["Trần Thị Bình", None, datetime(2025, 1, 3, 14, 5), 4],
    ]
    write_table(path, "DANH SÁCH CÁ NHÂN", ["Họ và tên", "Ngày sinh", "Lúc", "Số"], rows,
                sheet_name="Cá nhân: 2025", date_columns=[1])
    wb = load_workbook(path)
    ws = wb.active
    assert ws.title == "Cá nhân- 2025"
    assert ws["A1"].value == "DANH SÁCH CÁ NHÂN"
    assert "A1:D1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[HEADER_ROW]] == ["Họ và tên", "Ngày sinh", "Lúc", "Số"]
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.auto_filter.ref == f"A{HEADER_ROW}:D{HEADER_ROW + 2}"
    first = HEADER_ROW + 1
    assert ws.cell(first, 1).value == "Nguyễn Văn An"  # NFC
    assert ws.cell(first, 2).is_date and ws.cell(first, 2).number_format == "dd/mm/yyyy"
    assert ws.cell(first, 3).number_format == "dd/mm/yyyy"  # midnight → date only
    assert ws.cell(first + 1, 3).number_format == "dd/mm/yyyy hh:mm"
    assert ws.column_dimensions["A"].width >= len("Nguyễn Văn An")


def test_write_table_empty_list(tmp_path):
    path = tmp_path / "rỗng.xlsx"
    write_table(path, "Trống", ["Tên"], [])
    ws = load_workbook(path).active
    assert ws.auto_filter.ref == f"A{HEADER_ROW}:A{HEADER_ROW}"

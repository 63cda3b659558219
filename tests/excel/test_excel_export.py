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


def test_write_table_prints_on_a4_with_rates_as_percent_and_headers_whole(tmp_path):
    from app.excel.export import PERCENT_FORMAT

    path = tmp_path / "tỷ lệ.xlsx"
    long_head = ("Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa trên tổng số hộ đăng ký "
                 "xây dựng gia đình văn hóa trong năm")
    write_table(path, "TỶ LỆ GIA ĐÌNH VĂN HÓA", ["Năm", "Khu dân cư", long_head],
                [[2021, "Khu dân cư số 1", 0.968], [2022, "Thôn An Lạc", None]],
                formats={2: PERCENT_FORMAT})
    ws = load_workbook(path).active
    assert int(ws.page_setup.paperSize) == 9  # A4
    first = HEADER_ROW + 1
    assert ws.cell(first, 1).value == 2021 and "," not in ws.cell(first, 1).number_format
    assert ws.cell(first, 3).value == 0.968 and ws.cell(first, 3).number_format == "0.0%"
    # The long header wraps in its 60-wide column: its row is at least two lines high.
    assert ws.column_dimensions["C"].width <= 62
    assert ws.row_dimensions[HEADER_ROW].height >= 2 * 14


def test_line_count_wraps_words_like_a_spreadsheet():
    from app.excel.export import line_count

    assert line_count("Tổng số", 12) == 1
    assert line_count("Tỷ lệ đạt / đăng ký", 12) == 2
    assert line_count("Năm 2021: một\nNăm 2022: hai", 60) == 2
    assert line_count("Chiến sĩ thi đua cơ sở " * 6, 10) >= 12


def test_write_table_keeps_line_breaks_and_fits_their_rows(tmp_path):
    path = tmp_path / "kết quả.xlsx"
    write_table(path, "KẾT QUẢ", ["Phong trào", "Kết quả"],
                [["Thi đua lao động giỏi", "Năm 2021: hoàn thành\nNăm 2022: vượt kế hoạch"]])
    ws = load_workbook(path).active
    cell = ws.cell(HEADER_ROW + 1, 2)
    assert cell.value == "Năm 2021: hoàn thành\nNăm 2022: vượt kế hoạch"
    assert cell.alignment.wrap_text and ws.row_dimensions[HEADER_ROW + 1].height >= 2 * 14

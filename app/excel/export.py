"""Write any list to a tidy .xlsx: title row, Vietnamese headers, widths, frozen header,
auto-filter, real Excel dates.

The generic list page calls :func:`write_table` for "Xuất Excel" with exactly what the list
shows (its filter and order)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from app.files import atomic_output
from app.text import nfc

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
MIN_WIDTH, MAX_WIDTH = 6, 60
HEADER_ROW = 3  # row 1: title, row 2: empty spacer, row 3: headers, data below
# Excel forbids these characters in sheet names.
_SHEET_BAD = set('[]:*?/\\')


def _cell_value(value):
    """What goes into the cell: NFC text, numbers and dates as themselves."""
    if value is None:
        return None
    if isinstance(value, str):
        return nfc(value) or None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    return value


def _display_len(value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def safe_sheet_name(name: str) -> str:
    clean = "".join("-" if ch in _SHEET_BAD else ch for ch in nfc(name)).strip("'")
    return (clean or "Danh sách")[:31]


def write_table(
    path: str | Path,
    title: str,
    headers: list[str],
    rows: Iterable[Sequence],
    *,
    sheet_name: str = "Danh sách",
    date_columns: Iterable[int] = (),
) -> int:
    """Write one sheet: ``title`` in row 1, ``headers`` in row 3, then ``rows``; returns how
    many data rows were written (what the officer is told).

    ``date_columns`` (0-based) are formatted as dates even when a cell holds a datetime at
    midnight; any date/datetime value is always written as a real Excel date.
    """
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = safe_sheet_name(sheet_name)
    ncols = max(len(headers), 1)
    _title(ws, title, ncols)
    widths = _headers(ws, headers)
    last_row = _rows(ws, rows, set(date_columns), widths)
    _finish(ws, widths, ncols, last_row)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(out) as tmp:
        wb.save(tmp)
    return last_row - HEADER_ROW


def _title(ws, title: str, ncols: int) -> None:
    from openpyxl.styles import Alignment, Font

    cell = ws.cell(row=1, column=1, value=nfc(title))
    cell.font = Font(bold=True, size=14)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    if ncols > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = 24


def _headers(ws, headers: list[str]) -> list[int]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=nfc(header))
        cell.font, cell.fill, cell.border = Font(bold=True), fill, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return [len(nfc(h)) for h in headers]


def _rows(ws, rows: Iterable[Sequence], forced_dates: set[int], widths: list[int]) -> int:
    """Write the data; widen ``widths`` to the longest value of each column."""
    from openpyxl.styles import Alignment

    row_no = HEADER_ROW
    for row_no, row in enumerate(rows, start=HEADER_ROW + 1):
        for col, raw in enumerate(row, start=1):
            value = _cell_value(raw)
            cell = ws.cell(row=row_no, column=col, value=value)
            if isinstance(value, datetime):
                at_midnight = value.hour == value.minute == value.second == 0
                date_only = (col - 1) in forced_dates or at_midnight
                cell.number_format = DATE_FORMAT if date_only else DATETIME_FORMAT
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, str) and "\n" in value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if col > len(widths):
                widths.append(0)
            widths[col - 1] = max(widths[col - 1], _display_len(value))
    return row_no


def _finish(ws, widths: list[int], ncols: int, last_row: int) -> None:
    """Widths, frozen header, auto-filter, and a print set-up that fits the page width."""
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{max(last_row, HEADER_ROW)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape" if ncols > 6 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

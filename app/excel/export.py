"""Write any list to a tidy .xlsx: title row, Vietnamese headers, widths, frozen header,
auto-filter, real Excel dates; and the print set-up every workbook the app writes shares
(A4, fit to the page width, row heights that show wrapped text whole).

The generic list page calls :func:`write_table` for "Xuất Excel" with exactly what the list
shows (its filter and order)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from app.files import atomic_output
from app.text import nfc

DATE_FORMAT = "dd/mm/yyyy"
YEAR_FORMAT = "0"  # 2021, never "2,021"
PERCENT_FORMAT = "0.0%"  # the cell holds the fraction (0.968), Excel shows 96,8 %
MONEY_FORMAT = "#,##0"
FONT = "Calibri"  # named on every styled cell: a nameless font is drawn in the reader's default
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
        return nfc_lines(value) or None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    return value


def nfc_lines(value: str) -> str:
    """NFC text that keeps its line breaks (app.text.nfc joins lines into one)."""
    lines = [nfc(line) for line in str(value).splitlines()]
    return "\n".join(line for line in lines if line)


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
    formats: dict[int, str] | None = None,
) -> int:
    """Write one sheet: ``title`` in row 1, ``headers`` in row 3, then ``rows``; returns how
    many data rows were written (what the officer is told).

    ``date_columns`` (0-based) are formatted as dates even when a cell holds a datetime at
    midnight; any date/datetime value is always written as a real Excel date. ``formats``
    maps a 0-based column to the number format of its numbers (e.g. PERCENT_FORMAT for
    rates given as fractions).
    """
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = safe_sheet_name(sheet_name)
    ncols = max(len(headers), 1)
    _title(ws, title, ncols)
    widths = _headers(ws, headers)
    last_row, wrapped = _rows(ws, rows, set(date_columns), widths, formats or {})
    _finish(ws, widths, ncols, last_row)
    fit_row_heights(ws, [HEADER_ROW, *wrapped])
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(out) as tmp:
        wb.save(tmp)
    return last_row - HEADER_ROW


def _title(ws, title: str, ncols: int) -> None:
    from openpyxl.styles import Alignment, Font

    cell = ws.cell(row=1, column=1, value=nfc(title))
    cell.font = Font(name=FONT, bold=True, size=14)
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
        cell.font, cell.fill, cell.border = Font(name=FONT, bold=True), fill, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return [len(nfc(h)) for h in headers]


def _rows(ws, rows: Iterable[Sequence], forced_dates: set[int], widths: list[int],
          formats: dict[int, str]) -> tuple[int, list[int]]:
    """Write the data; widen ``widths`` to the longest value of each column. Returns the last
    row and the rows holding multi-line text (their height is fitted afterwards)."""
    from openpyxl.styles import Alignment

    row_no, wrapped = HEADER_ROW, []
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
            elif isinstance(value, (int, float)) and (col - 1) in formats:
                cell.number_format = formats[col - 1]
            elif isinstance(value, str) and "\n" in value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if not wrapped or wrapped[-1] != row_no:
                    wrapped.append(row_no)
            if col > len(widths):
                widths.append(0)
            widths[col - 1] = max(widths[col - 1], _display_len(value))
    return row_no, wrapped


def _finish(ws, widths: list[int], ncols: int, last_row: int) -> None:
    """Widths, frozen header, auto-filter, and a print set-up that fits the page width."""
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{max(last_row, HEADER_ROW)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    print_setup(ws, landscape=ncols > 6)


def print_setup(ws, landscape: bool) -> None:
    """A4 (a ward office prints on nothing else), fitted to the page width, centred."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6


# ------------------------------------------------------------------ row heights
# Neither openpyxl nor Excel (for rows written with a height of their own, or merged cells)
# sizes a row to its wrapped text: we measure it. Widths of Calibri (Excel's default font)
# per character, in widths of the digit "0" (the unit of Excel column widths); a Vietnamese
# letter measures as its base letter.
_NARROW = dict.fromkeys("iIjl.,:;'!|", 0.5) | dict.fromkeys("frt-()[]", 0.68)
_MEDIUM = dict.fromkeys("szcJL/\"", 0.82) | {" ": 0.45}
_WIDE = dict.fromkeys("mwMW%&", 1.6)
_CHAR_WIDTH = _NARROW | _MEDIUM | _WIDE
LINE_HEIGHT = 15.0  # points per line of 11 pt text: Excel's own default row height
_PADDING = 0.8  # column width lost to the cell's margins, in digit widths


def text_width(value: str, bold: bool = False, size: float = 11.0) -> float:
    """Estimated width of ``value`` in digit widths (Excel's column-width unit)."""
    total = 0.0
    for ch in value:
        base = unicodedata.normalize("NFD", ch)[0] if ch not in "đĐ" else "d"
        width = _CHAR_WIDTH.get(base)
        if width is None:
            width = 1.15 if base.isupper() else 1.0
        total += width
    return total * (1.04 if bold else 1.0) * size / 11.0


def line_count(value: str, width: float, bold: bool = False, size: float = 11.0) -> int:
    """Lines ``value`` takes in a wrapping cell ``width`` digit widths wide (word wrap)."""
    usable = max(width - _PADDING, 1.0)
    space = text_width(" ", bold, size)
    lines = 0
    for paragraph in str(value).split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            w = text_width(word, bold, size)
            if used and used + space + w > usable:
                lines += 1
                used = 0.0
            if not used and w > usable:  # a word wider than the cell is broken by letters
                lines += int(w // usable)
                w = w % usable
            used += (space if used else 0.0) + w
    return lines


def fit_row_heights(ws, rows: Iterable[int]) -> None:
    """Give each row of ``rows`` the height its wrapped cells need (never less than one line).

    A merged cell counts the width of every column it spans."""
    from openpyxl.utils import get_column_letter

    spans = {(r.min_row, r.min_col): (r.max_col, r.max_row - r.min_row + 1)
             for r in ws.merged_cells.ranges}
    inside = {(row, col) for r in ws.merged_cells.ranges for row, col in r.cells
              if (row, col) != (r.min_row, r.min_col)}

    def width(col: int, last: int) -> float:
        return sum(ws.column_dimensions[get_column_letter(c)].width or 8.43
                   for c in range(col, last + 1))

    last_col = ws.max_column  # once: openpyxl walks every cell to find it
    for row in rows:
        needed = 0.0
        for cell in next(ws.iter_rows(min_row=row, max_row=row, max_col=last_col)):
            if cell.value is None or (row, cell.column) in inside:
                continue
            size = float(cell.font.sz or 11) if cell.font else 11.0
            bold = bool(cell.font and cell.font.b)
            last, height_rows = spans.get((row, cell.column), (cell.column, 1))
            text = cell.value if isinstance(cell.value, str) else str(cell.value)
            wraps = bool(cell.alignment and cell.alignment.wrap_text)
            lines = line_count(text, width(cell.column, last), bold, size) if wraps else 1
            needed = max(needed, lines * LINE_HEIGHT * max(size, 11.0) / 11.0 / height_rows)
        if needed > (ws.row_dimensions[row].height or LINE_HEIGHT):
            ws.row_dimensions[row].height = round(needed + 1.5, 1)

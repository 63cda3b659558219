"""A small sheet writer shared by the figures workbook and the statistical forms."""

from __future__ import annotations

from collections.abc import Sequence

from app.text import nfc

PERCENT_FORMAT = '0.0"%"'
MONEY_FORMAT = "#,##0"


def styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="808080")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "head_fill": PatternFill("solid", fgColor="DDEBF7"),
        "bold": Font(bold=True), "title": Font(bold=True, size=13),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "wrap": Alignment(vertical="top", wrap_text=True),
    }


def write_sheet(wb, name: str, title_lines: Sequence[str], headers: Sequence[str],
                rows: Sequence[Sequence], widths: Sequence[float] = (), bold_rows=(),
                formats: dict[int, str] | None = None):
    """One sheet: title lines (merged, centred), a header row, data rows with borders.

    ``formats`` maps a 0-based column to a number format (e.g. PERCENT_FORMAT).
    """
    from openpyxl.utils import get_column_letter

    st = styles()
    ws = wb.create_sheet(nfc(name)[:31])
    ncols = max(len(headers), 1)
    r = 1
    for line in title_lines:
        cell = ws.cell(row=r, column=1, value=nfc(line))
        cell.font, cell.alignment = st["title"] if r == 1 else st["bold"], st["center"]
        if ncols > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        r += 1
    r += 1
    head_row = r
    for c, h in enumerate(headers, start=1):
        cell = ws.cell(row=r, column=c, value=nfc(h))
        cell.font, cell.fill, cell.border, cell.alignment = (st["bold"], st["head_fill"],
                                                             st["border"], st["center"])
    for i, row in enumerate(rows):
        r += 1
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=nfc(value) if isinstance(value, str) else value)
            cell.border = st["border"]
            if formats and (c - 1) in formats and isinstance(value, (int, float)):
                cell.number_format = formats[c - 1]
            elif isinstance(value, int) and abs(value) >= 1000:
                cell.number_format = MONEY_FORMAT
            if isinstance(value, str):
                cell.alignment = st["wrap"]
            if i in bold_rows:
                cell.font = st["bold"]
    for c in range(1, ncols + 1):
        width = widths[c - 1] if c - 1 < len(widths) else 12
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(row=head_row + 1, column=1)
    ws.page_setup.orientation = "landscape" if ncols > 7 else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def new_workbook():
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    return wb

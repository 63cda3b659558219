"""A small sheet writer shared by the figures workbook and the statistical forms."""

from __future__ import annotations

from collections.abc import Sequence

from app.excel.export import (
    FONT,
    MONEY_FORMAT,
    PERCENT_FORMAT,
    YEAR_FORMAT,
    fit_row_heights,
    nfc_lines,
    print_setup,
    text_width,
)
from app.text import nfc

__all__ = ["MONEY_FORMAT", "PERCENT_FORMAT", "YEAR_FORMAT", "fraction", "new_workbook", "styles",
           "write_sheet"]


def fraction(percent: float | None) -> float | None:
    """A rate in per cent (96.84) as the cell value of PERCENT_FORMAT: the fraction of what is
    shown (0.968 → "96,8 %"), so sums and charts use the figure the reader sees."""
    return None if percent is None else round(percent, 1) / 100


def _is_year_column(header: str) -> bool:
    return header == "Năm" or header.startswith("Năm ")


def styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="808080")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "head_fill": PatternFill("solid", fgColor="DDEBF7"),
        "bold": Font(name=FONT, bold=True), "title": Font(name=FONT, bold=True, size=13),
        "italic": Font(name=FONT, italic=True), "plain": Font(name=FONT),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "wrap": Alignment(vertical="center", wrap_text=True),
        "number": Alignment(horizontal="center", vertical="center"),
        "figure": Alignment(vertical="center"),
    }


def _shown(value, number_format: str) -> str:
    """Roughly what a number cell shows, to size its column (numbers never wrap)."""
    if number_format == PERCENT_FORMAT:
        return f"{value * 100:.1f}%"
    if number_format == MONEY_FORMAT:
        return f"{value:,}"
    return str(value)


def write_sheet(wb, name: str, title_lines: Sequence[str], headers: Sequence[str],
                rows: Sequence[Sequence], widths: Sequence[float] = (), bold_rows=(),
                formats: dict[int, str] | None = None):
    """One sheet: title lines (merged, centred), a header row, data rows with borders.

    ``formats`` maps a 0-based column to a number format (e.g. PERCENT_FORMAT); a column
    headed "Năm…" holds years (YEAR_FORMAT); other whole numbers from 1.000 up are grouped.
    """
    from openpyxl.utils import get_column_letter

    st = styles()
    years = {i for i, h in enumerate(headers) if _is_year_column(nfc(h))}
    formats = dict.fromkeys(years, YEAR_FORMAT) | dict(formats or {})
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
    need = [widths[c] if c < len(widths) else 12 for c in range(ncols)]
    for i, row in enumerate(rows):
        r += 1
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c,
                           value=nfc_lines(value) if isinstance(value, str) else value)
            cell.border = st["border"]
            if (c - 1) in formats and isinstance(value, (int, float)):
                cell.number_format = formats[c - 1]
            elif isinstance(value, int) and abs(value) >= 1000:
                cell.number_format = MONEY_FORMAT
            if isinstance(value, str):
                cell.alignment = st["wrap"]
            elif isinstance(value, (int, float)) and c - 1 < ncols:
                shown = _shown(value, cell.number_format)
                need[c - 1] = max(need[c - 1], text_width(shown, i in bold_rows) + 2)
            if i in bold_rows:
                cell.font = st["bold"]
    for c, width in enumerate(need, start=1):
        ws.column_dimensions[get_column_letter(c)].width = round(width, 1)
    ws.freeze_panes = ws.cell(row=head_row + 1, column=1)
    ws.print_title_rows = f"{head_row}:{head_row}"
    print_setup(ws, landscape=ncols > 7)
    fit_row_heights(ws, range(1, r + 1))
    # Numbers sit in the middle of rows made taller by wrapped text (only those: setting a
    # style on every cell costs more than the whole sheet).
    for row in range(head_row + 1, r + 1):
        if ws.row_dimensions[row].height:
            for cell in next(ws.iter_rows(min_row=row, max_row=row, max_col=ncols)):
                if isinstance(cell.value, (int, float)):
                    cell.alignment = st["number"] if cell.column - 1 in years else st["figure"]
    return ws


def new_workbook():
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    return wb

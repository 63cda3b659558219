"""Old Excel 97–2003 files (.xls), where most lists typed with TCVN3 / VNI fonts live: read with
xlrd (with formatting, for the fonts) and presented like openpyxl's read-only sheets, so the
same reader handles both."""

from __future__ import annotations

from pathlib import Path


class _Font:
    __slots__ = ("name",)

    def __init__(self, name: str | None):
        self.name = name


class _Cell:
    __slots__ = ("font", "value")

    def __init__(self, value, font: _Font | None):
        self.value, self.font = value, font


class XlsSheet:
    def __init__(self, book, sheet):
        self._book, self._sheet = book, sheet
        self.title = sheet.name
        fonts = [_Font(f.name) for f in book.font_list]
        self._font_of = [fonts[xf.font_index] if xf.font_index < len(fonts) else None
                         for xf in book.xf_list]
        # xlrd: (row_lo, row_hi, col_lo, col_hi), 0-based, hi exclusive → 1-based inclusive.
        self.merged_ranges = [(c0 + 1, r0 + 1, c1, r1) for r0, r1, c0, c1 in sheet.merged_cells]

    def _value(self, cell):
        import xlrd

        kind = cell.ctype
        if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
            return None
        if kind == xlrd.XL_CELL_DATE:
            try:
                return xlrd.xldate.xldate_as_datetime(cell.value, self._book.datemode)
            except (ValueError, OverflowError):
                return cell.value
        if kind == xlrd.XL_CELL_NUMBER:
            return int(cell.value) if float(cell.value).is_integer() else cell.value
        if kind == xlrd.XL_CELL_BOOLEAN:
            return bool(cell.value)
        return cell.value

    def iter_rows(self, min_row: int = 1, max_row: int | None = None):
        last = self._sheet.nrows if max_row is None else min(max_row, self._sheet.nrows)
        for r in range(min_row - 1, last):
            cells = self._sheet.row(r)
            yield tuple(_Cell(self._value(c), self._font_of[c.xf_index] if c.xf_index is not None
                              and c.xf_index < len(self._font_of) else None) for c in cells)


class XlsBook:
    def __init__(self, path: Path):
        import xlrd

        self._book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
        self.worksheets = [XlsSheet(self._book, self._book.sheet_by_index(i))
                           for i in range(self._book.nsheets)]

    def close(self) -> None:
        self._book.release_resources()


def open_xls(path: str | Path) -> XlsBook:
    return XlsBook(Path(path))

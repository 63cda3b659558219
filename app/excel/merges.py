"""Merged cells of a sheet, read fast, and what they mean for the rows below the header."""

from __future__ import annotations

import re

_MERGE_REF = re.compile(rb'<mergeCell ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def merged_ranges(wb, ws) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of merged cells, read straight from the sheet's XML
    (read-only worksheets, which are several times faster, do not expose them)."""
    from openpyxl.utils.cell import range_boundaries

    if hasattr(ws, "merged_ranges"):  # an .xls sheet (app.excel.xls)
        return list(ws.merged_ranges)
    path = getattr(ws, "_worksheet_path", None)
    if path is None:  # a normal worksheet
        return [(r.min_col, r.min_row, r.max_col, r.max_row) for r in ws.merged_cells.ranges]
    xml = wb._archive.read(path)
    return [range_boundaries(m.decode()) for m in _MERGE_REF.findall(xml)]


class MergedFill:
    """Vertically merged data cells (an area merged over its households) give every row the
    top-left value; rows crossed by a merge three or more columns wide are headings."""

    def __init__(self, ranges, first_data_row: int):
        self.down = [r for r in ranges if r[3] > r[1] and r[1] >= first_data_row]
        self.wide = {row for r in ranges if r[2] - r[0] >= 2 for row in range(r[1], r[3] + 1)}
        self.top: dict[tuple[int, int], object] = {}

    def apply(self, r: int, values: list) -> list:
        for min_col, min_row, max_col, max_row in self.down:
            if min_row == r and min_col <= len(values):
                self.top[(min_row, min_col)] = values[min_col - 1]
            elif min_row < r <= max_row:
                value = self.top.get((min_row, min_col))
                while len(values) < max_col:
                    values.append(None)
                for c in range(min_col, max_col + 1):
                    values[c - 1] = value
        return values

"""The columns of the area figures grid (as data, for the screen's table model) and pasting a
block copied from Excel into it: every value checked like an imported cell, nothing applied
when one is wrong, cells that are computed or read-only left alone and counted."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.errors import ValidationError
from app.excel.lookups import area_key
from app.services.emulation import area_years as ay
from app.services.emulation.culture_indicators import IndicatorData


@dataclass(frozen=True)
class GridColumn:
    key: str  # area / former_unit / households / … / ind:<id>
    label: str
    kind: str  # text / count / rate / kdcvh / yesno / source
    editable: bool = False
    width: int = 10  # in average characters
    indicator: IndicatorData | None = None

    @property
    def computed_by_records(self) -> bool:
        """Figures taken from the per-household records when the area has them."""
        return self.key in ("registered", "achieved", "kdcvh")


def grid_columns(indicators: tuple[IndicatorData, ...]) -> list[GridColumn]:
    cols = [GridColumn("area", "Khu dân cư", "text", width=24),
            GridColumn("former_unit", "Địa bàn cũ", "text", width=14),
            GridColumn("households", "Tổng số hộ", "count", True, 9),
            GridColumn("registered", "Hộ đăng ký GĐVH", "count", True, 10),
            GridColumn("achieved", "Hộ đạt GĐVH", "count", True, 9),
            GridColumn("registration_rate", "Tỷ lệ đăng ký", "rate", width=9),
            GridColumn("achievement_rate", "Tỷ lệ đạt", "rate", width=8),
            GridColumn("kdcvh", "Khu dân cư văn hóa", "kdcvh", True, 10),
            GridColumn("source", "Nguồn số liệu", "source", width=18)]
    for ind in indicators:
        label = ind.column_label
        cols.append(GridColumn(f"ind:{ind.id}", label, "yesno" if ind.kind == "yesno"
                               else "count", True, max(8, min(len(label), 16)), ind))
    return cols


def can_edit(col: GridColumn, row: ay.AreaYearRow) -> bool:
    if not col.editable:
        return False
    if col.key == "kdcvh":
        return row.kdcvh_source != "records"
    if col.key in ("registered", "achieved"):
        return row.computed is None
    return True


def parse_value(col: GridColumn, value):
    """A typed or pasted value for an editable column (ValidationError names the column)."""
    if isinstance(value, str):
        value = value.strip()
    if col.kind == "kdcvh":
        return ay.parse_kdcvh(value)
    if col.indicator is not None:
        return ay.parse_indicator(value, col.indicator)
    return ay.parse_count(value, col.label)


@dataclass
class PasteResult:
    changes: dict[int, dict] = field(default_factory=dict)  # area id → {key: value}
    problems: list[str] = field(default_factory=list)
    ignored: int = 0  # values that fell on read-only or computed cells
    unmatched: list[str] = field(default_factory=list)  # area names not in the grid

    @property
    def cells(self) -> int:
        return sum(len(c) for c in self.changes.values())


def _lines(clip: str) -> list[list[str]]:
    lines = clip.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return [line.split("\t") for line in lines]


def parse_block(clip: str, rows: list[ay.AreaYearRow], cols: list[GridColumn], first_row: int,
                first_col: int) -> PasteResult:
    """Cells copied from Excel (tab-separated lines) pasted with their top-left cell at
    (first_row, first_col). Pasted on the area column, the first pasted column names the
    area of each line (matched by name, in any order); elsewhere lines go to the rows in
    order. Nothing is applied when ``problems`` is not empty."""
    out = PasteResult()
    by_name = {area_key(r.area): i for i, r in enumerate(rows)}
    for n, cells in enumerate(_lines(clip)):
        if first_col == 0:
            name = cells[0].strip()
            if not name:
                continue
            target = by_name.get(area_key(name))
            if target is None:
                out.unmatched.append(name)
                continue
            cells, start = cells[1:], 1
        else:
            target, start = first_row + n, first_col
            if target >= len(rows):
                out.problems.append(f"Dòng dán thứ {n + 1} vượt quá cuối bảng.")
                continue
        _paste_line(out, rows[target], cells, cols, start)
    if out.unmatched:
        out.problems.append("Không có trong bảng các khu dân cư: " + ", ".join(out.unmatched)
                            + ".")
    return out


def _paste_line(out: PasteResult, row: ay.AreaYearRow, cells: list[str],
                cols: list[GridColumn], start: int) -> None:
    for offset, raw in enumerate(cells):
        c = start + offset
        if c >= len(cols):
            if raw.strip():
                out.problems.append(f"{row.area}: có giá trị “{raw.strip()}” ngoài cột cuối.")
            continue
        col = cols[c]
        if not can_edit(col, row):
            out.ignored += bool(raw.strip())
            continue
        try:
            value = parse_value(col, raw)
        except ValidationError as exc:
            out.problems.append(f"{row.area}, cột “{col.label}”: {exc}")
            continue
        out.changes.setdefault(row.area_id, {})[col.key] = value

"""The table model of the area figures grid: one row per residential area for one year, the
columns declared as data (app.services.emulation.area_years_grid), edits kept as pending
changes until "Lưu" writes them in one transaction. Figures computed from the per-household
records are shown but not editable; a cell with a warning says why in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.errors import ValidationError
from app.reports.figures import gdvh_rate
from app.reports.labels import number, percent
from app.services.emulation import area_years as ay
from app.services.emulation.area_years_grid import GridColumn, can_edit, parse_value

_ROOT = QModelIndex()
COMPUTED_BG, WARN_BG, FALLBACK_FG = QColor("#e8eef5"), QColor("#fff4cc"), QColor("#6b6b6b")
RawRole = Qt.UserRole + 1  # the value behind a cell (None when empty)


class AreaYearModel(QAbstractTableModel):
    pendingChanged = Signal(int)
    invalid = Signal(str)  # a typed value was refused: the message

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid: ay.YearGrid | None = None
        self.columns: list[GridColumn] = []
        self.pending: dict[int, dict] = {}

    # ------------------------------------------------------------- data
    def load(self, grid: ay.YearGrid | None, columns: list[GridColumn]) -> None:
        self.beginResetModel()
        self.grid, self.columns, self.pending = grid, columns, {}
        self.endResetModel()
        self.pendingChanged.emit(0)

    @property
    def rows(self) -> list[ay.AreaYearRow]:
        return list(self.grid.rows) if self.grid else []

    def column(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def value(self, r: int, key: str):
        """The value a cell stands for now: pending, else entered or computed."""
        row = self.grid.rows[r]
        change = self.pending.get(row.area_id, {})
        if key in change:
            return change[key]
        if key.startswith("ind:"):
            return row.entered.indicators.get(key[4:])
        if key == "households":
            return row.entered.households if row.entered.households is not None else \
                row.households
        if key in ("registered", "achieved"):
            if row.computed is not None:
                return getattr(row, key)
            return getattr(row.entered, key)
        if key == "kdcvh":
            return row.kdcvh if row.kdcvh_source == "records" else row.entered.kdcvh
        return None

    def rates(self, r: int) -> tuple[float | None, float | None]:
        homes, reg, ach = (self.value(r, k) for k in ("households", "registered", "achieved"))
        if reg is None and ach is None:
            return None, None
        return (100.0 * reg / homes if homes and reg is not None else None,
                gdvh_rate(ach or 0, reg or 0, homes or 0))

    def set_values(self, changes: dict[int, dict]) -> int:
        """Apply changes (area id → {key: value}) as pending; returns the cells changed."""
        index = {row.area_id: i for i, row in enumerate(self.rows)}
        n = 0
        for area_id, change in changes.items():
            for key, value in change.items():
                self.pending.setdefault(area_id, {})[key] = value
                n += 1
            r = index[area_id]
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))
        self.pendingChanged.emit(self.pending_count())
        return n

    def pending_count(self) -> int:
        return sum(len(c) for c in self.pending.values())

    def ward_totals(self) -> tuple[int, int, int, int, int]:
        """(households, registered, achieved, areas đạt KDCVH, areas) over the rows shown."""
        n = len(self.rows)
        sums = [sum(self.value(r, k) or 0 for r in range(n))
                for k in ("households", "registered", "achieved")]
        kdc = sum(1 for r in range(n) if self.value(r, "kdcvh") == "dat")
        return (*sums, kdc, n)

    # ------------------------------------------------------------- Qt
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            return self.columns[section].label if orientation == Qt.Horizontal else \
                str(section + 1)
        if role == Qt.ToolTipRole and orientation == Qt.Horizontal:
            col = self.columns[section]
            return ("Tính từ danh sách hộ khi khu có số liệu từng hộ; nếu không, nhập ở đây."
                    if col.computed_by_records else None)
        return None

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.isValid() and can_edit(self.columns[index.column()],
                                        self.grid.rows[index.row()]):
            return base | Qt.ItemIsEditable
        return base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r, col = index.row(), self.columns[index.column()]
        row = self.grid.rows[r]
        if role == Qt.DisplayRole:
            return self._display(r, col)
        if role in (Qt.EditRole, RawRole):
            value = self.value(r, col.key)
            return self._edit_text(col, value) if role == Qt.EditRole else value
        if role == Qt.TextAlignmentRole and col.kind in ("count", "rate"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole:
            return self._background(row, col)
        if role == Qt.ForegroundRole and self._is_fallback(row, col):
            return QBrush(FALLBACK_FG)
        if role == Qt.FontRole and col.key in self.pending.get(row.area_id, {}):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ToolTipRole:
            return self._tooltip(row, col)
        return None

    def _display(self, r: int, col: GridColumn) -> str:
        row = self.grid.rows[r]
        if col.key == "area":
            return row.area
        if col.key == "former_unit":
            return row.former_unit
        if col.key == "source":
            return ay.SOURCE_LABELS[row.source] + (" ⚠" if row.warnings else "")
        if col.kind == "rate":
            reg_rate, ach_rate = self.rates(r)
            value = reg_rate if col.key == "registration_rate" else ach_rate
            return percent(value) if value is not None else ""
        value = self.value(r, col.key)
        if col.kind == "kdcvh":
            return ay.KDCVH_LABELS[value] if value is not None or row.kdcvh_source else ""
        if col.kind == "yesno":
            return "" if value is None else ("Có" if value else "Không")
        return "" if value is None else number(value)

    @staticmethod
    def _edit_text(col: GridColumn, value) -> str:
        if value is None:
            return ""
        if col.kind == "kdcvh":
            return ay.KDCVH_LABELS[value]
        if col.kind == "yesno":
            return "Có" if value else "Không"
        return str(value)

    def _is_fallback(self, row: ay.AreaYearRow, col: GridColumn) -> bool:
        """Households not entered for the year: the area's official count or the Danh mục's."""
        return (col.key == "households" and row.entered.households is None
                and "households" not in self.pending.get(row.area_id, {}))

    def _background(self, row: ay.AreaYearRow, col: GridColumn):
        if row.warnings and (col.key == "source" or col.key in row.warning_fields):
            return QBrush(WARN_BG)
        if col.editable and not can_edit(col, row):
            return QBrush(COMPUTED_BG)
        return None

    def _tooltip(self, row: ay.AreaYearRow, col: GridColumn) -> str | None:
        lines = []
        if col.computed_by_records and not can_edit(col, row):
            lines.append("Tính từ danh sách hộ, đăng ký và sổ khen thưởng (sửa ở màn hình Đăng "
                         "ký thi đua).")
        if self._is_fallback(row, col):
            lines.append(f"Chưa nhập cho năm: đang dùng {ay.HOUSEHOLD_SOURCES[row.households_source]}.")
        if col.key == "source" or col.key in row.warning_fields:
            lines += row.warnings
        return "\n".join(lines) or None

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid():
            return False
        col, row = self.columns[index.column()], self.grid.rows[index.row()]
        if not can_edit(col, row):
            return False
        try:
            parsed = parse_value(col, value)
        except ValidationError as exc:
            self.invalid.emit(f"{row.area}: {exc}")
            return False
        self.set_values({row.area_id: {col.key: parsed}})
        return True

"""The outcome grid of the registrations screen: one row per registration, "Đạt" and
"Không đạt" check boxes, keyboard entry (Space / Đ / K / Delete on the selected rows), and
changes kept until "Lưu kết quả" writes them in one transaction."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView

from app.services.emulation import registrations as reg
from app.services.emulation.registrations import OUTCOMES, RegistrationRow
from app.text import fold
from ui.widgets.columns import fit_columns

COLUMNS = ("Đạt", "Không đạt", "Đối tượng", "Khu dân cư", "Danh hiệu", "Kết quả")
DAT, KHONG = 0, 1
_ROOT = QModelIndex()


def load_rows(db, year: int, award_id: int | None, area_id: int | None):
    """The grid's rows and their folded search keys (run off the GUI thread: a year of a
    large ward is 15,000 households)."""
    rows = reg.rows(db, year, award_id, area_id)
    return rows, [fold(f"{r.subject_name} {r.area}") for r in rows]


class OutcomeModel(QAbstractTableModel):
    pendingChanged = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[RegistrationRow] = []
        self._keys: list[str] = []
        self._rows: list[RegistrationRow] = []
        self._pending: dict[int, str | None] = {}
        self._filter, self._outcome = "", ""

    # ------------------------------------------------------------- data
    def load(self, rows: list[RegistrationRow], keys: list[str] | None = None,
             typed: str | None = None, outcome: str | None = None) -> None:
        """New rows; ``keys`` are their folded search texts when already computed; ``typed``
        and ``outcome`` set the filter at once (see set_filter)."""
        self.beginResetModel()
        self._all, self._pending = rows, {}
        if typed is not None:
            self._filter, self._outcome = fold(typed), outcome
        # Folded once per load, so filtering 15,000 households per keystroke stays instant.
        self._keys = keys if keys is not None else [fold(f"{r.subject_name} {r.area}")
                                                    for r in rows]
        self._apply_filter()
        self.endResetModel()
        self.pendingChanged.emit(0)

    def set_filter(self, typed: str, outcome: str | None = "") -> None:
        """Rows whose name/area hold every typed word; ``outcome`` "" = any, "chua" = not yet
        evaluated, else "dat" / "khong_dat" (saved or pending)."""
        self.beginResetModel()
        self._filter, self._outcome = fold(typed), outcome
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        words = self._filter.split()
        wanted = self._outcome
        if not words and not wanted:
            self._rows = list(self._all)
            return
        self._rows = [r for r, key in zip(self._all, self._keys)
                      if all(w in key for w in words)
                      and (not wanted or (self._pending.get(r.id, r.outcome) or "chua") == wanted)]

    def outcome(self, row: int) -> str | None:
        reg = self._rows[row]
        return self._pending.get(reg.id, reg.outcome)

    def pending(self) -> dict[int, str | None]:
        return dict(self._pending)

    def ids(self, rows: list[int] | None = None) -> list[int]:
        rows = range(len(self._rows)) if rows is None else rows
        return [self._rows[r].id for r in rows]

    def set_outcome(self, rows: list[int], outcome: str | None) -> None:
        for r in rows:
            reg = self._rows[r]
            if outcome == reg.outcome:
                self._pending.pop(reg.id, None)
            else:
                self._pending[reg.id] = outcome
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(COLUMNS) - 1))
        self.pendingChanged.emit(len(self._pending))

    def counts(self) -> tuple[int, int, int]:
        """(đạt, không đạt, chưa bình xét) over the rows shown."""
        pending = self._pending
        values = Counter(pending.get(r.id, r.outcome) if pending else r.outcome
                         for r in self._rows)
        return values["dat"], values["khong_dat"], values[None]

    # ------------------------------------------------------------- Qt
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section]
        if role == Qt.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsUserCheckable if index.column() in (DAT, KHONG) else base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        reg, col = self._rows[index.row()], index.column()
        outcome = self.outcome(index.row())
        if role == Qt.CheckStateRole and col in (DAT, KHONG):
            wanted = "dat" if col == DAT else "khong_dat"
            return Qt.Checked if outcome == wanted else Qt.Unchecked
        if role == Qt.DisplayRole:
            return self._display(reg, col, outcome)
        if role == Qt.FontRole and reg.id in self._pending:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ForegroundRole and col == 5 and outcome == "khong_dat":
            return QBrush(QColor("#b00020"))
        return None

    @staticmethod
    def _display(reg: RegistrationRow, col: int, outcome: str | None):
        if col == 2:
            return reg.subject_name
        if col == 3:
            return reg.area if reg.subject_type != "area" else ""
        if col == 4:
            return reg.award
        if col == 5:
            return OUTCOMES.get(outcome or "", "Chưa bình xét")
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.CheckStateRole or index.column() not in (DAT, KHONG):
            return False
        checked = Qt.CheckState(value) == Qt.Checked
        wanted = "dat" if index.column() == DAT else "khong_dat"
        self.set_outcome([index.row()], wanted if checked else None)
        return True


class OutcomeView(QTableView):
    """Keys act on every selected row: Space toggles Đạt, Đ/D = đạt, K = không đạt,
    Delete/Backspace = chưa bình xét."""

    def __init__(self, model: OutcomeModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        fit_columns(self, (8, 10, 30, 22, 24, 14))

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.selectionModel().selectedRows()})

    def keyPressEvent(self, event):
        rows = self.selected_rows()
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        model: OutcomeModel = self.model()
        key, typed = event.key(), fold(event.text())
        if rows and key == Qt.Key_Space:
            first = model.outcome(rows[0])
            model.set_outcome(rows, None if first == "dat" else "dat")
        elif rows and typed == "d":
            model.set_outcome(rows, "dat")
        elif rows and typed == "k":
            model.set_outcome(rows, "khong_dat")
        elif rows and key in (Qt.Key_Delete, Qt.Key_Backspace):
            model.set_outcome(rows, None)
        else:
            super().keyPressEvent(event)
            return
        self._advance(rows)

    def _advance(self, rows: list[int]) -> None:
        """After marking one row, move to the next one (fast entry down a list)."""
        if len(rows) != 1 or rows[0] + 1 >= self.model().rowCount():
            return
        self.selectRow(rows[0] + 1)

"""The lines of one decision on the "In giấy khen" screen: a tick per certificate to print,
its register number, who, what, how often printed. A model over the list (a Gia đình văn hóa
decision holds 14,000 lines: a widget item per cell took seconds to build)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.certificates import get_template
from app.services.awards.certificates import CertificateLine
from app.services.records.subjects import SUBJECT_TYPE_LABELS

COLUMNS = ["In", "Số vào sổ", "Người / tập thể được khen", "Đối tượng", "Hình thức / danh hiệu",
           "Đã in", "In lần cuối"]
WIDTHS = (3, 10, 30, 8, 16, 5, 15)  # in average characters; the name column stretches
_ROOT = QModelIndex()


def load(db, decision_id: int):
    """The decision's lines and their cells, computed off the GUI thread."""
    from app.services.awards import certificates as svc

    lines = svc.decision_lines(db, decision_id)
    return lines, [_cells(x) for x in lines]


def _cells(line: CertificateLine) -> tuple[str, ...]:
    last = line.last_printed.strftime("%d/%m/%Y %H:%M") if line.last_printed else ""
    return ("", line.certificate_no, line.name, SUBJECT_TYPE_LABELS.get(line.subject_type, ""),
            get_template(line.template).label, str(line.prints) if line.prints else "", last)


class CertificateLinesModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[CertificateLine] = []
        self._cells: list[tuple[str, ...]] = []
        self._checked: list[bool] = []

    def set_lines(self, lines: list[CertificateLine], cells=None) -> None:
        """New lines, every one ticked (the usual job: print the whole decision); ``cells``
        as ``load`` computed them."""
        self.beginResetModel()
        self.lines = list(lines)
        self._cells = cells if cells is not None else [_cells(x) for x in self.lines]
        self._checked = [True] * len(self.lines)
        self.endResetModel()

    # ------------------------------------------------------------------ helpers
    def text(self, row: int, column: int) -> str:
        return self._cells[row][column]

    def is_checked(self, row: int) -> bool:
        return self._checked[row]

    def set_checked(self, row: int, checked: bool) -> None:
        self.setData(self.index(row, 0), Qt.Checked if checked else Qt.Unchecked,
                     Qt.CheckStateRole)

    def set_all(self, checked: bool) -> None:
        if self.lines:
            self._checked = [checked] * len(self.lines)
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, 0),
                                  [Qt.CheckStateRole])

    def checked_ids(self) -> list[int]:
        return [x.record_id for x, on in zip(self.lines, self._checked) if on]

    def record_id(self, row: int) -> int | None:
        return self.lines[row].record_id if 0 <= row < len(self.lines) else None

    def templates(self) -> set[str]:
        return {x.template for x in self.lines if x.template}

    # ---------------------------------------------------------------------- Qt
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section]
        return None

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsUserCheckable if index.column() == 0 else base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.CheckStateRole and col == 0:
            return Qt.Checked if self._checked[row] else Qt.Unchecked
        if role in (Qt.DisplayRole, Qt.ToolTipRole) and col:
            return self._cells[row][col]  # long collective names: the full text in the tooltip
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.CheckStateRole or index.column() != 0:
            return False
        self._checked[index.row()] = Qt.CheckState(value) == Qt.Checked
        self.dataChanged.emit(index, index, [Qt.CheckStateRole])
        return True

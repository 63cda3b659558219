"""A read-only table of items with one column of check boxes (the officer's choice per row):
the import's "Chuyển mã" and duplicate-pair lists, the old register's plan tabs. Each row's
texts are worked out once, when first drawn (a plan holds thousands of rows), and again after
a choice changed them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

_ROOT = QModelIndex()
_ROLES = {Qt.DisplayRole, Qt.CheckStateRole, Qt.BackgroundRole, Qt.TextAlignmentRole,
          Qt.ToolTipRole}


class ChoiceTableModel(QAbstractTableModel):
    """Subclasses give ``HEADERS``, ``CHOICE`` (the check-box column, or None) and ``cells``;
    a choice goes through ``apply`` row by row, then ``on_choice()`` once."""

    HEADERS: tuple[str, ...] = ()
    CHOICE: int | None = None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []
        self.texts: list[tuple[str, ...] | None] = []
        self.on_choice: Callable | None = None

    def set_items(self, items) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.texts = [None] * len(self.items)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.HEADERS[section]
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.column() == self.CHOICE and self.checkable(self.items[index.row()]):
            return base | Qt.ItemIsUserCheckable
        return base

    def data(self, index, role=Qt.DisplayRole):
        if role not in _ROLES or not index.isValid():  # Qt asks for a dozen roles per cell
            return None
        item, col = self.items[index.row()], index.column()
        if role == Qt.DisplayRole:
            return self.text_at(index.row())[col]
        if role == Qt.CheckStateRole and col == self.CHOICE and self.shows_check(item):
            return Qt.Checked if self.checked(item) else Qt.Unchecked
        if role == Qt.BackgroundRole:
            return self.colour(item)
        if role == Qt.ToolTipRole:
            return self.tooltip(item)
        if role == Qt.TextAlignmentRole and self.text_at(index.row())[col][:1].isdigit():
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def text_at(self, row: int) -> tuple[str, ...]:
        if self.texts[row] is None:
            self.texts[row] = self.cells(self.items[row])
        return self.texts[row]

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.CheckStateRole or index.column() != self.CHOICE:
            return False
        return self.choose([index.row()], Qt.CheckState(value) == Qt.Checked) > 0

    def choose(self, rows: list[int], checked: bool) -> int:
        """Check (or uncheck) these rows; returns how many changed."""
        changed = [r for r in rows if self.apply(self.items[r], checked)]
        if changed:
            self.texts = [None] * len(self.items)  # a choice may change other rows' texts
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.items) - 1, len(self.HEADERS) - 1))
            if self.on_choice:
                self.on_choice()
        return len(changed)

    # per list
    def cells(self, item) -> tuple[str, ...]:
        raise NotImplementedError

    def checkable(self, item) -> bool:
        return False

    def shows_check(self, item) -> bool:
        return self.checkable(item)

    def checked(self, item) -> bool:
        return False

    def apply(self, item, checked: bool) -> bool:
        """Carry out the choice on one item; False when nothing changed."""
        return False

    def colour(self, item):
        return None

    def tooltip(self, item):
        return None

"""A read-only table model over a Python list of rows (already small, already in memory:
the candidates of one batch, the lines of one decision), with a colour per row."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from ui.widgets.columns import fit_columns

WARN = QColor("#fff3cd")  # needs the council's attention
BAD = QColor("#f8d7da")  # failed / revoked
GOOD = QColor("#d1e7dd")  # passed / issued


class RowsModel(QAbstractTableModel):
    """``columns``: [(title, fn(item) -> value[, "right"])]; ``colour``: fn(item) -> QColor."""

    def __init__(self, columns: Sequence[tuple[str, Callable]], colour=None, parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.colour = colour
        self.items: list = []

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            value = self.columns[index.column()][1](item)
            return "" if value is None else str(value)
        if role == Qt.TextAlignmentRole and len(self.columns[index.column()]) > 2:
            return Qt.AlignRight | Qt.AlignVCenter  # money and counts
        if role == Qt.BackgroundRole and self.colour:
            colour = self.colour(item)
            return QBrush(colour) if colour is not None else None
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section][0]
        return None

    def item(self, row: int):
        return self.items[row] if 0 <= row < len(self.items) else None


def rows_view(model: RowsModel, parent: QWidget, widths: Sequence[int] = (),
              multi: bool = False) -> QTableView:
    """A table view set up the house way (rows selected whole, no editing)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.ExtendedSelection if multi
                          else QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    fit_columns(view, widths)  # header text and content, never cut
    return view


def selected_items(view: QTableView) -> list:
    model = view.model()
    return [model.item(i.row()) for i in sorted(view.selectionModel().selectedRows(),
                                                 key=lambda i: i.row())]


def current_item(view: QTableView):
    """The row the officer last clicked or moved to, when it is selected; else the first
    selected row (Ctrl+click may have just unselected the current one); None when none."""
    current = view.currentIndex()
    if current.isValid() and view.selectionModel().isRowSelected(current.row(), QModelIndex()):
        return view.model().item(current.row())
    items = selected_items(view)
    return items[0] if items else None


def on_selection(view: QTableView, callback: Callable[[], None]) -> None:
    """Call ``callback()`` whenever the view's selection has changed — by mouse, keys or code.

    selectionChanged comes once the selection is updated; currentRowChanged comes before it
    on a mouse press, so a detail panel reading the selection there showed the row selected
    before the click."""
    view.selectionModel().selectionChanged.connect(lambda *_: callback())


def select_row(view: QTableView, row: int) -> None:
    if 0 <= row < view.model().rowCount():
        view.selectRow(row)

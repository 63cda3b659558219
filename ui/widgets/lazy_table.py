"""A table model over a ListSource: holds only the ordered id list (filtered and sorted in
SQL) and fetches display rows page by page for what the view actually shows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.services.records.listing import ListSource

PAGE = 200
_ALIGN = {
    "left": Qt.AlignLeft | Qt.AlignVCenter,
    "right": Qt.AlignRight | Qt.AlignVCenter,
    "center": Qt.AlignCenter,
}
IdRole = Qt.UserRole + 1


class LazyTableModel(QAbstractTableModel):
    def __init__(self, source: ListSource, parent=None):
        super().__init__(parent)
        self.source = source
        self._ids: list[int] = []
        self._pages: dict[int, list[tuple]] = {}
        self.search = ""
        self.filters: dict = {}
        self.order: tuple[int, bool] = (0, True)
        self._loaded = False

    # -- loading
    def refresh(self, search: str | None = None, filters: dict | None = None,
                order: tuple[int, bool] | None = None) -> None:
        if search is not None:
            self.search = search
        if filters is not None:
            self.filters = {k: v for k, v in filters.items() if v not in (None, "")}
        if order is not None:
            self.order = order
        self.beginResetModel()
        self._loaded = True
        self._ids = self.source.ids(self.search, self.filters, self.order)
        self._pages.clear()
        self.endResetModel()

    def _row(self, row: int) -> tuple | None:
        page = row // PAGE
        if page not in self._pages:
            ids = self._ids[page * PAGE:(page + 1) * PAGE]
            rows = self.source.rows(ids)
            if len(rows) != len(ids):  # a row vanished meanwhile: keep positions aligned
                rows = rows + [("",) * len(self.source.columns)] * (len(ids) - len(rows))
            self._pages[page] = rows
        rows = self._pages[page]
        offset = row - page * PAGE
        return rows[offset] if offset < len(rows) else None

    # -- Qt model interface
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.source.columns)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            row = self._row(index.row())
            if row is None:
                return None
            value = row[index.column()]
            return "" if value is None else str(value)
        if role == Qt.TextAlignmentRole:
            return _ALIGN[self.source.columns[index.column()].align]
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal:
            return self.source.columns[section].title
        return str(section + 1)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if not self.source.columns[column].sortable:
            return
        wanted = (column, order == Qt.AscendingOrder)
        if not self._loaded:  # the view sets its sort indicator before the first load
            self.order = wanted
        elif wanted != self.order:
            self.refresh(order=wanted)

    # -- helpers for pages
    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def all_ids(self) -> list[int]:
        return list(self._ids)

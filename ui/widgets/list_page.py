"""A searchable, sortable, filterable list page over a ListSource, with add/edit/delete and
Excel export. Screens subclass it and supply the source, the editor dialog and delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services.records.listing import ListSource
from ui import dialogs
from ui.widgets.columns import fit_columns
from ui.widgets.lazy_table import LazyTableModel

SEARCH_DELAY_MS = 120  # debounce: one query per pause in typing, not per key
FILTERS_PER_ROW = 3  # beside the search box; more go on a second row (the register has 7)


class ListPage(QWidget):
    """Subclasses set ``noun`` (e.g. "cá nhân") and implement ``make_source``, ``open_editor``
    and ``delete_record``; ``open_editor(record_id | None)`` returns the saved id or None."""

    noun = "hồ sơ"
    changed = Signal()

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.source: ListSource = self.make_source()
        self.model = LazyTableModel(self.source, self)
        self._build()
        self._fresh = True  # just loaded: the first on_show need not query again
        self.reload()

    # ----------------------------------------------------------------- to implement
    def make_source(self) -> ListSource:
        raise NotImplementedError

    def open_editor(self, record_id: int | None) -> int | None:
        raise NotImplementedError

    def delete_record(self, record_id: int) -> None:
        raise NotImplementedError

    def extra_buttons(self) -> list[QPushButton]:
        """More buttons for the toolbar (optional)."""
        return []

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText("Tìm theo tên (gõ không dấu cũng được)…  Ctrl+F")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setObjectName("search")
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.new_search)
        self.search_box.textChanged.connect(lambda _t: self._timer.start())
        self.search_box.returnPressed.connect(self._open_first)

        bar = QHBoxLayout()
        bar.addWidget(self.search_box, 3)
        more = QHBoxLayout()  # a second row when the filters would not fit beside the search
        self.filter_boxes: dict[str, QComboBox] = {}
        for i, spec in enumerate(self.source.filters):
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{spec.key}")
            combo.setToolTip(spec.label)
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(1)  # as wide as "Khu dân cư: tất cả", set below
            self._fill_filter(combo, spec)
            combo.setMinimumWidth(combo.minimumSizeHint().width()
                                  + combo.fontMetrics().horizontalAdvance(combo.itemText(0)))
            combo.currentIndexChanged.connect(lambda _i: self.new_search())
            self.filter_boxes[spec.key] = combo
            (bar if i < FILTERS_PER_ROW else more).addWidget(combo, 1)
        if more.count():
            more.addStretch(1)

        self.btn_new = QPushButton("Thêm mới", self)
        self.btn_new.setToolTip("Thêm (Ctrl+N)")
        self.btn_edit = QPushButton("Sửa", self)
        self.btn_edit.setToolTip("Mở hồ sơ đang chọn (Enter)")
        self.btn_delete = QPushButton("Xóa", self)
        self.btn_export = QPushButton("Xuất Excel", self)
        self.btn_new.clicked.connect(self.action_new)
        self.btn_edit.clicked.connect(self.action_edit)
        self.btn_delete.clicked.connect(self.action_delete)
        self.btn_export.clicked.connect(self.action_export)
        buttons = QHBoxLayout()
        for b in (self.btn_new, self.btn_edit, self.btn_delete, *self.extra_buttons()):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.count_label = QLabel(self)
        buttons.addWidget(self.count_label)
        buttons.addWidget(self.btn_export)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setHighlightSections(False)
        fit_columns(self.table, [col.width for col in self.source.columns])
        self.table.doubleClicked.connect(lambda _i: self.action_edit())
        QShortcut(QKeySequence(Qt.Key_Return), self.table, self.action_edit,
                  context=Qt.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key_Enter), self.table, self.action_edit,
                  context=Qt.WidgetShortcut)
        QShortcut(QKeySequence.Delete, self.table, self.action_delete, context=Qt.WidgetShortcut)

        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{self.source.title}</h2>", self)
        layout.addWidget(title)
        layout.addLayout(bar)
        if more.count():
            layout.addLayout(more)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def _fill_filter(self, combo: QComboBox, spec) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(f"{spec.label}: tất cả", None)
        for value, label in spec.options():
            combo.addItem(label, value)
        if current is not None:
            idx = combo.findData(current)
            combo.setCurrentIndex(max(idx, 0))
        combo.blockSignals(False)

    # ----------------------------------------------------------------- state
    def current_filters(self) -> dict:
        return {k: c.currentData() for k, c in self.filter_boxes.items()}

    def reload(self) -> None:
        self.model.refresh(self.search_box.text(), self.current_filters())
        n = self.model.rowCount()
        self.count_label.setText(f"{n:,} {self.noun}".replace(",", "."))

    def new_search(self) -> None:
        """Typed text or a filter changed: the new list is shown from its first row."""
        self.reload()
        self.table.scrollToTop()

    def refresh_filters(self) -> None:
        for spec in self.source.filters:
            self._fill_filter(self.filter_boxes[spec.key], spec)

    def on_show(self) -> None:
        """Called by the main window each time the page is shown."""
        if self._fresh:
            self._fresh = False
            return
        self.refresh_filters()
        self.reload()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select_id(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            self.table.scrollTo(index)

    def _open_first(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.select_id(self.model.id_at(0))

    # ----------------------------------------------------------------- actions
    def action_new(self) -> None:
        self._after_edit(self.open_editor(None))

    def action_edit(self) -> None:
        record_id = self.selected_id()
        if record_id is None:
            dialogs.info(self, "Chưa chọn", f"Hãy chọn một {self.noun} trong danh sách.")
            return
        self._after_edit(self.open_editor(record_id))

    def _after_edit(self, saved_id: int | None) -> None:
        if saved_id is None:
            return
        self.refresh_filters()
        self.reload()
        self.select_id(saved_id)
        self.changed.emit()

    def action_delete(self) -> None:
        record_id = self.selected_id()
        if record_id is None:
            dialogs.info(self, "Chưa chọn", f"Hãy chọn một {self.noun} để xóa.")
            return
        row = self.model.index(self.model.row_of(record_id), 0).data()
        if not dialogs.confirm(self, "Xóa hồ sơ", f"Xóa {self.noun} “{row}”?"):
            return
        try:
            self.delete_record(record_id)
        except DomainError as exc:
            dialogs.warn(self, "Không xóa được", str(exc))
            return
        self.reload()
        self.changed.emit()

    def action_export(self) -> None:
        path = dialogs.save_file(self, "Xuất Excel", f"{self.source.title}.xlsx",
                                 "Tệp Excel (*.xlsx)")
        if not path:
            return
        export_list(self, self.source, self.model.all_ids(), path)


def export_list(parent: QWidget, source: ListSource, ids: list[int], path: str,
                on_done: Callable[[], None] | None = None) -> None:
    """Write what the list shows (its filter and order) to an Excel file."""
    from app.excel.export import write_table

    rows = []
    for start in range(0, len(ids), 1000):
        rows.extend(source.rows(ids[start:start + 1000]))
    date_cols = [i for i, c in enumerate(source.columns) if c.kind == "date"]
    try:
        write_table(path, source.title, [c.title for c in source.columns], rows,
                    date_columns=date_cols)
    except OSError as exc:
        dialogs.error(parent, "Không ghi được tệp", f"Không ghi được “{path}”: {exc.strerror}.")
        return
    dialogs.info(parent, "Đã xuất Excel", f"Đã ghi {len(rows)} dòng vào “{path}”.")
    if on_done:
        on_done()

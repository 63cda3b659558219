"""Below the rows of the import screen, one tab each: problems and notes; the cells read from
TCVN3 / VNI or readable two ways (keep or convert each); rows repeated in the file (keep the
first or both); the columns the importer does not use. An old commendation register adds its
own tabs in front (``ui.screens.import_history``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.screens.import_history import RESIZE_ROWS, HistoryTabs
from ui.screens.import_preview import CellsModel, PairsModel, problem_lines
from ui.widgets.columns import fit_columns


class ImportDetails(QTabWidget):
    def __init__(self, parent: QWidget, on_cells: Callable[[], None],
                 on_pairs: Callable[[], None], on_recheck: Callable[[], None],
                 on_history: Callable | None = None):
        super().__init__(parent)
        self.setObjectName("details")
        self.preview = None
        self.cells_model = CellsModel(self)
        self.cells_model.on_choice = on_cells
        self.pairs_model = PairsModel(self)
        self.pairs_model.on_choice = on_pairs
        self.problems = QListWidget(self)
        self.problems.setObjectName("problems")
        self.cells = _table(self, self.cells_model, "cells")
        self.btn_convert = _button(self, "Chuyển mã các ô đã chọn", lambda: self._convert(True))
        self.btn_keep = _button(self, "Giữ nguyên các ô đã chọn", lambda: self._convert(False))
        self.btn_recheck = _button(self, "Kiểm tra lại với cách đọc mới", on_recheck)
        self.btn_recheck.setObjectName("recheck")
        self.pairs = _table(self, self.pairs_model, "pairs")
        self.btn_both = _button(self, "Giữ cả hai dòng", lambda: self._keep_both(True))
        self.btn_first = _button(self, "Chỉ giữ dòng đầu", lambda: self._keep_both(False))
        self.unused = QListWidget(self)
        self.unused.setObjectName("unused")
        self.addTab(self.problems, "")
        self.addTab(_panel(self, self.cells, self.btn_convert, self.btn_keep, None,
                           self.btn_recheck), "")
        self.addTab(_panel(self, self.pairs, self.btn_both, self.btn_first, None), "")
        self.addTab(self.unused, "")
        self.history = HistoryTabs(self, on_history) if on_history else None
        self.load(None)

    def load(self, preview) -> None:
        self.preview = preview
        self._history_tabs(preview)
        self.cells_model.load(preview)
        self.pairs_model.load(preview)
        self.problems.clear()
        self.unused.clear()
        if preview is not None:
            self.problems.addItems(problem_lines(preview))
            self.unused.addItems(preview.unused_lines())
            self.cells.resizeColumnsToContents()
            self.pairs.resizeColumnsToContents()
        self.refresh()

    def refresh(self) -> None:
        """Tab titles with their counts; buttons enabled when they can act."""
        p = self.preview
        ambiguous = len(p.ambiguous) if p else 0
        titles = (f"Lỗi, lưu ý ({len(p.problems) + len(p.skipped) + len(p.notes) if p else 0})",
                  f"Chuyển mã ({len(p.cells) if p else 0}"
                  + (f", {ambiguous} cần chọn)" if ambiguous else ")"),
                  f"Trùng trong tệp ({len(p.pairs) if p else 0})",
                  f"Cột không dùng ({len(p.unused) if p else 0})")
        first = 0
        if self.history is not None and self.indexOf(self.history.pages[0][0]) >= 0:
            first = len(self.history.pages)
            for i, title in enumerate(self.history.titles()):
                self.setTabText(i, title)
        for i, title in enumerate(titles, start=first):
            self.setTabText(i, title)
        for b in (self.btn_convert, self.btn_keep):
            b.setEnabled(bool(p and p.cells))
        for b in (self.btn_both, self.btn_first):
            b.setEnabled(bool(p and p.pairs))
        self.btn_recheck.setEnabled(bool(p and p.stale))

    def _history_tabs(self, preview) -> None:
        """The old register's tabs come first while its preview is shown, else they go."""
        if self.history is None:
            return
        plan = getattr(preview, "plan", None)
        shown = self.indexOf(self.history.pages[0][0]) >= 0
        if plan is not None and not shown:
            for i, (page, title) in enumerate(self.history.pages):
                self.insertTab(i, page, title)
            self.setCurrentIndex(0)
        elif plan is None and shown:
            for page, _title in self.history.pages:
                self.removeTab(self.indexOf(page))
        if plan is None:  # out of the tabs they are loose children: drawn over the tab bar
            for page, _title in self.history.pages:
                page.hide()
        self.history.load(plan)

    def _convert(self, convert: bool) -> None:
        rows = _selected(self.cells)
        if not rows:
            dialogs.info(self, "Chưa chọn", "Hãy chọn các ô trong danh sách “Chuyển mã”.")
            return
        self.cells_model.choose(rows, convert)

    def _keep_both(self, keep_both: bool) -> None:
        rows = _selected(self.pairs)
        if not rows:
            dialogs.info(self, "Chưa chọn", "Hãy chọn các cặp dòng trong danh sách.")
            return
        if keep_both and not all(self.pairs_model.items[r].both_allowed for r in rows):
            dialogs.info(self, "Không giữ được cả hai", "Hai dòng cùng số CCCD không thể là hai "
                                                        "người khác nhau: sửa tệp nếu cần.")
        self.pairs_model.choose(rows, keep_both)


def _selected(table: QTableView) -> list[int]:
    return sorted({i.row() for i in table.selectionModel().selectedRows()})


def _button(parent: QWidget, text: str, slot) -> QPushButton:
    b = QPushButton(text, parent)
    b.clicked.connect(slot)
    return b


def _table(parent: QWidget, model, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    fit_columns(table)
    table.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
    return table


def _panel(parent: QWidget, table: QTableView, *buttons) -> QWidget:
    """A table with its buttons below (None: a stretch between them)."""
    panel = QWidget(parent)
    bar = QHBoxLayout()
    for b in buttons:
        if b is None:
            bar.addStretch(1)
        else:
            bar.addWidget(b)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(table, 1)
    layout.addLayout(bar)
    return panel

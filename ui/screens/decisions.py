"""Quyết định: every decision of a year (ours and the higher levels'), drafts edited,
previewed, issued; revocation and correction drafts come from the register screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import DomainError
from app.services.rounds import decisions
from ui import dialogs
from ui.screens import decision_actions as actions
from ui.screens.batch_decisions import decision_columns
from ui.screens.batch_rows import GOOD, WARN, RowsModel, rows_view, selected_items
from ui.screens.decision_documents import decision_button
from ui.screens.decision_external import ExternalDecisionDialog
from ui.widgets.flow import FlowLayout


class DecisionsPage(QWidget):
    changed = Signal()

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.model = RowsModel(decision_columns(), colour=lambda d: GOOD if d.status == "issued"
                               else WARN, parent=self)
        self.table = rows_view(self.model, self, widths=(16, 10, 10, 50, 7, 14))
        self.table.doubleClicked.connect(lambda _i: self.action_open())
        self.year_box = QComboBox(self)
        self.year_box.setObjectName("year")
        self.status_box = QComboBox(self)
        self.status_box.addItem("Mọi tình trạng", None)
        for k, v in decisions.STATUSES.items():
            self.status_box.addItem(v, k)
        self.year_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.status_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = QLabel(self)
        bar = FlowLayout()  # wraps at 125 % rather than widening the window
        bar.addWidget(QLabel("Năm:", self))
        bar.addWidget(self.year_box)
        bar.addWidget(self.status_box)
        self.buttons = {}
        for key, label, slot in (("open", "Mở / sửa…", self.action_open),
                                 ("preview", "Xem trước, lưu PDF / Word…", self.action_preview),
                                 ("issue", "Ban hành…", self.action_issue),
                                 ("delete", "Xóa dự thảo", self.action_delete),
                                 ("register", "Xem trong Sổ", self.action_register),
                                 ("external", "Ghi quyết định của cấp trên…", self.action_external)):
            b = QPushButton(label, self)
            b.setObjectName(f"decisions_{key}")
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addWidget(decision_button(self, self.current))
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Quyết định khen thưởng</h2>", self))
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._fill_years()
        self.reload()

    def _fill_years(self) -> None:
        current = self.year_box.currentData() or date.today().year
        self.year_box.blockSignals(True)
        self.year_box.clear()
        years = set(range(date.today().year - 5, date.today().year + 2)) | {current}
        for y in sorted(years, reverse=True):
            self.year_box.addItem(str(y), y)
        self.year_box.addItem("Mọi năm", 0)
        self.year_box.setCurrentIndex(self.year_box.findData(current))
        self.year_box.blockSignals(False)

    def reload(self, select_id: int | None = None) -> None:
        year = self.year_box.currentData() or None
        items = decisions.list_decisions(self.db, year=year, status=self.status_box.currentData())
        self.model.set_items(items)
        drafts = sum(1 for d in items if d.status == "draft")
        self.count_label.setText(f"{len(items)} quyết định, {drafts} dự thảo")
        rows = [i for i, d in enumerate(items) if d.id == select_id]
        if items:
            self.table.selectRow(rows[0] if rows else 0)

    def on_show(self) -> None:
        self._fill_years()
        self.reload()

    def current(self):
        items = selected_items(self.table)
        if not items:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một quyết định.")
        return items[0] if items else None

    def show_year_of(self, decision_id: int) -> None:
        d = decisions.get_decision(self.db, decision_id)
        idx = self.year_box.findData(d.year)
        if idx < 0:
            self.year_box.addItem(str(d.year), d.year)
            idx = self.year_box.count() - 1
        self.year_box.setCurrentIndex(idx)
        self.reload(decision_id)

    def action_open(self) -> None:
        d = self.current()
        if d and actions.edit_decision(self, self.db, d.id):
            self.reload(d.id)

    def action_preview(self) -> None:
        d = self.current()
        if d:
            actions.preview_decision(self, self.db, d.id)

    def action_issue(self) -> None:
        d = self.current()
        if d:
            actions.issue(self, self.db, d.id, on_done=lambda _r: (self.reload(d.id),
                                                                  self.changed.emit()))

    def action_register(self) -> None:
        d = self.current()
        if d:
            actions.show_in_register(self, d.id)

    def action_delete(self) -> None:
        d = self.current()
        if d is None:
            return
        if not dialogs.confirm(self, "Xóa dự thảo", f"Xóa {d.label[0].lower()}{d.label[1:]}?"):
            return
        try:
            decisions.delete_draft(self.db, d.id)
        except DomainError as exc:
            dialogs.warn(self, "Không xóa được", str(exc))
            return
        self.reload()

    def action_external(self) -> None:
        dialog = ExternalDecisionDialog(self.db, self)
        if dialog.exec():
            self.show_year_of(dialog.saved_id)
            dialogs.info(self, "Đã ghi", "Đã ghi quyết định của cấp trên vào Sổ khen thưởng.")

"""Nhật ký thay đổi: the audit trail, newest first, filtered by object, action and dates;
Enter or a double click shows the values before and after the change."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import ReadOnlyError
from app.services.system import audit
from ui.widgets.list_page import ListPage
from ui.widgets.sizing import resize_within_screen


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class AuditDetailDialog(QDialog):
    def __init__(self, item: audit.AuditEntry, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Chi tiết thay đổi")
        layout = QVBoxLayout(self)
        when = f"{item.at:%H:%M:%S ngày %d/%m/%Y}" if item.at else ""
        code = f" (mã {item.entity_id})" if item.entity_id is not None else ""
        head = f"<b>{item.action}</b> {item.entity.lower()}{code} — {when}"
        if item.actor:
            head += f" — người thực hiện: {item.actor}"
        self.header = QLabel(head, self)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        if item.note:
            layout.addWidget(QLabel(f"Ghi chú: {item.note}", self))
        self.table = QTableWidget(len(item.changes), 3, self)
        self.table.setObjectName("changes")
        self.table.setHorizontalHeaderLabels(["Thông tin", "Trước", "Sau"])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for r, change in enumerate(item.changes):
            for c, value in enumerate((change.field, change.before, change.after)):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(r, c, cell)
        self.table.setWordWrap(True)  # lists (e.g. signers) show one item per line
        self.table.resizeRowsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        char = self.fontMetrics().averageCharWidth()
        resize_within_screen(self, char * 110, self.fontMetrics().height() * 24)

    def rows(self) -> list[tuple[str, str, str]]:
        t = self.table
        return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


class AuditPage(ListPage):
    noun = "thay đổi"

    def make_source(self):
        return audit.AuditSource(self.db)

    def extra_buttons(self):
        today = date.today()
        self.use_dates = QCheckBox("Lọc theo ngày, từ", self)
        self.use_dates.setObjectName("use_dates")
        self.date_from = QDateEdit(_qdate(today.replace(day=1)), self)
        self.date_to = QDateEdit(_qdate(today), self)
        for edit, name in ((self.date_from, "date_from"), (self.date_to, "date_to")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.dateChanged.connect(lambda _d: self.use_dates.isChecked() and self.new_search())
        self.use_dates.toggled.connect(lambda _on: self.new_search())
        return [self.use_dates, self.date_from, QLabel("đến", self), self.date_to]

    def _build(self) -> None:
        super()._build()
        self.btn_edit.setText("Xem chi tiết")
        for button in (self.btn_new, self.btn_delete):
            button.hide()  # the trail is read only: nothing to add, nothing to delete
        self.search_box.setPlaceholderText(
            "Tìm theo nội dung, người thực hiện, hoặc gõ mã đối tượng…  Ctrl+F")
        self.table.sortByColumn(0, Qt.DescendingOrder)  # newest first

    def current_filters(self) -> dict:
        filters = super().current_filters()
        if getattr(self, "use_dates", None) is not None and self.use_dates.isChecked():
            filters["date_from"] = self.date_from.date().toPython()
            filters["date_to"] = self.date_to.date().toPython()
        return filters

    def open_editor(self, record_id: int | None) -> int | None:
        if record_id is None:
            return None
        item = audit.entry(self.db, record_id)
        if item is not None:
            self.detail = AuditDetailDialog(item, self)
            self.detail.exec()
        return None

    def action_new(self) -> None:
        """Ctrl+N does nothing here: the trail is written by the software, not by hand."""

    def delete_record(self, record_id: int) -> None:
        raise ReadOnlyError("Nhật ký thay đổi không được xóa.")

"""The "Tiêu chí văn hóa" tab: the set of culture indicators of the areas (tủ sách, sân thể
thao, đội văn nghệ…), each yes/no or a count — data the officer edits; the grid gets one
column per indicator in use, the report one phrase each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services.emulation import culture_indicators as ci
from ui import dialogs
from ui.widgets.form import FormDialog, combo, set_combo

HEADERS = ("Tiêu chí", "Loại", "Đếm (đơn vị)", "Báo cáo nêu", "Đang dùng")


class IndicatorDialog(FormDialog):
    def __init__(self, db, data: ci.IndicatorData | None = None, parent=None):
        super().__init__("Sửa tiêu chí văn hóa" if data else "Thêm tiêu chí văn hóa", parent)
        self.db, self.data = db, data
        self.add_row("name", "Tên tiêu chí", QLineEdit(self)).setPlaceholderText(
            "Ví dụ: Sân thể thao, Đội văn nghệ")
        self.add_row("kind", "Loại", combo(list(ci.KINDS.items()), self, empty=None))
        self.add_row("unit", "Đơn vị đếm", QLineEdit(self)).setPlaceholderText(
            "Với loại Số lượng, ví dụ: thành viên, câu lạc bộ")
        self.add_row("summary", "Báo cáo nêu", combo(list(ci.SUMMARIES.items()), self,
                                                     empty=None))
        active = QCheckBox("Dùng trong bảng số liệu và báo cáo", self)
        active.setChecked(True)
        self.add_row("active", "", active)
        self.fields["kind"].currentIndexChanged.connect(self._kind_changed)
        if data:
            self.fields["name"].setText(data.name)
            set_combo(self.fields["kind"], data.kind)
            self.fields["unit"].setText(data.unit or "")
            set_combo(self.fields["summary"], data.summary)
            active.setChecked(data.active)
        self._kind_changed()

    def _kind_changed(self) -> None:
        count = self.fields["kind"].currentData() == "count"
        self.fields["unit"].setEnabled(count)
        self.fields["summary"].setEnabled(count)

    def save(self) -> int:
        return ci.save_indicator(self.db, ci.IndicatorData(
            self.text_of("name"), self.fields["kind"].currentData(), self.text_of("unit"),
            self.fields["summary"].currentData(), self.fields["active"].isChecked(),
            self.data.id if self.data else None))


class IndicatorsTab(QWidget):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.items: list[ci.IndicatorData] = []
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("indicators")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda *_: self.edit())
        char = self.fontMetrics().averageCharWidth()
        for col, width in enumerate((30, 14, 16, 40)):
            self.table.setColumnWidth(col, width * char)
        buttons = QHBoxLayout()
        for label, slot, name in (("Thêm…", self.add, "add"), ("Sửa…", self.edit, "edit"),
                                  ("Xóa", self.delete, "delete"),
                                  ("Lên", lambda: self.move(-1), "up"),
                                  ("Xuống", lambda: self.move(1), "down")):
            b = QPushButton(label, self)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        self.items = ci.list_indicators(self.db)
        self.table.setRowCount(len(self.items))
        for r, d in enumerate(self.items):
            values = (d.name, d.kind_label, d.unit or "" if d.kind == "count" else "",
                      ci.SUMMARIES[d.summary] if d.kind == "count" else "số khu có / tổng số khu",
                      "Có" if d.active else "Không")
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def _current(self) -> ci.IndicatorData | None:
        r = self.table.currentRow()
        return self.items[r] if 0 <= r < len(self.items) else None

    def add(self) -> None:
        if IndicatorDialog(self.db, parent=self).exec():
            self.reload()

    def edit(self) -> None:
        d = self._current()
        if d is not None and IndicatorDialog(self.db, d, self).exec():
            self.reload()

    def delete(self) -> None:
        d = self._current()
        if d is None:
            return
        n = ci.value_count(self.db, d.id)
        extra = f" cùng số liệu đã nhập của {n} khu dân cư – năm" if n else ""
        if not dialogs.confirm(self, "Xóa tiêu chí", f"Xóa tiêu chí “{d.name}”{extra}? Nếu chỉ "
                               "muốn thôi dùng, hãy bỏ chọn “Dùng trong bảng số liệu và báo cáo”."):
            return
        try:
            ci.delete_indicator(self.db, d.id)
        except DomainError as exc:
            dialogs.warn(self, "Không xóa được", str(exc))
        self.reload()

    def move(self, step: int) -> None:
        d = self._current()
        if d is None:
            return
        row = self.table.currentRow()
        ci.move_indicator(self.db, d.id, step)
        self.reload()
        self.table.selectRow(max(0, min(len(self.items) - 1, row + step)))
        self.table.setFocus(Qt.OtherFocusReason)

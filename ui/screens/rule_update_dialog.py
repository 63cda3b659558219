"""The consent dialog of a rule pack update: every change with the ward's current value, the
old pack's and the new pack's, ticked when the ward never edited it, unticked (and coloured)
when it did. Opened through ui.dialogs.review_rule_update (tests replace it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.rules.update import Plan
from ui.screens.batch_rows import WARN

COLUMNS = ("Áp dụng", "Quy định", "Nội dung", "Phường đang dùng", "Gói cũ", "Gói mới")


def _action(change) -> str:
    return {"add": "thêm", "remove": "bỏ"}.get(change.action, change.field_label or "sửa")


class RuleUpdateDialog(QDialog):
    """Shows a :class:`~app.rules.update.Plan`; ``accepted_keys()`` after exec()."""

    def __init__(self, plan: Plan, parent=None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle("Cập nhật quy định")
        char, line = self.fontMetrics().averageCharWidth(), self.fontMetrics().height()
        self.resize(min(char * 190, 1320), min(line * 36, 700))
        notes = "".join(f"<li>{n}</li>" for n in plan.notes)
        what = ("Phần mềm có quy định mới" if plan.notes or not plan.province
                else "Đổi gói quy định của tỉnh")
        head = QLabel(
            f"<b>{what}:</b> {plan.from_label} → {plan.to_label}."
            + (f"<ul>{notes}</ul>" if notes else "")
            + f" Có {len(plan.shown)} thay đổi. Các dòng tô màu là giá trị <b>phường đã sửa</b>: "
            "được giữ nguyên trừ khi anh/chị đánh dấu ô “Áp dụng”. Mọi thay đổi được ghi vào "
            "Nhật ký thay đổi.", self)
        head.setWordWrap(True)
        head.setTextFormat(Qt.RichText)
        self.table = QTableWidget(len(plan.shown), len(COLUMNS), self)
        self.table.setObjectName("rule_changes")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self._fill()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        for col, width in enumerate((8, 32, 18, 34, 28)):
            self.table.setColumnWidth(col, width * char + 12)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton("Áp dụng các mục đã chọn",
                                              QDialogButtonBox.AcceptRole)
        later = buttons.addButton("Để sau", QDialogButtonBox.RejectRole)
        later.setToolTip("Không thay đổi gì; phần mềm hỏi lại lần mở sau.")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        tick_all = QPushButton("Chọn tất cả", self)
        tick_all.clicked.connect(lambda: self._tick(lambda _c: True))
        tick_plain = QPushButton("Chỉ chọn mục phường chưa sửa", self)
        tick_plain.clicked.connect(lambda: self._tick(lambda c: not c.edited))
        bar = QHBoxLayout()
        bar.addWidget(tick_all)
        bar.addWidget(tick_plain)
        bar.addStretch(1)
        bar.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)

    def _fill(self) -> None:
        for row, change in enumerate(self.plan.shown):
            tick = QTableWidgetItem("")
            tick.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            tick.setCheckState(Qt.Unchecked if change.edited else Qt.Checked)
            self.table.setItem(row, 0, tick)
            current = change.current or ("(chưa có)" if change.action == "add" else "")
            if change.edited and change.note:
                current = f"{current} — {change.note}" if change.current else change.note
            texts = (change.label, _action(change), current, change.previous, change.proposed)
            for col, value in enumerate(texts, start=1):
                item = QTableWidgetItem(value)
                item.setToolTip(f"{change.group}: {value}" if col == 1 else value)
                self.table.setItem(row, col, item)
            if change.edited:
                for col in range(len(COLUMNS)):
                    self.table.item(row, col).setBackground(QBrush(WARN))

    def _tick(self, wanted) -> None:
        for row, change in enumerate(self.plan.shown):
            self.table.item(row, 0).setCheckState(Qt.Checked if wanted(change) else Qt.Unchecked)

    def accepted_keys(self) -> set[str]:
        """Keys of the ticked changes."""
        return {c.key for row, c in enumerate(self.plan.shown)
                if self.table.item(row, 0).checkState() == Qt.Checked}

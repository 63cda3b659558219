"""Quỹ thi đua, khen thưởng: the lines of a year (budget, spending; decisions post theirs
automatically) and the balance."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app import text
from app.errors import DomainError
from app.services.awards import fund
from ui import dialogs
from ui.screens.batch_rows import BAD, GOOD, RowsModel, rows_view, selected_items
from ui.screens.ward_documents import fund_report_button
from ui.widgets.flow import FlowLayout
from ui.widgets.form import DateEdit, FormDialog, combo, int_or_none, spin


class FundLineDialog(FormDialog):
    def __init__(self, db, year: int, parent=None):
        super().__init__("Thêm dòng thu / chi", parent)
        self.db = db
        self.add_row("year", "Năm", spin(2000, 2100)).setValue(year)
        self.add_row("group", "Nhóm", combo(list(fund.GROUPS.items()), empty=None))
        self.add_row("on_date", "Ngày", DateEdit()).set_value(fund.default_date(year))
        self.fields["year"].valueChanged.connect(self._follow_year)
        self.add_row("amount", "Số tiền (đồng) (*)", QLineEdit())
        self.add_row("description", "Nội dung (*)", QLineEdit())

    def _follow_year(self, year: int) -> None:
        """Keep the date inside the chosen year unless the user typed one of that year."""
        try:
            typed = self.fields["on_date"].value()
        except ValueError:
            typed = None  # half-typed: replace it
        if typed is None or typed.year != year:
            self.fields["on_date"].set_value(fund.default_date(year))

    def save(self) -> int:
        f = self.fields
        return fund.add_line(self.db, f["year"].value(), f["group"].currentData(),
                             int_or_none(f["amount"], "Số tiền", "amount"),
                             f["description"].text(), f["on_date"].value())


class FundPage(QWidget):
    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.year = spin(2000, 2100, self)
        self.year.setObjectName("fund_year")
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.model = RowsModel([
            ("Ngày", lambda x: text.format_date_vn(x.on_date) if x.on_date else ""),
            ("Thu / chi", lambda x: "Thu" if x.direction == "thu" else "Chi"),
            ("Nhóm", lambda x: x.group_label), ("Nội dung", lambda x: x.description),
            ("Số tiền (đồng)", lambda x: text.format_money(x.amount), "right"),
            ("Nguồn", lambda x: "Tự động theo quyết định" if x.decision_id else
             "Chuyển từ năm trước" if x.group == fund.CARRIED else "Nhập tay"),
        ], colour=lambda x: GOOD if x.direction == "thu" else BAD, parent=self)
        self.table = rows_view(self.model, self, widths=(10, 7, 24, 50, 14))
        self.balance = QLabel(self)
        self.balance.setObjectName("balance")
        self.balance.setWordWrap(True)
        add, remove = QPushButton("Thêm dòng thu / chi…", self), QPushButton("Xóa dòng", self)
        add.clicked.connect(self.action_new)
        remove.clicked.connect(self.action_delete)
        self.carry_button = QPushButton("Chuyển số dư năm trước…", self)
        self.carry_button.setObjectName("carry_over")
        self.carry_button.clicked.connect(self.action_carry_over)
        bar = FlowLayout()  # wraps at 125 % instead of widening the window
        bar.addWidget(QLabel("Năm:", self))
        bar.addWidget(self.year)
        bar.addWidget(add)
        bar.addWidget(remove)
        bar.addWidget(self.carry_button)
        bar.addWidget(fund_report_button(self))
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Quỹ thi đua, khen thưởng</h2>", self))
        layout.addLayout(bar)
        layout.addWidget(self.balance)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        y = self.year.value()
        self.model.set_items(fund.list_lines(self.db, y))
        b = fund.balance(self.db, y)
        left = (f"<b style='color:#1a6b3c'>còn lại {text.format_money(b.balance)} đồng</b>"
                if b.balance >= 0 else
                f"<b style='color:#b00020'>chi vượt {text.format_money(-b.balance)} đồng</b>")
        carried = (f"số dư năm trước {text.format_money(b.carried)} đồng — " if b.carried
                   else "")
        stale = ("" if b.carried_now is None else
                 f"<br><b style='color:#b00020'>Số dư năm {y - 1} đã thay đổi sau khi chuyển "
                 f"sang: nay còn {text.format_money(b.carried_now)} đồng. Xóa dòng số dư năm "
                 "trước rồi bấm “Chuyển số dư năm trước…” để chuyển lại.</b>")
        self.balance.setText(f"Năm {y}: {carried}thu {text.format_money(b.income - b.carried)} "
                             f"đồng — chi {text.format_money(b.spending)} đồng — {left}{stale}")

    def on_show(self) -> None:
        self.reload()

    def action_new(self) -> None:
        dialog = FundLineDialog(self.db, self.year.value(), self)
        if dialog.exec():
            self.year.setValue(dialog.fields["year"].value())
            self.reload()

    def action_carry_over(self) -> None:
        """What the year before left, as this year's first income line, once asked."""
        y = self.year.value()
        left = fund.carry_over_amount(self.db, y)
        if left > 0 and not dialogs.confirm(
                self, "Chuyển số dư năm trước",
                f"Quỹ năm {y - 1} còn lại {text.format_money(left)} đồng. Ghi số tiền này thành "
                f"dòng thu “Số dư năm trước chuyển sang” của năm {y}?"):
            return
        try:
            fund.carry_over(self.db, y)
        except DomainError as exc:
            dialogs.warn(self, "Không chuyển được", str(exc))
            return
        self.reload()

    def action_delete(self) -> None:
        items = selected_items(self.table)
        if not items:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một dòng.")
            return
        x = items[0]
        if not dialogs.confirm(self, "Xóa dòng", f"Xóa dòng “{x.description}”?"):
            return
        try:
            fund.delete_line(self.db, x.id)
        except DomainError as exc:
            dialogs.warn(self, "Không xóa được", str(exc))
            return
        self.reload()

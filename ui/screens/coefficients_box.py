"""Hệ số theo ngày: the dated coefficients of the award kind selected on "Danh hiệu và mức
thưởng" (an award's coefficient for a subject type changes from a date; the decision date
picks the row), with their source and "xác minh" note."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app import text
from app.errors import DomainError, ValidationError
from app.services.awards import award_kinds as ak
from ui import dialogs
from ui.screens.batch_rows import WARN, RowsModel, rows_view, selected_items
from ui.widgets.form import DateEdit, FormDialog, combo, set_combo


def _num(value) -> str:
    return "" if value is None else f"{Decimal(str(value)).normalize():f}".replace(".", ",")


class CoefficientDialog(FormDialog):
    def __init__(self, db, kind: ak.AwardKindInfo, row: ak.CoefficientInfo | None, parent=None):
        super().__init__(f"Hệ số tiền thưởng — {kind.name}", parent)
        self.db, self.kind, self.row = db, kind, row
        self.add_row("subject_type", "Đối tượng", combo(list(ak.COEF_SUBJECTS.items()),
                                                        empty=None))
        start = self.add_row("effective_from", "Áp dụng từ ngày", DateEdit())
        start.setPlaceholderText("ngày/tháng/năm (trống: từ trước)")
        self.add_row("coefficient", "Hệ số (× lương cơ sở)", QLineEdit())
        self.add_row("legal_basis", "Căn cứ", QLineEdit())
        self.add_row("verify_note", "Ghi chú xác minh", QLineEdit())
        if row is not None:
            set_combo(self.fields["subject_type"], row.subject_type)
            start.set_value(row.effective_from)
            self.fields["coefficient"].setText(_num(row.coefficient))
            self.fields["legal_basis"].setText(row.legal_basis or "")
            self.fields["verify_note"].setText(row.verify_note or "")

    def save(self) -> int:
        f = self.fields
        raw = f["coefficient"].text().strip().replace(",", ".")
        try:
            value = Decimal(raw) if raw else None
        except InvalidOperation:
            raise ValidationError("Hệ số phải là số (ví dụ 0,45).", "coefficient") from None
        return ak.save_coefficient(self.db, ak.CoefficientInfo(
            self.kind.id, f["subject_type"].currentData(), f["effective_from"].value(), value,
            f["legal_basis"].text(), f["verify_note"].text(),
            self.row.id if self.row else None))


class CoefficientsBox(QWidget):
    """The dated coefficient rows of one award kind, with add / edit / delete."""

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.kind = db, None
        self.title = QLabel(self)
        self.model = RowsModel([
            ("Đối tượng", lambda c: ak.COEF_SUBJECTS.get(c.subject_type, c.subject_type)),
            ("Áp dụng từ", lambda c: text.format_date_vn(c.effective_from) or "từ trước"),
            ("Hệ số", lambda c: _num(c.coefficient)),
            ("Căn cứ", lambda c: c.legal_basis or ""),
            ("Xác minh", lambda c: c.verify_note or ""),
            ("Phường sửa", lambda c: "Đã sửa" if c.edited else ""),
        ], colour=lambda c: WARN if c.edited else None, parent=self)
        self.table = rows_view(self.model, self, widths=(18, 12, 8, 60, 40))
        self.table.setObjectName("coefficients")
        self.table.doubleClicked.connect(lambda _i: self.edit())
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        for label, slot in (("Thêm hệ số từ ngày…", self.add), ("Sửa…", self.edit),
                            ("Xóa", self.delete)):
            button = QPushButton(label, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.set_kind(None)

    def set_kind(self, kind: ak.AwardKindInfo | None) -> None:
        self.kind = kind
        if kind is None:
            self.title.setText("<b>Hệ số tiền thưởng theo ngày</b> — chọn một danh hiệu ở bảng "
                               "trên")
            self.model.set_items([])
            return
        self.title.setText(f"<b>Hệ số tiền thưởng theo ngày — {kind.name}</b> (quyết định ký "
                           "ngày nào dùng hệ số của ngày đó)")
        self.model.set_items(ak.list_coefficients(self.db, kind.id))

    def add(self) -> None:
        if self.kind is None:
            dialogs.info(self, "Hệ số theo ngày", "Chọn một danh hiệu ở bảng trên trước.")
            return
        if CoefficientDialog(self.db, self.kind, None, self).exec():
            self.set_kind(self.kind)

    def edit(self) -> None:
        items = selected_items(self.table)
        if self.kind is not None and items and CoefficientDialog(
                self.db, self.kind, items[0], self).exec():
            self.set_kind(self.kind)

    def delete(self) -> None:
        items = selected_items(self.table)
        if not items:
            return
        row = items[0]
        when = text.format_date_vn(row.effective_from) or "từ trước"
        if not dialogs.confirm(self, "Xóa hệ số", f"Xóa hệ số {_num(row.coefficient)} "
                               f"({ak.COEF_SUBJECTS.get(row.subject_type)}, {when})? Các quyết "
                               "định đã ban hành giữ nguyên số tiền đã tính."):
            return
        try:
            ak.delete_coefficient(self.db, row.id)
        except DomainError as exc:
            dialogs.warn(self, "Không xóa được", str(exc))
        self.set_kind(self.kind)

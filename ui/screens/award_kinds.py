"""Danh hiệu và mức thưởng (Hệ thống): award kinds with their rules as data — coefficients per
subject type and by date, criteria, legal basis, prerequisites, quota, vote threshold (at least
or more than), active flag — and the base salary by effective date with its "xác minh" note.
A decree change is an edit here (or a newer rule pack), not a code change."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.errors import DomainError, ValidationError
from app.services.awards import award_kinds as ak
from app.services.records.subjects import SUBJECT_TYPE_LABELS
from ui import dialogs
from ui.screens.batch_rows import BAD, RowsModel, rows_view, selected_items
from ui.screens.coefficients_box import CoefficientsBox
from ui.screens.quorum_box import QuorumBox
from ui.widgets.form import DateEdit, FormDialog, combo, int_or_none, set_combo, spin


def _num(value) -> str:
    return "" if value is None else f"{Decimal(str(value)).normalize():f}".replace(".", ",")


def _decimal(edit: QLineEdit, label: str, field: str) -> Decimal | None:
    raw = edit.text().strip().replace(",", ".")
    if not raw:
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise ValidationError(f"{label} phải là số (ví dụ 0,3).", field) from None


def _json(edit: QPlainTextEdit, label: str, field: str) -> dict | None:
    raw = edit.toPlainText().strip()
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{label}: viết sai dạng JSON ở dòng {exc.lineno}, cột "
                              f"{exc.colno}.", field) from None
    if not isinstance(value, dict):
        raise ValidationError(f"{label} phải là một đối tượng JSON {{…}}.", field)
    return value


class AwardKindDialog(FormDialog):
    def __init__(self, db, kind: ak.AwardKindInfo | None, parent=None):
        super().__init__("Danh hiệu / hình thức khen thưởng", parent)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 105)  # no clipped labels
        self.db, self.kind = db, kind or ak.AwardKindInfo(code="", name="")
        k = self.kind
        self.add_row("code", "Mã (*)", QLineEdit(k.code))
        self.add_row("name", "Tên (*)", QLineEdit(k.name))
        self.add_row("category", "Loại", combo(list(ak.CATEGORIES.items()), empty=None))
        types = QWidget(self)
        row = QHBoxLayout(types)
        row.setContentsMargins(0, 0, 0, 0)
        self.type_boxes = {}
        for t, label in SUBJECT_TYPE_LABELS.items():
            box = QCheckBox(label, types)
            box.setChecked(t in k.subject_types.split(","))
            self.type_boxes[t] = box
            row.addWidget(box)
        self.add_row("subject_types", "Dành cho", types)
        self.add_row("level", "Cấp", combo(list(ak.LEVELS.items()), empty=None))
        self.add_row("awarded_here", "", QCheckBox("Phường tự khen (không chỉ đề nghị cấp trên)"))
        coefs = QWidget(self)
        grid = QGridLayout(coefs)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (name, label) in enumerate((("coef_person", "Cá nhân"),
                                           ("coef_collective", "Tập thể, khu dân cư"),
                                           ("coef_household", "Hộ gia đình"))):
            edit = QLineEdit(_num(getattr(k, name)), coefs)
            edit.setObjectName(name)
            self.fields[name] = edit
            grid.addWidget(QLabel(label, coefs), 0, i)
            grid.addWidget(edit, 1, i)
        self.form.addRow("Hệ số áp dụng hôm nay (× lương cơ sở)", coefs)
        coefs.setToolTip("Sửa ở đây là sửa hệ số đang áp dụng; hệ số từ một ngày khác: "
                         "bảng “Hệ số theo ngày” của màn hình.")
        self._text("criteria", "Tiêu chuẩn", k.criteria)
        self._text("legal_basis", "Căn cứ pháp lý", k.legal_basis)
        self._text("verify_note", "Ghi chú xác minh", k.verify_note)
        self._text("prerequisites", "Điều kiện (JSON)", json.dumps(
            k.prerequisites, ensure_ascii=False) if k.prerequisites else "")
        self._text("quota", "Tỷ lệ tối đa (JSON)", json.dumps(
            k.quota, ensure_ascii=False) if k.quota else "")
        self.add_row("vote_threshold", "Tỷ lệ phiếu đồng ý cần đạt (%)",
                     QLineEdit(_num(k.vote_threshold))).setPlaceholderText(
            "để trống: không bỏ phiếu kín")
        self.add_row("vote_base", "Tính trên", combo(list(ak.VOTE_BASES.items()), empty=None))
        self.add_row("vote_strict", "", QCheckBox(
            "Phải TRÊN tỷ lệ (“trên 50%”: đúng một nửa là không đạt)"))
        self.add_row("sort_order", "Thứ tự", spin(0, 9999)).setValue(k.sort_order)
        self.add_row("active", "", QCheckBox("Đang dùng (bỏ chọn để ẩn khỏi danh sách đề nghị)"))
        for name in ("category", "level", "vote_base"):
            set_combo(self.fields[name], getattr(k, name))
        self.fields["awarded_here"].setChecked(k.awarded_here)
        self.fields["active"].setChecked(k.active)
        self.fields["vote_strict"].setChecked(k.vote_strict)

    def _text(self, name: str, label: str, value: str | None) -> None:
        edit = self.add_row(name, label, QPlainTextEdit(value or ""))
        edit.setMaximumHeight(self.fontMetrics().height() * 3 + 12)

    def save(self) -> int:
        f = self.fields
        types = ",".join(t for t, b in self.type_boxes.items() if b.isChecked())
        if not types:
            raise ValidationError("Chọn ít nhất một loại đối tượng được tặng.", "subject_types")
        data = replace(
            self.kind, code=f["code"].text(), name=f["name"].text(),
            category=f["category"].currentData(), subject_types=types,
            level=f["level"].currentData(), awarded_here=f["awarded_here"].isChecked(),
            coef_person=_decimal(f["coef_person"], "Hệ số cá nhân", "coef_person"),
            coef_collective=_decimal(f["coef_collective"], "Hệ số tập thể", "coef_collective"),
            coef_household=_decimal(f["coef_household"], "Hệ số hộ gia đình", "coef_household"),
            criteria=self.text_of("criteria"), legal_basis=self.text_of("legal_basis"),
            verify_note=self.text_of("verify_note"), vote_strict=f["vote_strict"].isChecked(),
            prerequisites=_json(f["prerequisites"], "Điều kiện", "prerequisites"),
            quota=_json(f["quota"], "Tỷ lệ tối đa", "quota"),
            vote_threshold=_decimal(f["vote_threshold"], "Tỷ lệ phiếu", "vote_threshold"),
            vote_base=f["vote_base"].currentData(), sort_order=f["sort_order"].value(),
            active=f["active"].isChecked())
        return ak.save_award_kind(self.db, data)


class SalaryDialog(FormDialog):
    def __init__(self, db, salary: ak.BaseSalaryInfo | None, parent=None):
        super().__init__("Mức lương cơ sở", parent)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 95)
        self.db, self.salary = db, salary
        self.add_row("effective_from", "Áp dụng từ ngày (*)", DateEdit())
        self.add_row("amount", "Mức lương cơ sở (đồng/tháng) (*)", QLineEdit())
        self.add_row("legal_basis", "Căn cứ (nghị định)", QLineEdit())
        note = self.add_row("verify_note", "Ghi chú xác minh", QPlainTextEdit())
        note.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        note.setPlaceholderText("Ví dụ: đã đối chiếu văn bản gốc trên vanban.chinhphu.vn ngày …")
        if salary:
            self.fields["effective_from"].set_value(salary.effective_from)
            self.fields["amount"].setText(text.format_money(salary.amount))
            self.fields["legal_basis"].setText(salary.legal_basis or "")
            note.setPlainText(salary.verify_note or "")

    def save(self) -> int:
        f = self.fields
        return ak.save_base_salary(self.db, ak.BaseSalaryInfo(
            f["effective_from"].value(), int_or_none(f["amount"], "Mức lương", "amount"),
            f["legal_basis"].text(), self.salary.id if self.salary else None,
            self.text_of("verify_note")))


class AwardKindsPage(QWidget):
    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.kinds = RowsModel([
            ("Mã", lambda k: k.code), ("Tên", lambda k: k.name),
            ("Loại", lambda k: ak.CATEGORIES.get(k.category)),
            ("Dành cho", lambda k: ", ".join(SUBJECT_TYPE_LABELS.get(t, t)
                                             for t in k.subject_types.split(",") if t)),
            ("Cấp", lambda k: ak.LEVELS.get(k.level)),
            ("Hệ số CN / TT / HGĐ", lambda k: " / ".join(
                _num(v) or "–" for v in (k.coef_person, k.coef_collective, k.coef_household))),
            ("Phiếu cần (%)", lambda k: _num(k.vote_threshold)),
            ("Đang dùng", lambda k: "Có" if k.active else "Không"),
            ("Căn cứ", lambda k: (k.legal_basis or "").split("\n")[0]),
            ("Phường sửa", lambda k: "" if not k.edited else "Phường thêm" if k.edited == ("*",)
             else "Đã sửa"),
        ], colour=lambda k: None if k.active else BAD, parent=self)
        self.kind_table = rows_view(self.kinds, self, widths=(10, 34, 14, 22, 10, 21, 14, 10, 30))
        self.kind_table.doubleClicked.connect(lambda _i: self.edit_kind())
        self.kind_table.selectionModel().selectionChanged.connect(
            lambda *_a: self.coefficients.set_kind(next(iter(selected_items(self.kind_table)),
                                                        None)))
        self.salaries = RowsModel([
            ("Áp dụng từ", lambda x: text.format_date_vn(x.effective_from)),
            ("Mức lương cơ sở (đồng)", lambda x: text.format_money(x.amount)),
            ("Căn cứ", lambda x: x.legal_basis),
            ("Xác minh", lambda x: x.verify_note or ""),
            ("Phường sửa", lambda x: "Đã sửa" if x.edited else "")], parent=self)
        self.salary_table = rows_view(self.salaries, self, widths=(12, 25, 44, 50))
        self.coefficients = CoefficientsBox(db, self)
        self.salary_table.doubleClicked.connect(lambda _i: self.edit_salary())
        top = self._section("Danh hiệu, hình thức khen thưởng", self.kind_table, (
            ("Thêm danh hiệu…", lambda: self._open_kind(None)), ("Sửa…", self.edit_kind),
            ("Cách viết trong sổ cũ…", self.open_spellings)))
        bottom = self._section("Mức lương cơ sở theo ngày có hiệu lực", self.salary_table, (
            ("Thêm mức lương…", lambda: self._open_salary(None)), ("Sửa…", self.edit_salary),
            ("Xóa", self.delete_salary)))
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.coefficients)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Danh hiệu và mức thưởng</h2>", self))
        layout.addWidget(splitter, 1)
        self.quorum_box = QuorumBox(db, self)
        layout.addWidget(self.quorum_box)
        self.reload()

    def _section(self, title: str, table, buttons) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(f"<b>{title}</b>", box))
        bar.addStretch(1)
        for label, slot in buttons:
            b = QPushButton(label, box)
            b.clicked.connect(slot)
            bar.addWidget(b)
        layout.addLayout(bar)
        layout.addWidget(table, 1)
        return box

    def reload(self) -> None:
        if hasattr(self, "quorum_box"):
            self.quorum_box.reload()
        chosen = next(iter(selected_items(self.kind_table)), None)
        self.kinds.set_items(ak.list_award_kinds(self.db, active_only=False))
        self.salaries.set_items(ak.list_base_salaries(self.db))
        row = next((i for i, k in enumerate(self.kinds.items)
                    if chosen is not None and k.id == chosen.id), None)
        if row is not None:
            self.kind_table.selectRow(row)  # keeps its dated coefficients in view
        else:
            self.coefficients.set_kind(None)

    def on_show(self) -> None:
        self.reload()

    def edit_kind(self) -> None:
        items = selected_items(self.kind_table)
        if items:
            self._open_kind(items[0])

    def _open_kind(self, kind) -> None:
        if AwardKindDialog(self.db, kind, self).exec():
            self.reload()

    def open_spellings(self) -> None:
        from ui.screens.award_spellings import AwardSpellingsDialog

        AwardSpellingsDialog(self.db, self).exec()

    def edit_salary(self) -> None:
        items = selected_items(self.salary_table)
        if items:
            self._open_salary(items[0])

    def _open_salary(self, salary) -> None:
        if SalaryDialog(self.db, salary, self).exec():
            self.reload()

    def delete_salary(self) -> None:
        items = selected_items(self.salary_table)
        if not items:
            return
        x = items[0]
        if not dialogs.confirm(self, "Xóa mức lương", f"Xóa mức lương cơ sở "
                               f"{text.format_money(x.amount)} đồng từ "
                               f"{text.format_date_vn(x.effective_from)}? Các quyết định đã ban "
                               "hành giữ nguyên số tiền đã tính."):
            return
        try:
            ak.delete_base_salary(self.db, x.id)
        except DomainError as exc:
            dialogs.warn(self, "Không xóa được", str(exc))
        self.reload()

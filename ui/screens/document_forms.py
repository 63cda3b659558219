"""Small forms for the parts of a document the records do not hold: a notice's or a council
decision's own number and date, a movement plan's purpose, targets and awards. What is typed is
kept (app.services.system.document_inputs), so the next print says the same; a field left
empty prints as a dotted line."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
)

from app.services.system import document_inputs as inputs
from ui.widgets.form import DateEdit, FormDialog


def _text_box(value: str, height_lines: int, parent) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setPlainText(value or "")
    box.setMaximumHeight(parent.fontMetrics().height() * (height_lines + 1))
    return box


class NumberDateDialog(FormDialog):
    """A document's own number and date (and, for a council decision, the one it replaces).
    "Lưu và xem" keeps them and the caller previews the document."""

    def __init__(self, db, title: str, key: inputs.InputKey, suggested: str = "",
                 note: str = "", replaces: bool = False, day: date | None = None, parent=None):
        super().__init__(title, parent)
        self.db, self.key = db, key
        self.filled = inputs.load(db, key)
        self.buttons.button(QDialogButtonBox.Save).setText("Lưu và xem")
        if note:
            hint = QLabel(note, self)
            hint.setWordWrap(True)
            self.form.addRow(hint)
        number = self.add_row("number", "Số, ký hiệu", QLineEdit(self.filled.number or suggested))
        number.setPlaceholderText("để trống: văn thư ghi tay")
        self.add_row("signed_on", "Ngày", DateEdit()).set_value(self.filled.signed_on or day)
        if replaces:
            self.add_row("replaces", "Thay thế quyết định", QLineEdit(
                self.filled.get("replaces"))).setPlaceholderText(
                "ví dụ: Quyết định số 5/QĐ-UBND ngày 10/01/2024 của Chủ tịch UBND phường")

    def save(self) -> int:
        data = dict(self.filled.data)
        if "replaces" in self.fields:
            data["replaces"] = self.fields["replaces"].text()
        return inputs.save(self.db, self.key, self.fields["number"].text(),
                           self.fields["signed_on"].value(), data)


class MovementPlanDialog(FormDialog):
    """What the plan of a movement says beyond the movement record."""

    def __init__(self, db, movement_id: int, with_decision: bool, parent=None):
        from app.services.emulation import movement_plans as mp

        super().__init__("Kế hoạch phát động phong trào thi đua", parent)
        self.db, self.key = db, mp.input_key(movement_id)
        f = inputs.load(db, self.key)
        self.buttons.button(QDialogButtonBox.Save).setText("Lưu và xem")
        hint = QLabel("Tên, khẩu hiệu, thời gian, số và ngày kế hoạch lấy từ hồ sơ phong trào. "
                      "Mục nào để trống sẽ in dòng chấm để viết tay.", self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        if with_decision:
            self.add_row("number", "Số quyết định", QLineEdit(f.number)).setPlaceholderText(
                "để trống: văn thư ghi tay")
            self.add_row("signed_on", "Ngày quyết định", DateEdit()).set_value(f.signed_on)
        self.add_row("purpose", "Mục đích, yêu cầu", _text_box(f.get("purpose"), 3, self))
        self.add_row("subjects", "Đối tượng thi đua", QLineEdit(f.get("subjects")))
        targets = self.add_row("targets", "Chỉ tiêu (mỗi dòng một chỉ tiêu)",
                               _text_box(f.get("targets"), 4, self))
        targets.setPlaceholderText("100% tổ dân phố ra quân hằng tuần")
        awards = self.add_row("awards", "Khen thưởng dự kiến", QListWidget(self))
        chosen = {int(x) for x in f.get("award_kind_ids", [])}
        for kid, label in mp.award_choices(db):
            item = QListWidgetItem(label, awards)
            item.setData(Qt.UserRole, kid)
            item.setCheckState(Qt.Checked if kid in chosen else Qt.Unchecked)
        awards.setMaximumHeight(self.fontMetrics().height() * 7)
        self.add_row("awards_text", "Khen thưởng khác (mỗi dòng một mục)",
                     _text_box(f.get("awards_text"), 2, self))
        self.add_row("organize", "Tổ chức thực hiện", _text_box(f.get("organize"), 4, self))
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.sizeHint().height())

    def save(self) -> int:
        box = self.fields["awards"]
        chosen = [box.item(i).data(Qt.UserRole) for i in range(box.count())
                  if box.item(i).checkState() == Qt.Checked]
        data = {name: self.text_of(name) for name in ("purpose", "subjects", "targets",
                                                      "awards_text", "organize")}
        data["award_kind_ids"] = chosen
        number = self.fields["number"].text() if "number" in self.fields else None
        signed_on = self.fields["signed_on"].value() if "signed_on" in self.fields else None
        if "number" not in self.fields:  # the plan alone: keep the decision's number as it was
            kept = inputs.load(self.db, self.key)
            number, signed_on = kept.number, kept.signed_on
        return inputs.save(self.db, self.key, number, signed_on, data)

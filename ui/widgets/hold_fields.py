"""The record fields Nghị định 152/2025/NĐ-CP Điều 4 asks about, shared by the person and the
collective forms: pending discipline / inspection / complaint (no award until resolved), the
end of a discipline, and for a person the maternity leave (counted as working time)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.widgets.form import DateEdit, FormDialog

TOOLTIP = ("Nghị định 152/2025/NĐ-CP Điều 4: chưa khen thưởng khi đang xem xét kỷ luật, "
           "thanh tra, kiểm tra hoặc có đơn thư khiếu nại, tố cáo đang xác minh; nghỉ thai sản "
           "được tính thời gian để xét. Phần mềm nhắc khi đề nghị khen thưởng.")


def _row(parent: QWidget, *widgets) -> QWidget:
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    layout.addStretch(1)
    return box


class HoldFields:
    """Adds the rows to a FormDialog; ``load(data)`` and ``values()`` for its dataclass."""

    CHECKS = (("under_discipline", "Đang xem xét kỷ luật"),
              ("under_inspection", "Đang thanh tra, kiểm tra"),
              ("pending_complaint", "Có đơn thư khiếu nại, tố cáo đang xác minh"))

    def __init__(self, dialog: FormDialog, maternity: bool):
        self.dialog, self.maternity = dialog, maternity
        f = dialog.fields
        boxes = []
        for name, label in self.CHECKS:
            box = QCheckBox(label, dialog)
            box.setObjectName(name)
            f[name] = box
            boxes.append(box)
        column = QWidget(dialog)  # one per line: the dialog stays narrow
        stack = QVBoxLayout(column)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(2)
        for box in boxes:
            stack.addWidget(box)
        column.setToolTip(TOOLTIP)
        dialog.form.addRow("Xét khen thưởng", column)
        until = DateEdit(dialog)
        until.setObjectName("discipline_until")
        note = QLineEdit(dialog)
        note.setObjectName("hold_note")
        note.setPlaceholderText("văn bản, số, ngày (nếu có)")
        f["discipline_until"], f["hold_note"] = until, note
        dialog.form.addRow("Chịu kỷ luật đến ngày", _row(dialog, until, QLabel("Ghi chú:", dialog),
                                                         note))
        if maternity:
            start, end = DateEdit(dialog), DateEdit(dialog)
            start.setObjectName("maternity_from")
            end.setObjectName("maternity_to")
            f["maternity_from"], f["maternity_to"] = start, end
            dialog.form.addRow("Nghỉ thai sản", _row(dialog, QLabel("từ", dialog), start,
                                                     QLabel("đến", dialog), end))

    def load(self, data) -> None:
        f = self.dialog.fields
        for name, _label in self.CHECKS:
            f[name].setChecked(bool(getattr(data, name)))
        f["discipline_until"].set_value(data.discipline_until)
        f["hold_note"].setText(data.hold_note or "")
        if self.maternity:
            f["maternity_from"].set_value(data.maternity_from)
            f["maternity_to"].set_value(data.maternity_to)

    def values(self) -> dict:
        f = self.dialog.fields
        out = {name: f[name].isChecked() for name, _label in self.CHECKS}
        out["discipline_until"] = f["discipline_until"].value()
        out["hold_note"] = f["hold_note"].text()
        if self.maternity:
            out["maternity_from"] = f["maternity_from"].value()
            out["maternity_to"] = f["maternity_to"].value()
        return out

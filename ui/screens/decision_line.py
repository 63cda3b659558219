"""One line of a draft decision's attached list: the texts printed for it."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from app.services.rounds import decisions
from ui.widgets.form import FormDialog


class LineDialog(FormDialog):
    def __init__(self, db, line: decisions.LineInfo, parent=None):
        super().__init__("Sửa dòng danh sách", parent)
        self.db, self.line = db, line
        self.add_row("salutation", "Danh xưng (Ông/Bà…)", QLineEdit(line.salutation or ""))
        self.add_row("printed_name", "Tên in trên quyết định (*)", QLineEdit(line.printed_name))
        self.add_row("position_line", "Chức vụ, đơn vị / địa chỉ",
                     QLineEdit(line.position_line or ""))
        self.add_row("citation", "Nội dung khen", QLineEdit(line.citation or ""))

    def save(self) -> int:
        f = self.fields
        decisions.update_line(self.db, self.line.id, f["salutation"].text(),
                              f["printed_name"].text(), f["position_line"].text(),
                              f["citation"].text())
        return self.line.id

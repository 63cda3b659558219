"""Record a higher level's decision (Bằng khen của Chủ tịch UBND thành phố, Huân chương…) so
each subject's history in the register is complete."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.errors import ValidationError
from app.services.awards import award_kinds
from app.services.rounds import decision_issue
from ui.widgets.form import DateEdit, FormDialog, combo, int_or_none, spin
from ui.widgets.subject_picker import SubjectPicker


class ExternalDecisionDialog(FormDialog):
    def __init__(self, db, parent=None):
        super().__init__("Ghi quyết định khen thưởng của cấp trên", parent)
        self.db = db
        self.subjects: list[tuple[int, str]] = []
        self.add_row("reference", "Số, ký hiệu (*)", QLineEdit()).setPlaceholderText(
            "ví dụ: 1234/QĐ-UBND")
        self.add_row("signed_on", "Ngày ký (*)", DateEdit())
        self.add_row("issuer", "Cơ quan ban hành (*)", QLineEdit("Ủy ban nhân dân thành phố"))
        levels = [(k, v) for k, v in award_kinds.LEVELS.items() if k != "xa"]
        self.add_row("level", "Cấp", combo(levels, empty=None))
        kinds = award_kinds.list_award_kinds(self.db)
        kinds.sort(key=lambda k: k.awarded_here)  # higher levels' awards first
        self.add_row("award", "Danh hiệu / hình thức", combo([(k.id, k.label) for k in kinds],
                                                             empty=None))
        year = self.add_row("year", "Năm thành tích", spin(2000, 2100))
        year.setValue(date.today().year)
        self.add_row("title", "Trích yếu", QLineEdit())
        self.add_row("money", "Tiền thưởng mỗi người (đồng)", QLineEdit())
        row = QWidget(self)
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        pick = QPushButton("Chọn đối tượng…", row)
        pick.setObjectName("pick")
        pick.clicked.connect(self.pick)
        self.chosen_label = QLabel("Chưa chọn ai.", row)
        self.chosen_label.setWordWrap(True)
        h.addWidget(pick)
        h.addWidget(self.chosen_label, 1)
        self.add_row("subjects", "Được khen", row)

    def pick(self) -> None:
        picker = SubjectPicker(self.db, "Chọn người / tập thể được cấp trên khen", parent=self)
        if picker.exec():
            known = {sid for sid, _ in self.subjects}
            self.subjects += [x for x in picker.chosen() if x[0] not in known]
            self.chosen_label.setText(f"{len(self.subjects)}: "
                                      + ", ".join(n for _, n in self.subjects[:8]))

    def save(self) -> int:
        f = self.fields
        if not self.subjects:
            raise ValidationError("Chưa chọn ai được khen: bấm “Chọn đối tượng…”.", "subjects")
        money = int_or_none(f["money"], "Tiền thưởng", "money") or 0
        awards = [decision_issue.ExternalAward(sid, f["award"].currentData(), f["year"].value(),
                                               None, money) for sid, _ in self.subjects]
        return decision_issue.record_external_decision(
            self.db, f["reference"].text(), f["signed_on"].value(), f["issuer"].text(),
            f["level"].currentData(), f["title"].text(), awards)

"""The council quorum setting (share of members that must attend), shown on the "Danh hiệu
và mức thưởng" screen and used by every meeting's quorum line."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from app.errors import ValidationError
from app.services.rounds import council, quorum
from ui import dialogs
from ui.widgets.flow import FlowLayout
from ui.widgets.form import combo, set_combo, spin


class QuorumBox(QWidget):
    """“Cuộc họp Hội đồng hợp lệ khi có mặt [ít nhất|trên] [2] / [3] tổng số thành viên
    [Lưu]”."""

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.strict = combo([(False, "ít nhất"), (True, "trên")], self, empty=None)
        self.strict.setObjectName("quorum_strict")
        self.strict.currentIndexChanged.connect(lambda _i: self._show_example())
        self.numerator, self.denominator = spin(1, 20, self), spin(1, 20, self)
        self.numerator.setObjectName("quorum_numerator")
        self.denominator.setObjectName("quorum_denominator")
        self.save_button = QPushButton("Lưu tỷ lệ", self)
        self.save_button.setObjectName("quorum_save")
        self.save_button.clicked.connect(self.save)
        self.example = QLabel(self)
        for box in (self.numerator, self.denominator):
            box.valueChanged.connect(lambda _v: self._show_example())
        row = FlowLayout(self)  # wraps at 125 % instead of widening the window
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("<b>Hội đồng Thi đua - Khen thưởng:</b> cuộc họp hợp lệ khi có mặt",
                             self))
        row.addWidget(self.strict)
        row.addWidget(self.numerator)
        row.addWidget(QLabel("/", self))
        row.addWidget(self.denominator)
        row.addWidget(QLabel("tổng số thành viên", self))
        row.addWidget(self.save_button)
        row.addWidget(self.example, 1)
        self.setToolTip(quorum.QUORUM_BASIS)
        self.reload()

    def reload(self) -> None:
        self.members = len(council.list_members(self.db, date.today()))
        rule = quorum.get_rule(self.db)
        self.numerator.setValue(rule.share.numerator)
        self.denominator.setValue(rule.share.denominator)
        set_combo(self.strict, rule.strict)
        self._show_example()

    def _show_example(self) -> None:
        n, d = self.numerator.value(), self.denominator.value()
        if n > d:
            self.example.setText("<span style='color:#b00020'>tử số lớn hơn mẫu số</span>")
            return
        total = self.members or 9  # no council entered yet: a typical nine-member one
        who = f"Hội đồng hiện có {total}" if self.members else "Ví dụ Hội đồng 9"
        rule = quorum.QuorumRule(Fraction(n, d), bool(self.strict.currentData()))
        self.example.setText(f"({who} thành viên: cần ít nhất {rule.needed(total)} người có "
                             "mặt)")

    def save(self) -> None:
        try:
            strict = bool(self.strict.currentData())
            share = quorum.save_share(self.db, self.numerator.value(), self.denominator.value(),
                                      strict)
        except ValidationError as exc:
            dialogs.warn(self, "Chưa lưu được", str(exc))
            return
        self.reload()
        dialogs.info(self, "Đã lưu", f"Cuộc họp Hội đồng cần {'trên' if strict else 'ít nhất'} "
                     f"{share.numerator}/{share.denominator} tổng số thành viên có mặt. Tỷ lệ "
                     "này áp dụng cho các cuộc họp lập từ nay; cuộc họp đã lập giữ tỷ lệ lúc lập.")

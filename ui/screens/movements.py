"""Phong trào thi đua: list and form, with the results narrative of each year (kept for the
reports)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from app.services.emulation import movements as mv
from ui.screens.ward_documents import movement_button
from ui.widgets.form import DateEdit, FormDialog, combo, combo_value, set_combo
from ui.widgets.list_page import ListPage


class MovementDialog(FormDialog):
    def __init__(self, db, movement_id: int | None, parent=None):
        super().__init__("Thêm phong trào" if movement_id is None else "Sửa phong trào", parent)
        self.db, self.movement_id = db, movement_id
        self.add_row("name", "Tên phong trào (*)", QLineEdit())
        self.add_row("launched_by", "Cấp phát động", combo(mv.LAUNCHERS, empty=None, editable=True))
        self.add_row("kind", "Loại", combo([(k, k.capitalize()) for k in mv.KINDS], empty=None))
        self.add_row("slogan", "Khẩu hiệu", QLineEdit())
        self.add_row("start_date", "Bắt đầu", DateEdit())
        self.add_row("end_date", "Kết thúc", DateEdit())
        self.add_row("plan_number", "Kế hoạch số", QLineEdit()).setPlaceholderText("12/KH-UBND")
        self.add_row("plan_date", "Ngày kế hoạch", DateEdit())
        self.add_row("status", "Tình trạng", combo(mv.STATUSES, empty=None))
        self.add_row("description", "Nội dung", QPlainTextEdit()).setMaximumHeight(90)
        self._results: dict[int, str] = {} if movement_id is None else mv.results(db, movement_id)
        self._build_results()
        if movement_id is not None:
            self.load(mv.get_movement(db, movement_id))

    def _build_results(self) -> None:
        self.result_year = QSpinBox(self)
        self.result_year.setObjectName("result_year")
        self.result_year.setRange(2000, 2100)
        self.result_year.setValue(date.today().year)
        self.result_text = QPlainTextEdit(self)
        self.result_text.setObjectName("result_text")
        self.result_text.setPlaceholderText("Kết quả của phong trào trong năm (dùng cho báo cáo)")
        self.result_text.setMinimumHeight(110)
        self._shown_year = self.result_year.value()
        self.result_text.setPlainText(self._results.get(self._shown_year, ""))
        self.result_year.valueChanged.connect(self._switch_year)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel("Năm", row))
        line.addWidget(self.result_year)
        line.addStretch(1)
        self.form.addRow("Kết quả theo năm", row)
        self.form.addRow("", self.result_text)
        self.fields["result_text"] = self.result_text

    def _switch_year(self, year: int) -> None:
        self._results[self._shown_year] = self.result_text.toPlainText()
        self._shown_year = year
        self.result_text.setPlainText(self._results.get(year, ""))

    def load(self, m: mv.MovementData) -> None:
        f = self.fields
        f["name"].setText(m.name)
        set_combo(f["launched_by"], m.launched_by)
        set_combo(f["kind"], m.kind)
        f["slogan"].setText(m.slogan or "")
        for key in ("start_date", "end_date", "plan_date"):
            f[key].set_value(getattr(m, key))
        f["plan_number"].setText(m.plan_number or "")
        set_combo(f["status"], m.status)
        f["description"].setPlainText(m.description or "")

    def save(self) -> int:
        f = self.fields
        self._results[self._shown_year] = self.result_text.toPlainText()
        saved = mv.save_movement(self.db, mv.MovementData(
            id=self.movement_id, name=f["name"].text(),
            launched_by=combo_value(f["launched_by"]) or "", kind=f["kind"].currentData(),
            slogan=f["slogan"].text(), start_date=f["start_date"].value(),
            end_date=f["end_date"].value(), plan_number=f["plan_number"].text(),
            plan_date=f["plan_date"].value(), status=f["status"].currentData(),
            description=self.text_of("description"),
        ))
        before = {} if self.movement_id is None else mv.results(self.db, saved)
        for year, narrative in self._results.items():
            if narrative.strip() != before.get(year, "").strip():
                mv.save_result(self.db, saved, year, narrative)
        return saved


class MovementsPage(ListPage):
    noun = "phong trào"

    def make_source(self):
        return mv.MovementSource(self.db)

    def open_editor(self, record_id):
        dialog = MovementDialog(self.db, record_id, self)
        return dialog.saved_id if dialog.exec() else None

    def delete_record(self, record_id):
        mv.delete_movement(self.db, record_id)

    def extra_buttons(self):
        return [movement_button(self)]

"""Cá nhân: list and form."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from app.services.records import records
from app.services.records.record_lists import PersonSource
from ui.widgets.form import DateEdit, FormDialog, combo, combo_value, int_or_none, set_combo
from ui.widgets.hold_fields import HoldFields
from ui.widgets.list_page import ListPage


class PersonDialog(FormDialog):
    def __init__(self, db, person_id: int | None, parent=None):
        super().__init__("Thêm cá nhân" if person_id is None else "Sửa hồ sơ cá nhân", parent)
        self.db, self.person_id = db, person_id
        self.add_row("full_name", "Họ và tên (*)", QLineEdit())
        self.add_row("gender", "Giới tính", combo([(g, g.capitalize()) for g in records.GENDERS]))
        self.add_row("birth_date", "Ngày sinh", DateEdit())
        year = self.add_row("birth_year", "Năm sinh (nếu không rõ ngày)", QLineEdit())
        year.setMaxLength(4)
        cccd = self.add_row("cccd", "Số CCCD (12 số)", QLineEdit())
        cccd.setMaxLength(12)
        self.add_row("position", "Chức vụ", QLineEdit())
        self.add_row("staff_class", "Đối tượng", combo(records.STAFF_CLASSES))
        self.add_row("workplace", "Đơn vị công tác",
                     combo([(c.id, c.label) for c in records.collective_choices(db)],
                           editable=True))
        self.add_row("area_id", "Khu dân cư",
                     combo([(c.id, c.label) for c in records.area_choices(db)]))
        self.add_row("phone", "Điện thoại", QLineEdit())
        self.add_row("address", "Địa chỉ", QLineEdit())
        self.add_row("notes", "Ghi chú", QPlainTextEdit()).setMaximumHeight(70)
        self.hold = HoldFields(self, maternity=True)  # Nghị định 152/2025/NĐ-CP Điều 4
        if person_id is not None:
            self.load(records.get_person(db, person_id))

    def load(self, p: records.PersonData) -> None:
        f = self.fields
        f["full_name"].setText(p.full_name)
        set_combo(f["gender"], p.gender)
        f["birth_date"].set_value(p.birth_date)
        f["birth_year"].setText(str(p.birth_year or "") if not p.birth_date else "")
        f["cccd"].setText(p.cccd or "")
        f["position"].setText(p.position or "")
        set_combo(f["staff_class"], p.staff_class)
        set_combo(f["workplace"], p.workplace_id or p.workplace_text)
        set_combo(f["area_id"], p.area_id)
        f["phone"].setText(p.phone or "")
        f["address"].setText(p.address or "")
        f["notes"].setPlainText(p.notes or "")
        self.hold.load(p)

    def save(self) -> int:
        f = self.fields
        workplace = combo_value(f["workplace"])
        data = records.PersonData(
            id=self.person_id,
            full_name=f["full_name"].text(),
            gender=f["gender"].currentData(),
            birth_date=f["birth_date"].value(),
            birth_year=int_or_none(f["birth_year"], "Năm sinh", "birth_year"),
            cccd=f["cccd"].text(),
            position=f["position"].text(),
            staff_class=f["staff_class"].currentData(),
            workplace_id=workplace if isinstance(workplace, int) else None,
            workplace_text=workplace if isinstance(workplace, str) else None,
            area_id=f["area_id"].currentData(),
            phone=f["phone"].text(),
            address=f["address"].text(),
            notes=self.text_of("notes"),
            **self.hold.values(),
        )
        return records.save_person(self.db, data)


class PersonsPage(ListPage):
    noun = "cá nhân"

    def make_source(self):
        return PersonSource(self.db)

    def open_editor(self, record_id):
        dialog = PersonDialog(self.db, record_id, self)
        return dialog.saved_id if dialog.exec() else None

    def delete_record(self, record_id):
        records.delete_subject(self.db, record_id)

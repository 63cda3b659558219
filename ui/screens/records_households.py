"""Hộ gia đình: list and form."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from app.services.records import records
from app.services.records.record_lists import HouseholdSource
from ui.widgets.form import FormDialog, combo, int_or_none, set_combo
from ui.widgets.list_page import ListPage


class HouseholdDialog(FormDialog):
    def __init__(self, db, household_id: int | None, parent=None):
        super().__init__("Thêm hộ gia đình" if household_id is None else "Sửa hộ gia đình", parent)
        self.db, self.household_id = db, household_id
        self.add_row("head_name", "Họ tên chủ hộ (*)", QLineEdit())
        # Birth year and CCCD of the head tell namesakes apart (two "Nguyễn Văn An" in a thôn).
        self.add_row("head_birth_year", "Năm sinh chủ hộ", QLineEdit()).setMaxLength(4)
        self.add_row("head_cccd", "Số CCCD chủ hộ (12 số)", QLineEdit()).setMaxLength(12)
        self.add_row("area_id", "Khu dân cư", combo([(c.id, c.label) for c in records.area_choices(db)]))
        self.add_row("address", "Địa chỉ", QLineEdit())
        self.add_row("members", "Số nhân khẩu", QLineEdit())
        self.add_row("phone", "Điện thoại", QLineEdit())
        self.add_row("notes", "Ghi chú", QPlainTextEdit()).setMaximumHeight(70)
        if household_id is not None:
            self.load(records.get_household(db, household_id))

    def load(self, h: records.HouseholdData) -> None:
        f = self.fields
        f["head_name"].setText(h.head_name)
        f["head_birth_year"].setText("" if h.head_birth_year is None else str(h.head_birth_year))
        f["head_cccd"].setText(h.head_cccd or "")
        set_combo(f["area_id"], h.area_id)
        f["address"].setText(h.address or "")
        f["members"].setText("" if h.members is None else str(h.members))
        f["phone"].setText(h.phone or "")
        f["notes"].setPlainText(h.notes or "")

    def save(self) -> int:
        f = self.fields
        return records.save_household(self.db, records.HouseholdData(
            id=self.household_id, head_name=f["head_name"].text(),
            head_birth_year=int_or_none(f["head_birth_year"], "Năm sinh chủ hộ", "head_birth_year"),
            head_cccd=f["head_cccd"].text(),
            area_id=f["area_id"].currentData(), address=f["address"].text(),
            members=int_or_none(f["members"], "Số nhân khẩu", "members"),
            phone=f["phone"].text(), notes=self.text_of("notes"),
        ))


class HouseholdsPage(ListPage):
    noun = "hộ gia đình"

    def make_source(self):
        return HouseholdSource(self.db)

    def open_editor(self, record_id):
        dialog = HouseholdDialog(self.db, record_id, self)
        return dialog.saved_id if dialog.exec() else None

    def delete_record(self, record_id):
        records.delete_subject(self.db, record_id)

"""Khu dân cư (thôn, tổ dân phố) with its former unit: list and form."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from app.services.records import records
from app.services.records.record_lists import AreaSource
from ui.widgets.form import FormDialog, combo, int_or_none, set_combo
from ui.widgets.list_page import ListPage


class AreaDialog(FormDialog):
    def __init__(self, db, area_id: int | None, parent=None):
        super().__init__("Thêm khu dân cư" if area_id is None else "Sửa khu dân cư", parent)
        self.db, self.area_id = db, area_id
        self.add_row("name", "Tên (*)", QLineEdit()).setPlaceholderText("Ví dụ: Khu dân cư số 5")
        self.add_row("kind", "Loại", combo(records.AREA_KINDS, empty=None))
        self.add_row("former_unit_id", "Địa bàn cũ",
                     combo([(c.id, c.label) for c in records.former_unit_choices(db)]))
        self.add_row("code", "Mã", QLineEdit())
        self.add_row("leader_name", "Trưởng khu / Tổ trưởng", QLineEdit())
        self.add_row("households_total", "Tổng số hộ (theo thống kê)", QLineEdit())
        self.add_row("notes", "Ghi chú", QPlainTextEdit()).setMaximumHeight(70)
        if area_id is not None:
            self.load(records.get_area(db, area_id))

    def load(self, a: records.AreaData) -> None:
        f = self.fields
        f["name"].setText(a.name)
        set_combo(f["kind"], a.kind)
        set_combo(f["former_unit_id"], a.former_unit_id)
        f["code"].setText(a.code or "")
        f["leader_name"].setText(a.leader_name or "")
        f["households_total"].setText("" if a.households_total is None else str(a.households_total))
        f["notes"].setPlainText(a.notes or "")

    def save(self) -> int:
        f = self.fields
        return records.save_area(self.db, records.AreaData(
            id=self.area_id, name=f["name"].text(), kind=f["kind"].currentData(),
            former_unit_id=f["former_unit_id"].currentData(), code=f["code"].text(),
            leader_name=f["leader_name"].text(),
            households_total=int_or_none(f["households_total"], "Tổng số hộ", "households_total"),
            notes=self.text_of("notes"),
        ))


class AreasPage(ListPage):
    noun = "khu dân cư"

    def make_source(self):
        return AreaSource(self.db)

    def open_editor(self, record_id):
        dialog = AreaDialog(self.db, record_id, self)
        return dialog.saved_id if dialog.exec() else None

    def delete_record(self, record_id):
        records.delete_subject(self.db, record_id)

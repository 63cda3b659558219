"""Tập thể: list and form."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from app.services.records import records
from app.services.records.record_lists import CollectiveSource
from ui.widgets.form import FormDialog, combo, combo_value, int_or_none, set_combo
from ui.widgets.hold_fields import HoldFields
from ui.widgets.list_page import ListPage


class CollectiveDialog(FormDialog):
    def __init__(self, db, collective_id: int | None, parent=None):
        super().__init__("Thêm tập thể" if collective_id is None else "Sửa hồ sơ tập thể", parent)
        self.db, self.collective_id = db, collective_id
        self.add_row("name", "Tên tập thể (*)", QLineEdit())
        self.add_row("kind", "Loại hình", combo(records.COLLECTIVE_KINDS, editable=True))
        self.add_row("stat_class", "Lớp thống kê", combo(records.STAT_CLASSES))
        self.add_row("field", "Lĩnh vực", QLineEdit())
        parents = [(c.id, c.label) for c in records.collective_choices(db) if c.id != collective_id]
        self.add_row("parent_id", "Trực thuộc", combo(parents))
        self.add_row("area_id", "Khu dân cư", combo([(c.id, c.label) for c in records.area_choices(db)]))
        self.add_row("former_unit_id", "Địa bàn cũ",
                     combo([(c.id, c.label) for c in records.former_unit_choices(db)]))
        self.add_row("address", "Địa chỉ", QLineEdit())
        self.add_row("phone", "Điện thoại", QLineEdit())
        self.add_row("notes", "Ghi chú", QPlainTextEdit()).setMaximumHeight(70)
        members = self.add_row("members_total", "Số thành viên", QLineEdit())
        women = QLineEdit(self)
        women.setObjectName("women_members")
        self.fields["women_members"] = women
        self.form.addRow("Số thành viên nữ", women)
        women.setToolTip("Tập thể có từ 70% nữ được ưu tiên khi thành tích ngang nhau "
                         "(Nghị định 152/2025/NĐ-CP Điều 4)")
        members.setMaxLength(6)
        women.setMaxLength(6)
        self.hold = HoldFields(self, maternity=False)
        if collective_id is not None:
            self.load(records.get_collective(db, collective_id))

    def load(self, c: records.CollectiveData) -> None:
        f = self.fields
        f["name"].setText(c.name)
        set_combo(f["kind"], c.kind)
        set_combo(f["stat_class"], c.stat_class)
        f["field"].setText(c.field or "")
        set_combo(f["parent_id"], c.parent_id)
        set_combo(f["area_id"], c.area_id)
        set_combo(f["former_unit_id"], c.former_unit_id)
        f["address"].setText(c.address or "")
        f["phone"].setText(c.phone or "")
        f["notes"].setPlainText(c.notes or "")
        f["members_total"].setText(str(c.members_total) if c.members_total is not None else "")
        f["women_members"].setText(str(c.women_members) if c.women_members is not None else "")
        self.hold.load(c)

    def save(self) -> int:
        f = self.fields
        kind = combo_value(f["kind"])
        return records.save_collective(self.db, records.CollectiveData(
            id=self.collective_id, name=f["name"].text(),
            kind=kind if isinstance(kind, str) else None,
            stat_class=f["stat_class"].currentData(), field=f["field"].text(),
            parent_id=f["parent_id"].currentData(), area_id=f["area_id"].currentData(),
            former_unit_id=f["former_unit_id"].currentData(), address=f["address"].text(),
            phone=f["phone"].text(), notes=self.text_of("notes"),
            members_total=int_or_none(f["members_total"], "Số thành viên", "members_total"),
            women_members=int_or_none(f["women_members"], "Số thành viên nữ", "women_members"),
            **self.hold.values(),
        ))


class CollectivesPage(ListPage):
    noun = "tập thể"

    def make_source(self):
        return CollectiveSource(self.db)

    def open_editor(self, record_id):
        dialog = CollectiveDialog(self.db, record_id, self)
        return dialog.saved_id if dialog.exec() else None

    def delete_record(self, record_id):
        records.delete_subject(self.db, record_id)

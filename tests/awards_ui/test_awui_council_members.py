"""Council members picked from the Cá nhân records, and taken off the council."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from app.services.records import records
from app.services.rounds import batches, council
from app.text import fold
from tests.awards_ui.test_awui_mouse_selection import click_row
from tests.ui.helpers import type_text
from ui.screens.batch_meeting import MemberDialog, MembersDialog
from ui.widgets.subject_picker import SubjectPicker


def _people(db):
    ubnd = records.save_collective(db, records.CollectiveData("Ủy ban nhân dân phường"))
    return [records.save_person(db, records.PersonData(n, position=p, workplace_id=ubnd))
            for n, p in (("Nguyễn Văn Hùng", "Chủ tịch UBND"), ("Trần Thị Mai", "Phó Chủ tịch UBND"),
                         ("Lê Văn Sơn", "Công chức Văn hóa - Xã hội"))]


def _pick(qtbot, when_dialog, typed_names):
    def choose(picker: SubjectPicker):
        for name in typed_names:
            picker.search_box.clear()
            type_text(picker.search_box, name)
            qtbot.waitUntil(lambda n=name: picker.model.rowCount() == 1 and all(
                w in fold(picker.model.index(0, 0).data()) for w in n.split()), timeout=3000)
            picker.add_selected()
        picker.buttons.button(QDialogButtonBox.Ok).click()
    when_dialog(SubjectPicker, choose)


def test_members_picked_from_the_records(qtbot, org_db, when_dialog, dialogs):
    _people(org_db)
    dialog = MembersDialog(org_db)
    qtbot.addWidget(dialog)
    dialog.show()
    _pick(qtbot, when_dialog, ["hung", "tran thi mai"])
    dialog.findChild(QPushButton, "pick_members").click()
    members = council.list_members(org_db)
    assert [(m.full_name, m.role, m.position) for m in members] == [
        ("Nguyễn Văn Hùng", "Ủy viên", "Chủ tịch UBND, Ủy ban nhân dân phường"),
        ("Trần Thị Mai", "Ủy viên", "Phó Chủ tịch UBND, Ủy ban nhân dân phường")]
    assert [m.full_name for m in dialog.model.items] == ["Nguyễn Văn Hùng", "Trần Thị Mai"]
    # picked again: no second Nguyễn Văn Hùng
    _pick(qtbot, when_dialog, ["hung"])
    dialog.findChild(QPushButton, "pick_members").click()
    assert len(council.list_members(org_db)) == 2
    assert "đã là thành viên" in dialogs.texts("info")[-1]


def test_one_member_form_fills_from_the_records(qtbot, org_db, when_dialog):
    _people(org_db)
    form = MemberDialog(org_db, None)
    qtbot.addWidget(form)
    _pick(qtbot, when_dialog, ["le van son"])
    form.findChild(QPushButton, "pick_person").click()
    assert form.fields["full_name"].text() == "Lê Văn Sơn"
    assert form.fields["position"].text() == "Công chức Văn hóa - Xã hội, Ủy ban nhân dân phường"
    form.fields["role"].setCurrentIndex(form.fields["role"].findText("Ủy viên, Thư ký"))
    form.buttons.button(QDialogButtonBox.Save).click()
    assert council.list_members(org_db)[0].role == "Ủy viên, Thư ký"


def test_members_are_removed_or_end_their_term(qtbot, org_db, dialogs):
    ids = [council.save_member(org_db, council.MemberInfo(n, "Ủy viên", sort_order=i))
           for i, n in enumerate(("Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Văn Sơn"))]
    bid = batches.create_batch(org_db, "Tổng kết năm 2025", 2025)
    council.create_meeting(org_db, bid, datetime(2025, 12, 1, 8), "Hội trường", ids[:2])
    dialog = MembersDialog(org_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    remove = dialog.findChild(QPushButton, "remove_member")
    click_row(dialog.table, 2)  # Lê Văn Sơn never sat in a meeting: deleted
    remove.click()
    assert "Lê Văn Sơn" in dialogs.texts("confirm")[-1]
    assert [m.full_name for m in council.list_members(org_db)] == ["Nguyễn Văn Hùng",
                                                                    "Trần Thị Mai"]
    click_row(dialog.table, 1)  # Trần Thị Mai is in the minutes: her term ends today
    remove.click()
    assert "thôi tham gia" in dialogs.texts("info")[-1]
    mai = next(m for m in council.list_members(org_db) if m.full_name == "Trần Thị Mai")
    assert mai.to_date == date.today()
    assert [m.full_name for m in council.list_members(org_db, date.today().replace(
        year=date.today().year + 1))] == ["Nguyễn Văn Hùng"]
    assert dialog.model.items[1].to_date == date.today() and dialog.table.model().index(
        1, 3).data() == date.today().strftime("%d/%m/%Y")

"""A first council meeting: members entered from the meeting dialog, quorum shown live."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from app.services.rounds import batches, council
from tests.ui.helpers import type_text, wait_for_jobs
from ui.screens.batch_meeting import MeetingDialog, MemberDialog, MembersDialog
from ui.screens.batch_tally import RESULT


def test_members_added_from_the_meeting_dialog_and_quorum(qtbot, org_db, when_dialog):
    bid = batches.create_batch(org_db, "Tổng kết năm 2025", 2025)
    dialog = MeetingDialog(org_db, bid)
    qtbot.addWidget(dialog)
    assert "chưa có thành viên Hội đồng" in dialog.quorum_label.text()
    dialog.buttons.button(QDialogButtonBox.Save).click()
    assert "Chưa có thành viên Hội đồng" in dialog.error_label.text()

    people = [("Nguyễn Văn Hùng", "Chủ tịch Hội đồng"), ("Lê Thị Hoa", "Ủy viên"),
              ("Phan Văn Đức", "Ủy viên, Thư ký")]

    def one(name, role):
        def fill(d: MemberDialog):
            type_text(d.fields["full_name"], name)
            d.fields["role"].setCurrentIndex(d.fields["role"].findText(role))
            d.buttons.button(QDialogButtonBox.Save).click()
        return fill

    def members(d: MembersDialog):
        add = d.findChild(QPushButton, "add_member")
        for name, role in people:
            when_dialog(MemberDialog, one(name, role))
            add.click()
        assert [m.full_name for m in d.model.items] == [p[0] for p in people]
        d.reject()

    when_dialog(MembersDialog, members)
    dialog.findChild(QPushButton, "edit_members").click()
    assert dialog.fields["attendees"].count() == 3
    assert dialog.fields["chair"].currentText() == "Nguyễn Văn Hùng"
    assert dialog.fields["secretary"].currentText() == "Phan Văn Đức"
    dialog.fields["attendees"].item(1).setCheckState(Qt.Unchecked)
    assert "Có mặt 2/3 thành viên — cần ít nhất 2" in dialog.quorum_label.text()
    dialog.buttons.button(QDialogButtonBox.Save).click()
    meeting = council.get_meeting(org_db, dialog.saved_id)
    assert (meeting.present, meeting.members_total, meeting.quorum_ok) == (2, 3, True)


def test_households_pass_without_secret_vote_and_can_be_hidden(qtbot, window, ward, dialogs):
    from datetime import datetime

    from app.services.awards import award_kinds
    from app.services.records import records

    db = ward.db
    homes = [records.save_household(db, records.HouseholdData(f"Hộ ông Tư {i}",
                                                              area_id=ward.area))
             for i in range(3)]
    bid = batches.create_batch(db, "Tổng kết năm 2025", 2025)
    batches.add_candidates(db, bid, homes, award_kinds.get_award_kind(db, code="GDVH").id)
    batches.add_candidates(db, bid, ward.persons[:1],
                           award_kinds.get_award_kind(db, code="LDTT").id)
    council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "Hội trường", ward.members)
    page = window.show_screen("batches")
    page.reload(bid)
    tab = page.council
    page.tabs.setCurrentWidget(tab)  # a tab loads when shown (off the GUI thread)
    wait_for_jobs(qtbot)
    assert tab.model.rowCount() == 4
    tab.only_votes.setChecked(True)
    shown = [tab.model.text(r, 0) for r in range(tab.model.rowCount())]
    assert shown == ["Nguyễn Thị Ánh"]
    tab.only_votes.setChecked(False)
    tab.findChild(QPushButton, "council_approve").click()
    assert "Ghi 3 ứng viên" in dialogs.texts("confirm")[-1]
    wait_for_jobs(qtbot)  # written in the background, then the tally reloads
    passed = [c.subject_name for c in batches.list_candidates(db, bid, "passed")]
    assert sorted(passed) == ["Hộ ông Tư 0", "Hộ ông Tư 1", "Hộ ông Tư 2"]
    results = {tab.model.text(r, 0): tab.model.text(r, RESULT) for r in range(4)}
    assert results["Hộ ông Tư 1"] == "Thông qua" and results["Nguyễn Thị Ánh"] == "Chưa bỏ phiếu"

"""The meeting dialog takes what the biên bản need (chair and secretary present, the Ban kiểm
phiếu with its head, the numbers) and the tally table takes every count, checked."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services.rounds import batches, council, paperwork
from tests.ui.helpers import wait_for_jobs
from ui.screens.batch_council import CouncilTab
from ui.screens.batch_meeting import MeetingDialog
from ui.screens.batch_tally import AGREE, DISAGREE, INVALID, SHARE, VALID

PEOPLE = [("Nguyễn Văn Hùng", "Chủ tịch Hội đồng"), ("Lê Thị Hoa", "Phó Chủ tịch Hội đồng"),
          ("Phạm Văn Cường", "Ủy viên"), ("Đỗ Thị Dung", "Ủy viên"),
          ("Phan Văn Đức", "Ủy viên, Thư ký")]


def _setup(db):
    for i, (name, role) in enumerate(PEOPLE):
        council.save_member(db, council.MemberInfo(name, role, sort_order=i))
    from app.services.awards import award_kinds
    from app.services.records import records as people

    bid = batches.create_batch(db, "Tổng kết năm 2025", 2025)
    pid = people.save_person(db, people.PersonData("Trần Thu Hà", gender="nữ"))
    batches.add_candidates(db, bid, [pid], award_kinds.get_award_kind(db, code="CSTDCS").id)
    return bid


def _tick(box, row: int, on: bool) -> None:
    box.item(row).setCheckState(Qt.Checked if on else Qt.Unchecked)


def test_meeting_dialog_refuses_an_absent_secretary_and_saves_the_tellers(qtbot, org_db):
    bid = _setup(org_db)
    d = MeetingDialog(org_db, bid)
    qtbot.addWidget(d)
    d.fields["day"].set_value(date(2025, 12, 1))
    _tick(d.fields["attendees"], 4, False)  # the secretary, Phan Văn Đức, is away
    d.buttons.button(QDialogButtonBox.Save).click()
    assert "Thư ký “Phan Văn Đức” phải là thành viên có mặt" in d.error_label.text()
    _tick(d.fields["attendees"], 4, True)
    _tick(d.fields["attendees"], 3, False)  # Đỗ Thị Dung away, yet chosen as a teller
    _tick(d.fields["tellers"], 2, True)
    _tick(d.fields["tellers"], 3, True)
    d.fields["teller_head"].setCurrentIndex(d.fields["teller_head"].findData(
        council.list_members(org_db)[2].id))
    d.buttons.button(QDialogButtonBox.Save).click()
    assert "Ban kiểm phiếu chỉ gồm người có mặt: Đỗ Thị Dung" in d.error_label.text()
    _tick(d.fields["tellers"], 3, False)
    _tick(d.fields["tellers"], 1, True)
    d.fields["minutes_number"].setText("05")
    d.buttons.button(QDialogButtonBox.Save).click()
    assert d.saved_id
    tellers = council.meeting_tellers(org_db, d.saved_id)
    assert [(n, r) for _i, n, r in tellers] == [("Phạm Văn Cường", "head"),
                                                ("Lê Thị Hoa", "member")]
    assert council.get_meeting(org_db, d.saved_id).minutes_number == "05"

    edit = MeetingDialog(org_db, bid, meeting_id=d.saved_id)  # corrected later
    qtbot.addWidget(edit)
    assert edit.fields["minutes_number"].text() == "05"
    assert edit.fields["teller_head"].currentText() == "Phạm Văn Cường"
    edit.fields["count_number"].setText("06")
    edit.buttons.button(QDialogButtonBox.Save).click()
    assert council.get_meeting(org_db, d.saved_id).count_number == "06"


def test_tally_table_takes_every_count_and_explains_a_wrong_sum(qtbot, org_db, dialogs):
    from dataclasses import dataclass

    bid = _setup(org_db)
    ids = [m.id for m in council.list_members(org_db)]
    mid = council.create_meeting(org_db, bid, datetime(2025, 12, 1, 8),
                                 "Hội trường", ids, "Nguyễn Văn Hùng", "Phan Văn Đức",
                                 tellers=ids[2:4], teller_head=ids[2])

    @dataclass
    class Batch:
        id: int

    tab = CouncilTab(org_db)
    qtbot.addWidget(tab)
    tab.set_batch(Batch(bid), mid)
    wait_for_jobs(qtbot)  # the tally loads off the GUI thread
    tab.buttons["fill"].click()
    model = tab.model
    model.set_text(0, INVALID, "")
    model.set_text(0, VALID, "4")  # không hợp lệ left empty: filled with the rest
    assert model.text(0, INVALID) == "1"
    model.set_text(0, AGREE, "4")
    assert model.text(0, DISAGREE) == "0"
    model.set_text(0, DISAGREE, "1")
    tab.buttons["save_tally"].click()
    assert "vượt quá số phiếu hợp lệ (4)" in dialogs.texts("warn")[-1]
    model.set_text(0, DISAGREE, "0")
    tab.buttons["save_tally"].click()
    wait_for_jobs(qtbot)
    row = council.tally(org_db, mid)[0]
    assert (row.ballots_issued, row.ballots_returned, row.ballots_valid, row.ballots_invalid,
            row.agree, row.disagree, row.passed) == (5, 5, 4, 1, 4, 0, True)
    assert "80% (4/5 thành viên Hội đồng)" in model.text(0, SHARE)
    assert paperwork.count_minutes_document(org_db, mid)

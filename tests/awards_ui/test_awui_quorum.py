"""The council quorum share is edited on "Danh hiệu và mức thưởng" and the meeting dialog's
live quorum line uses the saved share."""

from __future__ import annotations

from datetime import datetime
from fractions import Fraction

import pytest
from PySide6.QtCore import Qt

from app.documents import Paragraph
from app.errors import ValidationError
from app.services.rounds import batches, council, paperwork, quorum
from ui.screens.batch_meeting import MeetingDialog


def test_quorum_share_set_on_admin_screen_drives_the_meeting_line(qtbot, window, ward, answers):
    page = window.show_screen("award_kinds")
    box = page.quorum_box
    assert (box.numerator.value(), box.denominator.value()) == (2, 3)
    assert "Hội đồng hiện có 4 thành viên: cần ít nhất 3" in box.example.text()

    box.numerator.setValue(3)
    box.denominator.setValue(2)
    qtbot.mouseClick(box.save_button, Qt.LeftButton)
    assert "không quá toàn bộ thành viên" in answers.texts("warn")[-1]
    assert quorum.get_share(window.db) == Fraction(2, 3)

    box.numerator.setValue(1)
    box.denominator.setValue(2)
    assert "cần ít nhất 2 người" in box.example.text()
    qtbot.mouseClick(box.save_button, Qt.LeftButton)
    assert "ít nhất 1/2" in answers.texts("info")[-1]
    assert quorum.get_share(window.db) == Fraction(1, 2)

    bid = batches.create_batch(window.db, "Tổng kết năm 2025", 2025)
    dialog = MeetingDialog(window.db, bid)
    qtbot.addWidget(dialog)
    attendees = dialog.fields["attendees"]
    for row in (2, 3):
        attendees.item(row).setCheckState(Qt.Unchecked)
    assert "Có mặt 2/4 thành viên — cần ít nhất 2: " in dialog.quorum_label.text()
    assert "chưa đủ" not in dialog.quorum_label.text()
    attendees.item(1).setCheckState(Qt.Unchecked)
    assert "cần ít nhất 2: <b style='color:#b00020'>chưa đủ" in dialog.quorum_label.text()


def test_saved_share_decides_meeting_quorum(org_db):
    members = [council.save_member(org_db, council.MemberInfo(f"Thành viên {i}", "Ủy viên"))
               for i in range(9)]
    bid = batches.create_batch(org_db, "Tổng kết năm 2025", 2025)
    mid = council.create_meeting(org_db, bid, datetime(2025, 12, 1, 8), "Hội trường",
                                 members[:5], "Thành viên 0", "Thành viên 1")
    assert council.get_meeting(org_db, mid).quorum_needed == 6  # 2/3 of 9
    assert quorum.save_share(org_db, 1, 2) == Fraction(1, 2)
    later = council.create_meeting(org_db, bid, datetime(2025, 12, 8, 8), "Hội trường",
                                   members[:5])
    assert council.get_meeting(org_db, later).quorum_needed == 5
    assert council.get_meeting(org_db, later).quorum_ok
    # The first meeting keeps the share in force when it was held: its minutes do not change.
    assert council.get_meeting(org_db, mid).quorum_needed == 6
    minutes = paperwork.minutes_document(org_db, mid)
    assert "chưa đủ 6 thành viên" in " ".join(
        r.text for b in minutes.blocks if isinstance(b, Paragraph) for r in b.runs)
    for bad in ((0, 3), (4, 3)):
        with pytest.raises(ValidationError, match="Tỷ lệ thành viên có mặt") as err:
            quorum.save_share(org_db, *bad)
        assert err.value.field == "numerator"
    assert quorum.get_share(org_db) == Fraction(1, 2)

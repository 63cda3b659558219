"""Fixtures for the commendation screens: a small ward, a window, a dialog driver."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.services.records import records
from app.services.rounds import council


@pytest.fixture
def ward(org_db):
    """Teachers of one school, one area, and a council of five."""
    area = records.save_area(org_db, records.AreaData("Khu dân cư số 3"))
    names = [("Nguyễn Thị Ánh", "nữ"), ("Đặng Văn Bảo", "nam"), ("Nguyễn Văn Cường", "nam"),
             ("Lê Thị Dung", "nữ")]
    persons = [records.save_person(org_db, records.PersonData(
        n, gender=g, birth_year=1980 + i, position="Giáo viên", area_id=area))
        for i, (n, g) in enumerate(names)]
    members = [council.save_member(org_db, council.MemberInfo(n, r, sort_order=i))
               for i, (n, r) in enumerate([
                   ("Nguyễn Văn Hùng", "Chủ tịch Hội đồng"),
                   ("Trần Thị Mai", "Phó Chủ tịch Hội đồng"), ("Phạm Văn Sơn", "Ủy viên"),
                   ("Vũ Thị Yến", "Ủy viên, Thư ký")])]
    return SimpleNamespace(db=org_db, area=area, persons=persons, members=members)


@pytest.fixture
def window(qtbot, org_db):
    from ui.main_window import MainWindow

    win = MainWindow(org_db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def when_dialog():
    """``when_dialog(cls, fn)``: run ``fn(dialog)`` once a modal dialog of class ``cls`` is
    open (nested dialogs: the outer one is skipped until the inner one shows)."""

    def arm(cls, callback, attempts: int = 150):
        def poll(remaining=attempts):
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, cls):
                try:
                    callback(dialog)
                except BaseException:
                    dialog.reject()  # never leave a test hanging on an open modal dialog
                    raise
            elif remaining:
                QTimer.singleShot(20, lambda: poll(remaining - 1))
            else:
                if dialog is not None:
                    dialog.reject()  # the wrong dialog is in the way: unblock the test
                raise AssertionError(f"{cls.__name__} never opened (open: {dialog!r})")

        QTimer.singleShot(0, poll)

    return arm


@pytest.fixture
def answers(monkeypatch):
    """ui.dialogs answered: confirmations yes, texts typed, files under tmp_path."""
    from tests.ui.helpers import DialogRecorder

    return DialogRecorder(monkeypatch, text="Hội đồng thống nhất đề nghị khen thưởng.")


@pytest.fixture
def issued(ward):
    """A 2025 round done through the services: three Lao động tiên tiến entries issued."""
    from datetime import date, datetime

    from app.services.awards import award_kinds
    from app.services.rounds import batches, decision_issue, decisions

    db = ward.db
    ldtt = award_kinds.get_award_kind(db, code="LDTT").id
    bid = batches.create_batch(db, "Tổng kết năm 2025", 2025)
    cids = batches.add_candidates(db, bid, ward.persons[:3], ldtt).added
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "Hội trường",
                                 ward.members)
    council.record_tallies(db, mid, [(c, 4, 4, 4) for c in cids])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        12, d.signed_on, d.title, d.bases, d.articles, d.recipients, d.signer_name,
        d.signer_title, d.sign_mode))
    decision_issue.issue_decision(db, did)
    return SimpleNamespace(**vars(ward), batch=bid, decision=did, ldtt=ldtt)

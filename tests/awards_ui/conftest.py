"""Fixtures for the commendation screens: a small ward, a window, a dialog driver."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.services import council, records


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
                raise AssertionError(f"{cls.__name__} never opened")

        QTimer.singleShot(0, poll)

    return arm


@pytest.fixture
def answers(monkeypatch):
    """ui.dialogs answered: confirmations yes, texts typed, files under tmp_path."""
    from tests.ui.helpers import DialogRecorder

    return DialogRecorder(monkeypatch, text="Hội đồng thống nhất đề nghị khen thưởng.")

"""Issue 14.6: the window opens maximised the first time, then where the officer left it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt


def _window(qtbot, db):
    from ui.main_window import MainWindow

    window = MainWindow(db, "phường Thành Đông")
    qtbot.addWidget(window)
    return window


def test_first_start_opens_maximised(qtbot, org_db):
    window = _window(qtbot, org_db)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowState() & Qt.WindowMaximized


def test_opens_where_it_was_left(qtbot, org_db):
    window = _window(qtbot, org_db)
    window.show()
    window.showNormal()
    window.setGeometry(QRect(60, 40, 700, 500))
    qtbot.wait(10)
    window.close()
    again = _window(qtbot, org_db)
    again.show()
    qtbot.waitExposed(again)
    assert not again.windowState() & Qt.WindowMaximized
    assert again.geometry() == QRect(60, 40, 700, 500)


def test_left_maximised_opens_maximised(qtbot, org_db):
    window = _window(qtbot, org_db)
    window.showNormal()
    window.setGeometry(QRect(60, 40, 700, 500))
    window.showMaximized()
    qtbot.waitExposed(window)
    window.close()
    again = _window(qtbot, org_db)
    again.show()
    qtbot.waitExposed(again)
    assert again.windowState() & Qt.WindowMaximized


def test_a_size_chosen_by_the_caller_is_kept(qtbot, org_db):
    window = _window(qtbot, org_db)
    window.resize(640, 480)
    window.show()
    assert not window.windowState() & Qt.WindowMaximized
    assert window.size().width() == 640

"""The window's start (ui.app.start_gui): window first, the integrity check in the background
with writes held until it passes; a damaged file closed unwritten with the restore offer; a
second copy refused; a read-only file opened read-only and said so; a busy file asks
"Thử lại"."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import select

import db.engine as engine_module
from app import context
from app.errors import DatabaseBusyError, DatabaseReadOnlyError
from db.models import Organization
from tests.ui.helpers import DialogRecorder
from ui import app as gui


@pytest.fixture
def quiet(monkeypatch):
    """Message boxes recorded; the backup reminder answered "no"."""
    return DialogRecorder(monkeypatch, confirm=False)


@pytest.fixture
def blocked_check(monkeypatch):
    """The background integrity check waits until the test lets it finish."""
    go, result = threading.Event(), {"problem": None}
    real = context.quick_problem

    def slow(path):
        real(path)
        go.wait(30)
        return result["problem"]

    monkeypatch.setattr(context, "quick_problem", slow)
    return go, result


def _close(startup) -> None:
    startup.window.skip_exit_backup = True
    startup.window.close()
    startup.window.db.close()


def test_the_window_shows_before_the_check_and_writes_wait_for_it(qtbot, org_db, quiet,
                                                                    blocked_check):
    go, _result = blocked_check
    startup = gui.start_gui(str(org_db.path))
    window, db = startup.window, startup.window.db
    try:
        assert window.isVisible() and not startup.check.done.is_set()
        assert window.check_label.text() == "Đang kiểm tra dữ liệu…"
        assert not db.writes_allowed
        with db.read() as s:  # reading goes on meanwhile
            assert s.scalar(select(Organization.short_name)) == "phường Thành Đông"
        go.set()
        qtbot.waitUntil(lambda: window.check_label.text() == "Dữ liệu đã kiểm tra: tốt",
                        timeout=10_000)
        assert db.writes_allowed
        with db.session() as s:
            s.get(Organization, 1).short_name = "phường Thành Tây"
    finally:
        _close(startup)


def test_a_write_waits_for_the_check_then_goes_through(qtbot, org_db, quiet, blocked_check):
    go, _result = blocked_check
    startup = gui.start_gui(str(org_db.path))
    db = startup.window.db
    try:
        threading.Timer(0.3, go.set).start()
        with db.session() as s:  # held until the check passed, then written
            s.get(Organization, 1).short_name = "phường Thành Tây"
        assert startup.check.done.is_set() and startup.check.problem is None
    finally:
        _close(startup)


def test_damage_found_after_the_window_closes_it_unwritten(qtbot, org_db, quiet,
                                                           blocked_check, monkeypatch):
    go, result = blocked_check
    offered = []
    monkeypatch.setattr("ui.screens.backup_hooks.check_before_open",
                        lambda path: offered.append(path) or False)
    startup = gui.start_gui(str(org_db.path))
    window, db = startup.window, startup.window.db
    result["problem"] = "row 12 missing from index ix_subject_name"
    go.set()
    qtbot.waitUntil(lambda: bool(offered), timeout=10_000)
    assert not window.isVisible() and offered == [org_db.path]
    with pytest.raises(DatabaseReadOnlyError, match="bị hỏng"), db.session() as s:
        s.get(Organization, 1).short_name = "ghi vào tệp hỏng"


def test_a_second_copy_is_refused_in_the_window(qtbot, org_db, quiet, tmp_data_dir):
    from tests.test_open_lock import Holder

    path = org_db.path
    org_db.close()
    holder = Holder(path, tmp_data_dir)
    try:
        assert gui.start_gui(str(path)) == 1
    finally:
        holder.close()
    assert quiet.messages[0][0] == "error"
    assert "đang được mở bởi" in quiet.messages[0][2]


def test_a_read_only_file_opens_read_only_and_says_so(qtbot, org_db, quiet, monkeypatch):
    """A healthy file in a read-only folder (forced here: tests run as root on Linux, which
    may write anywhere; test_database_open.py has the real chmod case)."""
    path = org_db.path
    org_db.close()
    monkeypatch.setattr(context, "file_writable", lambda p: False)
    startup = gui.start_gui(str(path))
    window, db = startup.window, startup.window.db
    try:
        assert db.read_only and window.windowTitle().endswith("(chỉ đọc)")
        qtbot.waitUntil(lambda: bool(quiet.texts("info")), timeout=5000)
        assert "chế độ chỉ đọc" in quiet.texts("info")[0]
        assert not any("hỏng" in t for t in quiet.texts())
        with pytest.raises(DatabaseReadOnlyError, match="chỉ đọc"), db.session() as s:
            s.get(Organization, 1).short_name = "không ghi được"
    finally:
        _close(startup)


def test_a_busy_file_asks_thu_lai(qtbot, org_db, monkeypatch):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    asked = []
    monkeypatch.setattr(gui.dialogs, "retry", lambda parent, title, text: asked.append(
        (title, text)) or False)
    org_db.on_busy = gui.ask_retry_when_busy
    other = sqlite3.connect(org_db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusyError), org_db.session(immediate=True) as s:
            s.get(Organization, 1).short_name = "chờ"
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert asked and asked[0][0] == "Cơ sở dữ liệu đang bận" and "Thử lại" in asked[0][1]

"""Register numbers are allocated inside BEGIN IMMEDIATE: a second writer that reads the
highest number meanwhile cannot take the same numbers, and a file another program keeps
busy gives the user's sentence (with a retry) instead of a traceback."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, datetime

import pytest
from sqlalchemy import select

import db.engine as engine_module
from app.errors import DatabaseBusyError, DomainError
from app.services.rounds import batches, council, decision_issue, decisions
from db.models import AwardRecord


def _draft(db, world, persons, number, day=date(2025, 12, 5)) -> int:
    bid = batches.create_batch(db, f"Đợt {number}", 2025)
    res = batches.add_candidates(db, bid, persons, world.kinds["LDTT"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "UBND", world.members)
    council.record_tallies(db, mid, [(c, 9, 9, 9) for c in res.added])
    did = decisions.draft_from_batch(db, bid, signed_on=day)
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        number, day, d.title, d.bases, d.articles, d.recipients, d.signer_name, d.signer_title,
        d.sign_mode))
    return did


def test_a_second_issuer_waits_for_the_first_and_numbers_on(db, world, monkeypatch):
    """While one issue has read the year's highest number, another issue (another copy of
    the app, a command) runs to its end; both must succeed with distinct, gap-free numbers.
    Today the first one's read is not protected: both take 2025/0001…"""
    first = _draft(db, world, world.persons[:3], 20)
    second = _draft(db, world, world.persons[3:5], 21)
    real = decision_issue.next_register_no
    other: dict = {}

    def next_no_then_let_the_other_run(s, year):
        number = real(s, year)
        if not other:  # the first issue, between reading the top number and writing after it
            thread = threading.Thread(target=lambda: other.setdefault(
                "result", _try(decision_issue.issue_decision, db, second)))
            other["thread"] = thread
            thread.start()
            thread.join(1.0)  # it cannot finish while this transaction holds the write lock
        return number

    monkeypatch.setattr(decision_issue, "next_register_no", next_no_then_let_the_other_run)
    result = _try(decision_issue.issue_decision, db, first)
    other["thread"].join(30)
    assert not isinstance(result, Exception), result
    assert not isinstance(other["result"], Exception), other["result"]
    assert result.certificate_nos == ("2025/0001", "2025/0002", "2025/0003")
    assert other["result"].certificate_nos == ("2025/0004", "2025/0005")
    with db.read() as s:
        assert list(s.scalars(select(AwardRecord.register_no).order_by(
            AwardRecord.register_no))) == [1, 2, 3, 4, 5]


def _try(fn, *args):
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - the test compares outcomes
        return exc


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)


def _hold_write_lock(path) -> sqlite3.Connection:
    """Another program (DB Browser, the sqlite3 shell) in the middle of a write."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_busy_file_is_a_sentence_and_nothing_is_written(tmp_path, short_busy_timeout):
    from app.context import open_app_database
    from tests.awards.awards_world import build_world

    db = open_app_database(tmp_path / "bận.sqlite")
    try:
        world = build_world(db)
        did = _draft(db, world, world.persons[:2], 30)
        other = _hold_write_lock(db.path)
        with pytest.raises(DatabaseBusyError) as err:
            decision_issue.issue_decision(db, did)
        assert isinstance(err.value, DomainError)
        assert "đang bận" in str(err.value) and "thử lại" in str(err.value)
        other.execute("ROLLBACK")
        other.close()
        with db.read() as s:
            assert s.scalar(select(AwardRecord.id)) is None
        assert decision_issue.issue_decision(db, did).certificate_nos == ("2025/0001",
                                                                          "2025/0002")
    finally:
        db.close()


def test_the_window_is_asked_and_a_retry_goes_through(tmp_path, short_busy_timeout):
    """Database.on_busy (the GUI's "Thử lại") is asked after the bounded retries; once the
    other program finished, the retry writes."""
    from app.context import open_app_database
    from tests.awards.awards_world import build_world

    db = open_app_database(tmp_path / "thử lại.sqlite")
    try:
        world = build_world(db)
        did = _draft(db, world, world.persons[:1], 31)
        other = _hold_write_lock(db.path)
        asked = []

        def on_busy():
            asked.append(True)
            other.execute("COMMIT")  # the other program finished meanwhile
            return True

        db.on_busy = on_busy
        result = decision_issue.issue_decision(db, did)
        assert asked == [True] and result.certificate_nos == ("2025/0001",)
        other.close()
    finally:
        db.close()

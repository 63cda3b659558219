"""Issued decisions and register entries cannot be edited or deleted, even by raw SQL."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import delete, text, update

from app.errors import ProtectedRowError as IntegrityError  # the trigger's sentence
from db.models import AwardRecord, Decision
from tests.backup.backup_helpers import issue_decision, issue_revocation


def _raw(db) -> sqlite3.Connection:
    return sqlite3.connect(db.path, isolation_level=None)


def test_issued_decision_cannot_be_updated_or_deleted(db):
    dec_id, _ = issue_decision(db)
    with pytest.raises(IntegrityError, match="Quyết định đã ban hành không được sửa"), db.session() as s:
        s.get(Decision, dec_id).title = "Sửa lén"
    with pytest.raises(IntegrityError, match="Quyết định đã ban hành không được xóa"), db.session() as s:
        s.execute(delete(Decision).where(Decision.id == dec_id))
    con = _raw(db)  # another SQLite tool is refused too
    with pytest.raises(sqlite3.IntegrityError, match="thu hồi"):
        con.execute("UPDATE decision SET status='draft' WHERE id=?", (dec_id,))
    con.close()
    with db.read() as s:
        d = s.get(Decision, dec_id)
        assert (d.title, d.status) == ("Về việc khen thưởng", "issued")


def test_draft_decision_stays_editable(db):
    with db.session() as s:
        d = Decision(year=2026, title="Dự thảo", status="draft")
        s.add(d)
    with db.session() as s:
        s.get(Decision, d.id).title = "Dự thảo đã sửa"
    with db.session() as s:
        s.delete(s.get(Decision, d.id))
    with db.read() as s:
        assert s.get(Decision, d.id) is None


def test_register_entry_cannot_be_edited_or_deleted(db):
    _, (rec_id, _other) = issue_decision(db)
    for change in ({"printed_name": "Tên khác"}, {"money": 1}, {"revoked": True}):
        with pytest.raises(IntegrityError, match="Không được sửa mục đã ghi vào sổ khen thưởng"), db.session() as s:
            s.execute(update(AwardRecord).where(AwardRecord.id == rec_id).values(**change))
    with pytest.raises(IntegrityError, match="Không được xóa mục đã ghi vào sổ khen thưởng"), db.session() as s:
        s.execute(delete(AwardRecord).where(AwardRecord.id == rec_id))
    with db.read() as s:
        r = s.get(AwardRecord, rec_id)
        assert (r.printed_name, r.money, r.revoked) == ("Trần Thị Hoa 1-0", 500_000, False)


def test_revocation_is_the_one_allowed_change(db):
    _, (rec_id, _other) = issue_decision(db, number=1)
    revoking = issue_revocation(db, [rec_id])
    with pytest.raises(IntegrityError, match="chỉ được đánh dấu thu hồi"), db.session() as s:  # revoking while changing the text as well
        s.execute(update(AwardRecord).where(AwardRecord.id == rec_id).values(
            revoked=True, revoked_by_decision_id=revoking, citation="khác"))
    with db.session() as s:
        r = s.get(AwardRecord, rec_id)
        r.revoked, r.revoked_by_decision_id = True, revoking
    with pytest.raises(IntegrityError, match="Không được sửa"), db.session() as s:  # and no way back
        s.execute(text("UPDATE award_record SET revoked=0 WHERE id=:i"), {"i": rec_id})
    with db.read() as s:
        r = s.get(AwardRecord, rec_id)
        assert r.revoked and r.revoked_by_decision_id == revoking

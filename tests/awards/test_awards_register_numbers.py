"""Register numbers stay gap-free under revocation; corrections and revocations are new,
linked records; the database refuses any other change to a register entry."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from app.errors import DomainError, ProtectedRowError
from app.services.awards import fund, register
from app.services.rounds import batches, council, decision_issue, decisions
from db.models import AwardRecord
from db.queries.register import in_force


def _issue(db, did, number, day):
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        number, day, d.title, d.bases, d.articles, d.recipients, d.signer_name, d.signer_title,
        d.sign_mode))
    return decision_issue.issue_decision(db, did)


def _award(db, world, persons, number, day=date(2025, 12, 5)):
    bid = batches.create_batch(db, f"Đợt {number}", 2025)
    res = batches.add_candidates(db, bid, persons, world.kinds["LDTT"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "UBND", world.members)
    council.record_tallies(db, mid, [(c, 9, 9, 9) for c in res.added])
    return _issue(db, decisions.draft_from_batch(db, bid, signed_on=day), number, day)


def _records(db):
    with db.read() as s:
        return list(s.scalars(select(AwardRecord).order_by(AwardRecord.register_no)))


def test_numbers_stay_gap_free_when_entries_are_revoked(db, world):
    first = _award(db, world, world.persons[:3], 10)
    assert first.certificate_nos == ("2025/0001", "2025/0002", "2025/0003")
    recs = _records(db)
    rv = decision_issue.draft_revocation(db, [recs[1].id], "Kê khai không đúng",
                                         date(2025, 12, 20))
    assert decisions.get_decision(db, rv).kind == "thu_hoi"
    _issue(db, rv, 11, date(2025, 12, 20))
    second = _award(db, world, world.persons[3:5], 12, date(2025, 12, 22))
    assert second.certificate_nos == ("2025/0004", "2025/0005")
    recs = _records(db)
    assert [r.register_no for r in recs] == [1, 2, 3, 4, 5]
    assert [r.revoked for r in recs] == [False, True, False, False, False]
    assert recs[1].revoked_by_decision_id == rv
    assert fund.balance(db, 2025).income == 710_000  # money to recover
    src = register.register_source(db)
    status = {r[0]: r[10] for r in src.rows(src.ids("", {}, None))}
    assert status["2025/0002"] == "Đã thu hồi (11/QĐ-UBND)" and status["2025/0001"] == ""
    assert len(src.ids("", {"revoked": "valid"}, None)) == 4
    with pytest.raises(DomainError, match="đã bị thu hồi"):
        decision_issue.draft_revocation(db, [recs[1].id], "Lần nữa")


def test_correction_is_a_new_linked_entry(db, world):
    _award(db, world, world.persons[:2], 10)
    old = _records(db)[0]
    cr = decision_issue.draft_correction(db, old.id, "Ghi sai tên", "Nguyễn Thị Ánh Hồng", "Bà",
                                         "Giáo viên", None, date(2026, 1, 5))
    result = _issue(db, cr, 1, date(2026, 1, 5))
    assert result.certificate_nos == ("2026/0001",)
    recs = _records(db)
    new = next(r for r in recs if r.corrects_id == old.id)
    assert new.printed_name == "Nguyễn Thị Ánh Hồng" and new.money == old.money
    unchanged = next(r for r in recs if r.id == old.id)
    assert unchanged.printed_name == old.printed_name and not unchanged.revoked
    assert fund.balance(db, 2026).spending == 0  # a correction pays nothing again
    src = register.register_source(db)
    status = {r[0]: r[10] for r in src.rows(src.ids("", {}, None))}
    assert status[old.certificate_no] == "Đã đính chính (2026/0001)"
    with db.read() as s:
        counted = s.scalars(select(AwardRecord.id).where(in_force())).all()
    assert old.id not in counted and new.id in counted and len(counted) == 2


def test_register_entries_refuse_direct_edits(db, world):
    _award(db, world, world.persons[:1], 10)
    rec = _records(db)[0]
    with pytest.raises(ProtectedRowError, match="sổ khen thưởng"), db.session() as s:
        s.execute(update(AwardRecord).where(AwardRecord.id == rec.id)
                  .values(printed_name="Tên khác"))


def test_draft_can_be_deleted_and_candidates_freed(db, world):
    bid = batches.create_batch(db, "Đợt", 2025)
    res = batches.add_candidates(db, bid, world.persons[:2], world.kinds["LDTT"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "UBND", world.members)
    council.record_tallies(db, mid, [(c, 9, 9, 9) for c in res.added])
    # dated: an undated draft is priced for today, and the base salary changes on 01/07/2026
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    with pytest.raises(DomainError, match="Không còn ứng viên"):
        decisions.draft_from_batch(db, bid)
    line = decisions.decision_lines(db, did)[0]
    decisions.remove_line(db, line.id)
    assert decisions.get_decision(db, did).total_money == 710_000
    decisions.delete_draft(db, did)
    again = decisions.draft_from_batch(db, bid)
    assert len(decisions.decision_lines(db, again)) == 2


def test_higher_level_awards_are_revoked_only_by_the_higher_level(db, world):
    from app.services.rounds.decision_issue import ExternalAward

    did = decision_issue.record_external_decision(
        db, "123/QĐ-UBND", date(2025, 6, 2), "UBND thành phố Hải Phòng", "tinh", "Bằng khen",
        [ExternalAward(world.persons[0], world.kinds["BK_TP"], 2025, money=3_510_000)])
    rec = _records(db)[0]
    assert rec.decision_id == did and rec.external_decision_ref == "123/QĐ-UBND"
    with pytest.raises(DomainError, match="phường không thu hồi được"):
        decision_issue.draft_revocation(db, [rec.id], "Sai")
    rv = decision_issue.record_external_revocation(
        db, "45/QĐ-UBND", date(2025, 9, 1), "UBND thành phố Hải Phòng", [rec.id], "Vi phạm")
    rec = _records(db)[0]
    assert rec.revoked and rec.revoked_by_decision_id == rv
    assert fund.balance(db, 2025).income == 0  # the city's money, not the ward's fund

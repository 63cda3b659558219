"""The whole round at service level: batch → guardrails → ballots → tally → decision →
issue → register, plus fund posting and read-only issued decisions."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.errors import ReadOnlyError, ValidationError
from app.services.awards import fund
from app.services.rounds import batches, council, decision_issue, decisions
from db.models import AuditLog, AwardRecord, Candidate


def _round(db, world, n_ldtt=4):
    k = world.kinds
    bid = batches.create_batch(db, "Tổng kết năm 2025", 2025)
    res = batches.add_candidates(db, bid, world.persons[:n_ldtt], k["LDTT"], "Trường Tiểu học")
    assert len(res.added) == n_ldtt and not res.skipped
    again = batches.add_candidates(db, bid, world.persons[:1], k["LDTT"])
    assert again.added == [] and again.skipped == [
        "“Nguyễn Thị Ánh” đã có trong đợt xét với “Lao động tiên tiến”."]
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8, 0), "Hội trường UBND",
                                 world.members[:8], "Trần Văn Bình", "Đặng Văn Minh")
    return bid, mid, res.added


def test_whole_round_writes_register_and_fund(db, world):
    bid, mid, cids = _round(db, world)
    found = batches.check_batch(db, bid)
    assert set(found) == set(cids)
    meeting = council.get_meeting(db, mid)
    assert meeting.members_total == 9 and meeting.present == 8 and meeting.quorum_ok
    rows = council.record_tallies(db, mid, [(c, 8, 8, 7) for c in cids[:3]] + [(cids[3], 8, 8, 3)])
    assert [r.passed for r in rows] == [True, True, True, False]
    assert rows[3].percent == pytest.approx(37.5)
    failed = [c for c in batches.list_candidates(db, bid) if c.status == "failed"]
    assert len(failed) == 1 and "dưới mức 50%" in failed[0].outcome_reason
    council.close_meeting(db, mid, "Thống nhất đề nghị")
    below = batches.check_batch(db, bid)[cids[3]]
    assert any(f.code == "vote" and "37,5%" in f.message for f in below)

    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    lines = decisions.decision_lines(db, did)
    assert len(lines) == 3 and {ln.money for ln in lines} == {710_000}
    d = decisions.get_decision(db, did)
    assert d.status == "draft" and d.total_money == 2_130_000 and d.base_salary == 2_340_000
    assert d.signer_name == "Trần Văn Bình" and "Lao động tiên tiến" in d.title
    number = decisions.suggest_number(db, 2025)
    edit = decisions.DraftEdit(number, date(2025, 12, 5), d.title, d.bases, d.articles,
                               d.recipients, d.signer_name, d.signer_title, d.sign_mode)
    decisions.update_draft(db, did, edit)
    result = decision_issue.issue_decision(db, did)
    assert result.full_number == "1/QĐ-UBND"
    assert result.certificate_nos == ("2025/0001", "2025/0002", "2025/0003")
    assert fund.balance(db, 2025).spending == 2_130_000

    with db.read() as s:
        recs = list(s.scalars(select(AwardRecord).order_by(AwardRecord.register_no)))
        assert [r.register_no for r in recs] == [1, 2, 3]
        assert all(r.decision_id == did and r.money == 710_000 and r.year == 2025 for r in recs)
        statuses = {c.status for c in s.scalars(select(Candidate).where(Candidate.batch_id == bid))}
        assert statuses == {"decided", "failed"}
        actions = {(a.action, a.entity) for a in s.scalars(select(AuditLog))}
    assert ("issue", "decision") in actions and ("create", "award_record") in actions
    assert batches.get_batch(db, bid).status == "decided"


def test_issued_decision_cannot_be_changed_by_any_service(db, world):
    bid, mid, cids = _round(db, world, 2)
    council.record_tallies(db, mid, [(c, 8, 8, 8) for c in cids])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    d = decisions.get_decision(db, did)
    edit = decisions.DraftEdit(7, date(2025, 12, 5), d.title, d.bases, d.articles, d.recipients,
                               d.signer_name, d.signer_title)
    decisions.update_draft(db, did, edit)
    decision_issue.issue_decision(db, did)
    line = decisions.decision_lines(db, did)[0]
    attempts = [
        lambda: decisions.update_draft(db, did, edit),
        lambda: decisions.update_line(db, line.id, "Bà", "Tên khác", None, None),
        lambda: decisions.remove_line(db, line.id),
        lambda: decisions.delete_draft(db, did),
        lambda: decision_issue.issue_decision(db, did),
    ]
    for attempt in attempts:
        with pytest.raises(ReadOnlyError, match="đã ban hành"):
            attempt()
    after = decisions.get_decision(db, did)
    assert after == decisions.get_decision(db, did) and after.status == "issued"
    assert decisions.decision_lines(db, did)[0].printed_name == line.printed_name
    with pytest.raises(Exception, match="đã có trong quyết định"):
        batches.update_candidate(db, cids[0], "x", None, None)


def test_issue_needs_number_date_and_unique_number(db, world):
    bid, mid, cids = _round(db, world, 2)
    council.record_tallies(db, mid, [(c, 8, 8, 8) for c in cids])
    first = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    with pytest.raises(ValidationError, match="Chưa có số"):
        decision_issue.issue_decision(db, first)
    d = decisions.get_decision(db, first)
    decisions.update_draft(db, first, decisions.DraftEdit(
        15, date(2025, 12, 5), d.title, d.bases, d.articles, d.recipients, d.signer_name,
        d.signer_title))
    decision_issue.issue_decision(db, first)
    assert decisions.suggest_number(db, 2025) == 16
    assert decisions.find_decision(db, "15/QĐ-UBND").id == first


def test_tally_validation_messages(db, world):
    _bid, mid, cids = _round(db, world, 1)
    with pytest.raises(ValidationError, match="chỉ có 8 thành viên có mặt"):
        council.record_tally(db, mid, cids[0], 9, 9, 9)
    with pytest.raises(ValidationError, match="đồng ý ≤"):
        council.record_tally(db, mid, cids[0], 8, 6, 7)

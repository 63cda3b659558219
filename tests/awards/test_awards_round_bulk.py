"""The whole-ward round in bulk: candidates from registrations and the council's tally read
give exactly what the one-by-one versions gave, in a number of statements that does not grow
with the round (a Gia đình văn hóa round is 14,000 households)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from awards_world import make_person
from sqlalchemy import event, func, select

from app.errors import DomainError, NotFoundError, ValidationError
from app.services.common import get_or_raise
from app.services.rounds import batches, council
from app.services.system import audit
from db.models import (
    AuditLog,
    AwardKind,
    Ballot,
    Batch,
    Candidate,
    Household,
    Registration,
    Subject,
)

# --------------------------------------------------------------------------- the old code
# add_candidates_from_registrations as it was (one get, one savepoint, one insert per
# registration): the reference the bulk version must match.


def _old_add(s, b, subject_id, kind_id, registration_id):
    if b.status == "decided":
        raise DomainError("Đợt xét đã có quyết định: không thêm ứng viên được.")
    exists = s.scalar(select(Candidate.id).where(
        Candidate.batch_id == b.id, Candidate.subject_id == subject_id,
        Candidate.award_kind_id == kind_id))
    if exists:
        subj, kind = s.get(Subject, subject_id), s.get(AwardKind, kind_id)
        raise ValidationError(f"“{subj.name}” đã có trong đợt xét với “{kind.name}”.", "subject")
    order = (s.scalar(select(func.max(Candidate.sort_order)).where(Candidate.batch_id == b.id))
             or 0) + 1
    c = Candidate(batch_id=b.id, subject_id=subject_id, award_kind_id=kind_id,
                  registration_id=registration_id, status="proposed", sort_order=order)
    s.add(c)
    s.flush()
    audit.log(s, "create", "candidate", c.id, None, audit.snapshot(c))
    return c


def old_from_registrations(db, batch_id, registration_ids) -> batches.AddResult:
    result = batches.AddResult()
    with db.session() as s:
        b = get_or_raise(s, Batch, batch_id, "đợt xét")
        for rid in registration_ids:
            reg = get_or_raise(s, Registration, rid, "đăng ký thi đua")
            subj = s.get(Subject, reg.subject_id)
            if reg.outcome != "dat":
                result.skipped.append(f"“{subj.name}”: đăng ký năm {reg.year} chưa được đánh giá đạt.")
                continue
            try:
                with s.begin_nested():
                    result.added.append(_old_add(s, b, reg.subject_id, reg.award_kind_id,
                                                 reg.id).id)
            except ValidationError as exc:
                result.skipped.append(str(exc))
    return result


# --------------------------------------------------------------------------- helpers


class Statements:
    """Counts the SQL statements the database runs (executemany counts once)."""

    def __init__(self, db):
        self.engine, self.count = db.engine, 0

    def _seen(self, *args):
        self.count += 1

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._seen)


def _households(db, n: int, start: int = 0) -> list[int]:
    from app.services.records.subjects import apply_name

    with db.session() as s:
        homes = []
        for i in range(start, start + n):
            h = Household(address=f"Số {i} ngõ 3")
            apply_name(h, f"Nguyễn Văn Hộ {i:03d}")
            s.add(h)
            homes.append(h)
        s.flush()
        return [h.id for h in homes]


def _registrations(db, rows) -> list[int]:
    """rows: (year, subject_id, award_kind_id, outcome) → registration ids, in that order."""
    with db.session() as s:
        regs = [Registration(year=y, subject_id=sid, award_kind_id=kid, outcome=out)
                for y, sid, kid, out in rows]
        s.add_all(regs)
        s.flush()
        return [r.id for r in regs]


def _candidates(db, batch_id):
    with db.read() as s:
        return s.execute(select(Candidate.subject_id, Candidate.award_kind_id,
                                Candidate.registration_id, Candidate.status,
                                Candidate.sort_order, Candidate.achievement,
                                Candidate.citation, Candidate.proposing_unit)
                         .where(Candidate.batch_id == batch_id)
                         .order_by(Candidate.id)).all()


def _audited(db, ids) -> list[tuple[int, str]]:
    with db.read() as s:
        return s.execute(select(AuditLog.entity_id, AuditLog.action).where(
            AuditLog.entity == "candidate", AuditLog.entity_id.in_(ids))
            .order_by(AuditLog.entity_id)).all()


# --------------------------------------------------------------------------- tests


@pytest.fixture
def mixed(db, world):
    """Registrations of every case, in a deliberate order: achieved, not achieved, not yet
    assessed, already a candidate of the batch, the same subject and award in two years, the
    same registration twice, another award, an achieved person."""
    k = world.kinds
    homes = _households(db, 6)
    ids = _registrations(db, [
        (2025, homes[0], k["GDVH"], "dat"),
        (2025, homes[1], k["GDVH"], "khong_dat"),
        (2025, homes[2], k["GDVH"], None),
        (2025, homes[3], k["GDVH"], "dat"),  # already proposed (below)
        (2024, homes[4], k["GDVH"], "dat"),
        (2025, homes[4], k["GDVH"], "dat"),  # same household, same award, another year
        (2025, world.persons[0], k["LDTT"], "dat"),
        (2025, world.persons[1], k["LDTT"], "khong_dat"),
        (2025, homes[5], k["GDVH"], "dat"),
    ])
    order = ids + [ids[0], ids[6]]  # the same registrations chosen twice

    def batch(name: str) -> int:
        bid = batches.create_batch(db, name, 2025)
        batches.add_candidate(db, bid, homes[3], k["GDVH"], citation="Đề nghị trước")
        batches.add_candidate(db, bid, world.persons[2], k["LDTT"])
        return bid

    return batch, order


def test_same_candidates_and_skip_messages_as_one_by_one(db, world, mixed):
    batch, ids = mixed
    old_bid, new_bid = batch("Cũ"), batch("Mới")
    old = old_from_registrations(db, old_bid, ids)
    new = batches.add_candidates_from_registrations(db, new_bid, ids)
    assert new.skipped == old.skipped and len(new.skipped) == 7
    assert "“Nguyễn Văn Hộ 001”: đăng ký năm 2025 chưa được đánh giá đạt." in new.skipped
    assert "“Nguyễn Văn Hộ 004” đã có trong đợt xét với “Gia đình văn hóa”." in new.skipped
    assert len(new.added) == len(old.added) == 4
    assert _candidates(db, new_bid) == _candidates(db, old_bid)
    assert _audited(db, new.added) == [(cid, "create") for cid in sorted(new.added)]
    with db.read() as s:
        first = s.scalar(select(AuditLog).where(AuditLog.entity == "candidate",
                                                AuditLog.entity_id == new.added[0]))
        made = s.get(Candidate, new.added[0])
        assert first.before is None and first.after == {
            "batch_id": new_bid, "subject_id": made.subject_id,
            "award_kind_id": made.award_kind_id, "registration_id": ids[0]}
    # once more: everything is already there, in the same words
    assert (batches.add_candidates_from_registrations(db, new_bid, ids).skipped
            == old_from_registrations(db, old_bid, ids).skipped)


def test_refusals_are_the_same_as_one_by_one(db, world, mixed):
    batch, ids = mixed
    bid = batch("Đã quyết định")
    with db.session() as s:
        s.get(Batch, bid).status = "decided"
    for add in (old_from_registrations, batches.add_candidates_from_registrations):
        with pytest.raises(DomainError, match="Đợt xét đã có quyết định"):
            add(db, bid, ids)
        # the not achieved alone are skipped, as before, even on a decided batch
        assert len(add(db, bid, ids[1:3]).skipped) == 2
    missing = r"Không tìm thấy đăng ký thi đua \(mã 999999\)"
    other = batch("Mã sai")
    with pytest.raises(NotFoundError, match=missing):
        batches.add_candidates_from_registrations(db, other, ids[:2] + [999999])
    assert len(_candidates(db, other)) == 2  # nothing half-written
    # The one-by-one version said the same, but had already committed the first candidate:
    # under pysqlite a SAVEPOINT opened before any write starts the transaction itself, and
    # its RELEASE commits it.
    with pytest.raises(NotFoundError, match=missing):
        old_from_registrations(db, other, ids[:2] + [999999])
    assert len(_candidates(db, other)) == 3


def test_statements_do_not_grow_with_the_round(db, world):
    gdvh = world.kinds["GDVH"]
    counts = []
    for n, start in ((20, 0), (200, 100)):
        homes = _households(db, n, start)
        ids = _registrations(db, [(2025, h, gdvh, "dat" if i % 5 else "khong_dat")
                                  for i, h in enumerate(homes)])
        bid = batches.create_batch(db, f"Gia đình văn hóa {n}", 2025)
        with Statements(db) as seen:
            result = batches.add_candidates_from_registrations(db, bid, ids)
        assert len(result.added) == n * 4 // 5
        counts.append(seen.count)
    assert counts[1] == counts[0] < 15


# --------------------------------------------------------------------------- tally


def _old_tally(s, meeting_id):
    """council.tally_rows as it was: whole ORM objects per row."""
    meeting = get_or_raise(s, council.Meeting, meeting_id, "cuộc họp")
    info = council.meeting_info(s, meeting)
    stmt = (select(Candidate, Subject, AwardKind, Ballot)
            .join(Subject, Subject.id == Candidate.subject_id)
            .join(AwardKind, AwardKind.id == Candidate.award_kind_id)
            .outerjoin(Ballot, (Ballot.candidate_id == Candidate.id)
                       & (Ballot.meeting_id == meeting_id))
            .where(Candidate.batch_id == meeting.batch_id, Candidate.status != "withdrawn")
            .order_by(AwardKind.sort_order, Subject.sort_key))
    rows = []
    for c, subj, kind, b in s.execute(stmt):
        base = info.members_total if kind.vote_base == "all" else info.present
        threshold = Decimal(str(kind.vote_threshold)) if kind.vote_threshold is not None else None
        pct = None
        if b:
            pct = (Decimal(b.agree) * 100 / Decimal(base)).quantize(Decimal("0.1"))
        passed = b.passed if b is not None else {
            "passed": True, "failed": False, "decided": True}.get(c.status)
        rows.append(council.TallyRow(
            c.id, subj.name, kind.code, kind.name, b.ballots_issued if b else None,
            b.ballots_valid if b else None, b.agree if b else None, base, pct, threshold,
            passed, threshold is not None, b.ballots_returned if b else None,
            b.ballots_invalid if b else None, b.disagree if b else None, kind.vote_base))
    return rows


@pytest.fixture
def voted_meeting(db, world):
    """A meeting of 7 of the 9 members with every kind of row: passed and failed by ballot
    over members present and over the whole council, passed without a vote, not voted yet,
    withdrawn (left out), a second meeting's ballot (not this one's)."""
    k = world.kinds
    p = world.persons
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    ldtt = batches.add_candidates(db, bid, p[:4], k["LDTT"]).added
    cstd = batches.add_candidates(db, bid, p[4:6], k["CSTDCS"]).added
    homes = batches.add_candidates(db, bid, world.households, k["GDVH"]).added
    gone = batches.add_candidate(db, bid, p[6], k["LDTT"])
    batches.withdraw_candidate(db, gone, "Chuyển công tác")
    with db.session() as s:
        late = make_person(s, "Âu Thị Ý").id
    batches.add_candidate(db, bid, late, k["LDTT"])
    first = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "UBND",
                                   world.members[:7])
    council.record_tallies(db, first, [(ldtt[0], 7, 7, 6), (ldtt[1], 7, 6, 3),
                                       (cstd[0], 7, 7, 7), (cstd[1], 7, 7, 6)])
    council.approve_without_vote(db, first, homes)
    second = council.create_meeting(db, bid, datetime(2025, 12, 2, 8), "UBND",
                                    world.members[:5])
    council.record_tallies(db, second, [(ldtt[2], 5, 5, 1)])
    return first, second


def test_tally_gives_the_same_rows_as_the_orm_read(db, world, voted_meeting):
    for mid in voted_meeting:
        with db.read() as s:
            old = _old_tally(s, mid)
        new = council.tally(db, mid)
        assert new == old
        assert len(new) == 9 and {r.passed for r in new} == {True, False, None}
        assert {r.base for r in new} == ({7, 9} if mid == voted_meeting[0] else {5, 9})


def test_tally_reads_columns_not_orm_objects(db, world, voted_meeting):
    loaded = []
    with db.read() as s:
        event.listen(s, "loaded_as_persistent", lambda _s, obj: loaded.append(type(obj)))
        rows = council.tally_rows(s, voted_meeting[0])
    assert len(rows) == 9
    assert [t.__name__ for t in loaded] == ["Meeting"]  # the meeting itself, nothing per row

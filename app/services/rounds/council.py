"""Hội đồng Thi đua – Khen thưởng: members, meetings with attendance and quorum, ballots tally.

Pass / fail follows each award kind's vote_threshold (percent) over its vote_base ("present":
members present; "all": all members of the council), "at least" the threshold or, with
vote_strict, strictly "more than" it (a "more than half" rule); all data in Danh hiệu và mức
thưởng, set by the province's rule pack. Every tally row states its rule and its base."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app import text
from app.errors import DomainError, ValidationError
from app.rules.values import percent_vn
from app.services.common import get_or_raise
from app.services.rounds.batches import set_status
from app.services.rounds.quorum import (  # noqa: F401  (re-exported)
    DEFAULT_QUORUM,
    QUORUM_BASIS,
    QUORUM_KEY,
    QuorumRule,
    needed,
    rule_in,
)
from app.services.system import audit
from db.engine import Database
from db.models import (
    AwardKind,
    Ballot,
    Batch,
    Candidate,
    CouncilMember,
    Meeting,
    MeetingAttendee,
    Subject,
)


@dataclass(frozen=True)
class MemberInfo:
    """A council member and the period they serve."""
    full_name: str
    role: str  # Chủ tịch Hội đồng / Phó Chủ tịch Hội đồng / Ủy viên / Thư ký
    position: str | None = None
    from_date: date | None = None
    to_date: date | None = None
    sort_order: int = 0
    id: int | None = None


@dataclass(frozen=True)
class MeetingInfo:
    """A meeting with attendance counted and the quorum it needs."""
    id: int
    batch_id: int
    held_at: datetime | None
    place: str | None
    chair_name: str | None
    secretary_name: str | None
    members_total: int
    present: int
    quorum_needed: int
    content: str | None
    conclusion: str | None
    status: str
    minutes_number: str | None = None
    count_number: str | None = None

    @property
    def quorum_ok(self) -> bool:
        """Enough members attend for the meeting to be valid."""
        return self.present >= self.quorum_needed


@dataclass(frozen=True)
class TallyRow:
    """One candidate's vote: counts, the share it reached, the threshold and the verdict."""

    candidate_id: int
    subject_name: str
    award_code: str
    award_name: str
    ballots_issued: int | None
    ballots_valid: int | None
    agree: int | None
    base: int  # members the percentage is computed over
    percent: Decimal | None
    threshold: Decimal | None
    passed: bool | None  # None: not voted yet
    needs_vote: bool
    ballots_returned: int | None = None
    ballots_invalid: int | None = None
    disagree: int | None = None
    vote_base: str = "present"  # the award's base: "present" or "all" members
    strict: bool = False  # "more than" the threshold (trên 50%) rather than "at least"

    @property
    def base_label(self) -> str:
        """What the share is counted over: "thành viên Hội đồng" or "thành viên có mặt"."""
        return "thành viên Hội đồng" if self.vote_base == "all" else "thành viên có mặt"

    @property
    def rule_label(self) -> str:
        """"trên 50% thành viên Hội đồng (9 người)": the rule with its base."""
        if self.threshold is None:
            return "không bỏ phiếu"
        return f"{percent_vn(self.threshold, self.strict)} {self.base_label} ({self.base} người)"

    @property
    def share_label(self) -> str:
        """"5/9 thành viên Hội đồng": the vote share with its base."""
        if self.agree is None:
            return ""
        return f"{self.agree}/{self.base} {self.base_label}"


@dataclass(frozen=True)
class BallotCount:
    """One candidate's count: phiếu phát ra, thu vào, hợp lệ, không hợp lệ, đồng ý,
    không đồng ý (valid + invalid = returned ≤ issued; agree + disagree ≤ valid)."""

    candidate_id: int
    issued: int
    returned: int
    valid: int
    invalid: int
    agree: int
    disagree: int

    @classmethod
    def of(cls, row) -> BallotCount:
        """From a BallotCount or the short (candidate, issued, valid, agree) form, where every
        paper came back and every valid one not agreeing disagreed."""
        if isinstance(row, BallotCount):
            return row
        cid, issued, valid, agree = row
        return cls(cid, issued, issued, valid, issued - valid, agree, valid - agree)


def save_member(db: Database, data: MemberInfo) -> int:
    """Add or edit a council member."""
    name, role = text.nfc(data.full_name), text.nfc(data.role)
    if not name:
        raise ValidationError("Chưa nhập họ tên thành viên Hội đồng.", "full_name")
    if not role:
        raise ValidationError("Chưa nhập vai trò trong Hội đồng.", "role")
    if data.from_date and data.to_date and data.to_date < data.from_date:
        raise ValidationError("Ngày thôi tham gia trước ngày bắt đầu.", "to_date")
    with db.session() as s:
        m = s.get(CouncilMember, data.id) if data.id else None
        before = audit.snapshot(m) if m else None
        if m is None:
            m = CouncilMember()
            s.add(m)
        m.full_name, m.role, m.position = name, role, text.nfc_or_none(data.position)
        m.from_date, m.to_date, m.sort_order = data.from_date, data.to_date, data.sort_order
        s.flush()
        audit.log(s, "update" if before else "create", "council_member", m.id, before,
                  audit.snapshot(m))
        return m.id


def list_members(db: Database, on: date | None = None) -> list[MemberInfo]:
    """Members (serving on ``on`` when given), in council order."""
    with db.read() as s:
        stmt = select(CouncilMember).order_by(CouncilMember.sort_order, CouncilMember.id)
        if on:
            stmt = stmt.where(or_(CouncilMember.from_date.is_(None), CouncilMember.from_date <= on),
                              or_(CouncilMember.to_date.is_(None), CouncilMember.to_date >= on))
        return [MemberInfo(m.full_name, m.role, m.position, m.from_date, m.to_date, m.sort_order,
                           m.id) for m in s.scalars(stmt)]


def meeting_info(s: Session, m: Meeting) -> MeetingInfo:
    """MeetingInfo of a meeting inside an open session."""
    present = s.scalar(select(func.count()).select_from(MeetingAttendee).where(
        MeetingAttendee.meeting_id == m.id, MeetingAttendee.present.is_(True))) or 0
    rule = QuorumRule.parse(m.quorum_share) if m.quorum_share else rule_in(s)
    need = rule.needed(m.members_total)
    return MeetingInfo(m.id, m.batch_id, m.held_at, m.place, m.chair_name, m.secretary_name,
                       m.members_total, present, need, m.content, m.conclusion, m.status,
                       m.minutes_number, m.count_number)


def create_meeting(db: Database, batch_id: int, held_at: datetime, place: str | None,
                   present_member_ids: list[int], chair_name: str | None = None,
                   secretary_name: str | None = None, members_total: int | None = None,
                   content: str | None = None, tellers: list[int] | None = None,
                   teller_head: int | None = None, minutes_number: str | None = None,
                   count_number: str | None = None) -> int:
    """A council meeting for a batch with its attendance; members_total defaults to the
    members serving that day. ``tellers`` (Ban kiểm phiếu, ``teller_head`` its head) must be
    present."""
    with db.session() as s:
        get_or_raise(s, Batch, batch_id, "đợt xét")
        if members_total is None:
            members_total = len(list_members_in(s, held_at.date()))
        if members_total <= 0:
            raise ValidationError("Chưa có thành viên Hội đồng: thêm thành viên trước.", "members")
        if len(set(present_member_ids)) > members_total:
            raise ValidationError("Số người có mặt lớn hơn tổng số thành viên.", "attendees")
        roles = teller_roles(present_member_ids, tellers or [], teller_head)
        m = Meeting(batch_id=batch_id, held_at=held_at, place=text.nfc_or_none(place),
                    chair_name=text.nfc_or_none(chair_name),
                    secretary_name=text.nfc_or_none(secretary_name), members_total=members_total,
                    content=text.nfc_or_none(content), status="planned",
                    quorum_share=str(rule_in(s, held_at.date())),
                    minutes_number=text.nfc_or_none(minutes_number),
                    count_number=text.nfc_or_none(count_number))
        s.add(m)
        s.flush()
        for mid in sorted(set(present_member_ids)):
            get_or_raise(s, CouncilMember, mid, "thành viên Hội đồng")
            s.add(MeetingAttendee(meeting_id=m.id, member_id=mid, present=True,
                                  teller=roles.get(mid)))
        audit.log(s, "create", "meeting", m.id, None,
                  {**audit.snapshot(m), "present": sorted(set(present_member_ids)),
                   "tellers": roles})
        return m.id


def teller_roles(present_ids: list[int], tellers: list[int],
                 head: int | None) -> dict[int, str]:
    """{member id: "head" | "member"} of the Ban kiểm phiếu, checked against attendance."""
    chosen = list(dict.fromkeys(tellers + ([head] if head else [])))
    if set(chosen) - set(present_ids):
        raise ValidationError("Thành viên Ban kiểm phiếu phải là người có mặt tại cuộc họp.",
                              "tellers")
    if chosen and head is None:
        raise ValidationError("Chưa chọn Trưởng Ban kiểm phiếu.", "teller_head")
    return {mid: "head" if mid == head else "member" for mid in chosen}


@dataclass(frozen=True)
class MeetingEdit:
    """What can still be corrected on a meeting: numbers, who chairs and takes notes, the
    Ban kiểm phiếu; attendance only while no ballot has been counted."""

    place: str | None
    chair_name: str | None
    secretary_name: str | None
    present_member_ids: list[int]
    tellers: list[int]
    teller_head: int | None
    minutes_number: str | None = None
    count_number: str | None = None


def update_meeting(db: Database, meeting_id: int, edit: MeetingEdit) -> None:
    """Save corrections to a meeting (one transaction, audited)."""
    with db.session() as s:
        m = get_or_raise(s, Meeting, meeting_id, "cuộc họp")
        rows = {a.member_id: a for a in s.scalars(
            select(MeetingAttendee).where(MeetingAttendee.meeting_id == m.id))}
        present = sorted(set(edit.present_member_ids))
        was = sorted(k for k, a in rows.items() if a.present)
        counted = s.scalar(select(func.count()).select_from(Ballot).where(
            Ballot.meeting_id == m.id)) or 0
        if present != was and counted:
            raise DomainError("Đã nhập kết quả kiểm phiếu: không sửa danh sách người có mặt "
                              "được nữa (lập cuộc họp mới nếu cần).")
        if len(present) > m.members_total:
            raise ValidationError("Số người có mặt lớn hơn tổng số thành viên.", "attendees")
        roles = teller_roles(present, edit.tellers, edit.teller_head)
        before = {**audit.snapshot(m), "present": was,
                  "tellers": {k: a.teller for k, a in rows.items() if a.teller}}
        m.place, m.chair_name = text.nfc_or_none(edit.place), text.nfc_or_none(edit.chair_name)
        m.secretary_name = text.nfc_or_none(edit.secretary_name)
        m.minutes_number = text.nfc_or_none(edit.minutes_number)
        m.count_number = text.nfc_or_none(edit.count_number)
        for mid, a in rows.items():
            if mid not in present:
                s.delete(a)
        for mid in present:
            get_or_raise(s, CouncilMember, mid, "thành viên Hội đồng")
            a = rows.get(mid) or MeetingAttendee(meeting_id=m.id, member_id=mid)
            a.present, a.teller = True, roles.get(mid)
            s.add(a)
        s.flush()
        audit.log(s, "update", "meeting", m.id, before,
                  {**audit.snapshot(m), "present": present, "tellers": roles})


def tellers_of(s: Session, meeting_id: int) -> list[tuple[int, str, str]]:
    """The Ban kiểm phiếu: (member id, name, "head" | "member"), head first, council order."""
    rows = s.execute(select(CouncilMember.id, CouncilMember.full_name, MeetingAttendee.teller)
                     .join(MeetingAttendee, MeetingAttendee.member_id == CouncilMember.id)
                     .where(MeetingAttendee.meeting_id == meeting_id,
                            MeetingAttendee.teller.is_not(None))
                     .order_by(CouncilMember.sort_order, CouncilMember.id)).all()
    return sorted(((i, n, t) for i, n, t in rows), key=lambda r: r[2] != "head")


def meeting_tellers(db: Database, meeting_id: int) -> list[tuple[int, str, str]]:
    """:func:`tellers_of` in its own read."""
    with db.read() as s:
        return tellers_of(s, meeting_id)


def list_members_in(s: Session, on: date) -> list[CouncilMember]:
    """Members serving on a day (inside an open session)."""
    return list(s.scalars(select(CouncilMember).where(
        or_(CouncilMember.from_date.is_(None), CouncilMember.from_date <= on),
        or_(CouncilMember.to_date.is_(None), CouncilMember.to_date >= on))))


def get_meeting(db: Database, meeting_id: int) -> MeetingInfo:
    """A meeting with attendance and quorum."""
    with db.read() as s:
        return meeting_info(s, get_or_raise(s, Meeting, meeting_id, "cuộc họp"))


def list_meetings(db: Database, batch_id: int) -> list[MeetingInfo]:
    """Meetings of a batch, oldest first."""
    with db.read() as s:
        rows = s.scalars(select(Meeting).where(Meeting.batch_id == batch_id).order_by(Meeting.id))
        return [meeting_info(s, m) for m in rows]


def attendees(db: Database, meeting_id: int) -> list[MemberInfo]:
    """Members present at a meeting, in council order."""
    with db.read() as s:
        rows = s.scalars(select(CouncilMember).join(
            MeetingAttendee, MeetingAttendee.member_id == CouncilMember.id).where(
            MeetingAttendee.meeting_id == meeting_id, MeetingAttendee.present.is_(True))
            .order_by(CouncilMember.sort_order, CouncilMember.id))
        return [MemberInfo(m.full_name, m.role, m.position, m.from_date, m.to_date, m.sort_order,
                           m.id) for m in rows]


BASE_LABELS = {"all": "tổng số thành viên Hội đồng", "present": "thành viên có mặt"}


def _base(m: MeetingInfo, kind: AwardKind) -> int:
    return m.members_total if kind.vote_base == "all" else m.present


def _verdict(agree: int, base: int, threshold, strict: bool = False) -> tuple[Decimal, bool]:
    pct = (Decimal(agree) * 100 / Decimal(base)).quantize(Decimal("0.1")) if base else Decimal(0)
    if not base:
        return pct, False
    # Compare exact fractions so 2/3 of 9 against 66,67% does not flip on rounding.
    votes, needed_share = Fraction(agree) * 100, Fraction(str(threshold)) * base
    return pct, votes > needed_share if strict else votes >= needed_share


def record_tally(db: Database, meeting_id: int, candidate_id: int, ballots_issued: int,
                 ballots_valid: int, agree: int) -> TallyRow:
    """Enter the vote count for one candidate; pass/fail is computed from the award's rule."""
    return record_tallies(db, meeting_id, [(candidate_id, ballots_issued, ballots_valid, agree)])[0]


def record_tallies(db: Database, meeting_id: int, counts: list) -> list[TallyRow]:
    """Enter several counts (BallotCount, or the short (candidate, issued, valid, agree)) in one
    transaction."""
    with db.session() as s:
        meeting = get_or_raise(s, Meeting, meeting_id, "cuộc họp")
        info = meeting_info(s, meeting)
        return [_tally_one(s, meeting, info, BallotCount.of(row)) for row in counts]


def check_counts(present: int, name: str, n: BallotCount) -> None:
    """The arithmetic of one count, with a message naming the candidate and the rule."""
    if not n.agree <= n.valid <= n.issued:
        raise ValidationError(
            f"{name}: phải có số phiếu đồng ý ≤ số phiếu hợp lệ ≤ số phiếu phát ra.", "ballots")
    if min(n.issued, n.returned, n.valid, n.invalid, n.agree, n.disagree) < 0:
        raise ValidationError(f"{name}: số phiếu không được âm.", "ballots")
    if n.valid + n.invalid != n.returned:
        raise ValidationError(f"{name}: phiếu hợp lệ ({n.valid}) + không hợp lệ ({n.invalid}) "
                              f"phải bằng số phiếu thu vào ({n.returned}).", "ballots")
    if n.returned > n.issued:
        raise ValidationError(f"{name}: thu vào {n.returned} phiếu, nhiều hơn số phát ra "
                              f"({n.issued}).", "ballots")
    if n.agree + n.disagree > n.valid:
        raise ValidationError(f"{name}: đồng ý ({n.agree}) + không đồng ý ({n.disagree}) "
                              f"vượt quá số phiếu hợp lệ ({n.valid}).", "ballots")
    if n.issued > present:
        raise ValidationError(
            f"{name}: phát ra {n.issued} phiếu nhưng chỉ có {present} thành viên có mặt.",
            "ballots")


def _tally_one(s: Session, meeting: Meeting, info: MeetingInfo, n: BallotCount) -> TallyRow:
    cid, issued, valid, agree = n.candidate_id, n.issued, n.valid, n.agree
    c = get_or_raise(s, Candidate, cid, "ứng viên")
    if c.batch_id != meeting.batch_id:
        raise DomainError("Ứng viên không thuộc đợt xét của cuộc họp này.")
    if c.status in ("decided", "withdrawn"):
        raise DomainError("Ứng viên đã có quyết định hoặc đã rút: không nhập phiếu được.")
    kind, subj = s.get(AwardKind, c.award_kind_id), s.get(Subject, c.subject_id)
    check_counts(info.present, subj.name, n)
    threshold = kind.vote_threshold if kind.vote_threshold is not None else 50
    base = _base(info, kind)
    pct, passed = _verdict(agree, base, threshold, kind.vote_strict)
    ballot = s.scalar(select(Ballot).where(Ballot.meeting_id == meeting.id,
                                           Ballot.candidate_id == cid))
    before = audit.snapshot(ballot) if ballot else None
    if ballot is None:
        ballot = Ballot(meeting_id=meeting.id, candidate_id=cid)
        s.add(ballot)
    ballot.ballots_issued, ballot.ballots_valid, ballot.agree, ballot.passed = (
        issued, valid, agree, passed)
    ballot.ballots_returned, ballot.ballots_invalid, ballot.disagree = (
        n.returned, n.invalid, n.disagree)
    base_label = BASE_LABELS.get(kind.vote_base, BASE_LABELS["present"])
    got = f"Đạt {_pct(pct)} phiếu đồng ý ({agree}/{base} {base_label})"
    reason = None if passed else (
        f"{got}, chưa trên mức {_pct(threshold)} {base_label}." if kind.vote_strict
        else f"{got}, dưới mức {_pct(threshold)} {base_label}.")
    set_status(s, c, "candidate", "passed" if passed else "failed", reason)
    c.outcome_reason = reason
    s.flush()
    audit.log(s, "update" if before else "create", "ballot", ballot.id, before,
              audit.snapshot(ballot))
    return TallyRow(cid, subj.name, kind.code, kind.name, issued, valid, agree, base, pct,
                    Decimal(str(threshold)), passed, True, n.returned, n.invalid, n.disagree,
                    kind.vote_base, bool(kind.vote_strict))


def _pct(value) -> str:
    return f"{Decimal(str(value)).normalize():f}".replace(".", ",") + "%"


def approve_without_vote(db: Database, meeting_id: int, candidate_ids: list[int],
                         note: str = "Hội đồng thống nhất, không bỏ phiếu kín") -> None:
    """Mark candidates passed without a ballot (award kinds without a vote threshold)."""
    with db.session() as s:
        meeting = get_or_raise(s, Meeting, meeting_id, "cuộc họp")
        ids = list(dict.fromkeys(candidate_ids))
        found = {}
        for start in range(0, len(ids), 5000):
            found.update((c.id, c) for c in s.scalars(
                select(Candidate).where(Candidate.id.in_(ids[start:start + 5000]))))
        for cid in ids:
            c = found.get(cid)
            if c is None or c.batch_id != meeting.batch_id or c.status in ("decided", "withdrawn"):
                raise DomainError("Ứng viên không thể thông qua trong cuộc họp này.")
            before = c.status
            set_status(s, c, "candidate", "passed", note)
            c.outcome_reason = None
            audit.log(s, "update", "candidate", c.id, {"status": before}, {"status": "passed"},
                      note)


def tally(db: Database, meeting_id: int) -> list[TallyRow]:
    """Every active candidate of the meeting's batch with its vote (or none yet)."""
    with db.read() as s:
        return tally_rows(s, meeting_id)


def tally_rows(s: Session, meeting_id: int) -> list[TallyRow]:
    """Session-level :func:`tally` (used by the documents).

    Plain columns, not ORM objects: a Gia đình văn hóa round tallies 14,000 households."""
    meeting = get_or_raise(s, Meeting, meeting_id, "cuộc họp")
    info = meeting_info(s, meeting)
    c, k, b = Candidate, AwardKind, Ballot
    stmt = (select(c.id, c.status, Subject.name, k.code, k.name, k.vote_threshold, k.vote_base,
                   k.vote_strict, b.id, b.ballots_issued, b.ballots_valid, b.agree, b.passed,
                   b.ballots_returned, b.ballots_invalid, b.disagree)
            .join(Subject, Subject.id == c.subject_id)
            .join(k, k.id == c.award_kind_id)
            .outerjoin(b, (b.candidate_id == c.id) & (b.meeting_id == meeting_id))
            .where(c.batch_id == meeting.batch_id, c.status != "withdrawn")
            .order_by(k.sort_order, Subject.sort_key))
    return [_row(info.members_total if r[6] == "all" else info.present, r)
            for r in s.execute(stmt)]


def _row(base: int, r) -> TallyRow:
    (cid, status, name, code, award, vote_threshold, vote_base, vote_strict, ballot_id, issued,
     valid, agree, passed, returned, invalid, disagree) = r
    threshold = Decimal(str(vote_threshold)) if vote_threshold is not None else None
    voted = ballot_id is not None
    pct = _verdict(agree, base, threshold or 50, vote_strict)[0] if voted else None
    if not voted:
        passed = {"passed": True, "failed": False, "decided": True}.get(status)
    return TallyRow(cid, name, code, award, issued, valid, agree, base, pct, threshold, passed,
                    threshold is not None, returned, invalid, disagree, vote_base,
                    bool(vote_strict))


def close_meeting(db: Database, meeting_id: int, conclusion: str | None = None) -> None:
    """Record the conclusion; the batch moves on to "Đã họp Hội đồng"."""
    with db.session() as s:
        m = get_or_raise(s, Meeting, meeting_id, "cuộc họp")
        info = meeting_info(s, m)
        if not info.quorum_ok:
            note = (f"Chỉ có {info.present}/{info.members_total} thành viên dự họp "
                    f"(cần {info.quorum_needed}).")
        else:
            note = None
        before = audit.snapshot(m)
        m.conclusion, m.status = text.nfc_or_none(conclusion), "held"
        b = s.get(Batch, m.batch_id)
        if b.status == "draft":
            set_status(s, b, "batch", "council")
        s.flush()
        audit.log(s, "update", "meeting", m.id, before, audit.snapshot(m), note)



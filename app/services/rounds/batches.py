"""Đợt xét khen thưởng: batches, candidates, eligibility check, attachments."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app import rules, text
from app.errors import DomainError, NotFoundError, ValidationError
from app.rules import Finding, Suggestion
from app.services.common import get_or_raise
from app.services.system import audit
from db.engine import Database
from db.models import AwardKind, Batch, Candidate, Registration, StatusHistory, Subject

BATCH_KINDS = {"tong_ket_nam": "Tổng kết năm", "chuyen_de": "Chuyên đề", "dot_xuat": "Đột xuất"}
BATCH_STATUSES = {"draft": "Đang lập danh sách", "council": "Đã họp Hội đồng",
                  "decided": "Đã có quyết định"}
CANDIDATE_STATUSES = {"proposed": "Đề nghị", "passed": "Hội đồng thông qua",
                      "failed": "Không được thông qua", "withdrawn": "Đã rút",
                      "decided": "Đã có quyết định"}
ACHIEVEMENT_MAX = 2000  # characters; long reports go in attachments


@dataclass(frozen=True)
class BatchInfo:
    """A batch with its candidate counts, for lists and headers."""
    id: int
    name: str
    year: int
    kind: str
    kind_label: str
    status: str
    status_label: str
    notes: str | None
    candidates: int
    passed: int


@dataclass(frozen=True)
class CandidateInfo:
    """One candidate with subject, award, texts, status and last eligibility findings."""
    id: int
    batch_id: int
    subject_id: int
    subject_type: str
    subject_name: str
    award_kind_id: int
    award_code: str
    award_name: str
    achievement: str | None
    citation: str | None
    proposing_unit: str | None
    status: str
    status_label: str
    outcome_reason: str | None
    findings: tuple[Finding, ...] = ()

    @property
    def warnings(self) -> int:
        """How many findings need the council's attention."""
        return sum(1 for f in self.findings if f.level == "warning")


@dataclass(frozen=True)
class AddResult:
    """Outcome of a bulk add: new candidate ids and, per skipped item, why (Vietnamese)."""

    added: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def set_status(s: Session, obj, entity: str, status: str, reason: str | None = None) -> None:
    """Change a batch/candidate status and keep the history."""
    if obj.status == status:
        return
    s.add(StatusHistory(entity=entity, entity_id=obj.id, from_status=obj.status,
                        to_status=status, reason=reason))
    obj.status = status


def _batch_info(s: Session, b: Batch) -> BatchInfo:
    counts = dict(s.execute(select(Candidate.status, func.count()).where(
        Candidate.batch_id == b.id).group_by(Candidate.status)).all())
    return BatchInfo(b.id, b.name, b.year, b.kind, BATCH_KINDS.get(b.kind, b.kind), b.status,
                     BATCH_STATUSES.get(b.status, b.status), b.notes, sum(counts.values()),
                     counts.get("passed", 0) + counts.get("decided", 0))


def _validate_batch(name: str, year: int, kind: str) -> str:
    name = text.nfc(name)
    if not name:
        raise ValidationError("Chưa nhập tên đợt xét.", "name")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationError("Năm xét không hợp lệ (ví dụ: 2025).", "year")
    if kind not in BATCH_KINDS:
        raise ValidationError("Loại đợt xét không hợp lệ.", "kind")
    return name


def create_batch(db: Database, name: str, year: int, kind: str = "tong_ket_nam",
                 movement_id: int | None = None, notes: str | None = None) -> int:
    """New đợt xét; returns its id."""
    name = _validate_batch(name, year, kind)
    with db.session() as s:
        b = Batch(name=name, year=year, kind=kind, movement_id=movement_id,
                  notes=text.nfc_or_none(notes), status="draft")
        s.add(b)
        s.flush()
        audit.log(s, "create", "batch", b.id, None, audit.snapshot(b))
        return b.id


def update_batch(db: Database, batch_id: int, name: str, year: int, kind: str,
                 notes: str | None = None, movement_id: int | None = None) -> None:
    """Edit a batch's name, year, kind, notes."""
    name = _validate_batch(name, year, kind)
    with db.session() as s:
        b = get_or_raise(s, Batch, batch_id, "đợt xét")
        if year != b.year and b.status == "decided":
            raise DomainError("Đợt xét đã có quyết định: không đổi năm được.")
        before = audit.snapshot(b)
        b.name, b.year, b.kind, b.notes = name, year, kind, text.nfc_or_none(notes)
        b.movement_id = movement_id
        s.flush()
        audit.log(s, "update", "batch", b.id, before, audit.snapshot(b))


def delete_batch(db: Database, batch_id: int) -> None:
    """Delete a batch that has no meeting and no decision yet (candidates go with it)."""
    from db.models import Decision, Meeting

    with db.session() as s:
        b = get_or_raise(s, Batch, batch_id, "đợt xét")
        if s.scalar(select(func.count()).select_from(Decision).where(Decision.batch_id == b.id)):
            raise DomainError("Đợt xét đã có quyết định: không xóa được.")
        if s.scalar(select(func.count()).select_from(Meeting).where(Meeting.batch_id == b.id)):
            raise DomainError("Đợt xét đã có cuộc họp Hội đồng: không xóa được.")
        audit.log(s, "delete", "batch", b.id, audit.snapshot(b), None)
        s.delete(b)


def list_batches(db: Database, year: int | None = None) -> list[BatchInfo]:
    """Batches, newest year first."""
    with db.read() as s:
        stmt = select(Batch).order_by(Batch.year.desc(), Batch.id.desc())
        if year:
            stmt = stmt.where(Batch.year == year)
        return [_batch_info(s, b) for b in s.scalars(stmt)]


def get_batch(db: Database, batch_id: int) -> BatchInfo:
    """One batch with its candidate counts."""
    with db.read() as s:
        return _batch_info(s, get_or_raise(s, Batch, batch_id, "đợt xét"))


def _clean_achievement(value: str | None) -> str | None:
    value = text.nfc_or_none(value)
    if value and len(value) > ACHIEVEMENT_MAX:
        raise ValidationError(
            f"Thành tích dài {len(value)} ký tự, quá {ACHIEVEMENT_MAX}: "
            "đưa báo cáo đầy đủ vào tệp đính kèm.", "achievement")
    return value


def _add(s: Session, b: Batch, subject_id: int, kind_id: int, achievement=None,
         proposing_unit=None, citation=None, registration_id=None) -> Candidate:
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
                  achievement=_clean_achievement(achievement),
                  proposing_unit=text.nfc_or_none(proposing_unit),
                  citation=text.nfc_or_none(citation), registration_id=registration_id,
                  status="proposed", sort_order=order)
    s.add(c)
    s.flush()
    audit.log(s, "create", "candidate", c.id, None, audit.snapshot(c))
    return c


def add_candidate(db: Database, batch_id: int, subject_id: int, award_kind_id: int,
                  achievement: str | None = None, proposing_unit: str | None = None,
                  citation: str | None = None) -> int:
    """Propose one subject for one award in the batch; returns the candidate id."""
    with db.session() as s:
        b = get_or_raise(s, Batch, batch_id, "đợt xét")
        get_or_raise(s, Subject, subject_id, "đối tượng")
        get_or_raise(s, AwardKind, award_kind_id, "danh hiệu")
        return _add(s, b, subject_id, award_kind_id, achievement, proposing_unit, citation).id


def add_candidates(db: Database, batch_id: int, subject_ids: list[int], award_kind_id: int,
                   proposing_unit: str | None = None) -> AddResult:
    """Propose several subjects (picked from the records) for one award, in one transaction;
    subjects already proposed for it are skipped with the reason."""
    result = AddResult()
    with db.session() as s:
        b = get_or_raise(s, Batch, batch_id, "đợt xét")
        kind = get_or_raise(s, AwardKind, award_kind_id, "danh hiệu")
        if b.status == "decided":
            raise DomainError("Đợt xét đã có quyết định: không thêm ứng viên được.")
        wanted = list(dict.fromkeys(subject_ids))
        names = {}
        for start in range(0, len(wanted), 5000):
            names.update(s.execute(select(Subject.id, Subject.name).where(
                Subject.id.in_(wanted[start:start + 5000]))).all())
        have = set(s.scalars(select(Candidate.subject_id).where(
            Candidate.batch_id == b.id, Candidate.award_kind_id == kind.id)))
        order = s.scalar(select(func.max(Candidate.sort_order)).where(
            Candidate.batch_id == b.id)) or 0
        new = []
        for sid in wanted:
            if sid not in names:
                result.skipped.append(f"Không tìm thấy đối tượng (mã {sid}).")
            elif sid in have:
                result.skipped.append(f"“{names[sid]}” đã có trong đợt xét với “{kind.name}”.")
            else:
                order += 1
                new.append(Candidate(batch_id=b.id, subject_id=sid, award_kind_id=kind.id,
                                     proposing_unit=text.nfc_or_none(proposing_unit),
                                     status="proposed", sort_order=order))
        s.add_all(new)
        s.flush()
        for c in new:
            audit.log(s, "create", "candidate", c.id, None, {
                "batch_id": b.id, "subject_id": c.subject_id, "award_kind_id": kind.id})
        result.added.extend(c.id for c in new)
    return result


def add_candidates_from_registrations(db: Database, batch_id: int,
                                      registration_ids: list[int]) -> AddResult:
    """Candidates from achieved registrations (outcome "dat"): same subject and award, in the
    order given; the others are skipped with the reason (not achieved, already proposed).

    In bulk (a whole ward's Gia đình văn hóa round is 14,000 households): a few reads, one
    executemany INSERT, lean audit rows."""
    result = AddResult()
    with db.session() as s:
        b = get_or_raise(s, Batch, batch_id, "đợt xét")
        regs = _registrations_by_id(s, registration_ids)
        kinds = dict(s.execute(select(AwardKind.id, AwardKind.name).where(
            AwardKind.id.in_({r.award_kind_id for r in regs.values()}))).all())
        have = set(s.execute(select(Candidate.subject_id, Candidate.award_kind_id).where(
            Candidate.batch_id == b.id)))
        order = s.scalar(select(func.max(Candidate.sort_order)).where(
            Candidate.batch_id == b.id)) or 0
        rows = []
        for rid in registration_ids:
            reg = regs.get(rid)
            if reg is None:
                raise NotFoundError(f"Không tìm thấy đăng ký thi đua (mã {rid}).")
            if reg.outcome != "dat":
                result.skipped.append(
                    f"“{reg.name}”: đăng ký năm {reg.year} chưa được đánh giá đạt.")
            elif b.status == "decided":
                raise DomainError("Đợt xét đã có quyết định: không thêm ứng viên được.")
            elif (reg.subject_id, reg.award_kind_id) in have:
                result.skipped.append(
                    f"“{reg.name}” đã có trong đợt xét với “{kinds[reg.award_kind_id]}”.")
            else:
                have.add((reg.subject_id, reg.award_kind_id))
                order += 1
                rows.append({"batch_id": b.id, "subject_id": reg.subject_id,
                             "award_kind_id": reg.award_kind_id, "registration_id": rid,
                             "status": "proposed", "sort_order": order})
        if rows:
            # executemany without RETURNING (SQLite would insert row by row to return ids in
            # order); the ids come back by the (batch, subject, award) each row is unique on.
            s.execute(insert(Candidate), rows)
            made = {(sid, kid): cid for cid, sid, kid in s.execute(
                select(Candidate.id, Candidate.subject_id, Candidate.award_kind_id)
                .where(Candidate.batch_id == b.id))}
            result.added.extend(made[r["subject_id"], r["award_kind_id"]] for r in rows)
            audit.log_created(s, "candidate", [
                (cid, {k: r[k] for k in ("batch_id", "subject_id", "award_kind_id",
                                         "registration_id")})
                for cid, r in zip(result.added, rows)])
    return result


def _registrations_by_id(s: Session, ids: list[int]) -> dict:
    """{registration id: (id, year, subject_id, award_kind_id, outcome, subject name)}."""
    wanted = list(dict.fromkeys(ids))
    found = {}
    for start in range(0, len(wanted), 5000):
        found.update((r.id, r) for r in s.execute(
            select(Registration.id, Registration.year, Registration.subject_id,
                   Registration.award_kind_id, Registration.outcome, Subject.name)
            .join(Subject, Subject.id == Registration.subject_id)
            .where(Registration.id.in_(wanted[start:start + 5000]))))
    return found


def update_candidate(db: Database, candidate_id: int, achievement: str | None,
                     citation: str | None, proposing_unit: str | None,
                     award_kind_id: int | None = None) -> None:
    """Edit a candidate's texts (and award, while not decided)."""
    with db.session() as s:
        c = get_or_raise(s, Candidate, candidate_id, "ứng viên")
        if c.status == "decided":
            raise DomainError("Ứng viên đã có trong quyết định: sửa trên dự thảo quyết định.")
        before = audit.snapshot(c)
        c.achievement = _clean_achievement(achievement)
        c.citation, c.proposing_unit = text.nfc_or_none(citation), text.nfc_or_none(proposing_unit)
        if award_kind_id and award_kind_id != c.award_kind_id:
            get_or_raise(s, AwardKind, award_kind_id, "danh hiệu")
            c.award_kind_id, c.findings = award_kind_id, None
        s.flush()
        audit.log(s, "update", "candidate", c.id, before, audit.snapshot(c))


def withdraw_candidate(db: Database, candidate_id: int, reason: str) -> None:
    """Rút đề nghị: the candidate stays in the history with the reason."""
    reason = text.nfc(reason)
    if not reason:
        raise ValidationError("Cần ghi lý do rút đề nghị.", "reason")
    with db.session() as s:
        c = get_or_raise(s, Candidate, candidate_id, "ứng viên")
        if c.status == "decided":
            raise DomainError("Ứng viên đã có trong quyết định đã ban hành: không rút được.")
        before = audit.snapshot(c)
        set_status(s, c, "candidate", "withdrawn", reason)
        c.outcome_reason = reason
        s.flush()
        audit.log(s, "update", "candidate", c.id, before, audit.snapshot(c))


def list_candidates(db: Database, batch_id: int, status: str | None = None) -> list[CandidateInfo]:
    """Candidates grouped by award (award order), then Vietnamese name order.

    Plain columns, not ORM objects: a Gia đình văn hóa round lists 14,000 households."""
    c = Candidate
    with db.read() as s:
        stmt = (select(c.id, c.batch_id, c.subject_id, Subject.type, Subject.name, AwardKind.id,
                       AwardKind.code, AwardKind.name, c.achievement, c.citation,
                       c.proposing_unit, c.status, c.outcome_reason, c.findings)
                .join(Subject, Subject.id == c.subject_id)
                .join(AwardKind, AwardKind.id == c.award_kind_id)
                .where(c.batch_id == batch_id)
                .order_by(AwardKind.sort_order, Subject.sort_key, c.id))
        if status:
            stmt = stmt.where(c.status == status)
        return [CandidateInfo(*row[:12], CANDIDATE_STATUSES.get(row[11], row[11]), row[12],
                              tuple(Finding.from_dict(d) for d in (row[13] or [])))
                for row in s.execute(stmt)]


def check_batch(db: Database, batch_id: int) -> dict[int, list[Finding]]:
    """Run the eligibility rules; store and return the findings per candidate (advice only)."""
    with db.session() as s:
        get_or_raise(s, Batch, batch_id, "đợt xét")
        found = rules.evaluate_batch(s, batch_id)
        if found:  # one executemany UPDATE by primary key, not 15,000 loads and flushes
            s.execute(update(Candidate), [{"id": cid, "findings": [f.as_dict() for f in items]}
                                          for cid, items in found.items()])
        total = sum(1 for items in found.values() for f in items if f.level == "warning")
        audit.log(s, "check", "batch", batch_id, None, None,
                  f"Kiểm tra điều kiện: {len(found)} ứng viên, {total} cảnh báo")
        return found


def suggestions(db: Database, batch_id: int) -> list[Suggestion]:
    """Subjects the rules suggest adding (e.g. several years running)."""
    with db.read() as s:
        get_or_raise(s, Batch, batch_id, "đợt xét")
        return rules.streak_suggestions(s, batch_id)

"""Issuing decisions (gap-free register numbers, register entries, fund posting), revocation
and correction (new linked decisions), and higher-level decisions recorded by reference.

The register (AwardRecord) is written only here. Once written an entry is never changed
except revoked False → True by an issued revocation decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import text
from app.errors import DomainError, ValidationError
from app.services.awards import fund
from app.services.common import get_or_raise
from app.services.rounds import decision_texts
from app.services.rounds.batches import set_status
from app.services.rounds.decisions import editable, price
from app.services.system import audit
from db.engine import Database
from db.models import AwardKind, AwardRecord, Batch, Candidate, Decision, DecisionLine

REVOKE_BASIS = ("Luật Thi đua, khen thưởng 2022: hủy bỏ quyết định khen thưởng, thu hồi hiện "
                "vật và tiền thưởng")


@dataclass(frozen=True)
class IssueResult:
    """What issuing wrote: the number, the register entries, the money."""
    decision_id: int
    full_number: str
    certificate_nos: tuple[str, ...]  # register entries written ("2025/0001", …)
    total_money: int


def next_register_no(s: Session, year: int) -> int:
    """The next register number of the year: one above the highest ever written (gap-free,
    revoked entries keep their numbers)."""
    top = s.scalar(select(func.max(AwardRecord.register_no)).where(
        AwardRecord.register_year == year))
    return (top or 0) + 1


def _write_record(s: Session, d: Decision, line: DecisionLine, **extra) -> AwardRecord:
    return _write_records(s, d, [line], **extra)[0]


def snapshot_award_names(s: Session, lines: list[DecisionLine]) -> None:
    """Write on each line the award's name as it is printed today (the day of issue), so a
    later renaming of the award kind never changes the issued decision or its register entries.
    (The database fills an empty one too; doing it here keeps other databases right.)"""
    names = award_names(s, {line.award_kind_id for line in lines})
    for line in lines:
        if line.award_name is None:
            line.award_name = names[line.award_kind_id]


def award_names(s: Session, kind_ids) -> dict[int, str]:
    return dict(s.execute(select(AwardKind.id, AwardKind.name)
                          .where(AwardKind.id.in_(list(kind_ids)))).all())


def _write_records(s: Session, d: Decision, lines: list[DecisionLine], **extra) -> list[AwardRecord]:
    """Register entries for the lines, numbered on from the year's highest number; each keeps
    the award's name as printed on its line."""
    year = d.signed_on.year
    first = next_register_no(s, year)
    snapshot_award_names(s, lines)
    recs = [AwardRecord(
        register_year=year, register_no=no, certificate_no=f"{year}/{no:04d}",
        award_name=line.award_name, subject_id=line.subject_id, award_kind_id=line.award_kind_id,
        year=line.achievement_year, decision_id=d.id, level=d.level,
        salutation=line.salutation, printed_name=line.printed_name,
        position_line=line.position_line, citation=line.citation, money=line.money, **extra)
        for no, line in enumerate(lines, start=first)]
    s.add_all(recs)
    s.flush()
    note = f"Ghi sổ theo quyết định {d.full_number}"
    for rec in recs:
        audit.log(s, "create", "award_record", rec.id, None, audit.snapshot(rec), note)
    return recs


def _validate_for_issue(s: Session, d: Decision, lines: list[DecisionLine]) -> None:
    if not d.number:
        raise ValidationError("Chưa có số quyết định.", "number")
    if not d.signed_on:
        raise ValidationError("Chưa có ngày ký quyết định.", "signed_on")
    if not d.signer_name:
        raise ValidationError("Chưa chọn người ký quyết định.", "signer")
    if not lines:
        raise ValidationError("Quyết định chưa có ai trong danh sách.", "lines")
    clash = s.scalar(select(Decision.id).where(
        Decision.year == d.signed_on.year, Decision.symbol == d.symbol,
        Decision.number == d.number, Decision.id != d.id))
    if clash:
        raise ValidationError(f"Số {d.number}/{d.symbol} năm {d.signed_on.year} đã dùng cho "
                              "quyết định khác.", "number")


def issue_decision(db: Database, decision_id: int) -> IssueResult:
    """Ban hành: freeze the decision, write the register entries (or revoke / correct them),
    post the money to the fund — all in one transaction."""
    try:
        return _issue(db, decision_id)
    except IntegrityError as exc:  # another copy of the app issued at the same moment
        raise DomainError("Số quyết định hoặc số vào sổ vừa được dùng ở nơi khác; "
                          "không có gì được ghi. Hãy mở lại và ban hành lại.") from exc


def _issue(db: Database, decision_id: int) -> IssueResult:
    # The write lock from the first read (BEGIN IMMEDIATE): the numbers read below stay free
    # until this transaction commits, whatever other program writes to the file.
    with db.session(immediate=True) as s:
        d = editable(s, decision_id)
        lines = list(s.scalars(select(DecisionLine).where(DecisionLine.decision_id == d.id)
                               .order_by(DecisionLine.sort_order, DecisionLine.id)))
        _validate_for_issue(s, d, lines)
        before = audit.snapshot(d)
        d.year, d.full_number = d.signed_on.year, f"{d.number}/{d.symbol}"
        certs: list[str] = []
        if d.kind == "khen_thuong":
            price(s, d)
            certs = [r.certificate_no for r in _write_records(s, d, _award_order(s, lines))]
            _mark_decided(s, lines)
        elif d.kind == "dinh_chinh":
            certs = [_correct(s, d, line) for line in lines]
        mark_issued(s, d, lines)
        if d.kind == "thu_hoi":  # the register accepts the mark only from an issued revocation
            _revoke(s, d, lines)
        if d.kind == "khen_thuong":
            fund.post_decision(s, d)
        audit.log(s, "issue", "decision", d.id, before, audit.snapshot(d))
        return IssueResult(d.id, d.full_number, tuple(certs), d.total_money)


def mark_issued(s: Session, d: Decision, lines: list[DecisionLine]) -> None:
    """Freeze the decision: its lines are written first (with the award names of today), then
    the status, after which the database refuses any change to the decision or its lines."""
    snapshot_award_names(s, lines)
    s.flush()
    d.status, d.issued_at = "issued", datetime.now()
    s.flush()


def _award_order(s: Session, lines: list[DecisionLine]) -> list[DecisionLine]:
    order = dict(s.execute(select(AwardKind.id, AwardKind.sort_order)).all())
    return sorted(lines, key=lambda x: (order.get(x.award_kind_id, 0), x.sort_order, x.id))


def _mark_decided(s: Session, lines: list[DecisionLine]) -> None:
    batch_ids = set()
    ids = [line.candidate_id for line in lines if line.candidate_id]
    for start in range(0, len(ids), 5000):
        for c in s.scalars(select(Candidate).where(Candidate.id.in_(ids[start:start + 5000]))):
            set_status(s, c, "candidate", "decided")
            batch_ids.add(c.batch_id)
    for bid in batch_ids:
        # Awards the ward only proposes upward do not keep the batch open.
        open_left = s.scalar(select(func.count()).select_from(Candidate).join(
            AwardKind, AwardKind.id == Candidate.award_kind_id).where(
            Candidate.batch_id == bid, Candidate.status.in_(("proposed", "passed")),
            AwardKind.awarded_here.is_(True)))
        if not open_left:
            set_status(s, s.get(Batch, bid), "batch", "decided")


def _revoke(s: Session, d: Decision, lines: list[DecisionLine], post_fund: bool = True) -> None:
    recovered = 0
    for line in lines:
        rec = s.get(AwardRecord, line.award_record_id)
        if rec is None or rec.revoked:
            raise DomainError(f"Mục số {rec.certificate_no if rec else '?'} đã bị thu hồi trước đó.")
        before = audit.snapshot(rec)
        rec.revoked, rec.revoked_by_decision_id = True, d.id
        recovered += rec.money
        s.flush()
        audit.log(s, "revoke", "award_record", rec.id, before, audit.snapshot(rec),
                  f"Thu hồi theo quyết định {d.full_number}")
    if post_fund:  # a higher level's awards were paid from its budget, not our fund
        fund.post_recovery(s, d, recovered)


def _correct(s: Session, d: Decision, line: DecisionLine) -> str:
    old = s.get(AwardRecord, line.award_record_id)
    # The corrected entry keeps its money (paid once); the new entry supersedes its texts.
    line.money = old.money
    return _write_record(s, d, line, corrects_id=old.id).certificate_no


def _records(s: Session, record_ids: list[int], allow_external: bool = False) -> list[AwardRecord]:
    if not record_ids:
        raise ValidationError("Chưa chọn mục nào trong sổ khen thưởng.", "records")
    recs = []
    for rid in record_ids:
        rec = get_or_raise(s, AwardRecord, rid, "mục trong sổ khen thưởng")
        if rec.revoked:
            raise DomainError(f"Mục số {rec.certificate_no} đã bị thu hồi.")
        if rec.external_decision_ref and not allow_external:
            raise DomainError(
                f"Mục số {rec.certificate_no} do {rec.external_issuer or 'cấp trên'} khen thưởng: "
                "phường không thu hồi được; khi cấp trên thu hồi, hãy ghi quyết định thu hồi của "
                "cấp trên.")
        pending = s.scalar(select(func.count()).select_from(DecisionLine).join(
            Decision, Decision.id == DecisionLine.decision_id).where(
            DecisionLine.award_record_id == rid, Decision.status == "draft"))
        if pending:
            raise DomainError(f"Mục số {rec.certificate_no} đang có trong một dự thảo khác.")
        recs.append(rec)
    return recs


def _linked_draft(s: Session, kind: str, title: str, reason: str, recs: list[AwardRecord],
                  signed_on: date | None) -> Decision:
    related = {r.decision_id for r in recs}
    d = Decision(year=(signed_on or date.today()).year, symbol=decision_texts.symbol(s),
                 signed_on=signed_on, kind=kind, status="draft", level="xa", title=title,
                 reason=reason, related_decision_id=related.pop() if len(related) == 1 else None,
                 bases="\n".join(decision_texts.default_bases(s)),
                 articles="\n".join(decision_texts.default_closing(s)),
                 recipients="\n".join(decision_texts.default_recipients()))
    s.add(d)
    s.flush()
    from app.services.rounds.decisions import apply_signer

    apply_signer(s, d, None)
    return d


def _line_from(d: Decision, rec: AwardRecord, order: int, **texts) -> DecisionLine:
    return DecisionLine(  # names the award as the entry printed it, whatever the kind is called now
        decision_id=d.id, subject_id=rec.subject_id, award_kind_id=rec.award_kind_id,
        award_name=rec.award_name, award_record_id=rec.id, achievement_year=rec.year,
        money=rec.money, sort_order=order,
        salutation=texts.get("salutation", rec.salutation),
        printed_name=texts.get("printed_name") or rec.printed_name,
        position_line=texts.get("position_line", rec.position_line),
        citation=texts.get("citation", rec.citation))


def draft_revocation(db: Database, record_ids: list[int], reason: str,
                     signed_on: date | None = None) -> int:
    """A draft decision revoking register entries (thu hồi); issue it to take effect."""
    reason = text.nfc(reason)
    if not reason:
        raise ValidationError("Cần ghi lý do thu hồi.", "reason")
    with db.session() as s:
        recs = _records(s, record_ids)
        d = _linked_draft(s, "thu_hoi", "Về việc thu hồi quyết định khen thưởng", reason, recs,
                          signed_on)
        for i, rec in enumerate(recs, start=1):
            s.add(_line_from(d, rec, i))
        s.flush()
        d.total_money = sum(r.money for r in recs)
        audit.log(s, "create", "decision", d.id, None, audit.snapshot(d), "Dự thảo thu hồi")
        return d.id


def draft_correction(db: Database, record_id: int, reason: str, printed_name: str,
                     salutation: str | None = None, position_line: str | None = None,
                     citation: str | None = None, signed_on: date | None = None) -> int:
    """A draft decision correcting one register entry (đính chính); issuing writes a new entry
    pointing at the corrected one."""
    reason, printed_name = text.nfc(reason), text.nfc(printed_name)
    if not reason:
        raise ValidationError("Cần ghi lý do đính chính.", "reason")
    if not printed_name:
        raise ValidationError("Chưa nhập tên đúng.", "printed_name")
    with db.session() as s:
        recs = _records(s, [record_id], allow_external=True)
        d = _linked_draft(s, "dinh_chinh", "Về việc đính chính quyết định khen thưởng", reason,
                          recs, signed_on)
        s.add(_line_from(d, recs[0], 1, salutation=text.nfc_or_none(salutation),
                         printed_name=printed_name, position_line=text.nfc_or_none(position_line),
                         citation=text.nfc_or_none(citation)))
        s.flush()
        audit.log(s, "create", "decision", d.id, None, audit.snapshot(d), "Dự thảo đính chính")
        return d.id


# Higher-level decisions live in external_decisions.py; re-exported for existing callers.
from app.services.rounds.external_decisions import (  # noqa: F401
    ExternalAward,
    record_external_decision,
    record_external_revocation,
)

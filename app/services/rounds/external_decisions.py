"""Higher levels' decisions recorded by reference: their awards written into the register so
a subject's history is complete, and their revocations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import text
from app.errors import ValidationError
from app.services.common import get_or_raise
from app.services.rounds import decision_texts
from app.services.rounds.batches import set_status
from app.services.system import audit
from db.engine import Database
from db.models import AwardKind, Batch, Candidate, Decision, DecisionLine, Subject


@dataclass(frozen=True)
class ExternalAward:
    """One award of a higher-level decision, to record in the register."""

    subject_id: int
    award_kind_id: int
    year: int
    citation: str | None = None
    money: int = 0


def _close_proposal(s: Session, a: ExternalAward) -> None:
    """The candidate we proposed upward for this award is now decided."""
    c = s.scalars(select(Candidate).join(Batch, Batch.id == Candidate.batch_id).where(
        Candidate.subject_id == a.subject_id, Candidate.award_kind_id == a.award_kind_id,
        Candidate.status == "passed", Batch.year == a.year)).first()
    if c is not None:
        set_status(s, c, "candidate", "decided", "Đã có quyết định của cấp trên")


def record_external_decision(db: Database, reference: str, signed_on: date, issuer: str,
                             level: str, title: str, awards: list[ExternalAward]) -> int:
    """Record a higher level's decision (e.g. "123/QĐ-UBND" of UBND thành phố) and write its
    awards into the register so each subject's history is complete."""
    reference, issuer, title = text.nfc(reference), text.nfc(issuer), text.nfc(title)
    if not reference or not signed_on or not issuer:
        raise ValidationError("Cần đủ số, ngày và cơ quan ban hành quyết định của cấp trên.",
                              "reference")
    if not awards:
        raise ValidationError("Chưa có ai trong quyết định.", "awards")
    from app.services.rounds import decision_issue as di  # imported here: it re-exports this module

    with db.session(immediate=True) as s:  # register numbers: see decision_issue
        d = Decision(year=signed_on.year, symbol="", full_number=reference, signed_on=signed_on,
                     kind="khen_thuong", title=title or "Khen thưởng", issuer=issuer, level=level,
                     external=True, status="draft", total_money=sum(a.money for a in awards))
        s.add(d)
        s.flush()
        for i, a in enumerate(awards, start=1):
            subj = get_or_raise(s, Subject, a.subject_id, "đối tượng")
            get_or_raise(s, AwardKind, a.award_kind_id, "danh hiệu")
            line = DecisionLine(decision_id=d.id, subject_id=subj.id, award_kind_id=a.award_kind_id,
                                achievement_year=a.year, salutation=decision_texts.salutation(subj),
                                printed_name=subj.name,
                                position_line=decision_texts.position_line(s, subj),
                                citation=text.nfc_or_none(a.citation), money=a.money, sort_order=i)
            s.add(line)
            s.flush()
            di._write_record(s, d, line, external_decision_ref=reference,
                          external_decision_date=signed_on, external_issuer=issuer)
            _close_proposal(s, a)
        di.mark_issued(s, d, _lines_of(s, d))  # its list is locked from here on
        audit.log(s, "create", "decision", d.id, None, audit.snapshot(d),
                  f"Quyết định của cấp trên: {issuer}")
        return d.id


def record_external_revocation(db: Database, reference: str, signed_on: date, issuer: str,
                               record_ids: list[int], reason: str) -> int:
    """Record a higher level's decision revoking its awards: the entries are marked revoked
    by that (external, issued) decision."""
    reference, issuer, reason = text.nfc(reference), text.nfc(issuer), text.nfc(reason)
    if not reference or not signed_on or not issuer:
        raise ValidationError("Cần đủ số, ngày và cơ quan ban hành quyết định thu hồi.",
                              "reference")
    from app.services.rounds import decision_issue as di

    with db.session(immediate=True) as s:  # register numbers: see decision_issue
        recs = di._records(s, record_ids, allow_external=True)
        d = Decision(year=signed_on.year, symbol="", full_number=reference, signed_on=signed_on,
                     kind="thu_hoi", title="Thu hồi khen thưởng", issuer=issuer, level="tinh",
                     external=True, status="draft", reason=reason)
        s.add(d)
        s.flush()
        for i, rec in enumerate(recs, start=1):
            s.add(di._line_from(d, rec, i))
        s.flush()
        lines = _lines_of(s, d)
        di.mark_issued(s, d, lines)  # the register takes the mark only from an issued decision
        di._revoke(s, d, lines, post_fund=False)
        audit.log(s, "create", "decision", d.id, None, audit.snapshot(d),
                  f"Quyết định thu hồi của cấp trên: {issuer}")
        return d.id


def _lines_of(s: Session, d: Decision) -> list[DecisionLine]:
    return list(s.scalars(select(DecisionLine).where(DecisionLine.decision_id == d.id)))

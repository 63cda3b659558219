"""What the commendation screens need beyond the domain services: one register entry's
details (for the revoke / correct dialogs), achieved registrations to propose, and which
candidates were checked against the rules."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app import text
from app.errors import NotFoundError
from app.services.records.subjects import SUBJECT_TYPE_LABELS
from db.engine import Database
from db.models import (
    AwardKind,
    AwardRecord,
    Decision,
    Registration,
    Subject,
)
from db.queries.register import printed_award_name


def _decision_ref(number, signed_on, ext_ref, ext_date) -> tuple[str, str]:
    ref, day = (number, signed_on) if number else (ext_ref, ext_date)
    return ref or "", text.format_date_vn(day) if day else ""


# ----------------------------------------------------------------- one entry, one subject
@dataclass(frozen=True)
class RecordInfo:
    id: int
    subject_id: int
    subject_name: str
    certificate_no: str
    award_name: str
    year: int
    decision: str
    salutation: str | None
    printed_name: str
    position_line: str | None
    citation: str | None
    money: int
    revoked: bool


def record_info(db: Database, record_id: int) -> RecordInfo:
    """One register entry with its subject and decision, for the revoke / correct dialogs."""
    with db.read() as s:
        row = s.execute(
            select(AwardRecord, Subject.name, printed_award_name(), Decision.full_number,
                   Decision.signed_on)
            .join(Subject, Subject.id == AwardRecord.subject_id)
            .join(AwardKind, AwardKind.id == AwardRecord.award_kind_id)
            .outerjoin(Decision, Decision.id == AwardRecord.decision_id)
            .where(AwardRecord.id == record_id)).first()
        if row is None:
            raise NotFoundError("Không tìm thấy mục trong sổ khen thưởng.")
        r, name, kind, number, signed = row
        ref, day = _decision_ref(number, signed, r.external_decision_ref, r.external_decision_date)
        return RecordInfo(r.id, r.subject_id, name, r.certificate_no, kind, r.year,
                          f"Quyết định số {ref} ngày {day}" if day else f"Quyết định số {ref}",
                          r.salutation, r.printed_name, r.position_line, r.citation, r.money,
                          r.revoked)


@dataclass(frozen=True)
class RegistrationChoice:
    id: int
    subject_name: str
    subject_type: str
    award_name: str
    year: int


def achieved_registrations(db: Database, year: int) -> list[RegistrationChoice]:
    """Registrations of a year evaluated "đạt", to propose as candidates."""
    with db.read() as s:
        stmt = (select(Registration.id, Subject.name, Subject.type, AwardKind.name,
                       Registration.year)
                .join(Subject, Subject.id == Registration.subject_id)
                .join(AwardKind, AwardKind.id == Registration.award_kind_id)
                .where(Registration.year == year, Registration.outcome == "dat")
                .order_by(AwardKind.sort_order, Subject.sort_key))
        return [RegistrationChoice(i, n, SUBJECT_TYPE_LABELS.get(t, t), k, y)
                for i, n, t, k, y in s.execute(stmt)]


def checked_candidates(db: Database, batch_id: int) -> set[int]:
    """Candidates whose eligibility was checked (an empty finding list still means "checked,
    nothing to report", unlike None)."""
    from db.models import Candidate

    with db.read() as s:
        return set(s.scalars(select(Candidate.id).where(Candidate.batch_id == batch_id,
                                                        Candidate.findings.is_not(None))))

"""Báo cáo thành tích of a batch's candidates, pre-filled from the records and the register:
who needs one (Chiến sĩ thi đua cơ sở, every proposal to the city, a khu dân cư proposed for
its culture title) and what the report prints."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import text
from app.documents import Document
from app.errors import DomainError
from app.services.common import get_or_raise
from db.engine import Database
from db.models import (
    AwardKind,
    Batch,
    Candidate,
    Collective,
    Decision,
    Initiative,
    InitiativeAuthor,
    Person,
    ResidentialArea,
    Subject,
)

REPORTED_HERE = ("CSTDCS",)  # ward awards whose dossier holds a báo cáo thành tích
INITIATIVE_YEARS = 5  # initiatives of the last years a report lists
LEFT_OUT = ("withdrawn", "failed")  # candidates no longer proposed


@dataclass(frozen=True)
class ReportChoice:
    candidate_id: int
    label: str  # "Nguyễn Thị Ánh — Chiến sĩ thi đua cơ sở"


def needs_report(kind: AwardKind, subject_type: str) -> bool:
    """A báo cáo thành tích goes with Chiến sĩ thi đua cơ sở, with every award proposed to a
    higher level, and with a khu dân cư's own culture title (Nghị định 86/2023)."""
    return kind.code in REPORTED_HERE or not kind.awarded_here or subject_type == "area"


def report_choices(db: Database, batch_id: int, every: bool = False) -> list[ReportChoice]:
    """The batch's candidates that need a report (``every``: all still proposed), by award."""
    with db.read() as s:
        rows = s.execute(select(Candidate.id, Subject.name, Subject.type, AwardKind)
                         .join(Subject, Subject.id == Candidate.subject_id)
                         .join(AwardKind, AwardKind.id == Candidate.award_kind_id)
                         .where(Candidate.batch_id == batch_id, Candidate.status.not_in(LEFT_OUT))
                         .order_by(AwardKind.sort_order, Subject.sort_key)).all()
        return [ReportChoice(cid, f"{name} — {kind.name}") for cid, name, typ, kind in rows
                if every or needs_report(kind, typ)]


def _proposed(kind: AwardKind, subject_type: str, year: int) -> str:
    if kind.category != "danh_hieu":
        return f"Đề nghị tặng {kind.name}"
    verb = "công nhận" if subject_type in ("household", "area") else "tặng"
    return f"Đề nghị {verb} danh hiệu “{kind.name}” năm {year}"


def _initiatives(s: Session, person_id: int, year: int) -> tuple[str, ...]:
    rows = s.scalars(select(Initiative).join(
        InitiativeAuthor, InitiativeAuthor.initiative_id == Initiative.id).where(
        InitiativeAuthor.person_id == person_id, Initiative.recognized.is_(True),
        Initiative.year.between(year - INITIATIVE_YEARS + 1, year))
        .order_by(Initiative.year, Initiative.id)).all()
    out = []
    for i in rows:
        line = f"Năm {i.year}: sáng kiến “{text.nfc(i.title)}” (phạm vi {i.scope})"
        if i.decision_number:
            when = f" ngày {text.format_date_vn(i.decision_date)}" if i.decision_date else ""
            line += f", công nhận tại Quyết định số {i.decision_number}{when}"
        out.append(line)
    return tuple(out)


def _subject_fields(s: Session, subj: Subject, year: int) -> dict:
    if isinstance(subj, Person):
        birth = (text.format_date_vn(subj.birth_date) if subj.birth_date
                 else str(subj.birth_year) if subj.birth_year else "")
        gender = {"nam": "Nam", "nu": "Nữ"}.get(text.fold(subj.gender), "")
        work = s.get(Collective, subj.workplace_id).name if subj.workplace_id else None
        return {"birth": birth, "gender": gender, "address": subj.address or "",
                "workplace": work or subj.workplace_text or "", "position": subj.position or "",
                "initiatives": _initiatives(s, subj.id, year)}
    if isinstance(subj, Collective):
        return {"address": subj.address or "", "phone": subj.phone or ""}
    if isinstance(subj, ResidentialArea):
        return {"area_kind": subj.kind or "", "head_name": subj.leader_name or "",
                "households": subj.households_total}
    return {}


def report_data(db: Database, candidate_id: int):
    """Everything the report of one candidate prints."""
    from app.documents.achievement_report import AchievementReport, Held
    from app.reports.history import subject_history
    from app.services.rounds.paperwork import org_data

    with db.read() as s:
        c = get_or_raise(s, Candidate, candidate_id, "ứng viên")
        kind, b = s.get(AwardKind, c.award_kind_id), s.get(Batch, c.batch_id)
        subj = s.get(Subject, c.subject_id)
        if subj.type == "household":
            raise DomainError("Hộ gia đình không lập báo cáo thành tích: hồ sơ “Gia đình văn hóa” "
                              "gồm biên bản bình xét, tổng hợp ý kiến và văn bản đề nghị của "
                              "khu dân cư.")
        fields = _subject_fields(s, subj, b.year)
        org, name, typ = org_data(s), subj.name, subj.type
        proposed = _proposed(kind, typ, b.year)
        upward, achievement = not kind.awarded_here, c.achievement or ""
        subject_id = subj.id
        this_round = set(s.scalars(select(Decision.id).where(Decision.batch_id == b.id)))
    # Awards already received: what this very round decided is not yet "received".
    lines = [h for h in subject_history(db, subject_id).lines
             if h.decision_id is None or h.decision_id not in this_round]
    held = [(Held(h.year, h.award, h.decision, h.issuer), h.is_title) for h in lines]
    return AchievementReport(
        org, typ, proposed, upward, name, achievement=achievement,
        titles=tuple(h for h, title in held if title),
        forms=tuple(h for h, title in held if not title), **fields)


def achievement_report_document(db: Database, candidate_id: int) -> Document:
    """Báo cáo thành tích of one candidate."""
    from app.documents.achievement_report import build_achievement_report

    return build_achievement_report(report_data(db, candidate_id))

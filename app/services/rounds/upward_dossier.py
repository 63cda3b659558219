"""The dossier a ward sends the city for the awards it cannot give itself: the bảng trích
ngang (one line per proposal) and the danh mục hồ sơ (what the folder holds). Proposals are the
batch's candidates for higher-level awards that the council passed, as in the tờ trình."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import text
from app.documents import Document
from app.errors import DomainError
from app.services.common import get_or_raise
from app.services.rounds import batch_files, decision_texts
from db.engine import Database
from db.models import (
    Attachment,
    AwardKind,
    Batch,
    Candidate,
    Decision,
    Meeting,
    Person,
    Subject,
)

RECENT_YEARS = 5  # the trích ngang lists the awards of the last years
PASSED = ("passed", "decided")


def _proposals(s: Session, batch_id: int) -> list[tuple[Candidate, Subject, AwardKind]]:
    rows = s.execute(select(Candidate, Subject, AwardKind)
                     .join(Subject, Subject.id == Candidate.subject_id)
                     .join(AwardKind, AwardKind.id == Candidate.award_kind_id)
                     .where(Candidate.batch_id == batch_id, Candidate.status.in_(PASSED),
                            AwardKind.awarded_here.is_(False))
                     .order_by(AwardKind.sort_order, Subject.sort_key)).all()
    if not rows:
        raise DomainError("Đợt xét chưa có ứng viên đề nghị cấp trên khen thưởng được Hội đồng "
                          "thông qua.")
    return [tuple(r) for r in rows]


def _upper(s: Session) -> str:
    from app.services.rounds.paperwork import org_data, place_of

    return "Chủ tịch Ủy ban nhân dân " + place_of(org_data(s).parent_body)


def _born(subj: Subject) -> str:
    if not isinstance(subj, Person):
        return ""
    year = subj.birth_date.year if subj.birth_date else subj.birth_year
    gender = {"nam": "nam", "nu": "nữ"}.get(text.fold(subj.gender), "")
    return ", ".join(str(x) for x in (year, gender) if x)


def _received(db: Database, subject_id: int, year: int, this_round: set[int]) -> str:
    from app.reports.history import subject_history

    lines = [h for h in subject_history(db, subject_id).lines
             if year - RECENT_YEARS <= h.year <= year and h.decision_id not in this_round]
    return "\n".join(f"{h.year}: {h.award} ({h.decision.replace('Quyết định số', 'QĐ số')})"
                      for h in lines)


def brief_list_document(db: Database, batch_id: int) -> Document:
    """Bảng trích ngang of the batch's proposals to the city."""
    from app.documents.brief_list import BriefLine, BriefList, build_brief_list
    from app.documents.common import occasion
    from app.reports.summary import issuer
    from app.services.rounds.paperwork import org_data

    with db.read() as s:
        b = get_or_raise(s, Batch, batch_id, "đợt xét")
        rounds = set(s.scalars(select(Decision.id).where(Decision.batch_id == b.id)))
        raw = [(k.name, subj.type, subj.name, _born(subj),
                decision_texts.position_line(s, subj) or "", c.achievement or "", subj.id)
               for c, subj, k in _proposals(s, batch_id)]
        org, upper, what, year = org_data(s), _upper(s), occasion(b.name, b.year), b.year
    lines = tuple(BriefLine(*r[:6], _received(db, r[6], year, rounds)) for r in raw)
    who = issuer(db)
    return build_brief_list(BriefList(org, what, upper, RECENT_YEARS, lines, who.signer_lines,
                                      who.signer_name))


def _reference(a: Attachment) -> str:
    if not (a.doc_number or a.doc_date):
        return ""
    out = f"Số {a.doc_number}" if a.doc_number else ""
    if a.doc_date:
        out += f"{' ' if out else ''}ngày {text.format_date_vn(a.doc_date)}"
    return out


def dossier_items(s: Session, batch_id: int):
    """Each paper of the dossier: the tờ trình, the council's minutes, the trích ngang, each
    proposal's báo cáo thành tích, then every other file stored with the batch."""
    from app.documents.dossier_list import DossierItem

    proposals = _proposals(s, batch_id)
    files = s.scalars(select(Attachment).where(
        (Attachment.batch_id == batch_id)
        | Attachment.candidate_id.in_([c.id for c, _, _ in proposals]))
        .order_by(Attachment.id)).all()
    used: set[int] = set()

    def stored(kind: str, candidate_id: int | None = None) -> Attachment | None:
        for a in files:
            if a.kind == kind and a.id not in used and (
                    candidate_id is None or a.candidate_id == candidate_id):
                used.add(a.id)
                return a
        return None

    def item(title: str, kind: str, candidate_id: int | None = None):
        a = stored(kind, candidate_id)
        return DossierItem(title, _reference(a) if a else "", a.note or "" if a else "")

    meeting = s.scalars(select(Meeting).where(Meeting.batch_id == batch_id)
                        .order_by(Meeting.id.desc())).first()
    held = (f"Họp ngày {text.format_date_vn(meeting.held_at.date())}"
            if meeting and meeting.held_at else "")
    items = [item("Tờ trình đề nghị khen thưởng của Ủy ban nhân dân", "to_trinh"),
             DossierItem("Biên bản họp Hội đồng Thi đua - Khen thưởng", held, ""),
             DossierItem("Biên bản kiểm phiếu", held, ""),
             DossierItem("Bảng trích ngang thành tích", "", "")]
    for c, subj, k in proposals:
        items.append(item(f"Báo cáo thành tích của {subj.name} (đề nghị {k.name})",
                          "bao_cao_thanh_tich", c.id))
    for a in files:
        if a.id not in used:
            label = batch_files.KINDS.get(a.kind, a.kind)
            whose = s.get(Subject, s.get(Candidate, a.candidate_id).subject_id).name \
                if a.candidate_id else ""
            title = f"{label}{f' của {whose}' if whose else ''}"
            items.append(DossierItem(title, _reference(a), a.note or ""))
    return tuple(items)


def dossier_list_document(db: Database, batch_id: int) -> Document:
    """Danh mục hồ sơ of the batch's proposals to the city."""
    from app.documents.common import occasion
    from app.documents.dossier_list import DossierList, build_dossier_list
    from app.services.rounds.paperwork import org_data
    from app.services.system.heads import staff

    with db.read() as s:
        b = get_or_raise(s, Batch, batch_id, "đợt xét")
        data = DossierList(org_data(s), occasion(b.name, b.year), _upper(s),
                           dossier_items(s, batch_id), staff(s).preparer)
    return build_dossier_list(data)

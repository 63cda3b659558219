"""Quá trình khen thưởng: a certificate of one subject's awards, issued on request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app import text
from app.documents import Document, Header, Signatures, Signer, Table, Title, para, render
from app.errors import NotFoundError
from app.reports.summary import issuer
from app.services.records.subjects import SUBJECT_TYPE_LABELS
from db.engine import Database
from db.models import AwardKind, AwardRecord, Decision, Household, Person, Subject
from db.queries.register import printed_award_name


@dataclass(frozen=True)
class HistoryLine:
    year: int
    award: str
    decision: str  # "Quyết định số 15/QĐ-UBND ngày 20/12/2025"
    issuer: str
    is_title: bool = False  # a danh hiệu thi đua (else a hình thức khen thưởng)
    decision_id: int | None = None


@dataclass(frozen=True)
class History:
    subject_type: str
    name: str
    details: str  # birth year, position, area… as one line
    lines: tuple[HistoryLine, ...]


def subject_history(db: Database, subject_id: int) -> History:
    """Every award of the subject that stands (revoked entries are left out), by year."""
    who = issuer(db)
    with db.read() as s:
        subj = s.get(Subject, subject_id)
        if subj is None:
            raise NotFoundError("Không tìm thấy đối tượng cần xác nhận quá trình khen thưởng.")
        details = _details(s, subj)
        rows = s.execute(
            select(AwardRecord.year, printed_award_name(), Decision.full_number, Decision.signed_on,
                   Decision.issuer, AwardRecord.external_decision_ref,
                   AwardRecord.external_decision_date, AwardRecord.external_issuer,
                   AwardKind.category, AwardRecord.decision_id)
            .join(AwardKind, AwardKind.id == AwardRecord.award_kind_id)
            .outerjoin(Decision, Decision.id == AwardRecord.decision_id)
            .where(AwardRecord.subject_id == subject_id, AwardRecord.revoked.is_(False),
                   ~AwardRecord.id.in_(select(AwardRecord.corrects_id)
                                       .where(AwardRecord.corrects_id.is_not(None))))
            .order_by(AwardRecord.year, AwardKind.sort_order)).all()
        typ, name = subj.type, subj.name
    lines = []
    for (year, award, number, signed, d_issuer, ext_ref, ext_date, ext_issuer, cat,
         decision_id) in rows:
        ref, when = (number, signed) if number else (ext_ref, ext_date)
        decision = f"Quyết định số {ref or '…'}"
        if when:
            decision += f" ngày {text.format_date_vn(when)}"
        body = d_issuer or ext_issuer or (f"Chủ tịch UBND {who.short_name}" if number else "")
        lines.append(HistoryLine(year, award, decision, body, cat == "danh_hieu", decision_id))
    return History(typ, name, details, tuple(lines))


def _details(s, subj: Subject) -> str:
    parts = []
    if isinstance(subj, Person):
        if subj.birth_date or subj.birth_year:
            parts.append(f"sinh năm {subj.birth_date.year if subj.birth_date else subj.birth_year}")
        if subj.position:
            parts.append(f"chức vụ: {subj.position}")
        if subj.workplace_text:
            parts.append(f"đơn vị: {subj.workplace_text}")
    if isinstance(subj, Household) and subj.address:
        parts.append(f"địa chỉ: {subj.address}")
    if subj.area_id:
        area = s.get(Subject, subj.area_id)
        if area is not None:
            parts.append(f"khu dân cư: {area.name}")
    return "; ".join(parts)


def _name_line(h: History) -> str:
    if h.subject_type == "person":
        return f"Họ và tên: {h.name}"
    if h.subject_type == "household":
        return f"Hộ gia đình ông (bà): {h.name}"
    return f"{SUBJECT_TYPE_LABELS.get(h.subject_type, 'Tập thể')}: {h.name}"


def build_history(db: Database, subject_id: int, out: str | Path, purpose: str = "",
                  issued_on: date | None = None) -> Path:
    """Write the certificate of awards history as PDF (or DOCX by the suffix)."""
    h = subject_history(db, subject_id)
    who = issuer(db)
    rows = tuple((str(i), str(ln.year), ln.award, ln.decision, ln.issuer)
                 for i, ln in enumerate(h.lines, start=1))
    doc = Document(f"Xác nhận quá trình khen thưởng – {h.name}")
    doc.add(Header(who.parent_body, who.body_name, number=f"Số:      /XN-{who.symbol}",
                   date_line=text.date_line(who.place_name, issued_on or date.today())),
            Title("GIẤY XÁC NHẬN", "Quá trình khen thưởng"),
            para(f"Ủy ban nhân dân {who.short_name} xác nhận:"),
            para(_name_line(h), bold=True))
    if h.details:
        doc.add(para(text.nfc(h.details[:1].upper() + h.details[1:]) + "."))
    if rows:
        doc.add(para(f"Đã được khen thưởng {len(rows)} lần, cụ thể như sau:"),
                Table(("STT", "Năm", "Danh hiệu, hình thức khen thưởng", "Số, ngày quyết định",
                       "Cơ quan, người quyết định"), rows, widths=(1.0, 1.1, 4.2, 4.2, 3.2),
                      align="CCLLL", size=12))
    else:
        doc.add(para("Chưa có danh hiệu thi đua, hình thức khen thưởng nào được ghi trong sổ "
                     "khen thưởng của đơn vị."))
    reason = f" để {text.nfc(purpose)}" if purpose else ""
    doc.add(para(f"Giấy xác nhận này được cấp theo đề nghị của đương sự{reason}; căn cứ sổ khen "
                 f"thưởng của Ủy ban nhân dân {who.short_name}."),
            Signatures(right=Signer(who.signer_lines, who.signer_name),
                       recipients=("- Đương sự;", "- Lưu: VT.")))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    return render(doc, out)


def find_subjects(db: Database, query: str, limit: int = 50) -> list[tuple[int, str]]:
    """Subjects whose folded name contains every typed word, in Vietnamese order, for a picker;
    the label tells namesakes apart (type, birth year, residential area)."""
    words = text.fold_tokens(query)
    if not words:
        return []
    area = aliased(Subject)
    with db.read() as s:
        person = Person.__table__  # the table alone: the mapped class would join subject again
        stmt = (select(Subject.id, Subject.type, Subject.name, person.c.birth_year, area.name)
                .select_from(Subject).outerjoin(person, person.c.id == Subject.id)
                .outerjoin(area, area.id == Subject.area_id)
                .order_by(Subject.sort_key).limit(limit))
        for w in words:
            stmt = stmt.where(Subject.name_folded.contains(w, autoescape=True))
        rows = s.execute(stmt).all()
    out = []
    for sid, typ, name, born, area_name in rows:
        bits = [SUBJECT_TYPE_LABELS.get(typ, typ).lower()]
        if born:
            bits.append(f"sinh năm {born}")
        if area_name:
            bits.append(area_name)
        out.append((sid, f"{name} ({', '.join(bits)}; mã {sid})"))
    return out

"""Danh sách công khai: the awards of a decision (posted after the decision) or the proposals of
a batch (posted for comments before the council), as a printable PDF for the ward office."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from app import text
from app.documents import Document, Header, Signatures, Signer, Table, Title, para, render
from app.errors import NotFoundError
from app.reports.public_list_rows import ListLine, columns, grouped_rows, list_line, own_details
from app.reports.summary import issuer
from db.engine import Database
from db.models import AwardKind, AwardRecord, Batch, Candidate, Decision, DecisionLine, Subject
from db.queries.register import printed_award_name

__all__ = ["ListLine", "PublicList", "batch_list", "build_public_list", "decision_list",
           "list_blocks"]

# Days a list stays posted (Nghị định 86/2023: 10 days of comments; 15 days after deciding).
COMMENT_DAYS = 10
POST_DAYS = 15


@dataclass(frozen=True)
class PublicList:
    title: str
    summary: str
    lines: tuple[ListLine, ...]
    note: str


def find_decision(db: Database, number: str, year: int | None = None) -> int:
    """The id of a decision by its number ("15/QĐ-UBND" or "15"), latest year first."""
    wanted = text.nfc(number)
    with db.read() as s:
        stmt = select(Decision.id, Decision.full_number, Decision.number).order_by(
            Decision.year.desc(), Decision.id.desc())
        if year:
            stmt = stmt.where(Decision.year == year)
        for did, full, num in s.execute(stmt).all():
            if text.fold(full or "") == text.fold(wanted) or str(num) == wanted:
                return did
    raise NotFoundError(f"Không tìm thấy quyết định số “{wanted}”.")


def decision_list(db: Database, decision_id: int, posted_on: date | None = None) -> PublicList:
    with db.read() as s:
        d = s.get(Decision, decision_id)
        if d is None:
            raise NotFoundError("Không tìm thấy quyết định cần lập danh sách công khai.")
        rows = s.execute(
            select(DecisionLine.subject_id, DecisionLine.printed_name, DecisionLine.position_line,
                   func.coalesce(DecisionLine.award_name, AwardKind.name),  # as issued
                   AwardKind.sort_order)
            .join(AwardKind, AwardKind.id == DecisionLine.award_kind_id)
            .outerjoin(AwardRecord, AwardRecord.id == DecisionLine.award_record_id)
            .where(DecisionLine.decision_id == decision_id,
                   AwardRecord.revoked.is_not(True))
            .order_by(DecisionLine.sort_order, DecisionLine.id)).all()
        if not rows:  # e.g. a higher level's decision recorded only in the register
            rows = s.execute(
                select(AwardRecord.subject_id, AwardRecord.printed_name, AwardRecord.position_line,
                       printed_award_name(), AwardKind.sort_order)
                .join(AwardKind, AwardKind.id == AwardRecord.award_kind_id)
                .where(AwardRecord.decision_id == decision_id, AwardRecord.revoked.is_(False))
                .order_by(AwardRecord.register_no)).all()
        own = own_details(s, {r[0] for r in rows})
        number = d.full_number or f"{d.number or '…'}/{d.symbol}"
        when = text.format_date_vn(d.signed_on) or "…"
        issuer_name = d.issuer or ""
    lines = tuple(list_line(own.get(sid), n, p, a, o) for sid, n, p, a, o in rows)
    start = posted_on or date.today()
    by = f" của {issuer_name}" if issuer_name else ""
    return PublicList(
        "DANH SÁCH CÔNG KHAI",
        f"Tập thể, cá nhân, hộ gia đình được khen thưởng theo Quyết định số {number} "
        f"ngày {when}{by}",
        lines,
        f"Danh sách được niêm yết công khai tại trụ sở Ủy ban nhân dân và nhà văn hóa các khu dân "
        f"cư từ ngày {text.format_date_vn(start)} đến ngày "
        f"{text.format_date_vn(start + timedelta(days=POST_DAYS - 1))} ({POST_DAYS} ngày).")


def batch_list(db: Database, batch_id: int, posted_on: date | None = None) -> PublicList:
    with db.read() as s:
        b = s.get(Batch, batch_id)
        if b is None:
            raise NotFoundError("Không tìm thấy đợt xét khen thưởng cần lập danh sách công khai.")
        rows = s.execute(
            select(Candidate.subject_id, Subject.name, AwardKind.name, AwardKind.sort_order)
            .join(Subject, Subject.id == Candidate.subject_id)
            .join(AwardKind, AwardKind.id == Candidate.award_kind_id)
            .where(Candidate.batch_id == batch_id, Candidate.status.not_in(("withdrawn", "failed")))
            .order_by(AwardKind.sort_order, Candidate.sort_order, Subject.sort_key)).all()
        own = own_details(s, {r[0] for r in rows})
        name = b.name
    # Each person's own position and unit: the proposing unit is not where they work.
    lines = tuple(list_line(own.get(sid), n, None, a, o) for sid, n, a, o in rows)
    start = posted_on or date.today()
    return PublicList(
        "DANH SÁCH CÔNG KHAI LẤY Ý KIẾN",
        f"Tập thể, cá nhân, hộ gia đình được đề nghị khen thưởng – {name}",
        lines,
        f"Danh sách được niêm yết công khai để lấy ý kiến Nhân dân từ ngày "
        f"{text.format_date_vn(start)} đến ngày "
        f"{text.format_date_vn(start + timedelta(days=COMMENT_DAYS - 1))} ({COMMENT_DAYS} ngày). "
        "Mọi ý kiến xin gửi về Ủy ban nhân dân (bộ phận thi đua, khen thưởng) trong thời gian "
        "niêm yết.")


def build_public_list(db: Database, out: str | Path, decision_id: int | None = None,
                      batch_id: int | None = None, posted_on: date | None = None) -> Path:
    """Write the list of a decision (or of a batch) as PDF or DOCX (by the file suffix)."""
    data = (decision_list(db, decision_id, posted_on) if decision_id is not None
            else batch_list(db, batch_id, posted_on))
    who = issuer(db)
    doc = Document(f"{data.title} – {data.summary}")
    doc.add(Header(who.parent_body, who.body_name, number=None,
                   date_line=text.date_line(who.place_name, posted_on or date.today())),
            Title(data.title, data.summary),
            *list_blocks(data),
            para(data.note, italic=True),
            Signatures(right=Signer(who.signer_lines, who.signer_name),
                       recipients=("- Niêm yết tại trụ sở UBND và nhà văn hóa các khu dân cư;",
                                   "- Lưu: VT.")))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    return render(doc, out)


def list_blocks(data: PublicList) -> list:
    """The list's table and its total line (also attached to a numbered thông báo)."""
    rows, groups = grouped_rows(data.lines)
    return [Table(columns(data.lines), rows or (("", "(Không có)", "", ""),),
                  widths=(1.0, 4.6, 4.8, 2.8), align="CLLL", size=12,
                  group_rows=frozenset(groups)),
            para(f"Tổng số: {len(data.lines)} trường hợp.")]


def decision_choices(db: Database, limit: int = 300) -> list[tuple[int, str]]:
    """Issued decisions (ours and recorded higher-level ones), newest first, for a picker."""
    with db.read() as s:
        rows = s.execute(select(Decision.id, Decision.full_number, Decision.number, Decision.symbol,
                                Decision.signed_on, Decision.title, Decision.external)
                         .where(Decision.status == "issued", Decision.kind == "khen_thuong")
                         .order_by(Decision.signed_on.desc(), Decision.id.desc())
                         .limit(limit)).all()
    out = []
    for did, full, num, symbol, signed, title, external in rows:
        number = full or f"{num or '…'}/{symbol}"
        when = f" ngày {text.format_date_vn(signed)}" if signed else ""
        extra = " (cấp trên)" if external else ""
        out.append((did, f"{number}{when}{extra} – {text.nfc(title)[:80]}"))
    return out


def batch_choices(db: Database, limit: int = 100) -> list[tuple[int, str]]:
    """Batches with candidates, newest first, for the comment-period list picker."""
    with db.read() as s:
        rows = s.execute(select(Batch.id, Batch.name, Batch.year)
                         .where(select(Candidate.id).where(Candidate.batch_id == Batch.id).exists())
                         .order_by(Batch.year.desc(), Batch.id.desc()).limit(limit)).all()
    return [(bid, f"{text.nfc(name)} (năm {year})") for bid, name, year in rows]

"""Quyết định khen thưởng: drafts from passed candidates, editing while draft, listing.

Issuing, revocation, correction and higher-level decisions are in decision_issue.py. An issued
decision is read-only: every function here refuses to change it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app import text
from app.errors import DomainError, ReadOnlyError, ValidationError
from app.services.awards import money
from app.services.common import get_or_raise
from app.services.rounds import decision_texts
from app.services.system import audit
from db.engine import Database
from db.models import AwardKind, Batch, Candidate, Decision, DecisionLine, Signer, Subject

KINDS = {"khen_thuong": "Khen thưởng", "thu_hoi": "Thu hồi", "dinh_chinh": "Đính chính"}
STATUSES = {"draft": "Dự thảo", "issued": "Đã ban hành"}


@dataclass(frozen=True)
class DecisionInfo:
    """A decision as the screens show it (lists are one item per line)."""
    id: int
    number: int | None
    year: int
    symbol: str
    full_number: str | None
    signed_on: date | None
    kind: str
    title: str
    bases: tuple[str, ...]
    articles: tuple[str, ...]
    recipients: tuple[str, ...]
    signer_name: str | None
    signer_title: str | None
    sign_mode: str | None
    status: str
    external: bool
    issuer: str | None
    level: str
    batch_id: int | None
    related_decision_id: int | None
    reason: str | None
    base_salary: int | None
    total_money: int
    lines: int
    source: str | None = None  # "so_cu": imported from the old register (issue 16)

    @property
    def state_label(self) -> str:
        """"Nhập từ sổ cũ", "Cấp trên", "Dự thảo" or "Đã ban hành", for lists."""
        if self.source == "so_cu":
            return "Nhập từ sổ cũ" + (" (cấp trên)" if self.external else "")
        return "Cấp trên" if self.external else STATUSES.get(self.status, self.status)

    @property
    def label(self) -> str:
        """"Quyết định số 15/QĐ-UBND ngày 05/12/2025" (or "Dự thảo …")."""
        num = self.full_number or f"…/{self.symbol}"
        day = f" ngày {text.format_date_vn(self.signed_on)}" if self.signed_on else ""
        return ("Dự thảo q" if self.status == "draft" else "Q") + f"uyết định số {num}{day}"


@dataclass(frozen=True)
class LineInfo:
    """One line of a decision's attached list."""
    id: int
    subject_id: int
    subject_type: str
    award_kind_id: int
    award_code: str
    award_name: str
    achievement_year: int
    salutation: str | None
    printed_name: str
    position_line: str | None
    citation: str | None
    coefficient: Decimal | None
    money: int
    award_record_id: int | None
    candidate_id: int | None


def _lines(v: str | None) -> tuple[str, ...]:
    return tuple(x for x in (v or "").splitlines() if x.strip())


def info(s: Session, d: Decision) -> DecisionInfo:
    """DecisionInfo of a decision inside an open session."""
    n = s.scalar(select(func.count()).select_from(DecisionLine).where(
        DecisionLine.decision_id == d.id)) or 0
    return DecisionInfo(
        d.id, d.number, d.year, d.symbol, d.full_number, d.signed_on, d.kind, d.title,
        _lines(d.bases), _lines(d.articles), _lines(d.recipients), d.signer_name, d.signer_title,
        d.sign_mode, d.status, d.external, d.issuer, d.level, d.batch_id, d.related_decision_id,
        d.reason, d.base_salary, d.total_money, n, d.source)


def editable(s: Session, decision_id: int) -> Decision:
    """The decision if it may still change; ReadOnlyError for an issued one."""
    d = get_or_raise(s, Decision, decision_id, "quyết định")
    if d.status != "draft" or d.external:
        raise ReadOnlyError(
            f"Quyết định {d.full_number or ''} đã ban hành: không sửa, không xóa được. "
            "Muốn thay đổi thì lập quyết định đính chính hoặc thu hồi.")
    return d


def suggest_number(db: Database, year: int, symbol: str = "QĐ-UBND") -> int:
    """The next free number of the year for this symbol (one above the highest used)."""
    with db.read() as s:
        top = s.scalar(select(func.max(Decision.number)).where(
            Decision.year == year, Decision.symbol == symbol, Decision.external.is_(False)))
        return (top or 0) + 1


def list_decisions(db: Database, year: int | None = None, status: str | None = None,
                   batch_id: int | None = None) -> list[DecisionInfo]:
    """Decisions, newest first."""
    with db.read() as s:
        stmt = select(Decision).order_by(Decision.year.desc(), Decision.number.desc(),
                                         Decision.id.desc())
        for col, val in ((Decision.year, year), (Decision.status, status),
                         (Decision.batch_id, batch_id)):
            if val is not None:
                stmt = stmt.where(col == val)
        return [info(s, d) for d in s.scalars(stmt)]


def get_decision(db: Database, decision_id: int) -> DecisionInfo:
    """One decision."""
    with db.read() as s:
        return info(s, get_or_raise(s, Decision, decision_id, "quyết định"))


def find_decision(db: Database, full_number: str, year: int | None = None) -> DecisionInfo:
    """A decision by its number and symbol ("15/QĐ-UBND"), newest year first."""
    with db.read() as s:
        stmt = select(Decision).where(Decision.full_number == text.nfc(full_number))
        if year:
            stmt = stmt.where(Decision.year == year)
        d = s.scalars(stmt.order_by(Decision.year.desc())).first()
        if d is None:
            raise DomainError(f"Không tìm thấy quyết định số “{full_number}”.")
        return info(s, d)


def decision_lines(db: Database, decision_id: int) -> list[LineInfo]:
    """The attached list in its order."""
    with db.read() as s:
        return line_infos(s, decision_id)


def line_infos(s: Session, decision_id: int) -> list[LineInfo]:
    """Session-level :func:`decision_lines`."""
    stmt = (select(DecisionLine, Subject.type, AwardKind)
            .join(Subject, Subject.id == DecisionLine.subject_id)
            .join(AwardKind, AwardKind.id == DecisionLine.award_kind_id)
            .where(DecisionLine.decision_id == decision_id)
            .order_by(AwardKind.sort_order, DecisionLine.sort_order, DecisionLine.id))
    return [LineInfo(x.id, x.subject_id, t, k.id, k.code, k.name, x.achievement_year,
                     x.salutation, x.printed_name, x.position_line, x.citation,
                     Decimal(str(x.coefficient)) if x.coefficient is not None else None,
                     x.money, x.award_record_id, x.candidate_id)
            for x, t, k in s.execute(stmt)]


def apply_signer(s: Session, d: Decision, signer_id: int | None) -> None:
    stmt = select(Signer).where(Signer.active.is_(True)).order_by(Signer.sort_order, Signer.id)
    sig = s.get(Signer, signer_id) if signer_id else s.scalars(stmt).first()
    if sig is not None:
        d.signer_name, d.signer_title, d.sign_mode = sig.full_name, sig.title, sig.sign_mode


def price(s: Session, d: Decision) -> None:
    """(Re)compute coefficient and money per line and the total with the coefficients and the
    base salary in force on the decision date."""
    if d.kind != "khen_thuong":
        return
    s.flush()  # lines just added must be visible to the pricing query
    d.base_salary, d.total_money = money.price_lines(s, d.id, d.signed_on or date.today())


def draft_from_batch(db: Database, batch_id: int, award_kind_ids: list[int] | None = None,
                     signed_on: date | None = None, signer_id: int | None = None) -> int:
    """A draft decision listing the batch's passed candidates (optionally of some awards only)
    that the ward awards itself and that no other decision lists yet."""
    with db.session() as s:
        b = get_or_raise(s, Batch, batch_id, "đợt xét")
        cands = _free_passed(s, batch_id, award_kind_ids)
        if not cands:
            raise DomainError("Không còn ứng viên nào được Hội đồng thông qua mà chưa có quyết "
                              "định (danh hiệu do phường tặng).")
        kinds = {c.award_kind_id: s.get(AwardKind, c.award_kind_id) for c in cands}
        year = (signed_on or date.today()).year
        d = Decision(year=year, symbol=decision_texts.symbol(s), signed_on=signed_on,
                     kind="khen_thuong", status="draft", batch_id=b.id, level="xa",
                     title=decision_texts.title_for(list(kinds.values()), b.year),
                     bases="\n".join(decision_texts.default_bases(
                         s, signed_on, [k.code for k in kinds.values()])),
                     articles="\n".join(decision_texts.default_closing(s)),
                     recipients="\n".join(decision_texts.default_recipients()))
        s.add(d)
        s.flush()
        apply_signer(s, d, signer_id)
        loaded = decision_texts.preload(s, [c.subject_id for c in cands])
        with s.no_autoflush:  # lines are added in bulk; nothing needs flushing in between
            s.add_all([decision_texts.line_for(s, d, c, kinds[c.award_kind_id], b.year, order)
                       for order, c in enumerate(cands, start=1)])
        s.flush()
        del loaded
        price(s, d)
        audit.log(s, "create", "decision", d.id, None, audit.snapshot(d),
                  f"Dự thảo từ đợt xét “{b.name}”: {len(cands)} dòng")
        return d.id


def _free_passed(s: Session, batch_id: int, kind_ids: list[int] | None) -> list[Candidate]:
    listed = select(DecisionLine.candidate_id).where(DecisionLine.candidate_id.is_not(None))
    stmt = (select(Candidate).join(AwardKind, AwardKind.id == Candidate.award_kind_id)
            .join(Subject, Subject.id == Candidate.subject_id)
            .where(Candidate.batch_id == batch_id, Candidate.status == "passed",
                   AwardKind.awarded_here.is_(True), Candidate.id.not_in(listed))
            .order_by(AwardKind.sort_order, Subject.sort_key))
    if kind_ids:
        stmt = stmt.where(Candidate.award_kind_id.in_(kind_ids))
    return list(s.scalars(stmt))


@dataclass(frozen=True)
class DraftEdit:
    """The editable parts of a draft decision (lists are one item per line)."""

    number: int | None
    signed_on: date | None
    title: str
    bases: tuple[str, ...]
    articles: tuple[str, ...]
    recipients: tuple[str, ...]
    signer_name: str | None
    signer_title: str | None
    sign_mode: str | None = ""
    symbol: str | None = None


def update_draft(db: Database, decision_id: int, edit: DraftEdit) -> None:
    """Save edits to a draft; money is recomputed for the (new) decision date."""
    if not text.nfc(edit.title):
        raise ValidationError("Chưa nhập trích yếu (về việc …) của quyết định.", "title")
    if edit.number is not None and edit.number <= 0:
        raise ValidationError("Số quyết định phải là số nguyên dương.", "number")
    with db.session() as s:
        d = editable(s, decision_id)
        before = audit.snapshot(d)
        d.number, d.signed_on, d.title = edit.number, edit.signed_on, text.nfc(edit.title)
        d.symbol = text.nfc(edit.symbol) or d.symbol
        d.year = edit.signed_on.year if edit.signed_on else d.year
        d.full_number = f"{d.number}/{d.symbol}" if d.number else None
        d.bases, d.articles, d.recipients = (
            "\n".join(text.nfc(x) for x in v if text.nfc(x))
            for v in (edit.bases, edit.articles, edit.recipients))
        d.signer_name, d.signer_title = text.nfc_or_none(edit.signer_name), text.nfc_or_none(
            edit.signer_title)
        d.sign_mode = edit.sign_mode or ""
        price(s, d)
        s.flush()
        audit.log(s, "update", "decision", d.id, before, audit.snapshot(d))


def update_line(db: Database, line_id: int, salutation: str | None, printed_name: str,
                position_line: str | None, citation: str | None) -> None:
    """Edit the printed texts of one line of a draft."""
    if not text.nfc(printed_name):
        raise ValidationError("Chưa nhập tên in trên quyết định.", "printed_name")
    with db.session() as s:
        line = get_or_raise(s, DecisionLine, line_id, "dòng danh sách")
        editable(s, line.decision_id)
        before = audit.snapshot(line)
        line.salutation, line.printed_name = text.nfc_or_none(salutation), text.nfc(printed_name)
        line.position_line, line.citation = text.nfc_or_none(position_line), text.nfc_or_none(
            citation)
        s.flush()
        audit.log(s, "update", "decision_line", line.id, before, audit.snapshot(line))


def remove_line(db: Database, line_id: int) -> None:
    """Take one line out of a draft (its candidate becomes free for another decision)."""
    with db.session() as s:
        line = get_or_raise(s, DecisionLine, line_id, "dòng danh sách")
        d = editable(s, line.decision_id)
        audit.log(s, "delete", "decision_line", line.id, audit.snapshot(line), None)
        s.delete(line)
        s.flush()
        price(s, d)


def delete_draft(db: Database, decision_id: int) -> None:
    """Delete a draft decision (never an issued one)."""
    with db.session() as s:
        d = editable(s, decision_id)
        audit.log(s, "delete", "decision", d.id, audit.snapshot(d), None)
        s.execute(delete(DecisionLine).where(DecisionLine.decision_id == d.id))
        s.delete(d)

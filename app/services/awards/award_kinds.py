"""Award kinds (danh hiệu, hình thức khen thưởng), their coefficients by date and base
salaries: rules kept as data.

A change of decree is a change here (Hệ thống › Danh hiệu và mức thưởng) or a newer rule pack
(app/rules), never of code. Coefficients are dated rows (rule_item "coefficient"): the decision
date picks the row; AwardKindInfo shows the ones in force today and editing them there edits
those rows."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import text
from app.errors import NotFoundError, ValidationError
from app.rules import packs, store, update
from app.rules.values import number
from app.services.system import audit
from db.engine import Database
from db.models import AwardKind, BaseSalary, RuleItem

CATEGORIES = {"danh_hieu": "Danh hiệu thi đua", "hinh_thuc": "Hình thức khen thưởng"}
LEVELS = {"xa": "Cấp xã", "huyen": "Cấp huyện", "tinh": "Cấp tỉnh", "bo": "Cấp bộ, ngành",
          "nha_nuoc": "Nhà nước"}
VOTE_BASES = {"present": "số thành viên có mặt", "all": "tổng số thành viên Hội đồng"}
COEF_FIELDS = (("coef_person", "person"), ("coef_collective", "collective"),
               ("coef_household", "household"))
COEF_SUBJECTS = {"person": "Cá nhân", "collective": "Tập thể, khu dân cư",
                 "household": "Hộ gia đình"}
_THOUSANDTH = Decimal("0.001")


@dataclass(frozen=True)
class AwardKindInfo:
    """Editable view of one award kind (JSON rules kept as dicts)."""

    code: str
    name: str
    category: str = "danh_hieu"
    subject_types: str = "person"
    level: str = "xa"
    awarded_here: bool = True
    coef_person: Decimal | None = None
    coef_collective: Decimal | None = None
    coef_household: Decimal | None = None
    certificate_template: str | None = None
    criteria: str | None = None
    legal_basis: str | None = None
    prerequisites: dict | None = None
    quota: dict | None = None
    vote_threshold: Decimal | None = None
    vote_base: str = "present"
    secret_ballot: bool = True
    annual: bool = True
    active: bool = True
    sort_order: int = 0
    id: int | None = None
    vote_strict: bool = False  # "trên" the threshold (more than half) rather than "từ … trở lên"
    verify_note: str | None = None
    edited: tuple[str, ...] = ()  # fields the ward changed from the rule pack's values

    @property
    def label(self) -> str:
        """Name shown in pickers, with the level when the ward does not award it itself."""
        return self.name if self.awarded_here else f"{self.name} ({LEVELS.get(self.level, '')})"


@dataclass(frozen=True)
class BaseSalaryInfo:
    """One mức lương cơ sở row: amount in đồng from a date, with its decree and how sure the
    source is ("xác minh")."""
    effective_from: date
    amount: int
    legal_basis: str | None = None
    id: int | None = None
    verify_note: str | None = None
    edited: bool = False  # differs from the rule pack (or added by the ward)


@dataclass(frozen=True)
class CoefficientInfo:
    """A coefficient of an award kind for a subject type, in force from a date (None: from the
    beginning) until the next row of the same kind and type."""
    award_kind_id: int
    subject_type: str  # person / collective / household
    effective_from: date | None
    coefficient: Decimal | None
    legal_basis: str | None = None
    verify_note: str | None = None
    id: int | None = None
    edited: bool = False


_DERIVED = {"id", "edited", "coef_person", "coef_collective", "coef_household"}
_FIELDS = [f.name for f in fields(AwardKindInfo) if f.name not in _DERIVED]


def _coef(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value)).quantize(_THOUSANDTH)


def _edited_fields(k: AwardKind) -> tuple[str, ...]:
    if k.pack_values is None:
        return ("*",)  # the ward's own award kind
    current = update.kind_fields(k)
    from app.rules.values import MISSING, same

    return tuple(f for f in packs.KIND_FIELDS
                 if not same(current[f], k.pack_values.get(f, MISSING)))


def _info(k: AwardKind, coefs: store.Coefficients, today: date) -> AwardKindInfo:
    now = {}
    for name, subject in COEF_FIELDS:
        row = coefs.row(k.id, subject, today)
        now[name] = _coef(row.value) if row is not None else None
    return AwardKindInfo(**{n: getattr(k, n) for n in _FIELDS}, **now, id=k.id,
                         edited=_edited_fields(k))


def list_award_kinds(db: Database, active_only: bool = True,
                     awarded_here: bool | None = None) -> list[AwardKindInfo]:
    """Award kinds in their display order (coefficients: those in force today)."""
    with db.read() as s:
        stmt = select(AwardKind).order_by(AwardKind.sort_order, AwardKind.id)
        if active_only:
            stmt = stmt.where(AwardKind.active.is_(True))
        if awarded_here is not None:
            stmt = stmt.where(AwardKind.awarded_here.is_(awarded_here))
        coefs = store.Coefficients(s)
        return [_info(k, coefs, date.today()) for k in s.scalars(stmt)]


def get_award_kind(db: Database, kind_id: int | None = None, code: str | None = None) -> AwardKindInfo:
    """One award kind by id or code."""
    with db.read() as s:
        k = s.get(AwardKind, kind_id) if kind_id else s.scalar(
            select(AwardKind).where(AwardKind.code == code))
        if k is None:
            raise NotFoundError("Không tìm thấy danh hiệu / hình thức khen thưởng.")
        return _info(k, store.Coefficients(s), date.today())


def _validate(d: AwardKindInfo) -> AwardKindInfo:
    d = replace(d, code=text.nfc(d.code).upper(), name=text.nfc(d.name),
                criteria=text.nfc_or_none(d.criteria), legal_basis=text.nfc_or_none(d.legal_basis),
                verify_note=text.nfc_or_none(d.verify_note))
    if not d.code:
        raise ValidationError("Chưa nhập mã danh hiệu.", "code")
    if not d.name:
        raise ValidationError("Chưa nhập tên danh hiệu.", "name")
    if d.category not in CATEGORIES:
        raise ValidationError("Loại không hợp lệ (danh hiệu thi đua / hình thức khen thưởng).",
                              "category")
    if d.level not in LEVELS:
        raise ValidationError("Cấp khen thưởng không hợp lệ.", "level")
    if d.vote_base not in VOTE_BASES:
        raise ValidationError("Cách tính tỷ lệ phiếu không hợp lệ.", "vote_base")
    for name in ("coef_person", "coef_collective", "coef_household"):
        v = getattr(d, name)
        if v is not None and Decimal(str(v)) < 0:
            raise ValidationError("Hệ số tiền thưởng không được âm.", name)
    if d.vote_threshold is not None and not 0 < Decimal(str(d.vote_threshold)) <= 100:
        raise ValidationError("Tỷ lệ phiếu đồng ý phải trong khoảng 1–100 (%).", "vote_threshold")
    return d


def save_award_kind(db: Database, data: AwardKindInfo) -> int:
    """Create or update an award kind (validated, audited); returns its id."""
    data = _validate(data)
    with db.session() as s:
        clash = s.scalar(select(AwardKind.id).where(AwardKind.code == data.code))
        if clash and clash != data.id:
            raise ValidationError(f"Mã “{data.code}” đã dùng cho danh hiệu khác.", "code")
        k = s.get(AwardKind, data.id) if data.id else None
        before = audit.snapshot(k) if k else None
        if k is None:
            k = AwardKind()
            s.add(k)
        for n in _FIELDS:
            setattr(k, n, getattr(data, n))
        s.flush()
        audit.log(s, "update" if before else "create", "award_kind", k.id, before,
                  audit.snapshot(k))
        _sync_coefficients(s, k.id, data)
        return k.id


def _sync_coefficients(s: Session, kind_id: int, data: AwardKindInfo) -> None:
    """The coefficients typed on the award kind are the rows in force today: edit those rows
    (or start one "from the beginning" when the kind had none)."""
    today, coefs = date.today(), store.Coefficients(s)
    for name, subject in COEF_FIELDS:
        wanted = getattr(data, name)
        row = coefs.row(kind_id, subject, today)
        if row is None:
            if wanted is not None:
                row = RuleItem(topic="coefficient", award_kind_id=kind_id, qualifier=subject,
                               value=number(wanted), origin=store.WARD)
                s.add(row)
                s.flush()
                audit.log(s, "create", "rule_item", row.id, None, audit.snapshot(row))
        elif _coef(row.value) != _coef(wanted):
            before = audit.snapshot(row)
            row.value = number(wanted)
            s.flush()
            audit.log(s, "update", "rule_item", row.id, before, audit.snapshot(row))


def list_coefficients(db: Database, kind_id: int) -> list[CoefficientInfo]:
    """Every coefficient row of an award kind, by subject type then date."""
    order = list(COEF_SUBJECTS)
    with db.read() as s:
        rows = store.rows_of(s, "coefficient", kind_id)
        out = [CoefficientInfo(r.award_kind_id, r.qualifier, r.effective_from, _coef(r.value),
                               r.legal_basis, r.verify_note, r.id, update.row_edited(r))
               for r in rows if r.award_kind_id == kind_id]
    return sorted(out, key=lambda c: (order.index(c.subject_type) if c.subject_type in order
                                      else 9, c.effective_from or date.min))


def save_coefficient(db: Database, data: CoefficientInfo) -> int:
    """Add or change a dated coefficient (validated, audited). Issued decisions keep theirs."""
    if data.subject_type not in COEF_SUBJECTS:
        raise ValidationError("Chọn đối tượng: cá nhân, tập thể hoặc hộ gia đình.",
                              "subject_type")
    if data.coefficient is None or Decimal(str(data.coefficient)) < 0:
        raise ValidationError("Hệ số tiền thưởng phải là số không âm (ví dụ 0,3).",
                              "coefficient")
    with db.session() as s:
        kind = s.get(AwardKind, data.award_kind_id)
        if kind is None:
            raise NotFoundError("Không tìm thấy danh hiệu / hình thức khen thưởng.")
        same_rule = [r for r in store.rows_of(s, "coefficient", kind.id, data.subject_type)
                     if r.effective_from == data.effective_from and r.id != data.id]
        if same_rule:
            when = (f"từ ngày {data.effective_from:%d/%m/%Y}" if data.effective_from
                    else "từ trước")
            who = COEF_SUBJECTS[data.subject_type].lower()
            raise ValidationError(f"“{kind.name}” đã có hệ số {who} {when}.", "effective_from")
        row = s.get(RuleItem, data.id) if data.id else None
        before = audit.snapshot(row) if row else None
        if row is None:
            row = RuleItem(topic="coefficient", award_kind_id=kind.id, origin=store.WARD)
            s.add(row)
        row.qualifier, row.effective_from = data.subject_type, data.effective_from
        row.value = number(data.coefficient)
        row.legal_basis = text.nfc_or_none(data.legal_basis)
        row.verify_note = text.nfc_or_none(data.verify_note)
        s.flush()
        audit.log(s, "update" if before else "create", "rule_item", row.id, before,
                  audit.snapshot(row))
        return row.id


def delete_coefficient(db: Database, coefficient_id: int) -> None:
    """Remove a coefficient row (issued decisions keep the coefficient they printed)."""
    with db.session() as s:
        row = s.get(RuleItem, coefficient_id)
        if row is None or row.topic != "coefficient":
            raise NotFoundError("Không tìm thấy hệ số.")
        audit.log(s, "delete", "rule_item", row.id, audit.snapshot(row), None)
        s.delete(row)


def list_base_salaries(db: Database) -> list[BaseSalaryInfo]:
    """Base salaries, newest first."""
    with db.read() as s:
        rows = s.scalars(select(BaseSalary).order_by(BaseSalary.effective_from.desc()))
        return [BaseSalaryInfo(r.effective_from, r.amount, r.legal_basis, r.id, r.verify_note,
                               update.row_edited(r)) for r in rows]


def save_base_salary(db: Database, data: BaseSalaryInfo) -> int:
    """Add or change a base salary row (amount in đồng, with its decree)."""
    if data.amount is None or int(data.amount) <= 0:
        raise ValidationError("Mức lương cơ sở phải lớn hơn 0.", "amount")
    if data.effective_from is None:
        raise ValidationError("Chưa nhập ngày có hiệu lực.", "effective_from")
    with db.session() as s:
        clash = s.scalar(select(BaseSalary.id).where(
            BaseSalary.effective_from == data.effective_from))
        if clash and clash != data.id:
            raise ValidationError(
                f"Đã có mức lương cơ sở từ ngày {data.effective_from:%d/%m/%Y}.", "effective_from")
        row = s.get(BaseSalary, data.id) if data.id else None
        before = audit.snapshot(row) if row else None
        if row is None:
            row = BaseSalary()
            s.add(row)
        row.effective_from, row.amount = data.effective_from, int(data.amount)
        row.legal_basis = text.nfc_or_none(data.legal_basis)
        if data.verify_note is not None or before is None:
            row.verify_note = text.nfc_or_none(data.verify_note)
        s.flush()
        audit.log(s, "update" if before else "create", "base_salary", row.id, before,
                  audit.snapshot(row))
        return row.id


def delete_base_salary(db: Database, salary_id: int) -> None:
    """Remove a base salary row (issued decisions keep the amount they used)."""
    with db.session() as s:
        row = s.get(BaseSalary, salary_id)
        if row is None:
            raise NotFoundError("Không tìm thấy mức lương cơ sở.")
        audit.log(s, "delete", "base_salary", salary_id, audit.snapshot(row), None)
        s.delete(row)

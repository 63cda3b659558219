"""Award kinds (danh hiệu, hình thức khen thưởng) and base salaries: rules kept as data.

A change of decree is a change here (Cài đặt › Danh hiệu / Lương cơ sở), never of code."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app import text
from app.errors import NotFoundError, ValidationError
from app.services.system import audit
from db.engine import Database
from db.models import AwardKind, BaseSalary

CATEGORIES = {"danh_hieu": "Danh hiệu thi đua", "hinh_thuc": "Hình thức khen thưởng"}
LEVELS = {"xa": "Cấp xã", "huyen": "Cấp huyện", "tinh": "Cấp tỉnh", "bo": "Cấp bộ, ngành",
          "nha_nuoc": "Nhà nước"}
VOTE_BASES = {"present": "số thành viên có mặt", "all": "tổng số thành viên Hội đồng"}


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

    @property
    def label(self) -> str:
        """Name shown in pickers, with the level when the ward does not award it itself."""
        return self.name if self.awarded_here else f"{self.name} ({LEVELS.get(self.level, '')})"


@dataclass(frozen=True)
class BaseSalaryInfo:
    """One mức lương cơ sở row: amount in đồng from a date, with its decree."""
    effective_from: date
    amount: int
    legal_basis: str | None = None
    id: int | None = None


_FIELDS = [f.name for f in fields(AwardKindInfo) if f.name != "id"]


def _info(k: AwardKind) -> AwardKindInfo:
    return AwardKindInfo(**{n: getattr(k, n) for n in _FIELDS}, id=k.id)


def list_award_kinds(db: Database, active_only: bool = True,
                     awarded_here: bool | None = None) -> list[AwardKindInfo]:
    """Award kinds in their display order."""
    with db.read() as s:
        stmt = select(AwardKind).order_by(AwardKind.sort_order, AwardKind.id)
        if active_only:
            stmt = stmt.where(AwardKind.active.is_(True))
        if awarded_here is not None:
            stmt = stmt.where(AwardKind.awarded_here.is_(awarded_here))
        return [_info(k) for k in s.scalars(stmt)]


def get_award_kind(db: Database, kind_id: int | None = None, code: str | None = None) -> AwardKindInfo:
    """One award kind by id or code."""
    with db.read() as s:
        k = s.get(AwardKind, kind_id) if kind_id else s.scalar(
            select(AwardKind).where(AwardKind.code == code))
        if k is None:
            raise NotFoundError("Không tìm thấy danh hiệu / hình thức khen thưởng.")
        return _info(k)


def _validate(d: AwardKindInfo) -> AwardKindInfo:
    d = replace(d, code=text.nfc(d.code).upper(), name=text.nfc(d.name),
                criteria=text.nfc_or_none(d.criteria), legal_basis=text.nfc_or_none(d.legal_basis))
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
        return k.id


def list_base_salaries(db: Database) -> list[BaseSalaryInfo]:
    """Base salaries, newest first."""
    with db.read() as s:
        rows = s.scalars(select(BaseSalary).order_by(BaseSalary.effective_from.desc()))
        return [BaseSalaryInfo(r.effective_from, r.amount, r.legal_basis, r.id) for r in rows]


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

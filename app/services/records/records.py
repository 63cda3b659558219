"""Records: people, collectives, residential areas, households, former units.

Create / update / delete with Vietnamese validation messages and an audit row each.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import text
from app.errors import InUseError, NotFoundError, ValidationError
from app.services.records.subjects import apply_name
from app.services.system import audit
from db.engine import Database
from db.models import (
    AreaYear,
    AwardRecord,
    Candidate,
    Collective,
    DecisionLine,
    FormerUnit,
    Household,
    InitiativeAuthor,
    Person,
    Registration,
    ResidentialArea,
    RoleModel,
    Subject,
)

GENDERS = ("nam", "nữ")
AREA_KINDS = ("khu dân cư", "tổ dân phố", "thôn")
COLLECTIVE_KINDS = (
    "cơ quan", "trường học", "trạm y tế", "khu dân cư", "chi hội, đoàn thể", "chi bộ",
    "doanh nghiệp", "hợp tác xã", "khác",
)
STAT_CLASSES = (
    "cơ quan Đảng, đoàn thể", "cơ quan hành chính", "đơn vị sự nghiệp", "doanh nghiệp",
    "hợp tác xã", "khác",
)
STAFF_CLASSES = ("lãnh đạo", "người trực tiếp lao động, công tác")
NAME_MAX = 300


@dataclass(frozen=True)
class PersonData:
    full_name: str
    gender: str | None = None
    birth_date: date | None = None
    birth_year: int | None = None
    cccd: str | None = None
    position: str | None = None
    staff_class: str | None = None
    workplace_id: int | None = None
    workplace_text: str | None = None
    area_id: int | None = None
    phone: str | None = None
    address: str | None = None
    notes: str | None = None
    id: int | None = None
    # Nghị định 152/2025/NĐ-CP Điều 4 (warnings when proposed; see app/rules/principles.py)
    under_discipline: bool = False
    discipline_until: date | None = None
    under_inspection: bool = False
    pending_complaint: bool = False
    hold_note: str | None = None
    maternity_from: date | None = None
    maternity_to: date | None = None


@dataclass(frozen=True)
class CollectiveData:
    name: str
    kind: str | None = None
    stat_class: str | None = None
    field: str | None = None
    parent_id: int | None = None
    area_id: int | None = None
    former_unit_id: int | None = None
    address: str | None = None
    phone: str | None = None
    notes: str | None = None
    id: int | None = None
    # Nghị định 152/2025/NĐ-CP Điều 4: members and women (≥ 70 % women first), pending matters
    members_total: int | None = None
    women_members: int | None = None
    under_discipline: bool = False
    discipline_until: date | None = None
    under_inspection: bool = False
    pending_complaint: bool = False
    hold_note: str | None = None


HOLD_FIELDS = ("under_discipline", "discipline_until", "under_inspection", "pending_complaint",
               "hold_note")


@dataclass(frozen=True)
class AreaData:
    name: str
    kind: str = "khu dân cư"
    former_unit_id: int | None = None
    code: str | None = None
    leader_name: str | None = None
    households_total: int | None = None
    notes: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class HouseholdData:
    head_name: str
    area_id: int | None = None
    address: str | None = None
    members: int | None = None
    phone: str | None = None
    notes: str | None = None
    id: int | None = None
    head_birth_year: int | None = None
    head_cccd: str | None = None


@dataclass(frozen=True)
class Choice:
    """An (id, label) pair for combo boxes."""

    id: int
    label: str


# --------------------------------------------------------------------------- validation

def _clean(data):
    """NFC every text field of a dataclass; empty strings become None."""
    changes = {}
    for f in fields(data):
        value = getattr(data, f.name)
        if isinstance(value, str):
            changes[f.name] = text.nfc_or_none(value)
    return replace(data, **changes)


def _require_name(value: str | None, label: str, field_name: str) -> None:
    if not value:
        raise ValidationError(f"Chưa nhập {label}.", field_name)
    if len(value) > NAME_MAX:
        raise ValidationError(f"{label[0].upper() + label[1:]} dài quá {NAME_MAX} ký tự.",
                              field_name)


def _validate_person(s: Session, d: PersonData) -> PersonData:
    d = _clean(d)
    _require_name(d.full_name, "họ và tên", "full_name")
    d = replace(d, full_name=text.title_case_name(d.full_name) if d.full_name.islower()
                or d.full_name.isupper() else d.full_name)
    if d.gender and d.gender.lower() not in GENDERS:
        raise ValidationError("Giới tính phải là “nam” hoặc “nữ”.", "gender")
    gender = d.gender.lower() if d.gender else None
    this_year = date.today().year
    if d.birth_date and not (1900 <= d.birth_date.year <= this_year):
        raise ValidationError("Ngày sinh không hợp lệ.", "birth_date")
    year = d.birth_date.year if d.birth_date else d.birth_year
    if year is not None and not (1900 <= year <= this_year):
        raise ValidationError(f"Năm sinh phải từ 1900 đến {this_year}.", "birth_year")
    if d.cccd:
        err = text.cccd_error(d.cccd)
        if err:
            raise ValidationError(err, "cccd")
        other = s.scalar(select(Person.id).where(Person.cccd == d.cccd))
        if other and other != d.id:
            name = s.get(Person, other).name
            raise ValidationError(f"Số CCCD {d.cccd} đã có trong hồ sơ của {name}.", "cccd")
    if d.phone and not text.is_valid_phone(d.phone):
        raise ValidationError("Số điện thoại chỉ gồm chữ số (8–15 số).", "phone")
    if d.maternity_from and d.maternity_to and d.maternity_to < d.maternity_from:
        raise ValidationError("Ngày kết thúc nghỉ thai sản trước ngày bắt đầu.", "maternity_to")
    return replace(d, gender=gender, birth_year=year)


def _validate_collective(d: CollectiveData) -> CollectiveData:
    d = _clean(d)
    _require_name(d.name, "tên tập thể", "name")
    if d.id is not None and d.parent_id == d.id:
        raise ValidationError("Tập thể không thể trực thuộc chính nó.", "parent_id")
    if any(v is not None and v < 0 for v in (d.members_total, d.women_members)):
        raise ValidationError("Số thành viên không được âm.", "members_total")
    if d.members_total is not None and d.women_members is not None \
            and d.women_members > d.members_total:
        raise ValidationError(f"Số thành viên nữ ({d.women_members}) lớn hơn tổng số thành viên "
                              f"({d.members_total}).", "women_members")
    return d


def _validate_area(s: Session, d: AreaData) -> AreaData:
    d = _clean(d)
    _require_name(d.name, "tên khu dân cư", "name")
    if d.households_total is not None and d.households_total < 0:
        raise ValidationError("Số hộ không được âm.", "households_total")
    folded = text.fold(d.name)
    other = s.scalar(select(ResidentialArea.id).where(ResidentialArea.name_folded == folded))
    if other and other != d.id:
        raise ValidationError(f"Đã có khu dân cư “{d.name}”.", "name")
    return d


def _validate_household(s: Session, d: HouseholdData) -> HouseholdData:
    d = _clean(d)
    _require_name(d.head_name, "họ tên chủ hộ", "head_name")
    if d.members is not None and not (0 < d.members < 100):
        raise ValidationError("Số nhân khẩu phải từ 1 đến 99.", "members")
    this_year = date.today().year
    if d.head_birth_year is not None and not (1900 <= d.head_birth_year <= this_year):
        raise ValidationError(f"Năm sinh chủ hộ phải từ 1900 đến {this_year}.", "head_birth_year")
    if d.head_cccd:
        err = text.cccd_error(d.head_cccd)
        if err:
            raise ValidationError(err.replace("Số CCCD", "Số CCCD chủ hộ", 1), "head_cccd")
        other = s.scalar(select(Household.id).where(Household.head_cccd == d.head_cccd))
        if other and other != d.id:
            name = s.get(Household, other).name
            raise ValidationError(f"Số CCCD {d.head_cccd} đã là CCCD chủ hộ của hộ {name}.",
                                  "head_cccd")
    return d


def _area_former_unit(s: Session, area_id: int | None) -> int | None:
    if area_id is None:
        return None
    area = s.get(ResidentialArea, area_id)
    if area is None:
        raise ValidationError("Khu dân cư đã chọn không còn tồn tại.", "area_id")
    return area.former_unit_id


# --------------------------------------------------------------------------- save

def _save(db: Database, model, data, validate, assign, entity: str) -> int:
    with db.session() as s:
        data = validate(s, data)
        if data.id is None:
            obj, before = model(), None
            s.add(obj)
        else:
            obj = s.get(model, data.id)
            if obj is None:
                raise NotFoundError("Hồ sơ này không còn tồn tại (có thể đã bị xóa).")
            before = audit.snapshot(obj)
        assign(s, obj, data)
        s.flush()
        audit.log(s, "create" if before is None else "update", entity, obj.id,
                  before, audit.snapshot(obj))
        return obj.id


def save_person(db: Database, data: PersonData) -> int:
    def assign(s, p: Person, d: PersonData):
        apply_name(p, d.full_name)
        for name in ("gender", "birth_date", "birth_year", "cccd", "position", "staff_class",
                     "workplace_id", "workplace_text", "area_id", "phone", "address", "notes",
                     "maternity_from", "maternity_to") + HOLD_FIELDS:
            setattr(p, name, getattr(d, name))
        p.former_unit_id = _area_former_unit(s, d.area_id)

    return _save(db, Person, data, _validate_person, assign, "person")


def save_collective(db: Database, data: CollectiveData) -> int:
    def assign(s, c: Collective, d: CollectiveData):
        apply_name(c, d.name)
        for name in ("kind", "stat_class", "field", "parent_id", "area_id", "address", "phone",
                     "notes", "members_total", "women_members") + HOLD_FIELDS:
            setattr(c, name, getattr(d, name))
        c.former_unit_id = _area_former_unit(s, d.area_id) or d.former_unit_id

    return _save(db, Collective, data, lambda s, d: _validate_collective(d), assign, "collective")


def save_area(db: Database, data: AreaData) -> int:
    def assign(s, a: ResidentialArea, d: AreaData):
        apply_name(a, d.name)
        for name in ("kind", "former_unit_id", "code", "leader_name", "households_total", "notes"):
            setattr(a, name, getattr(d, name))
        s.flush()
        a.area_id = a.id  # an area lies in itself: filters by area include its own awards
        # Keep the former unit of everything in the area in step with the area.
        for sub in s.scalars(select(Subject).where(Subject.area_id == a.id, Subject.id != a.id)):
            sub.former_unit_id = d.former_unit_id

    return _save(db, ResidentialArea, data, _validate_area, assign, "area")


def save_household(db: Database, data: HouseholdData) -> int:
    def assign(s, h: Household, d: HouseholdData):
        apply_name(h, d.head_name)
        for name in ("area_id", "address", "members", "phone", "notes", "head_birth_year",
                     "head_cccd"):
            setattr(h, name, getattr(d, name))
        h.former_unit_id = _area_former_unit(s, d.area_id)

    return _save(db, Household, data, _validate_household, assign, "household")


# --------------------------------------------------------------------------- delete

_USAGE = [
    (AwardRecord.subject_id, "mục trong sổ khen thưởng"),
    (AreaYear.area_id, "năm số liệu của khu dân cư"),
    (DecisionLine.subject_id, "dòng trong quyết định"),
    (Candidate.subject_id, "hồ sơ đề nghị khen thưởng"),
    (Registration.subject_id, "đăng ký thi đua"),
    (RoleModel.subject_id, "gương điển hình"),
]


def usage(s: Session, subject_id: int) -> list[str]:
    """Why a subject cannot be deleted: what points at it, e.g. ["3 mục trong sổ khen thưởng"]."""
    reasons = []
    for column, label in _USAGE:
        n = s.scalar(select(func.count()).where(column == subject_id))
        if n:
            reasons.append(f"{n} {label}")
    n = s.scalar(select(func.count()).where(InitiativeAuthor.person_id == subject_id))
    if n:
        reasons.append(f"{n} sáng kiến")
    n = s.scalar(select(func.count()).where(Person.workplace_id == subject_id))
    if n:
        reasons.append(f"{n} cá nhân công tác tại đây")
    n = s.scalar(select(func.count()).where(Subject.area_id == subject_id, Subject.id != subject_id))
    if n:
        reasons.append(f"{n} hồ sơ thuộc khu dân cư này")
    return reasons


def delete_subject(db: Database, subject_id: int) -> None:
    """Delete a record; refused with the reason when awards or other records point at it."""
    with db.session() as s:
        obj = s.get(Subject, subject_id)
        if obj is None:
            raise NotFoundError("Hồ sơ này không còn tồn tại (có thể đã bị xóa).")
        reasons = usage(s, subject_id)
        if reasons:
            raise InUseError(f"Không thể xóa “{obj.name}” vì đang có " + ", ".join(reasons) + ".")
        before = audit.snapshot(obj)
        entity = obj.type
        if isinstance(obj, ResidentialArea):
            obj.area_id = None
            s.flush()
        s.delete(obj)
        audit.log(s, "delete", entity, subject_id, before, None)


# --------------------------------------------------------------------------- read

def _to_data(obj, cls, **extra):
    names = {f.name for f in fields(cls)}
    values = {n: getattr(obj, n) for n in names if hasattr(obj, n)}
    values.update(extra)
    return cls(**values)


def get_person(db: Database, person_id: int) -> PersonData:
    with db.read() as s:
        p = s.get(Person, person_id) or _missing()
        return _to_data(p, PersonData, full_name=p.name)


def get_collective(db: Database, collective_id: int) -> CollectiveData:
    with db.read() as s:
        return _to_data(s.get(Collective, collective_id) or _missing(), CollectiveData)


def get_area(db: Database, area_id: int) -> AreaData:
    with db.read() as s:
        return _to_data(s.get(ResidentialArea, area_id) or _missing(), AreaData)


def get_household(db: Database, household_id: int) -> HouseholdData:
    with db.read() as s:
        h = s.get(Household, household_id) or _missing()
        return _to_data(h, HouseholdData, head_name=h.name)


def _missing():
    raise NotFoundError("Hồ sơ này không còn tồn tại (có thể đã bị xóa).")


def area_choices(db: Database) -> list[Choice]:
    with db.read() as s:
        # The type filter lets SQLite walk the (type, sort_key) index, not every subject.
        rows = s.execute(select(ResidentialArea.id, ResidentialArea.name)
                         .where(ResidentialArea.type == "area")
                         .order_by(ResidentialArea.sort_key))
        return [Choice(i, n) for i, n in rows]


def former_unit_choices(db: Database) -> list[Choice]:
    with db.read() as s:
        rows = s.execute(select(FormerUnit.id, FormerUnit.name)
                         .order_by(FormerUnit.sort_order, FormerUnit.name))
        return [Choice(i, n) for i, n in rows]


def collective_choices(db: Database) -> list[Choice]:
    with db.read() as s:
        rows = s.execute(select(Collective.id, Collective.name)
                         .where(Collective.type == "collective").order_by(Collective.sort_key))
        return [Choice(i, n) for i, n in rows]


FORMER_UNIT_KINDS = ("phường", "xã", "thị trấn")


@dataclass(frozen=True)
class FormerUnitInfo:
    id: int
    name: str
    kind: str  # phường / xã / thị trấn: An Thượng was a xã


def former_units(db: Database) -> list[FormerUnitInfo]:
    with db.read() as s:
        rows = s.execute(select(FormerUnit.id, FormerUnit.name, FormerUnit.kind)
                         .order_by(FormerUnit.sort_order, FormerUnit.name))
        return [FormerUnitInfo(*r) for r in rows]


def save_former_unit(db: Database, name: str, kind: str | None = None,
                     unit_id: int | None = None) -> int:
    """Add or rename a former unit; ``kind`` None keeps its kind (a new one is a phường)."""
    name = text.nfc(name)
    if not name:
        raise ValidationError("Chưa nhập tên địa bàn cũ.", "name")
    if kind is not None and text.nfc(kind) not in FORMER_UNIT_KINDS:
        raise ValidationError("Loại địa bàn cũ phải là phường, xã hoặc thị trấn.", "kind")
    with db.session() as s:
        other = s.scalar(select(FormerUnit.id).where(FormerUnit.name == name))
        if other and other != unit_id:
            raise ValidationError(f"Đã có địa bàn cũ “{name}”.", "name")
        unit = s.get(FormerUnit, unit_id) if unit_id else FormerUnit()
        if unit is None:
            _missing()
        before = audit.snapshot(unit) if unit_id else None
        unit.name = name
        unit.kind = text.nfc(kind) if kind is not None else (unit.kind or "phường")
        if unit_id is None:
            unit.sort_order = (s.scalar(select(func.max(FormerUnit.sort_order))) or 0) + 1
            s.add(unit)
        s.flush()
        audit.log(s, "update" if before else "create", "former_unit", unit.id, before,
                  audit.snapshot(unit))
        return unit.id


def delete_former_unit(db: Database, unit_id: int) -> None:
    with db.session() as s:
        unit = s.get(FormerUnit, unit_id) or _missing()
        n = s.scalar(select(func.count()).where(Subject.former_unit_id == unit_id))
        if n:
            raise InUseError(f"Không thể xóa địa bàn cũ “{unit.name}” vì còn {n} hồ sơ thuộc địa bàn này.")
        audit.log(s, "delete", "former_unit", unit_id, audit.snapshot(unit), None)
        s.delete(unit)

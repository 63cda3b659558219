"""Đăng ký thi đua per year: register one by one or in bulk, record outcomes in bulk, and the
rates the yearly reports quote (households registered / total, achieved / registered).

Registration is a tracking feature (the 2022 Law dropped it as a legal ground), so nothing
here blocks a commendation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.errors import NotFoundError, ValidationError
from app.services.system import audit
from db.engine import Database
from db.models import (
    AwardKind,
    Collective,
    Household,
    Person,
    Registration,
    ResidentialArea,
    Subject,
)

OUTCOMES = {"dat": "Đạt", "khong_dat": "Không đạt"}
GDVH, KDCVH, LDTT = "GDVH", "KDCVH", "LDTT"


@dataclass(frozen=True)
class RegistrationRow:
    id: int
    subject_id: int
    subject_name: str
    subject_type: str
    area: str
    award: str
    outcome: str | None  # dat / khong_dat / None


@dataclass(frozen=True)
class BulkResult:
    added: int
    already: int

    def text(self) -> str:
        extra = f" ({self.already} đã đăng ký từ trước)" if self.already else ""
        return f"Đã đăng ký thêm {self.added}{extra}."


def award_id(s: Session, code: str) -> int:
    kid = s.scalar(select(AwardKind.id).where(AwardKind.code == code))
    if kid is None:
        raise NotFoundError(f"Chưa có danh hiệu mã {code} trong danh mục.")
    return kid


def _check_year(year: int) -> None:
    if not 2000 <= int(year) <= 2100:
        raise ValidationError(f"Năm {year} không hợp lệ.", "year")


def _register(s: Session, year: int, award: int, subject_ids: Iterable[int],
              movement_id: int | None, on: date | None) -> BulkResult:
    wanted = list(dict.fromkeys(subject_ids))
    have = set(s.scalars(select(Registration.subject_id).where(
        Registration.year == year, Registration.award_kind_id == award)))
    new = [sid for sid in wanted if sid not in have]
    if new:
        # One executemany with known keys: the ORM would insert a whole ward (15,000
        # households) one round trip at a time. (Callers hold the write lock from the start,
        # BEGIN IMMEDIATE, so no other writer takes these ids meanwhile.)
        first = (s.scalar(select(func.max(Registration.id))) or 0) + 1
        now = datetime.now()
        rows = [{"id": first + i, "year": year, "subject_id": sid, "award_kind_id": award,
                 "movement_id": movement_id, "registered_on": on, "outcome": None,
                 "created_at": now, "updated_at": now} for i, sid in enumerate(new)]
        s.execute(insert(Registration), rows)
        audit.log(s, "create", "registration", None,
                  after={"year": year, "award_kind_id": award,
                         "ids": [r["id"] for r in rows]},
                  note=f"Đăng ký thi đua năm {year}: {len(rows)} đối tượng")
    return BulkResult(len(new), len(wanted) - len(new))


def register(db: Database, year: int, award_kind_id: int, subject_ids: Iterable[int],
             movement_id: int | None = None, registered_on: date | None = None) -> BulkResult:
    """Register the subjects (those already registered for the title that year are kept)."""
    _check_year(year)
    with db.session(immediate=True) as s:
        kind = s.get(AwardKind, award_kind_id)
        if kind is None:
            raise NotFoundError("Danh hiệu này không còn trong danh mục.")
        ids = list(subject_ids)
        types = set(s.scalars(select(Subject.type).where(Subject.id.in_(ids)).distinct()))
        allowed = set((kind.subject_types or "").split(","))
        if types - allowed:
            raise ValidationError(f"Danh hiệu “{kind.name}” không dành cho loại đối tượng đã chọn.")
        return _register(s, year, award_kind_id, ids, movement_id, registered_on)


def register_collective_staff(db: Database, year: int, collective_id: int,
                              award_code: str = LDTT, movement_id: int | None = None) -> BulkResult:
    """Every official whose workplace is the collective (Lao động tiên tiến)."""
    _check_year(year)
    with db.session(immediate=True) as s:
        if s.get(Collective, collective_id) is None:
            raise NotFoundError("Tập thể này không còn trong cơ sở dữ liệu.")
        ids = s.scalars(select(Person.id).where(Person.workplace_id == collective_id))
        return _register(s, year, award_id(s, award_code), ids, movement_id, date.today())


def register_area_households(db: Database, year: int, area_id: int | None = None,
                             award_code: str = GDVH, movement_id: int | None = None) -> BulkResult:
    """Every household of one residential area (or of the whole ward when area_id is None)."""
    _check_year(year)
    with db.session(immediate=True) as s:
        stmt = select(Household.id)
        if area_id is not None:
            stmt = stmt.where(Household.area_id == area_id)
        return _register(s, year, award_id(s, award_code), s.scalars(stmt), movement_id,
                         date.today())


def register_all_areas(db: Database, year: int, award_code: str = KDCVH,
                       movement_id: int | None = None) -> BulkResult:
    """Every residential area (Khu dân cư văn hóa)."""
    _check_year(year)
    with db.session(immediate=True) as s:
        ids = s.scalars(select(ResidentialArea.id))
        return _register(s, year, award_id(s, award_code), ids, movement_id, date.today())


def set_outcomes(db: Database, outcomes: dict[int, str | None]) -> int:
    """Record đạt / không đạt (or clear) for many registrations at once; returns changes."""
    bad = {v for v in outcomes.values() if v not in (*OUTCOMES, None)}
    if bad:
        raise ValidationError("Kết quả chỉ có thể là Đạt hoặc Không đạt.")
    with db.session() as s:
        current = {}
        ids = list(outcomes)
        for start in range(0, len(ids), 900):
            current.update(s.execute(select(Registration.id, Registration.outcome)
                                     .where(Registration.id.in_(ids[start:start + 900]))).all())
        changes = {rid: new for rid, new in outcomes.items()
                   if rid in current and current[rid] != new}
        by_value: dict[str | None, list[int]] = {}
        for rid, new in changes.items():
            by_value.setdefault(new, []).append(rid)
        now = datetime.now()
        for value, rids in by_value.items():
            for start in range(0, len(rids), 900):
                s.execute(update(Registration).where(Registration.id.in_(rids[start:start + 900]))
                          .values(outcome=value, updated_at=now))
        if changes:
            audit.log(s, "update", "registration", None,
                      before={"outcome": {rid: current[rid] for rid in changes}},
                      after={"outcome": changes},
                      note=f"Ghi kết quả bình xét: {len(changes)} đăng ký")
    return len(changes)


def delete_registrations(db: Database, ids: Iterable[int]) -> int:
    ids = list(ids)
    with db.session() as s:
        used = s.scalar(select(func.count()).select_from(Registration)
                        .where(Registration.id.in_(ids)))
        s.execute(delete(Registration).where(Registration.id.in_(ids)))
        audit.log(s, "delete", "registration", None, before={"ids": ids},
                  note=f"Xóa {used} đăng ký thi đua")
    return used or 0


def rows(db: Database, year: int, award_kind_id: int | None = None,
         area_id: int | None = None) -> list[RegistrationRow]:
    """Registrations of a year in Vietnamese order, for the outcome grid."""
    area = ResidentialArea.__table__.alias("area_subject")
    area_subject = Subject.__table__.alias("area_name")
    stmt = (select(Registration.id, Subject.id, Subject.name, Subject.type,
                   func.coalesce(area_subject.c.name, ""), AwardKind.name, Registration.outcome)
            .join(Subject, Subject.id == Registration.subject_id)
            .join(AwardKind, AwardKind.id == Registration.award_kind_id)
            .outerjoin(area, area.c.id == Subject.area_id)
            .outerjoin(area_subject, area_subject.c.id == area.c.id)
            .where(Registration.year == year)
            .order_by(AwardKind.sort_order, area_subject.c.sort_key, Subject.sort_key))
    if award_kind_id:
        stmt = stmt.where(Registration.award_kind_id == award_kind_id)
    if area_id:
        stmt = stmt.where((Subject.area_id == area_id) | (Subject.id == area_id))
    with db.read() as s:
        return [RegistrationRow(*r) for r in s.execute(stmt)]


def achieved_ids(db: Database, year: int, award_kind_id: int | None = None) -> list[int]:
    """Registrations marked "đạt": the ones that can become batch candidates."""
    stmt = select(Registration.id).where(Registration.year == year, Registration.outcome == "dat")
    if award_kind_id:
        stmt = stmt.where(Registration.award_kind_id == award_kind_id)
    with db.read() as s:
        return list(s.scalars(stmt))


def award_choices(db: Database) -> list[tuple[int, str]]:
    """Titles one registers for: danh hiệu thi đua awarded here."""
    with db.read() as s:
        return list(s.execute(select(AwardKind.id, AwardKind.name)
                              .where(AwardKind.category == "danh_hieu", AwardKind.active)
                              .order_by(AwardKind.sort_order, AwardKind.name)).all())


def years(db: Database) -> list[int]:
    with db.read() as s:
        have = set(s.scalars(select(Registration.year).distinct()))
    this = date.today().year
    return sorted(have | {this, this - 1}, reverse=True)


def award_subject_types(db: Database, award_kind_id: int) -> tuple[str, ...]:
    with db.read() as s:
        kind = s.get(AwardKind, award_kind_id)
        return tuple(t for t in (kind.subject_types or "").split(",") if t) if kind else ()


def award_code(db: Database, award_kind_id: int | None) -> str | None:
    if award_kind_id is None:
        return None
    with db.read() as s:
        return s.scalar(select(AwardKind.code).where(AwardKind.id == award_kind_id))

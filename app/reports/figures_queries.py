"""SQL behind app.reports.figures: aggregate queries returning plain tuples, filtered in SQL."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import (
    AreaYear,
    AwardKind,
    AwardRecord,
    Decision,
    FormerUnit,
    FundLine,
    Initiative,
    Movement,
    MovementResult,
    Person,
    Registration,
    ResidentialArea,
    RoleModel,
    Subject,
)

GDVH = "GDVH"  # Gia đình văn hóa
KDCVH = "KDCVH"  # Khu dân cư văn hóa
NO_AREA = "Chưa gắn khu dân cư"
NO_UNIT = "Chưa gắn địa bàn"

_Correction = aliased(AwardRecord)

GROUP_EXPR = case(
    (Subject.type == "person", "person"), (Subject.type == "household", "household"),
    else_="collective",
)
LEVEL_EXPR = case(
    (or_(AwardKind.level != "xa", AwardRecord.level != "xa",
         func.coalesce(Decision.external, False).is_(True),
         and_(AwardRecord.decision_id.is_(None), AwardRecord.external_decision_ref.is_not(None))),
     "up"),
    else_="here",
)
# An area is its own residential area; everyone else points at one.
AREA_ID_EXPR = case((Subject.type == "area", Subject.id), else_=Subject.area_id)


def live(year_from: int, year_to: int):
    """Register entries that count: in the years, not revoked, not replaced by a correction."""
    # Not correlated: SQLite builds the list once (corrects_id has no index).
    corrected = select(_Correction.corrects_id).where(_Correction.corrects_id.is_not(None),
                                                      _Correction.revoked.is_(False))
    return and_(AwardRecord.year.between(year_from, year_to), AwardRecord.revoked.is_(False),
                AwardRecord.id.not_in(corrected))


def _awards_from(stmt):
    return (stmt.select_from(AwardRecord)
            .join(Subject, Subject.id == AwardRecord.subject_id)
            .join(AwardKind, AwardKind.id == AwardRecord.award_kind_id)
            .outerjoin(Decision, Decision.id == AwardRecord.decision_id))


def award_kinds(s: Session):
    stmt = select(AwardKind.code, AwardKind.name, AwardKind.category, AwardKind.level,
                  AwardKind.sort_order, AwardKind.subject_types).order_by(AwardKind.sort_order,
                                                                          AwardKind.id)
    return s.execute(stmt).all()


def award_rows(s: Session, y0: int, y1: int):
    """(year, kind code, group, level, area id, own former unit id, staff class, count, money).

    One pass over the register; the breakdowns by kind, area, former unit and staff class are
    summed from it in Python (separate GROUP BY passes cost as much each on 200k entries).
    """
    person = Person.__table__  # the table alone: the mapped class would join subject again
    stmt = (_awards_from(select(
        AwardRecord.year, AwardKind.code, GROUP_EXPR, LEVEL_EXPR, AREA_ID_EXPR,
        Subject.former_unit_id, person.c.staff_class, func.count(),
        func.coalesce(func.sum(AwardRecord.money), 0),
    )).outerjoin(person, person.c.id == Subject.id).where(live(y0, y1))
        .group_by(AwardRecord.year, AwardKind.code, GROUP_EXPR, LEVEL_EXPR, AREA_ID_EXPR,
                  Subject.former_unit_id, person.c.staff_class))
    return s.execute(stmt).all()


def areas(s: Session) -> list[tuple[int, str, int | None]]:
    """(id, name, former unit id) of the residential areas in Vietnamese order."""
    stmt = select(ResidentialArea.id, ResidentialArea.name, ResidentialArea.former_unit_id)
    return s.execute(stmt.order_by(ResidentialArea.sort_key)).all()


def former_units(s: Session) -> list[tuple[int, str]]:
    return s.execute(select(FormerUnit.id, FormerUnit.name)
                     .order_by(FormerUnit.sort_order, FormerUnit.name)).all()


def _kind_id(s: Session, code: str) -> int | None:
    return s.scalar(select(AwardKind.id).where(AwardKind.code == code))


class AreaCultureRow(NamedTuple):
    year: int
    area_id: int | None  # None: households recorded without an area
    area: str
    former_unit: str
    households: int
    registered: int
    achieved: int
    # Where registered / achieved came from: "records" (computed from per-household
    # registrations and register entries), "entered" (the area's yearly totals) or "" (none).
    source: str = ""
    # Where households came from: "entered" (that year's total), "official" (the area's
    # households_total), "on_record" (households in the Danh mục).
    households_source: str = ""


class HouseholdCulture(NamedTuple):
    """Gia đình văn hóa computed from per-household records, by (year, area id)."""

    registered: dict
    achieved: dict
    recorded: set  # (year, area id) with at least one registration or register entry
    on_record: dict  # area id → households in the Danh mục


class EnteredCulture(NamedTuple):
    households: int | None
    registered: int | None
    achieved: int | None
    kdcvh: str | None
    indicators: dict


def household_culture(s: Session, y0: int, y1: int) -> HouseholdCulture:
    """The per-household side of culture_by_area.

    Achieved: a registration marked "đạt" OR an in-force Gia đình văn hóa entry in the register.
    Why both: the officer records the result either way — by marking the year's registrations,
    or by issuing the decision whose entries land in the register (past years are often typed
    in from the paper register only) — and either is proof the household was recognised.
    Registered: the year's registrations; when the ward kept registrations that year, a household
    in the register counts as registered too (it could not be recognised without taking part),
    so achieved never exceeds registered. A year without any registration keeps 0 registered:
    its rate is then taken against all households (see app.reports.figures.gdvh_rate).
    """
    gdvh = _kind_id(s, GDVH)
    on_record = dict(s.execute(select(Subject.area_id, func.count())
                               .where(Subject.type == "household").group_by(Subject.area_id)).all())
    # "type || ''" keeps SQLite from starting at the subject-type index and looking up every
    # household's entries one by one (0.45 s instead of 0.05 s for 15,000 households).
    household = (Subject.type + "") == "household"
    dat = Registration.outcome == "dat"
    regs = s.execute(
        select(Registration.year, Subject.area_id, func.count(), func.sum(case((dat, 1), else_=0)))
        .join(Subject, Subject.id == Registration.subject_id)
        .where(household, Registration.award_kind_id == gdvh, Registration.year.between(y0, y1))
        .group_by(Registration.year, Subject.area_id)).all()
    # Achieved = marked "đạt" ∪ in the register = đạt + register − both. "Both" and "has a
    # registration" are point lookups in the registration's unique (year, subject, title) index.
    same = and_(Registration.year == AwardRecord.year,
                Registration.subject_id == AwardRecord.subject_id,
                Registration.award_kind_id == gdvh)
    both = select(Registration.id).where(same, dat).exists()
    has_reg = select(Registration.id).where(same).exists()
    awards = s.execute(
        select(AwardRecord.year, Subject.area_id, func.count(), func.sum(case((both, 1), else_=0)),
               func.sum(case((has_reg, 0), else_=1)))
        .join(Subject, Subject.id == AwardRecord.subject_id)
        .where(household, AwardRecord.award_kind_id == gdvh, live(y0, y1))
        .group_by(AwardRecord.year, Subject.area_id)).all()
    # One registration per household, year and title (unique), so count(*) is households.
    registered = {(y, a): n for y, a, n, _ in regs}
    achieved = {(y, a): int(n_dat or 0) for y, a, _, n_dat in regs}
    kept = {y for y, _, n, _ in regs if n}
    for y, a, n, n_both, n_unregistered in awards:
        achieved[(y, a)] = achieved.get((y, a), 0) + n - int(n_both or 0)
        if y in kept:
            registered[(y, a)] = registered.get((y, a), 0) + int(n_unregistered or 0)
    recorded = {(y, a) for y, a, n, _ in regs if n} | {(y, a) for y, a, n, *_ in awards if n}
    return HouseholdCulture(registered, achieved, recorded, on_record)


def entered_culture(s: Session, y0: int, y1: int) -> dict[tuple[int, int], EnteredCulture]:
    """The areas' yearly totals as entered or imported (AreaYear), by (year, area id)."""
    rows = s.execute(select(AreaYear.year, AreaYear.area_id, AreaYear.households,
                            AreaYear.registered, AreaYear.achieved, AreaYear.kdcvh,
                            AreaYear.indicators).where(AreaYear.year.between(y0, y1))).all()
    return {(y, a): EnteredCulture(h, r, n, k, dict(ind or {})) for y, a, h, r, n, k, ind in rows}


def culture_by_area(s: Session, y0: int, y1: int, hc: HouseholdCulture | None = None,
                    entered: dict | None = None) -> list[AreaCultureRow]:
    """Gia đình văn hóa per residential area and year: THE definition every screen and report
    uses (the report, the registrations' rates tab, the dashboard, the area figures screen), so
    an area shows the same figures everywhere. Areas in Vietnamese order, households without an
    area last.

    Registered / achieved: computed from the per-household records (household_culture) where
    an area has any for the year; otherwise the area's entered yearly totals (AreaYear).
    Households: the year's entered total, else ResidentialArea.households_total when the officer
    entered the official count, else the households on record in the area.
    ``hc`` / ``entered``: the two sides, when the caller has already read them.
    """
    areas = s.execute(
        select(ResidentialArea.id, ResidentialArea.name, func.coalesce(FormerUnit.name, ""),
               ResidentialArea.households_total)
        .outerjoin(FormerUnit, FormerUnit.id == ResidentialArea.former_unit_id)
        .order_by(ResidentialArea.sort_key)).all()
    hc = hc or household_culture(s, y0, y1)
    entered = entered_culture(s, y0, y1) if entered is None else entered
    if hc.on_record.get(None):
        areas.append((None, NO_AREA, "", None))
    rows = []
    for year in range(y0, y1 + 1):
        for area_id, name, unit, official in areas:
            key = (year, area_id)
            given = entered.get(key)
            if given is not None and given.households is not None:
                total, h_source = given.households, "entered"
            elif official is not None:
                total, h_source = official, "official"
            else:
                total, h_source = hc.on_record.get(area_id, 0), "on_record"
            if key in hc.recorded:
                reg, ach, source = hc.registered.get(key, 0), hc.achieved.get(key, 0), "records"
            elif given is not None and (given.registered is not None
                                        or given.achieved is not None):
                reg, ach, source = given.registered or 0, given.achieved or 0, "entered"
            else:
                reg, ach, source = 0, 0, ""
            rows.append(AreaCultureRow(year, area_id, name, unit, total, reg, ach, source,
                                       h_source))
    return rows


def areas_count(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(ResidentialArea)) or 0


# Given by a level above the ward (an award of a higher level, or an entry of one): a decision
# the ward itself recorded by reference is not "cấp trên" for the areas it commends.
HIGHER_EXPR = case((or_(AwardKind.level != "xa", AwardRecord.level != "xa"), "up"),
                   else_="here")


def area_entries(s: Session, y0: int, y1: int) -> list[tuple[int, int, int, str]]:
    """(year, area id, award kind id, "here" / "up" by HIGHER_EXPR) of the in-force register
    entries of the residential areas. Areas have a few hundred entries: corrections are looked
    up per entry in the corrects_id index instead of live()'s pass over the whole register."""
    fixed = select(_Correction.id).where(_Correction.corrects_id == AwardRecord.id,
                                         _Correction.revoked.is_(False)).exists()
    stmt = (_awards_from(select(AwardRecord.year, AwardRecord.subject_id,
                                AwardRecord.award_kind_id, HIGHER_EXPR))
            .where(Subject.type == "area", AwardRecord.revoked.is_(False),
                   AwardRecord.year.between(y0, y1), ~fixed))
    return [tuple(r) for r in s.execute(stmt).all()]


def kdcvh_by_area(s: Session, y0: int, y1: int) -> dict[tuple[int, int], tuple[str | None, str]]:
    """(year, area id) → (Khu dân cư văn hóa status "dat" / "khong_dat" / None, source), by the
    same rule as the households (culture_by_area): from the records — an in-force register
    entry or a registration marked "đạt" is "dat", a registration marked "không đạt" (and no
    entry) "khong_dat", a registration not yet evaluated None — where the area has any that
    year; else the status entered for the area's year."""
    kdc = _kind_id(s, KDCVH)
    marked = s.execute(
        select(Registration.year, Registration.subject_id, Registration.outcome)
        .join(Subject, Subject.id == Registration.subject_id)
        .where(Registration.award_kind_id == kdc, Subject.type == "area",
               Registration.year.between(y0, y1))).all()
    out: dict[tuple[int, int], tuple[str | None, str]] = {}
    for year, area, kdcvh in s.execute(
            select(AreaYear.year, AreaYear.area_id, AreaYear.kdcvh)
            .where(AreaYear.year.between(y0, y1), AreaYear.kdcvh.is_not(None))).all():
        out[(year, area)] = (kdcvh, "entered")
    for year, area, outcome in marked:
        out[(year, area)] = (outcome, "records")
    for year, area, kind, _ in area_entries(s, y0, y1):
        if kind == kdc:
            out[(year, area)] = ("dat", "records")
    return out


def areas_achieved(s: Session, y0: int, y1: int) -> dict[int, int]:
    """Year → residential areas achieving Khu dân cư văn hóa (kdcvh_by_area)."""
    out: dict[int, int] = {}
    for (year, _), (status, _) in kdcvh_by_area(s, y0, y1).items():
        if status == "dat":
            out[year] = out.get(year, 0) + 1
    return out


def movements(s: Session, y0: int, y1: int):
    """Movements running at some point of the years (undated ones count as running)."""
    start = func.coalesce(Movement.start_date, Movement.plan_date)
    start_year = func.cast(func.strftime("%Y", start), type_=Movement.id.type)
    end_year = func.cast(func.strftime("%Y", Movement.end_date), type_=Movement.id.type)
    stmt = (select(Movement.id, Movement.name, Movement.launched_by, Movement.kind, start_year,
                   end_year, Movement.plan_number)
            .where(or_(start.is_(None), start_year <= y1),
                   or_(Movement.end_date.is_(None), end_year >= y0))
            .order_by(start.is_(None), start, Movement.id))
    return s.execute(stmt).all()


def movement_results(s: Session, y0: int, y1: int) -> dict[int, list[tuple[int, str]]]:
    stmt = (select(MovementResult.movement_id, MovementResult.year, MovementResult.narrative)
            .where(MovementResult.year.between(y0, y1), MovementResult.narrative != "")
            .order_by(MovementResult.year))
    out: dict[int, list[tuple[int, str]]] = {}
    for mid, year, narrative in s.execute(stmt).all():
        out.setdefault(mid, []).append((year, narrative))
    return out


def _by_year(s: Session, stmt) -> dict[int, int]:
    return {y: int(n or 0) for y, n in s.execute(stmt).all()}


def initiatives_by_year(s: Session, y0: int, y1: int) -> dict[int, int]:
    return _by_year(s, select(Initiative.year, func.count())
                    .where(Initiative.recognized.is_(True), Initiative.year.between(y0, y1))
                    .group_by(Initiative.year))


def role_models_by_year(s: Session, y0: int, y1: int) -> dict[int, int]:
    return _by_year(s, select(RoleModel.year, func.count())
                    .where(RoleModel.year.between(y0, y1)).group_by(RoleModel.year))


def fund_spent_by_year(s: Session, y0: int, y1: int) -> dict[int, int]:
    return _by_year(s, select(FundLine.year, func.sum(FundLine.amount))
                    .where(FundLine.direction == "chi", FundLine.group == "chi_khen_thuong",
                           FundLine.year.between(y0, y1)).group_by(FundLine.year))


def role_model_rows(s: Session, y0: int, y1: int):
    """(year, subject type, name, field, headline) of the role models, by year then name."""
    stmt = (select(RoleModel.year, Subject.type, Subject.name, RoleModel.field, RoleModel.headline)
            .join(Subject, Subject.id == RoleModel.subject_id)
            .where(RoleModel.year.between(y0, y1)).order_by(RoleModel.year, Subject.sort_key))
    return s.execute(stmt).all()


def initiative_rows(s: Session, y0: int, y1: int):
    """(year, title, scope) of the recognised initiatives."""
    stmt = (select(Initiative.year, Initiative.title, Initiative.scope)
            .where(Initiative.recognized.is_(True), Initiative.year.between(y0, y1))
            .order_by(Initiative.year, Initiative.title_folded))
    return s.execute(stmt).all()

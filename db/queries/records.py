"""Listing queries for the four kinds of records (filter and order in SQL)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from db.models import Collective, FormerUnit, Household, Person, ResidentialArea, Subject
from db.queries.search import subject_name_matches

Area = aliased(ResidentialArea, flat=True)
Workplace = aliased(Collective, flat=True)


def _ids(session: Session, subject_type: str, model, tokens, filters: dict, order,
         keys: Sequence, extra: Sequence = ()) -> list[int]:
    """Ordered ids of one record type. Starts from the subject table alone, so the common
    case (no subtype filter, ordered by name) is a scan of the (type, sort_key) index; the
    subtype table is joined only when a filter or the chosen order needs it."""
    col, asc = order
    key = keys[col] if 0 <= col < len(keys) and keys[col] is not None else Subject.sort_key
    stmt = select(Subject.id).where(Subject.type == subject_type)
    needs_join = bool(extra) or key.table is not Subject.__table__
    if needs_join:
        stmt = stmt.join(model.__table__, model.__table__.c.id == Subject.id)
    if tokens:
        stmt = stmt.where(subject_name_matches(session, tokens, Subject.id))
    if filters.get("area_id"):
        stmt = stmt.where(Subject.area_id == filters["area_id"])
    if filters.get("former_unit_id"):
        stmt = stmt.where(Subject.former_unit_id == filters["former_unit_id"])
    for clause in extra:
        stmt = stmt.where(clause)
    if key is Subject.sort_key:
        ordering = (Subject.sort_key, Subject.id) if asc else (Subject.sort_key.desc(), Subject.id.desc())
    else:
        # Tie-break on the Vietnamese name order so equal values list predictably.
        ordering = (key if asc else key.desc(), Subject.sort_key, Subject.id)
    return list(session.scalars(stmt.order_by(*ordering)))


def person_ids(session: Session, tokens, filters: dict, order) -> list[int]:
    t = Person.__table__.c
    extra = []
    if filters.get("gender"):
        extra.append(t.gender == filters["gender"])
    if filters.get("workplace_id"):
        extra.append(t.workplace_id == filters["workplace_id"])
    if filters.get("cccd_prefix"):
        extra.append(t.cccd.like(filters["cccd_prefix"] + "%"))
    keys = [Subject.sort_key, t.gender, t.birth_year, t.cccd, t.position, None,
            Subject.area_id, Subject.former_unit_id]
    return _ids(session, "person", Person, tokens, filters, order, keys, extra)


def person_rows(session: Session, ids: Sequence[int]) -> dict[int, tuple]:
    stmt = (
        select(Person.id, Person.name, Person.gender, Person.birth_date, Person.birth_year,
               Person.cccd, Person.position, Workplace.name, Person.workplace_text,
               Area.name, FormerUnit.name)
        .outerjoin(Workplace, Workplace.id == Person.workplace_id)
        .outerjoin(Area, Area.id == Person.area_id)
        .outerjoin(FormerUnit, FormerUnit.id == Person.former_unit_id)
        .where(Person.id.in_(list(ids)))
    )
    out = {}
    for pid, name, gender, bdate, byear, cccd, pos, wp, wp_text, area, fu in session.execute(stmt):
        born = bdate.strftime("%d/%m/%Y") if bdate else (str(byear) if byear else "")
        out[pid] = (name, gender or "", born, cccd or "", pos or "", wp or wp_text or "",
                    area or "", fu or "")
    return out


def collective_ids(session: Session, tokens, filters: dict, order) -> list[int]:
    t = Collective.__table__.c
    extra = [t.kind == filters["kind"]] if filters.get("kind") else []
    keys = [Subject.sort_key, t.kind, t.stat_class, t.field, Subject.area_id,
            Subject.former_unit_id]
    return _ids(session, "collective", Collective, tokens, filters, order, keys, extra)


def collective_rows(session: Session, ids: Sequence[int]) -> dict[int, tuple]:
    stmt = (
        select(Collective.id, Collective.name, Collective.kind, Collective.stat_class,
               Collective.field, Area.name, FormerUnit.name)
        .outerjoin(Area, Area.id == Collective.area_id)
        .outerjoin(FormerUnit, FormerUnit.id == Collective.former_unit_id)
        .where(Collective.id.in_(list(ids)))
    )
    return {r[0]: tuple(v or "" for v in r[1:]) for r in session.execute(stmt)}


def area_ids(session: Session, tokens, filters: dict, order) -> list[int]:
    t = ResidentialArea.__table__.c
    keys = [Subject.sort_key, t.kind, Subject.former_unit_id, t.leader_name, t.households_total,
            None]
    return _ids(session, "area", ResidentialArea, tokens, filters, order, keys)


def household_counts(session: Session, area_ids: Sequence[int]) -> dict[int, int]:
    stmt = (
        select(Household.area_id, func.count(Household.id))
        .where(Household.area_id.in_(list(area_ids)))
        .group_by(Household.area_id)
    )
    return dict(session.execute(stmt).all())


def area_rows(session: Session, ids: Sequence[int]) -> dict[int, tuple]:
    stmt = (
        select(ResidentialArea.id, ResidentialArea.name, ResidentialArea.kind, FormerUnit.name,
               ResidentialArea.leader_name, ResidentialArea.households_total)
        .outerjoin(FormerUnit, FormerUnit.id == ResidentialArea.former_unit_id)
        .where(ResidentialArea.id.in_(list(ids)))
    )
    counts = household_counts(session, ids)
    return {
        r[0]: (r[1], r[2] or "", r[3] or "", r[4] or "", r[5] if r[5] is not None else "",
               counts.get(r[0], 0))
        for r in session.execute(stmt)
    }


def household_ids(session: Session, tokens, filters: dict, order) -> list[int]:
    t = Household.__table__.c
    keys = [Subject.sort_key, t.address, Subject.area_id, Subject.former_unit_id, t.members]
    return _ids(session, "household", Household, tokens, filters, order, keys)


def household_rows(session: Session, ids: Sequence[int]) -> dict[int, tuple]:
    stmt = (
        select(Household.id, Household.name, Household.address, Area.name, FormerUnit.name,
               Household.members)
        .outerjoin(Area, Area.id == Household.area_id)
        .outerjoin(FormerUnit, FormerUnit.id == Household.former_unit_id)
        .where(Household.id.in_(list(ids)))
    )
    return {
        r[0]: (r[1], r[2] or "", r[3] or "", r[4] or "", r[5] if r[5] is not None else "")
        for r in session.execute(stmt)
    }

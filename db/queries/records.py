"""Listing queries for the four kinds of records (filter and order in SQL)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from db.models import Collective, FormerUnit, Household, Person, ResidentialArea, Subject
from db.queries.search import subject_name_matches

Area = aliased(ResidentialArea, flat=True)
Workplace = aliased(Collective, flat=True)


def _apply_common(stmt: Select, session: Session, model, tokens, filters: dict) -> Select:
    if tokens:
        stmt = stmt.where(subject_name_matches(session, tokens, model.id))
    if filters.get("area_id"):
        stmt = stmt.where(model.area_id == filters["area_id"])
    if filters.get("former_unit_id"):
        stmt = stmt.where(model.former_unit_id == filters["former_unit_id"])
    return stmt


def _order(stmt: Select, keys: Sequence, order: tuple[int, bool], default) -> Select:
    col, asc = order
    key = keys[col] if 0 <= col < len(keys) and keys[col] is not None else default
    key_expr = key if asc else key.desc()
    # Tie-break on the Vietnamese name order so equal values list predictably.
    return stmt.order_by(key_expr, default, Subject.id)


def person_ids(session: Session, tokens, filters: dict, order) -> list[int]:
    stmt = select(Person.id)
    stmt = _apply_common(stmt, session, Person, tokens, filters)
    if filters.get("gender"):
        stmt = stmt.where(Person.gender == filters["gender"])
    if filters.get("workplace_id"):
        stmt = stmt.where(Person.workplace_id == filters["workplace_id"])
    if filters.get("cccd_prefix"):
        stmt = stmt.where(Person.cccd.like(filters["cccd_prefix"] + "%"))
    keys = [Person.sort_key, Person.gender, Person.birth_year, Person.cccd, Person.position, None,
            Person.area_id, Person.former_unit_id]
    return list(session.scalars(_order(stmt, keys, order, Person.sort_key)))


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
    stmt = _apply_common(select(Collective.id), session, Collective, tokens, filters)
    if filters.get("kind"):
        stmt = stmt.where(Collective.kind == filters["kind"])
    keys = [Collective.sort_key, Collective.kind, Collective.stat_class, Collective.field,
            Collective.area_id, Collective.former_unit_id]
    return list(session.scalars(_order(stmt, keys, order, Collective.sort_key)))


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
    stmt = select(ResidentialArea.id)
    if tokens:
        stmt = stmt.where(subject_name_matches(session, tokens, ResidentialArea.id))
    if filters.get("former_unit_id"):
        stmt = stmt.where(ResidentialArea.former_unit_id == filters["former_unit_id"])
    keys = [ResidentialArea.sort_key, ResidentialArea.kind, ResidentialArea.former_unit_id,
            ResidentialArea.leader_name, ResidentialArea.households_total, None]
    return list(session.scalars(_order(stmt, keys, order, ResidentialArea.sort_key)))


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
    stmt = _apply_common(select(Household.id), session, Household, tokens, filters)
    keys = [Household.sort_key, Household.address, Household.area_id, Household.former_unit_id,
            Household.members]
    return list(session.scalars(_order(stmt, keys, order, Household.sort_key)))


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

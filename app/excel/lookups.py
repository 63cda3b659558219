"""Indexes of what the database already holds, loaded once per import: areas, collectives,
award kinds, movements, and the keys that reveal likely duplicates."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.text import fold
from db.models import AwardKind, Collective, Household, Movement, Person, ResidentialArea, Subject

_AREA_PREFIX = re.compile(r"^(khu dan cu|kdc|thon|to dan pho|tdp|khu pho|khu|xom|to)\s+")


def area_key(name: str | None) -> str:
    """"Khu dân cư số 3", "KDC Số 3" and "số 3" are the same area."""
    return _AREA_PREFIX.sub("", fold(name)).strip()


@dataclass
class Lookups:
    areas: dict[str, int] = field(default_factory=dict)  # area_key → id
    area_former_unit: dict[int, int | None] = field(default_factory=dict)
    collectives: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    awards: dict[str, int] = field(default_factory=dict)  # folded name / code → id
    award_types: dict[int, tuple[str, ...]] = field(default_factory=dict)
    award_names: dict[int, str] = field(default_factory=dict)
    movements: dict[str, int] = field(default_factory=dict)
    person_cccd: dict[str, int] = field(default_factory=dict)
    person_birth: dict[tuple[str, date], int] = field(default_factory=dict)
    person_year: dict[tuple[str, int], list[int]] = field(default_factory=lambda: defaultdict(list))
    person_name: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    person_place: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)
    households: dict[tuple[str, int | None], list[int]] = field(
        default_factory=lambda: defaultdict(list))
    household_name: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    household_cccd: dict[str, int] = field(default_factory=dict)  # the head's CCCD → id
    # What tells namesake households apart: {"address", "year", "cccd"} by id.
    household_info: dict[int, dict] = field(default_factory=dict)

    _area_cache: dict = field(default_factory=dict)

    def area_id(self, name: str | None) -> int | None:
        if not name:
            return None
        if name not in self._area_cache:  # lists repeat a few area names thousands of times
            self._area_cache[name] = self.areas.get(area_key(name))
        return self._area_cache[name]

    def award_id(self, name: str | None) -> int | None:
        return self.awards.get(fold(name)) or self.awards.get((name or "").strip().upper())


def load(s: Session, *, people: bool = False, households: bool = False) -> Lookups:
    """Indexes for one import; the person and household keys only when the kind needs them."""
    lk = Lookups()
    for aid, name, unit in s.execute(select(ResidentialArea.id, ResidentialArea.name,
                                            ResidentialArea.former_unit_id)):
        lk.areas[area_key(name)] = aid
        lk.area_former_unit[aid] = unit
    for cid, folded in s.execute(select(Collective.id, Subject.name_folded)):
        lk.collectives[folded].append(cid)
    for kid, code, name, types in s.execute(select(AwardKind.id, AwardKind.code, AwardKind.name,
                                                   AwardKind.subject_types)):
        lk.awards[fold(name)] = kid
        lk.awards[code.upper()] = kid
        lk.award_types[kid] = tuple(t for t in (types or "").split(",") if t)
        lk.award_names[kid] = name
    for mid, folded in s.execute(select(Movement.id, Movement.name_folded)):
        lk.movements[folded] = mid
    if people:
        rows = s.execute(select(Person.id, Subject.name_folded, Person.cccd, Person.birth_date,
                                Person.birth_year, Person.workplace_id, Subject.area_id))
        for pid, folded, cccd, born, year, work, area in rows:
            add_person(lk, pid, folded, cccd, born, year)
            lk.person_place[pid] = (work, area)
    if households:
        rows = s.execute(select(Household.id, Subject.name_folded, Subject.area_id,
                                Household.address, Household.head_birth_year,
                                Household.head_cccd))
        for hid, folded, area, address, year, cccd in rows:
            lk.households[(folded, area)].append(hid)
            lk.household_name[folded].append(hid)
            lk.household_info[hid] = {"address": address, "year": year, "cccd": cccd}
            if cccd:
                lk.household_cccd[cccd] = hid
    return lk


def add_person(lk: Lookups, pid: int, folded: str, cccd: str | None, born: date | None,
               year: int | None) -> None:
    if cccd:
        lk.person_cccd[cccd] = pid
    if born:
        lk.person_birth[(folded, born)] = pid
    if year or born:
        lk.person_year[(folded, year or born.year)].append(pid)
    lk.person_name[folded].append(pid)

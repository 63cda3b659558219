"""A small ward for the emulation tests: two former units, three areas, households, staff."""

from __future__ import annotations

from app.services.records.subjects import apply_name
from db.models import Collective, FormerUnit, Household, Person, ResidentialArea


def small_ward(db) -> dict:
    """Areas A1 (10 households recorded, official total 12), A2 (5), B1 (8 recorded); a school
    with 4 staff."""
    ids: dict = {"households": {}}
    with db.session() as s:
        units = []
        for i, name in enumerate(["Bình Hàn", "Cẩm Thượng"]):
            unit = FormerUnit(name=name, sort_order=i)
            s.add(unit)
            units.append(unit)
        s.flush()
        plan = [("Khu dân cư số 1", units[0], 10, 12), ("Khu dân cư số 2", units[0], 5, None),
                ("Thôn Đông Giàng", units[1], 8, None)]
        for name, unit, n, official in plan:
            area = ResidentialArea(former_unit_id=unit.id, households_total=official)
            apply_name(area, name)
            s.add(area)
            s.flush()
            ids[name] = area.id
            ids["households"][name] = []
            for k in range(n):
                h = Household(area_id=area.id, former_unit_id=unit.id)
                apply_name(h, f"Hộ {name} {k + 1}")
                s.add(h)
                s.flush()
                ids["households"][name].append(h.id)
        school = Collective(kind="trường học")
        apply_name(school, "Trường Tiểu học Bình Hàn")
        s.add(school)
        s.flush()
        ids["school"] = school.id
        ids["staff"] = []
        for name in ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]:
            p = Person(workplace_id=school.id)
            apply_name(p, name)
            s.add(p)
            s.flush()
            ids["staff"].append(p.id)
    return ids

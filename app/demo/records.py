"""Demo records: the four former units, 39 residential areas, collectives, people, households.

Rows are written with bulk Core inserts (ids allocated here) so the large demo is quick."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app import text
from app.demo.names import NameMaker
from db.models import Collective, FormerUnit, Household, Person, ResidentialArea, Subject

# Former unit → (kind, number of residential areas, area naming) — 39 areas in all.
FORMER_UNITS = [
    ("Bình Hàn", "phường", 12, "Khu dân cư số {n}"),
    ("Cẩm Thượng", "phường", 10, "Khu dân cư số {n}"),
    ("Nguyễn Trãi", "phường", 9, "Khu dân cư số {n}"),
    ("An Thượng", "xã", 8, None),
]
AN_THUONG_VILLAGES = ["Đông Giàng", "Trác Châu", "Văn Xá", "Cao Dương", "Tân Hòa", "An Lạc",
                      "Thượng Đạt", "Bảo Sài"]
WARD_BODIES = [
    ("Văn phòng HĐND và UBND phường", "cơ quan", "cơ quan hành chính"),
    ("Phòng Kinh tế, Hạ tầng và Đô thị", "cơ quan", "cơ quan hành chính"),
    ("Phòng Văn hóa - Xã hội", "cơ quan", "cơ quan hành chính"),
    ("Trung tâm Phục vụ hành chính công phường", "cơ quan", "cơ quan hành chính"),
    ("Công an phường", "cơ quan", "cơ quan hành chính"),
    ("Ban Chỉ huy Quân sự phường", "cơ quan", "cơ quan hành chính"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam phường", "chi hội, đoàn thể", "cơ quan Đảng, đoàn thể"),
    ("Hội Liên hiệp Phụ nữ phường", "chi hội, đoàn thể", "cơ quan Đảng, đoàn thể"),
    ("Hội Cựu chiến binh phường", "chi hội, đoàn thể", "cơ quan Đảng, đoàn thể"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh phường", "chi hội, đoàn thể", "cơ quan Đảng, đoàn thể"),
    ("Hội Nông dân phường", "chi hội, đoàn thể", "cơ quan Đảng, đoàn thể"),
    ("Trạm Y tế phường Thành Đông", "trạm y tế", "đơn vị sự nghiệp"),
    ("Hợp tác xã Dịch vụ nông nghiệp An Thượng", "hợp tác xã", "hợp tác xã"),
    ("Công ty TNHH Thương mại Dịch vụ Thành Đông", "doanh nghiệp", "doanh nghiệp"),
]
SCHOOL_KINDS = ["Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở"]
POSITIONS_LEAD = ["Chủ tịch", "Phó Chủ tịch", "Trưởng phòng", "Phó Trưởng phòng", "Hiệu trưởng",
                  "Phó Hiệu trưởng", "Trưởng trạm", "Chủ tịch Hội", "Bí thư Đoàn"]
POSITIONS_STAFF = ["Chuyên viên", "Công chức", "Giáo viên", "Bác sĩ", "Y sĩ", "Điều dưỡng",
                   "Nhân viên", "Kế toán", "Văn thư", "Công an viên", "Dân quân"]
AREA_POSITIONS = ["Trưởng khu dân cư", "Bí thư chi bộ", "Chi hội trưởng Phụ nữ",
                  "Chi hội trưởng Cựu chiến binh", "Tổ trưởng tổ dân phố", "Trưởng ban công tác Mặt trận"]


@dataclass
class DemoRecords:
    former_units: dict[str, int] = field(default_factory=dict)
    areas: list[int] = field(default_factory=list)
    area_unit: dict[int, int] = field(default_factory=dict)
    collectives: list[int] = field(default_factory=list)
    persons: list[int] = field(default_factory=list)
    leaders: set[int] = field(default_factory=set)
    households: list[int] = field(default_factory=list)
    household_area: dict[int, int] = field(default_factory=dict)
    workplace: dict[int, int] = field(default_factory=dict)  # person → collective


class _Ids:
    def __init__(self, session: Session):
        self.next = (session.scalar(select(func.max(Subject.id))) or 0) + 1

    def take(self) -> int:
        self.next += 1
        return self.next - 1


def _subject(sid: int, kind: str, name: str, area_id, unit_id, person_like: bool) -> dict:
    clean = text.nfc(name)
    key = text.name_sort_key(clean) if person_like else text.text_sort_key(clean)
    return {"id": sid, "type": kind, "name": clean, "name_folded": text.fold(clean),
            "sort_key": key, "area_id": area_id, "former_unit_id": unit_id}


def build_records(session: Session, rng: random.Random, n_persons: int, n_households: int,
                  progress=None) -> DemoRecords:
    out = DemoRecords()
    names = NameMaker(rng)
    ids = _Ids(session)
    for order, (unit, kind, _n, _fmt) in enumerate(FORMER_UNITS, start=1):
        fu = FormerUnit(name=unit, kind=kind, sort_order=order)
        session.add(fu)
        session.flush()
        out.former_units[unit] = fu.id

    subjects, areas = [], []
    area_names: dict[int, str] = {}
    counter = 0
    for unit, _kind, count, fmt in FORMER_UNITS:
        unit_id = out.former_units[unit]
        for n in range(1, count + 1):
            counter += 1
            name = fmt.format(n=counter) if fmt else f"Thôn {AN_THUONG_VILLAGES[n - 1]}"
            sid = ids.take()
            subjects.append(_subject(sid, "area", name, None, unit_id, False))
            area_names[sid] = name
            leader, _g = names.person()
            areas.append({"id": sid, "kind": "thôn" if not fmt else "khu dân cư",
                          "code": f"KDC{counter:02d}", "leader_name": leader,
                          "households_total": None})
            out.areas.append(sid)
            out.area_unit[sid] = unit_id
    session.execute(insert(Subject), subjects)
    session.execute(insert(ResidentialArea.__table__), areas)
    # An area lies in itself (set once its row exists, for the foreign key).
    session.execute(update(Subject).where(Subject.id.in_(out.areas)).values(area_id=Subject.id))

    # Collectives: ward bodies, schools per former unit, branches per area.
    subjects, colls = [], []

    def add_collective(name, kind, stat_class, area_id=None, unit_id=None):
        sid = ids.take()
        subjects.append(_subject(sid, "collective", name, area_id, unit_id, False))
        colls.append({"id": sid, "kind": kind, "stat_class": stat_class, "field": None,
                      "parent_id": None, "address": None, "phone": None})
        out.collectives.append(sid)
        return sid

    for name, kind, cls in WARD_BODIES:
        add_collective(name, kind, cls)
    for unit, unit_id in out.former_units.items():
        for school in SCHOOL_KINDS:
            add_collective(f"{school} {unit}", "trường học", "đơn vị sự nghiệp", unit_id=unit_id)
    for area_id in out.areas:
        area_name = area_names[area_id]
        for branch in ("Chi hội Phụ nữ", "Chi hội Cựu chiến binh"):
            add_collective(f"{branch} {area_name[0].lower() + area_name[1:]}", "chi hội, đoàn thể",
                           "cơ quan Đảng, đoàn thể", area_id, out.area_unit[area_id])
    session.execute(insert(Subject), subjects)
    session.execute(insert(Collective.__table__), colls)
    if progress:
        progress(f"Đã tạo {len(out.areas)} khu dân cư, {len(out.collectives)} tập thể.")

    # People: officials of the collectives and activists of the areas.
    subjects, people = [], []
    # Most officials work in the ward's bodies and schools, fewer in the area branches.
    main_bodies = out.collectives[:len(WARD_BODIES) + len(SCHOOL_KINDS) * len(FORMER_UNITS)]
    used_cccd: set[str] = set()
    for i in range(n_persons):
        name, gender = names.person()
        sid = ids.take()
        area_id = rng.choice(out.areas)
        lead = rng.random() < 0.14
        if rng.random() < 0.75:
            wp = rng.choice(main_bodies if rng.random() < 0.8 else out.collectives)
            position = rng.choice(POSITIONS_LEAD if lead else POSITIONS_STAFF)
            out.workplace[sid] = wp
        else:
            wp, position = None, rng.choice(AREA_POSITIONS)
        if lead:
            out.leaders.add(sid)
        year = rng.randint(1958, 2000)
        born = date(year, rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.8 else None
        cccd = None
        if rng.random() < 0.7:
            cccd = f"0{rng.randint(1, 96):02d}{0 if gender == 'nam' else 1}{year % 100:02d}{rng.randint(0, 999999):06d}"
            if cccd in used_cccd:
                cccd = None
            else:
                used_cccd.add(cccd)
        subjects.append(_subject(sid, "person", name, area_id, out.area_unit[area_id], True))
        people.append({"id": sid, "gender": gender, "birth_date": born, "birth_year": year,
                       "cccd": cccd, "position": position,
                       "staff_class": "lãnh đạo" if lead else "người trực tiếp lao động, công tác",
                       "workplace_id": wp, "workplace_text": None, "phone": None,
                       "address": names.address()})
        out.persons.append(sid)
    session.execute(insert(Subject), subjects)
    session.execute(insert(Person.__table__), people)
    if progress:
        progress(f"Đã tạo {len(out.persons)} cá nhân.")

    # Households spread over the areas.
    for start in range(0, n_households, 5000):
        subjects, homes = [], []
        for _ in range(start, min(start + 5000, n_households)):
            head, _g = names.person(rng.choice(("nam", "nam", "nữ")))
            sid = ids.take()
            area_id = rng.choice(out.areas)
            subjects.append(_subject(sid, "household", head, area_id, out.area_unit[area_id], True))
            homes.append({"id": sid, "address": names.address(), "members": rng.randint(1, 7),
                          "phone": None})
            out.households.append(sid)
            out.household_area[sid] = area_id
        session.execute(insert(Subject), subjects)
        session.execute(insert(Household.__table__), homes)
    # The official household count of each area: those recorded plus a few not yet recorded.
    per_area: dict[int, int] = {}
    for area_id in out.household_area.values():
        per_area[area_id] = per_area.get(area_id, 0) + 1
    for area_id in out.areas:
        recorded = per_area.get(area_id, 0)
        session.execute(update(ResidentialArea.__table__)
                        .where(ResidentialArea.__table__.c.id == area_id)
                        .values(households_total=recorded + rng.randint(0, max(1, recorded // 40))))
    if progress:
        progress(f"Đã tạo {len(out.households)} hộ gia đình.")
    return out

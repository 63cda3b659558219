"""A small ward for the commendation tests: organisation, signers, council, subjects."""

from __future__ import annotations

from types import SimpleNamespace

from sqlalchemy import select

from app.services.records.subjects import apply_name
from db.models import (
    AwardKind,
    Collective,
    CouncilMember,
    Household,
    Organization,
    Person,
    ResidentialArea,
    Signer,
)


def make_person(s, name, gender="nữ", birth_year=1985, position=None, area=None):
    p = Person(gender=gender, birth_year=birth_year, position=position,
               area_id=area.id if area else None)
    apply_name(p, name)
    s.add(p)
    s.flush()
    return p


def build_world(db):
    """Organisation, two signers, a 9-member council, an area, a school, 8 teachers, 2 homes."""
    with db.session() as s:
        s.add(Organization(id=1, parent_body="UBND THÀNH PHỐ HẢI PHÒNG",
                           body_name="ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG",
                           short_name="phường Thành Đông", place_name="Thành Đông",
                           doc_symbol="UBND"))
        s.add(Signer(full_name="Trần Văn Bình", title="Chủ tịch", sign_mode="", sort_order=0))
        s.add(Signer(full_name="Lê Thị Hoa", title="Phó Chủ tịch", sign_mode="KT.", sort_order=1))
        members = []
        for i, (name, role) in enumerate([
            ("Trần Văn Bình", "Chủ tịch Hội đồng"), ("Lê Thị Hoa", "Phó Chủ tịch Hội đồng"),
            ("Phạm Văn Cường", "Ủy viên"), ("Đỗ Thị Dung", "Ủy viên"),
            ("Vũ Văn Em", "Ủy viên"), ("Ngô Thị Giang", "Ủy viên thường trực"),
            ("Bùi Văn Hải", "Ủy viên"), ("Hoàng Thị Lan", "Ủy viên"),
            ("Đặng Văn Minh", "Ủy viên, Thư ký"),
        ]):
            m = CouncilMember(full_name=name, role=role, sort_order=i)
            s.add(m)
            members.append(m)
        area = ResidentialArea(kind="khu dân cư")
        apply_name(area, "Khu dân cư số 1")
        s.add(area)
        s.flush()
        school = Collective(kind="trường học")
        apply_name(school, "Trường Tiểu học Bình Hàn")
        s.add(school)
        persons = [make_person(s, n, g, 1980 + i, "Giáo viên", area)
                   for i, (n, g) in enumerate([
                       ("Nguyễn Thị Ánh", "nữ"), ("Đặng Văn Bảo", "nam"), ("Lê Thị Cúc", "nữ"),
                       ("Phạm Minh Đức", "nam"), ("Trần Thu Hà", "nữ"), ("Vũ Quang Huy", "nam"),
                       ("Đỗ Thị Kim", "nữ"), ("Hoàng Văn Long", "nam")])]
        for p in persons:
            p.workplace_id = school.id
        households = []
        for name in ("Nguyễn Văn Tám", "Lê Văn Chín"):
            h = Household(address="Số 5 ngõ 2", area_id=area.id)
            apply_name(h, name)
            s.add(h)
            households.append(h)
        s.flush()
        kinds = {k.code: k.id for k in s.scalars(select(AwardKind))}
        return SimpleNamespace(
            kinds=kinds, members=[m.id for m in members], area=area.id, school=school.id,
            persons=[p.id for p in persons], households=[h.id for h in households])

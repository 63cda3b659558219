"""Movements, registrations in bulk, outcomes and the rates of the seed report."""

import pytest
from emulation_helpers import small_ward
from sqlalchemy import select

from app.errors import InUseError, ValidationError
from app.services.emulation import movements as mv
from app.services.emulation import registrations as reg
from app.services.emulation.registration_rates import format_percent, year_rates
from db.models import AuditLog, Registration


def test_movement_crud_and_results(db):
    mid = mv.save_movement(db, mv.MovementData(
        name="Toàn dân đoàn kết xây dựng đời sống văn hóa", launched_by="Thủ tướng Chính phủ",
        kind="thường xuyên", plan_number="12/KH-UBND"))
    mv.save_result(db, mid, 2024, "39/39 khu dân cư đạt danh hiệu Khu dân cư văn hóa.")
    mv.save_result(db, mid, 2025, "Duy trì.")
    mv.save_result(db, mid, 2025, "")  # clearing a year removes it
    assert mv.results(db, mid) == {2024: "39/39 khu dân cư đạt danh hiệu Khu dân cư văn hóa."}
    data = mv.get_movement(db, mid)
    assert data.launched_by == "Thủ tướng Chính phủ" and data.plan_number == "12/KH-UBND"
    ids = mv.MovementSource(db).ids("doan ket van hoa", {}, (0, True))
    assert ids == [mid]
    assert mv.MovementSource(db).ids("", {"launched_by": "Phường"}, (0, True)) == []
    with pytest.raises(ValidationError, match="tên phong trào"):
        mv.save_movement(db, mv.MovementData(name="  "))
    mv.delete_movement(db, mid)
    assert mv.MovementSource(db).ids("", {}, (0, True)) == []


def test_movement_in_use_is_not_deleted(db):
    ward = small_ward(db)
    mid = mv.save_movement(db, mv.MovementData(name="Bình dân học vụ số"))
    reg.register_area_households(db, 2025, ward["Khu dân cư số 2"], movement_id=mid)
    with pytest.raises(InUseError, match="5 đăng ký"):
        mv.delete_movement(db, mid)


def test_bulk_registration_outcomes_and_rates(db):
    ward = small_ward(db)
    a1, a2, b1 = ward["Khu dân cư số 1"], ward["Khu dân cư số 2"], ward["Thôn Đông Giàng"]
    assert reg.register_area_households(db, 2025, a1).added == 10
    again = reg.register_area_households(db, 2025, None)  # the whole ward: the rest of it
    assert (again.added, again.already) == (13, 10)
    assert reg.register_all_areas(db, 2025).added == 3
    assert reg.register_collective_staff(db, 2025, ward["school"]).added == 4
    # outcomes: in A1 9 of 10 achieve, A2 all 5, B1 6 of 8; area B1 fails KDCVH
    rows = {r.subject_id: r.id for r in reg.rows(db, 2025)}
    hh = ward["households"]
    outcome = {rows[h]: "dat" for h in hh["Khu dân cư số 1"][:9] + hh["Khu dân cư số 2"]
               + hh["Thôn Đông Giàng"][:6]}
    outcome.update({rows[hh["Khu dân cư số 1"][9]]: "khong_dat", rows[a1]: "dat",
                    rows[a2]: "dat", rows[b1]: "khong_dat"})
    assert reg.set_outcomes(db, outcome) == len(outcome)
    assert reg.set_outcomes(db, outcome) == 0  # nothing changed the second time
    rates = year_rates(db, 2025)
    by_name = {r.name: r for r in rates.rows}
    a1_row = by_name["Khu dân cư số 1"]
    assert (a1_row.households, a1_row.registered, a1_row.achieved) == (12, 10, 9)  # official 12
    assert format_percent(a1_row.registered_pct) == "83,3 %"
    assert format_percent(a1_row.achieved_pct) == "90,0 %"
    unit = by_name["Cộng Bình Hàn"]
    assert (unit.households, unit.registered, unit.achieved) == (17, 15, 14)
    assert [r.level for r in rates.rows] == ["area", "area", "unit", "area", "unit", "ward"]
    ward_row = rates.ward
    assert (ward_row.households, ward_row.registered, ward_row.achieved) == (25, 23, 20)
    assert (rates.areas_total, rates.areas_registered, rates.areas_achieved) == (3, 3, 2)
    assert "20 hộ đạt (87,0 % số hộ đăng ký)" in rates.sentence()
    assert len(reg.achieved_ids(db, 2025)) == 20 + 2


def test_register_checks_subject_type_and_year(db):
    ward = small_ward(db)
    with db.read() as s:
        ldtt = reg.award_id(s, "LDTT")
    with pytest.raises(ValidationError, match="không dành cho"):
        reg.register(db, 2025, ldtt, [ward["Khu dân cư số 1"]])
    with pytest.raises(ValidationError, match="Năm"):
        reg.register(db, 1800, ldtt, ward["staff"])
    assert reg.register(db, 2025, ldtt, ward["staff"][:2]).added == 2
    with db.read() as s:
        log = s.scalars(select(AuditLog).where(AuditLog.entity == "registration")).one()
        assert len(log.after["ids"]) == 2
    n = reg.delete_registrations(db, [r.id for r in reg.rows(db, 2025)])
    assert n == 2
    with db.read() as s:
        assert s.scalars(select(Registration)).all() == []

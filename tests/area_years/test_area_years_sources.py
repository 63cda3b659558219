"""Two sources for one figure: per-household records (registrations, register entries) where an
area has them for a year, else the area's entered totals — never both silently. Where they
agree, the grid, the rates tab, the dashboard and the report give the same figures either
way; where they disagree, the records win and the grid says so."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import InUseError, ValidationError
from app.reports.figures import collect
from app.reports.summary_culture import culture_sentences
from app.services.emulation import area_years as ay
from app.services.emulation.registration_rates import year_rates
from app.services.records import records
from app.services.system import dashboard
from db.models import AreaYear, AuditLog


def _records_ward(build, year=2025):
    """Khu Đông: 10 households on record, 9 registered, 8 đạt. Khu Tây: no households on
    record (its figures are totals only)."""
    with build() as b:
        unit = b.unit("An Thượng", 1)
        east, west = b.area("Khu Đông", unit), b.area("Khu Tây", unit)
        homes = [b.household(f"Hộ Đông {i}", east) for i in range(10)]
        for i, h in enumerate(homes[:9]):
            b.registration(h, "GDVH", year, "dat" if i < 8 else "khong_dat")
        b.award(east, "KDCVH", year)
    return east.id, west.id


def _enter(db, area_id, year, **values):
    with db.session() as s:
        s.add(AreaYear(area_id=area_id, year=year, indicators={}, **values))


def test_records_and_agreeing_totals_give_the_same_figures_everywhere(db, build):
    east, west = _records_ward(build)
    _enter(db, east, 2025, households=10, registered=9, achieved=8, kdcvh="dat")
    _enter(db, west, 2025, households=20, registered=19, achieved=18, kdcvh="dat")
    grid = {r.area: r for r in ay.load_year(db, 2025).rows}
    assert (grid["Khu Đông"].source, grid["Khu Đông"].kdcvh_source) == ("records", "records")
    assert (grid["Khu Tây"].source, grid["Khu Tây"].kdcvh_source) == ("entered", "entered")
    assert grid["Khu Đông"].warnings == () and grid["Khu Tây"].warnings == ()
    for name, figures in (("Khu Đông", (10, 9, 8)), ("Khu Tây", (20, 19, 18))):
        row = grid[name]
        assert (row.households, row.registered, row.achieved) == figures
    year = collect(db, 2025, 2025).culture_of(2025)
    assert (year.households, year.registered, year.achieved) == (30, 28, 26)
    assert year.areas_achieved == 2
    tab = {r.name: r for r in year_rates(db, 2025).rows}
    assert (tab["Khu Tây"].registered, tab["Khu Tây"].achieved) == (19, 18)
    assert tab["Khu Tây"].achieved_pct == grid["Khu Tây"].achievement_rate
    shown = dict(dashboard.load(db, today=date(2025, 12, 1)).gdvh_by_area)
    assert shown["Khu Tây"] == round(100 * 18 / 19, 1)


def test_totals_alone_give_what_the_records_gave(db, build, tmp_path):
    """The same ward twice: once with per-household records, once with totals only — the
    report states the same Gia đình văn hóa and Khu dân cư văn hóa sentences."""
    from app.context import open_app_database
    from tests.reports.conftest import Builder

    _records_ward(build)
    with_records = culture_sentences(collect(db, 2025, 2025))
    other = open_app_database(tmp_path / "chỉ số tổng.sqlite")
    with other.session() as s:
        b = Builder(s)
        unit = b.unit("An Thượng", 1)
        east, _ = b.area("Khu Đông", unit), b.area("Khu Tây", unit)
    _enter(other, east.id, 2025, households=10, registered=9, achieved=8, kdcvh="dat")
    assert culture_sentences(collect(other, 2025, 2025)) == with_records
    assert ay.load_year(other, 2025).rows[0].source == "entered"
    other.dispose()


def test_disagreeing_totals_are_named_and_the_records_used(db, build):
    east, _ = _records_ward(build)
    _enter(db, east, 2025, households=12, registered=10, achieved=8, kdcvh="khong_dat")
    row = next(r for r in ay.load_year(db, 2025).rows if r.area == "Khu Đông")
    assert (row.registered, row.achieved, row.households) == (9, 8, 12)
    assert row.warnings == (
        ("số hộ đăng ký nhập theo khu (10) khác số tính từ danh sách hộ (9); đang dùng số tính "
        "từ danh sách hộ."),
        "tổng số hộ nhập (12) khác số hộ trong Danh mục (10); tỷ lệ tính trên số nhập.",
        ("Khu dân cư văn hóa nhập “Không đạt” khác kết quả trong sổ khen thưởng, đăng ký "
        "(“Đạt”); đang dùng kết quả sổ."))
    assert ay.load_year(db, 2025).warnings[0].startswith("Khu Đông: số hộ đăng ký")


def test_each_year_over_its_own_households(db, build):
    with build() as b:
        area = b.area("Khu Bắc", households_total=400)
    for year, homes in ((2023, 300), (2024, 320)):
        _enter(db, area.id, year, households=homes, registered=homes, achieved=homes - 30)
    f = collect(db, 2023, 2025)
    assert [c.households for c in f.culture] == [300, 320, 400]  # 2025: the area's own count
    assert [c.recorded for c in f.culture] == [True, True, False]
    grid = ay.load_year(db, 2025).rows[0]
    assert (grid.households_source, grid.source) == ("official", "")


def test_save_year_checks_figures_and_keeps_an_audit(db, build):
    with build() as b:
        area = b.area("Khu Nam")
    with pytest.raises(ValidationError, match=r"Khu Nam: số hộ đạt \(50\) lớn hơn số hộ đăng ký"):
        ay.save_year(db, 2025, {area.id: {"households": 60, "registered": 40, "achieved": 50}})
    assert ay.save_year(db, 2025, {area.id: {"households": 60, "registered": 55, "achieved": 50,
                                             "kdcvh": "dat", "ind:1": 1}}) == 1
    ay.save_year(db, 2025, {area.id: {"ind:1": None, "achieved": 52}})
    with db.read() as s:
        row = s.query(AreaYear).one()
        assert (row.achieved, row.indicators) == (52, {})
        assert [a.action for a in s.query(AuditLog).filter_by(entity="area_year")] == [
            "create", "update"]
    with pytest.raises(InUseError, match="năm số liệu của khu dân cư"):
        records.delete_subject(db, area.id)


def test_copy_last_year_takes_households_and_indicators_only(db, build):
    with build() as b:
        area = b.area("Khu Nam")
    ay.save_year(db, 2024, {area.id: {"households": 60, "registered": 55, "achieved": 50,
                                      "kdcvh": "dat", "ind:3": 1, "ind:4": 25}})
    assert ay.previous_year(db, 2025) == {area.id: {"households": 60, "ind:3": 1, "ind:4": 25}}
    assert ay.previous_year(db, 2024) == {}

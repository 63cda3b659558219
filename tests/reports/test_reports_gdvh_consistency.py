"""One Gia đình văn hóa rate everywhere: the registrations' rates tab (and its sentence), the
dashboard and the report's figures show the same counts and percentage per area and year."""

from __future__ import annotations

from datetime import date

from app.reports.figures import collect, gdvh_rate
from app.services.emulation.registration_rates import format_percent, year_rates
from app.services.system import dashboard


def _ward(build):
    """Khu Đông (official 10 households, 5 on record), Khu Bắc (4 on record, none registered
    in 2025), and one household without an area."""
    with build() as b:
        unit = b.unit("Bình Hàn", 1)
        east, north = b.area("Khu Đông", unit, households_total=10), b.area("Khu Bắc", unit)
        e = [b.household(f"Hộ Đông {i}", east) for i in range(5)]
        n = [b.household(f"Hộ Bắc {i}", north) for i in range(4)]
        loose = b.household("Hộ chưa gắn khu", None)
        b.registration(e[0], "GDVH", 2025, "dat")        # marked đạt, not in the register
        b.registration(e[1], "GDVH", 2025)               # no outcome, but in the register
        b.award(e[1], "GDVH", 2025)
        b.registration(e[2], "GDVH", 2025, "khong_dat")
        b.award(e[3], "GDVH", 2025)                      # in the register, never registered
        b.award(e[4], "GDVH", 2025, revoked=True)        # revoked: does not count
        b.award(n[0], "GDVH", 2025)                      # an area with no registration
        b.registration(loose, "GDVH", 2025, "dat")
        for h in e[:2] + n[:2]:                          # 2024: register only, none kept
            b.award(h, "GDVH", 2024)


def test_rates_tab_dashboard_and_report_agree(db, build):
    _ward(build)
    tab = {r.name: r for r in year_rates(db, 2025).rows}
    report = collect(db, 2024, 2025)
    area = {a.area: a for a in report.area_culture if a.year == 2025}
    # Khu Đông: official 10 households; registered = 3 registrations + e[3] in the register;
    # achieved = e[0] (đạt) ∪ e[1], e[3] (register) — the no-outcome registration counts.
    east = tab["Khu Đông"]
    assert (east.households, east.registered, east.achieved) == (10, 4, 3)
    assert (area["Khu Đông"].households, area["Khu Đông"].registered,
            area["Khu Đông"].achieved) == (10, 4, 3)
    assert format_percent(east.achieved_pct) == "75,0 %"
    north = tab["Khu Bắc"]
    assert (north.households, north.registered, north.achieved) == (4, 1, 1)
    d = dashboard.load(db, today=date(2025, 12, 1))
    assert d.gdvh_year == 2025
    shown = dict(d.gdvh_by_area)
    for name in ("Khu Đông", "Khu Bắc"):
        row, fig = tab[name], area[name]
        assert (row.households, row.registered, row.achieved) == (
            fig.households, fig.registered, fig.achieved)
        assert row.achieved_pct == fig.rate
        assert shown[name] == round(row.achieved_pct, 1)
    # The ward: the tab's total row is the report's year (households without an area included).
    ward, year = tab["Toàn phường"], report.culture_of(2025)
    assert (ward.households, ward.registered, ward.achieved) == (15, 6, 5)
    assert (year.households, year.registered, year.achieved) == (15, 6, 5)
    assert ward.achieved_pct == year.rate == year.achievement_rate
    assert "5 hộ đạt (83,3 % số hộ đăng ký)" in year_rates(db, 2025).sentence()


def test_year_without_registrations_uses_all_households_everywhere(db, build):
    _ward(build)
    tab = year_rates(db, 2024)
    year = collect(db, 2024, 2024).culture_of(2024)
    assert (tab.ward.households, tab.ward.registered, tab.ward.achieved) == (15, 0, 4)
    assert (year.households, year.registered, year.achieved) == (15, 0, 4)
    assert tab.ward.achieved_pct == year.rate == year.household_rate == gdvh_rate(4, 0, 15)
    assert "4/15 hộ đạt danh hiệu Gia đình văn hóa (26,7 %)" in tab.sentence()
    east = {r.name: r for r in tab.rows}["Khu Đông"]
    assert format_percent(east.achieved_pct) == "20,0 %"  # 2 of the official 10

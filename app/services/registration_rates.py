"""The rates the yearly and five-year reports quote for Gia đình văn hóa: households registered
out of all households, and households achieving out of those registered — per residential
area, per former unit and for the ward — plus the Khu dân cư văn hóa counts.

Households of an area: ResidentialArea.households_total when the officer entered the official
figure, otherwise the households recorded in the area."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select

from app.services.registrations import GDVH, KDCVH
from app.text import format_money
from db.engine import Database
from db.models import AwardKind, FormerUnit, Household, Registration, ResidentialArea, Subject

NO_UNIT = "(chưa rõ địa bàn cũ)"


def percent(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


def format_percent(value: float | None) -> str:
    """Vietnamese style: "96,3 %"; empty when there is nothing to divide by."""
    if value is None:
        return ""
    return f"{value:.1f}".replace(".", ",") + " %"


@dataclass(frozen=True)
class RateRow:
    level: str  # area / unit / ward
    name: str
    former_unit: str
    households: int
    registered: int
    achieved: int

    @property
    def registered_pct(self) -> float | None:
        return percent(self.registered, self.households)

    @property
    def achieved_pct(self) -> float | None:
        return percent(self.achieved, self.registered)

    def cells(self) -> tuple:
        return (self.name, self.former_unit, format_money(self.households),
                format_money(self.registered), format_percent(self.registered_pct),
                format_money(self.achieved), format_percent(self.achieved_pct))


@dataclass(frozen=True)
class YearRates:
    year: int
    rows: tuple[RateRow, ...]  # areas, each former unit's subtotal after its areas, ward last
    areas_total: int
    areas_registered: int
    areas_achieved: int

    @property
    def ward(self) -> RateRow:
        return self.rows[-1]

    def sentence(self) -> str:
        """The report's sentence, with this year's figures."""
        w = self.ward
        return (f"Năm {self.year}: {format_money(w.registered)}/{format_money(w.households)} hộ "
                f"đăng ký gia đình văn hóa ({format_percent(w.registered_pct)}); "
                f"{format_money(w.achieved)} hộ đạt ({format_percent(w.achieved_pct)} số hộ đăng "
                f"ký); {self.areas_achieved}/{self.areas_total} khu dân cư đạt danh hiệu "
                "Khu dân cư văn hóa.")


def _counts(s, year: int, code: str, group_col):
    kid = s.scalar(select(AwardKind.id).where(AwardKind.code == code))
    stmt = (select(group_col, func.count(Registration.id),
                   func.sum(case((Registration.outcome == "dat", 1), else_=0)))
            .join(Subject, Subject.id == Registration.subject_id)
            .where(Registration.year == year, Registration.award_kind_id == kid)
            .group_by(group_col))
    return {key: (n, int(ok or 0)) for key, n, ok in s.execute(stmt)}


def year_rates(db: Database, year: int) -> YearRates:
    with db.read() as s:
        areas = s.execute(
            select(ResidentialArea.id, ResidentialArea.name, ResidentialArea.households_total,
                   FormerUnit.name)
            .outerjoin(FormerUnit, FormerUnit.id == ResidentialArea.former_unit_id)
            .order_by(FormerUnit.sort_order, FormerUnit.name, ResidentialArea.sort_key)).all()
        recorded = dict(s.execute(select(Household.area_id, func.count(Household.id))
                                  .group_by(Household.area_id)).all())
        households = _counts(s, year, GDVH, Subject.area_id)
        area_regs = _counts(s, year, KDCVH, Subject.id)
    rows, unit_rows = [], []
    current, acc = None, [0, 0, 0]
    for aid, name, official, unit in areas:
        unit = unit or NO_UNIT
        if current is not None and unit != current:
            rows.append(RateRow("unit", f"Cộng {current}", current, *acc))
            unit_rows.append(rows[-1])
            acc = [0, 0, 0]
        current = unit
        total = official if official is not None else recorded.get(aid, 0)
        reg, ok = households.get(aid, (0, 0))
        rows.append(RateRow("area", name, unit, total, reg, ok))
        acc = [acc[0] + total, acc[1] + reg, acc[2] + ok]
    if current is not None:
        rows.append(RateRow("unit", f"Cộng {current}", current, *acc))
        unit_rows.append(rows[-1])
    # Households recorded without an area still count for the ward.
    loose_reg, loose_ok = households.get(None, (0, 0))
    ward = RateRow("ward", "Toàn phường", "",
                   sum(r.households for r in unit_rows) + recorded.get(None, 0),
                   sum(r.registered for r in unit_rows) + loose_reg,
                   sum(r.achieved for r in unit_rows) + loose_ok)
    rows.append(ward)
    return YearRates(year, tuple(rows), len(areas), len(area_regs),
                     sum(1 for _, ok in area_regs.values() if ok))


def rates_by_year(db: Database, year_from: int, year_to: int) -> list[YearRates]:
    return [year_rates(db, y) for y in range(year_from, year_to + 1)]


def period_sentence(db: Database, year_from: int, year_to: int) -> str:
    """The five-year report's sentence: the range of the yearly rates over the years that
    have registrations."""
    years = [r for r in rates_by_year(db, year_from, year_to) if r.ward.registered]
    if not years:
        return ""
    reg = [r.ward.registered_pct for r in years]
    ok = [r.ward.achieved_pct for r in years if r.ward.achieved_pct is not None]
    text = (f"Giai đoạn {years[0].year}–{years[-1].year}: tỷ lệ gia đình đăng ký xây dựng gia "
            f"đình văn hóa hằng năm từ {format_percent(min(reg))} đến {format_percent(max(reg))}")
    if ok:
        text += (f", kết quả bình xét đạt từ {format_percent(min(ok))} đến "
                 f"{format_percent(max(ok))} số gia đình đăng ký")
    return text + "."


RATE_HEADERS = ["Khu dân cư", "Địa bàn cũ", "Tổng số hộ", "Hộ đăng ký", "Tỷ lệ đăng ký",
                "Hộ đạt", "Tỷ lệ đạt / đăng ký"]


def export_rates(db: Database, year: int, path) -> None:
    """The rate table as an Excel sheet (numbers stay numbers, rates as percentages)."""
    from app.excel.export import write_table

    rates = year_rates(db, year)
    table = [(r.name, r.former_unit, r.households, r.registered,
              None if r.registered_pct is None else round(r.registered_pct, 1), r.achieved,
              None if r.achieved_pct is None else round(r.achieved_pct, 1)) for r in rates.rows]
    headers = RATE_HEADERS[:4] + ["Tỷ lệ đăng ký (%)"] + RATE_HEADERS[5:6] + ["Tỷ lệ đạt (%)"]
    write_table(path, f"TỶ LỆ GIA ĐÌNH VĂN HÓA NĂM {year}", headers, table,
                sheet_name=f"Năm {year}")

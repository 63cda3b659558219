"""The rates the yearly and five-year reports quote for Gia đình văn hóa: households registered
out of all households, and households achieving out of those registered — per residential
area, per former unit and for the ward — plus the Khu dân cư văn hóa counts.

The counts come from app.reports.figures_queries.culture_by_area and the rate from
app.reports.figures.gdvh_rate — the report's and the dashboard's own definitions — so this tab,
its Excel export, the dashboard and the report always show the same figures."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.reports import figures_queries as q
from app.reports.figures import gdvh_rate
from app.services.emulation.registrations import KDCVH
from app.text import format_money
from db.engine import Database
from db.models import AwardKind, FormerUnit, Registration, ResidentialArea, Subject

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
        """Of the registered households; of all households in a year without registrations."""
        return gdvh_rate(self.achieved, self.registered, self.households)

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
        areas = (f"{self.areas_achieved}/{self.areas_total} khu dân cư đạt danh hiệu "
                 "Khu dân cư văn hóa.")
        if not w.registered:  # no registrations kept: the rate is of all households
            return (f"Năm {self.year}: {format_money(w.achieved)}/{format_money(w.households)} "
                    f"hộ đạt danh hiệu Gia đình văn hóa ({format_percent(w.achieved_pct)}); "
                    + areas)
        return (f"Năm {self.year}: {format_money(w.registered)}/{format_money(w.households)} hộ "
                f"đăng ký gia đình văn hóa ({format_percent(w.registered_pct)}); "
                f"{format_money(w.achieved)} hộ đạt ({format_percent(w.achieved_pct)} số hộ đăng "
                f"ký); " + areas)


def _area_registrations(s, year: int) -> int:
    """Residential areas registered for Khu dân cư văn hóa that year."""
    kid = s.scalar(select(AwardKind.id).where(AwardKind.code == KDCVH))
    return s.scalar(select(func.count(Registration.id))
                    .join(Subject, Subject.id == Registration.subject_id)
                    .where(Registration.year == year, Registration.award_kind_id == kid,
                           Subject.type == "area")) or 0


def year_rates(db: Database, year: int) -> YearRates:
    with db.read() as s:
        # Former units' order here (each unit's areas, then its subtotal); the figures are
        # culture_by_area's, looked up by area.
        order = s.execute(
            select(ResidentialArea.id, FormerUnit.name)
            .outerjoin(FormerUnit, FormerUnit.id == ResidentialArea.former_unit_id)
            .order_by(FormerUnit.sort_order, FormerUnit.name, ResidentialArea.sort_key)).all()
        culture = {r.area_id: r for r in q.culture_by_area(s, year, year)}
        areas_registered = _area_registrations(s, year)
        areas_achieved = q.areas_achieved(s, year, year).get(year, 0)
    rows, unit_rows = [], []
    current, acc = None, [0, 0, 0]
    for aid, unit in order:
        unit = unit or NO_UNIT
        if current is not None and unit != current:
            rows.append(RateRow("unit", f"Cộng {current}", current, *acc))
            unit_rows.append(rows[-1])
            acc = [0, 0, 0]
        current = unit
        c = culture[aid]
        rows.append(RateRow("area", c.area, unit, c.households, c.registered, c.achieved))
        acc = [acc[0] + c.households, acc[1] + c.registered, acc[2] + c.achieved]
    if current is not None:
        rows.append(RateRow("unit", f"Cộng {current}", current, *acc))
        unit_rows.append(rows[-1])
    # Households recorded without an area still count for the ward.
    loose = culture.get(None)
    ward = RateRow("ward", "Toàn phường", "",
                   sum(r.households for r in unit_rows) + (loose.households if loose else 0),
                   sum(r.registered for r in unit_rows) + (loose.registered if loose else 0),
                   sum(r.achieved for r in unit_rows) + (loose.achieved if loose else 0))
    rows.append(ward)
    return YearRates(year, tuple(rows), len(order), areas_registered, areas_achieved)


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
                "Hộ đạt", "Tỷ lệ đạt / đăng ký"]  # of all households in a year without registrations


def export_rates(db: Database, year: int, path) -> None:
    """The rate table as an Excel sheet (numbers stay numbers, rates as percentages)."""
    from app.excel.export import PERCENT_FORMAT, write_table

    def share(pct: float | None) -> float | None:  # 96.84 → 0.968, shown "96,8 %"
        return None if pct is None else round(pct, 1) / 100

    rates = year_rates(db, year)
    table = [(r.name, r.former_unit, r.households, r.registered, share(r.registered_pct),
              r.achieved, share(r.achieved_pct)) for r in rates.rows]
    write_table(path, f"TỶ LỆ GIA ĐÌNH VĂN HÓA NĂM {year}", RATE_HEADERS, table,
                sheet_name=f"Năm {year}", formats=dict.fromkeys((4, 6), PERCENT_FORMAT))

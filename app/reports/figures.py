"""The figures a summary report states, computed from the database as frozen dataclasses.

Everything counts register entries (AwardRecord) that are neither revoked nor replaced by a
correction; areas count as tập thể. "here" = awarded by the ward (AwardKind.level "xa" and our
own decision), "up" = proposed upward and received (higher level or an external decision).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.reports import figures_extra as fx
from app.reports import figures_queries as q
from app.reports.figures_extra import AreaAwardUp, IndicatorYear, MoneyFlow, TargetInfo
from app.reports.labels import launcher_group
from db.engine import Database

UNCLASSIFIED = "Chưa phân loại"  # persons without a staff class


@dataclass(frozen=True)
class KindInfo:
    code: str
    name: str
    category: str  # danh_hieu / hinh_thuc
    level: str  # xa / tinh / bo / nha_nuoc
    sort_order: int
    subject_types: str = ""  # "person,collective" …; "area" alone: a khu dân cư's title

    @property
    def for_areas(self) -> bool:
        """Given to residential areas only (Khu dân cư văn hóa): statistics count them with
        tập thể, sentences call them khu dân cư."""
        return {t.strip() for t in self.subject_types.split(",") if t.strip()} == {"area"}


@dataclass(frozen=True)
class AwardCell:
    """Number of awards and money for one year × award kind × subject group × level."""

    year: int
    kind_code: str
    group: str  # person / collective / household
    level: str  # here / up
    count: int
    money: int


@dataclass(frozen=True)
class PlaceCount:
    """Awards for one year in one place (residential area or former unit)."""

    year: int
    place: str
    count: int


def gdvh_rate(achieved: int, registered: int, households: int) -> float | None:
    """THE Gia đình văn hóa rate (%) shown for an area, a former unit or the ward, on every
    screen and in the report: achieved out of the households that registered; in a year
    without registrations kept, achieved out of all households. Counts from
    figures_queries.culture_by_area. None when there is nothing to divide by."""
    whole = registered or households
    return 100.0 * achieved / whole if whole else None


@dataclass(frozen=True)
class CultureYear:
    """Gia đình văn hóa and Khu dân cư văn hóa for one year."""

    year: int
    households: int
    registered: int
    achieved: int
    areas: int
    areas_achieved: int
    recorded: bool = True  # some area has Gia đình văn hóa figures (records or entered)
    kdcvh_recorded: bool = True  # some area has a Khu dân cư văn hóa result

    @property
    def registration_rate(self) -> float | None:
        return 100.0 * self.registered / self.households if self.households else None

    @property
    def achievement_rate(self) -> float | None:
        """Share of the registered households that achieved the title (as the seed states it)."""
        return 100.0 * self.achieved / self.registered if self.registered else None

    @property
    def household_rate(self) -> float | None:
        """Share of all households that achieved the title (when nobody registered)."""
        return 100.0 * self.achieved / self.households if self.households else None

    @property
    def rate(self) -> float | None:
        """The rate every screen shows (see gdvh_rate)."""
        return gdvh_rate(self.achieved, self.registered, self.households)


@dataclass(frozen=True)
class AreaCulture:
    """Gia đình văn hóa in one residential area for one year (dashboard chart, XLSX)."""

    year: int
    area: str
    former_unit: str
    households: int
    registered: int
    achieved: int

    @property
    def achievement_rate(self) -> float | None:
        """Achieved out of all households of the area (the XLSX column says so)."""
        return 100.0 * self.achieved / self.households if self.households else None

    @property
    def rate(self) -> float | None:
        """The rate every screen shows for the area (see gdvh_rate)."""
        return gdvh_rate(self.achieved, self.registered, self.households)


@dataclass(frozen=True)
class MovementInfo:
    name: str
    launched_by: str
    launcher: str  # pm / city / ward / other
    kind: str
    start_year: int | None
    end_year: int | None
    plan_number: str
    results: tuple[tuple[int, str], ...]  # (year, narrative) within the report's years


@dataclass(frozen=True)
class YearTotals:
    year: int
    initiatives: int  # sáng kiến recognised
    role_models: int
    award_money: int  # from the register
    fund_spent: int  # quỹ: chi khen thưởng
    movements_launched: int


@dataclass(frozen=True)
class RoleModelInfo:
    year: int
    subject_type: str
    name: str
    field: str
    headline: str


@dataclass(frozen=True)
class InitiativeInfo:
    year: int
    title: str
    scope: str


@dataclass(frozen=True)
class Figures:
    year_from: int
    year_to: int
    kinds: tuple[KindInfo, ...]
    awards: tuple[AwardCell, ...]
    by_area: tuple[PlaceCount, ...]
    by_former_unit: tuple[PlaceCount, ...]
    culture: tuple[CultureYear, ...]
    area_culture: tuple[AreaCulture, ...]
    movements: tuple[MovementInfo, ...]
    totals: tuple[YearTotals, ...]
    staff_classes: tuple[tuple[str, int], ...] = field(default=())
    role_models: tuple[RoleModelInfo, ...] = field(default=())
    initiatives: tuple[InitiativeInfo, ...] = field(default=())
    staff_by_year: tuple[tuple[int, str, int], ...] = field(default=())  # (year, class, n)
    indicators: tuple[IndicatorYear, ...] = field(default=())
    area_awards_up: tuple[AreaAwardUp, ...] = field(default=())
    money_flow: MoneyFlow | None = None
    targets: tuple[TargetInfo, ...] = field(default=())
    former_units: tuple[tuple[str, str], ...] = field(default=())  # (name, phường / xã)

    @property
    def years(self) -> list[int]:
        return list(range(self.year_from, self.year_to + 1))

    def kind(self, code: str) -> KindInfo | None:
        return next((k for k in self.kinds if k.code == code), None)

    def _cells(self, year=None, kind=None, group=None, level=None, category=None):
        cats = {k.code: k.category for k in self.kinds}
        for c in self.awards:
            if (year is None or c.year == year) and (kind is None or c.kind_code == kind) and (
                group is None or c.group == group) and (level is None or c.level == level) and (
                category is None or cats.get(c.kind_code) == category
            ):
                yield c

    def count(self, **filters) -> int:
        """Number of awards matching year= kind= group= level= category= (None = any)."""
        return sum(c.count for c in self._cells(**filters))

    def money(self, **filters) -> int:
        return sum(c.money for c in self._cells(**filters))

    def culture_of(self, year: int) -> CultureYear | None:
        return next((c for c in self.culture if c.year == year), None)

    def total_of(self, year: int) -> YearTotals | None:
        return next((t for t in self.totals if t.year == year), None)

    def has_data(self, year: int) -> bool:
        """Anything recorded for the year (awards, Gia đình văn hóa, initiatives…): a year
        still ahead has nothing, and its zeros are not results."""
        c, t = self.culture_of(year), self.total_of(year)
        return bool(self.count(year=year) or (c and c.recorded)
                    or (t and (t.initiatives or t.role_models)))

    def place_total(self, rows: tuple[PlaceCount, ...]) -> list[tuple[str, int]]:
        """Places with their totals over the report's years, in first-seen (sorted) order."""
        out: dict[str, int] = {}
        for r in rows:
            out[r.place] = out.get(r.place, 0) + r.count
        return list(out.items())

    def used_kinds(self) -> list[KindInfo]:
        """Award kinds with at least one award in the years, in the kinds' own order."""
        used = {c.kind_code for c in self.awards if c.count}
        return [k for k in self.kinds if k.code in used]


def collect(db: Database, year_from: int, year_to: int) -> Figures:
    """All figures of the years ``year_from``..``year_to`` (one read transaction)."""
    if year_to < year_from:
        year_from, year_to = year_to, year_from
    with db.read() as s:
        kinds = tuple(KindInfo(*row) for row in q.award_kinds(s))
        awards, by_area, by_unit, staff, staff_years = _awards(s, year_from, year_to)
        area_rows = q.culture_by_area(s, year_from, year_to)
        culture = tuple(_culture_years(s, area_rows, year_from, year_to))
        extra = {"indicators": fx.indicator_years(s, year_from, year_to, q.areas_count(s)),
                 "area_awards_up": fx.area_awards_up(s, year_from, year_to),
                 "money_flow": fx.money_flow(s, year_from, year_to),
                 "targets": fx.targets(s, year_from, year_to),
                 "former_units": fx.former_unit_kinds(s)}
        movements = tuple(_movements(s, year_from, year_to))
        totals = tuple(_totals(s, year_from, year_to, movements, awards))
        models = tuple(RoleModelInfo(y, t, n, fl or "", h or "")
                       for y, t, n, fl, h in q.role_model_rows(s, year_from, year_to))
        ideas = tuple(InitiativeInfo(y, t, sc or "")
                      for y, t, sc in q.initiative_rows(s, year_from, year_to))
    return Figures(
        year_from=year_from, year_to=year_to, kinds=kinds, awards=awards, by_area=by_area,
        by_former_unit=by_unit, culture=culture,
        area_culture=tuple(AreaCulture(r.year, r.area, r.former_unit, r.households,
                                       r.registered, r.achieved) for r in area_rows),
        movements=movements, totals=totals, staff_classes=staff, role_models=models,
        initiatives=ideas, staff_by_year=staff_years, **extra,
    )


def _awards(s, year_from, year_to):
    """Cells by kind × group × level, and counts by area and by former unit, from one pass."""
    rows = q.award_rows(s, year_from, year_to)
    areas = q.areas(s)
    units = q.former_units(s)
    area_unit = {aid: uid for aid, _, uid in areas}
    cells, per_area, per_unit, staff, staff_years = {}, {}, {}, {}, {}
    for year, code, group, level, area_id, unit_id, staff_class, n, money in rows:
        if group == "person":
            cls = staff_class or UNCLASSIFIED
            staff[cls] = staff.get(cls, 0) + n
            staff_years[(year, cls)] = staff_years.get((year, cls), 0) + n
        key = (year, code, group, level)
        c, m = cells.get(key, (0, 0))
        cells[key] = (c + n, m + money)
        per_area[(area_id, year)] = per_area.get((area_id, year), 0) + n
        unit = unit_id or area_unit.get(area_id)
        per_unit[(unit, year)] = per_unit.get((unit, year), 0) + n
    awards = tuple(AwardCell(*k, c, m) for k, (c, m) in sorted(cells.items()))
    years = range(year_from, year_to + 1)
    return (awards, _places(per_area, [(a, name) for a, name, _ in areas], q.NO_AREA, years),
            _places(per_unit, units, q.NO_UNIT, years),
            tuple(sorted(staff.items(), key=lambda kv: -kv[1])),
            tuple((y, c, n) for (y, c), n in sorted(staff_years.items())))


def _places(counts: dict, names: list, unknown: str, years) -> tuple[PlaceCount, ...]:
    """PlaceCount rows in the places' order, the unknown place last, zero years left out."""
    out = []
    for pid, name in list(names) + [(None, unknown)]:
        out += [PlaceCount(y, name, counts[(pid, y)]) for y in years if counts.get((pid, y))]
    return tuple(out)


def _culture_years(s, area_rows, year_from, year_to):
    areas_total = q.areas_count(s)
    status = q.kdcvh_by_area(s, year_from, year_to)
    kdc, known = {}, set()
    for (year, _), (outcome, _) in status.items():
        known.add(year)
        kdc[year] = kdc.get(year, 0) + (outcome == "dat")
    for year in range(year_from, year_to + 1):
        rows = [r for r in area_rows if r.year == year]
        yield CultureYear(
            year=year, households=sum(r.households for r in rows),
            registered=sum(r.registered for r in rows), achieved=sum(r.achieved for r in rows),
            areas=areas_total, areas_achieved=kdc.get(year, 0),
            recorded=any(r.source for r in rows), kdcvh_recorded=year in known,
        )


def _movements(s, year_from, year_to):
    results = q.movement_results(s, year_from, year_to)
    for mid, name, launched_by, kind, start, end, plan in q.movements(s, year_from, year_to):
        yield MovementInfo(
            name=name, launched_by=launched_by or "", launcher=launcher_group(launched_by),
            kind=kind or "", start_year=start, end_year=end, plan_number=plan or "",
            results=tuple(results.get(mid, ())),
        )


def _totals(s, year_from, year_to, movements, awards):
    initiatives = q.initiatives_by_year(s, year_from, year_to)
    role_models = q.role_models_by_year(s, year_from, year_to)
    money: dict[int, int] = {}
    for c in awards:
        money[c.year] = money.get(c.year, 0) + c.money
    fund = q.fund_spent_by_year(s, year_from, year_to)
    for year in range(year_from, year_to + 1):
        launched = sum(1 for m in movements if m.start_year == year)
        yield YearTotals(year, initiatives.get(year, 0), role_models.get(year, 0),
                         money.get(year, 0), fund.get(year, 0), launched)

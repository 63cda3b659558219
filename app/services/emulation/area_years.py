"""Số liệu khu dân cư theo năm: each area's households, Gia đình văn hóa registered and achieved,
Khu dân cư văn hóa and culture indicators for one year — as the grid shows and edits them.

The figures used are culture_by_area's and kdcvh_by_area's (THE definitions the report, the
rates tab and the dashboard use): computed from the per-household records where the area has
any that year, else the entered totals. The grid shows where each figure came from and warns
where an entered total disagrees with the records."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from app.errors import ValidationError
from app.excel import values as V
from app.excel.kinds import MAX_AREA_HOUSEHOLDS
from app.reports import figures_queries as q
from app.reports.figures import gdvh_rate
from app.services.emulation.culture_indicators import IndicatorData, list_indicators
from app.services.system import audit
from db.engine import Database
from db.models import AreaYear

KDCVH_LABELS = {"dat": "Đạt", "khong_dat": "Không đạt", None: "Chưa xét"}
SOURCE_LABELS = {"records": "Từ danh sách hộ", "entered": "Nhập theo khu", "": "Chưa có"}
HOUSEHOLD_SOURCES = {"entered": "số nhập cho năm", "official": "số hộ chính thức của khu",
                     "on_record": "số hộ trong Danh mục"}
FIGURES = ("households", "registered", "achieved", "kdcvh")
MAX_COUNT = 100_000  # a count indicator (members, clubs): larger is a typo


@dataclass(frozen=True)
class Entered:
    households: int | None = None
    registered: int | None = None
    achieved: int | None = None
    kdcvh: str | None = None
    indicators: dict = field(default_factory=dict)


@dataclass(frozen=True)
class AreaYearRow:
    area_id: int
    area: str
    former_unit: str
    households: int  # the figure used
    households_source: str  # entered / official / on_record
    registered: int
    achieved: int
    source: str  # records / entered / ""
    kdcvh: str | None
    kdcvh_source: str  # records / entered / ""
    entered: Entered
    computed: tuple[int, int] | None  # (registered, achieved) from the records, if any
    on_record: int  # households of the area in the Danh mục
    warnings: tuple[str, ...] = ()
    warning_fields: tuple[str, ...] = ()  # the figures the warnings are about

    @property
    def registration_rate(self) -> float | None:
        return 100.0 * self.registered / self.households if self.households and self.source \
            else None

    @property
    def achievement_rate(self) -> float | None:
        """THE Gia đình văn hóa rate (app.reports.figures.gdvh_rate)."""
        return gdvh_rate(self.achieved, self.registered, self.households) if self.source else None


@dataclass(frozen=True)
class YearGrid:
    year: int
    indicators: tuple[IndicatorData, ...]
    rows: tuple[AreaYearRow, ...]

    @property
    def warnings(self) -> list[str]:
        return [f"{r.area}: {w}" for r in self.rows for w in r.warnings]


def load_year(db: Database, year: int) -> YearGrid:
    """Every residential area's figures of the year, with their sources and warnings."""
    indicators = tuple(list_indicators(db, active_only=True))
    with db.read() as s:
        hc = q.household_culture(s, year, year)
        entered = q.entered_culture(s, year, year)
        used = [r for r in q.culture_by_area(s, year, year, hc, entered) if r.area_id is not None]
        kdcvh = q.kdcvh_by_area(s, year, year)
    rows = []
    for r in used:
        key = (year, r.area_id)
        given = entered.get(key)
        e = Entered(*given[:4], given.indicators) if given else Entered()
        computed = ((hc.registered.get(key, 0), hc.achieved.get(key, 0))
                    if key in hc.recorded else None)
        status, k_source = kdcvh.get(key, (None, ""))
        row = AreaYearRow(r.area_id, r.area, r.former_unit, r.households, r.households_source,
                          r.registered, r.achieved, r.source, status, k_source, e, computed,
                          hc.on_record.get(r.area_id, 0))
        rows.append(_with_warnings(row))
    return YearGrid(year, indicators, tuple(rows))


def _with_warnings(r: AreaYearRow) -> AreaYearRow:
    from dataclasses import replace

    out, fields, e = [], [], r.entered
    if r.computed is not None:
        for key, label, given, used in (("registered", "đăng ký", e.registered, r.computed[0]),
                                        ("achieved", "đạt", e.achieved, r.computed[1])):
            if given is not None and given != used:
                out.append(f"số hộ {label} nhập theo khu ({given}) khác số tính từ danh sách hộ "
                           f"({used}); đang dùng số tính từ danh sách hộ.")
                fields.append(key)
        if e.households is not None and r.on_record and e.households != r.on_record:
            out.append(f"tổng số hộ nhập ({e.households}) khác số hộ trong Danh mục "
                       f"({r.on_record}); tỷ lệ tính trên số nhập.")
            fields.append("households")
    if r.kdcvh_source == "records" and e.kdcvh is not None and e.kdcvh != r.kdcvh:
        out.append(f"Khu dân cư văn hóa nhập “{KDCVH_LABELS[e.kdcvh]}” khác kết quả trong sổ "
                   f"khen thưởng, đăng ký (“{KDCVH_LABELS[r.kdcvh]}”); đang dùng kết quả sổ.")
        fields.append("kdcvh")
    if r.source and r.registered > r.households:
        out.append(f"số hộ đăng ký ({r.registered}) lớn hơn tổng số hộ ({r.households}).")
        fields += ["registered", "households"]
    return replace(r, warnings=tuple(out), warning_fields=tuple(dict.fromkeys(fields)))


# ------------------------------------------------------------------ checking values

def parse_count(value, label: str, high: int = MAX_AREA_HOUSEHOLDS) -> int | None:
    """A whole number typed or pasted in a cell; the message names the column."""
    try:
        return V.parse_int(value, (0, high))
    except ValueError as exc:
        raise ValidationError(f"{label}: {exc}") from None


def parse_kdcvh(value) -> str | None:
    try:
        return V.parse_outcome(value)
    except ValueError:
        raise ValidationError(f"Khu dân cư văn hóa: “{value}” phải là Đạt, Không đạt hoặc "
                              "Chưa xét.") from None


def parse_indicator(value, ind: IndicatorData) -> int | None:
    if ind.kind == "yesno":
        try:
            return V.parse_yesno(value)
        except ValueError as exc:
            raise ValidationError(f"{ind.name}: {exc}") from None
    return parse_count(value, ind.name, MAX_COUNT)


def check_figures(households: int | None, registered: int | None, achieved: int | None,
                  where: str = "") -> None:
    """Registered within the households and achieved within the registered."""
    prefix = f"{where}: " if where else ""
    if households is not None and registered is not None and registered > households:
        raise ValidationError(f"{prefix}số hộ đăng ký ({registered}) lớn hơn tổng số hộ "
                              f"({households}).")
    if registered is not None and achieved is not None and achieved > registered:
        raise ValidationError(f"{prefix}số hộ đạt ({achieved}) lớn hơn số hộ đăng ký "
                              f"({registered}).")
    if registered is None and households is not None and achieved is not None \
            and achieved > households:
        raise ValidationError(f"{prefix}số hộ đạt ({achieved}) lớn hơn tổng số hộ "
                              f"({households}).")


# ------------------------------------------------------------------ writing

def save_year(db: Database, year: int, changes: dict[int, dict]) -> int:
    """Write the grid's changes of one year in one transaction: area id → {field: value};
    fields are households / registered / achieved / kdcvh and "ind:<id>" for indicators;
    None clears a value. Returns the number of areas changed."""
    if not 1900 <= int(year) <= 2100:
        raise ValidationError(f"Năm {year} không hợp lệ.", "year")
    names = {r.area_id: r.area for r in load_year(db, year).rows} if changes else {}
    with db.session() as s:
        existing = {a.area_id: a for a in s.scalars(select(AreaYear).where(
            AreaYear.year == year, AreaYear.area_id.in_(list(changes))))}
        count = 0
        for area_id, change in changes.items():
            if area_id not in names:
                raise ValidationError("Một khu dân cư trong bảng không còn trong Danh mục: hãy "
                                      "tải lại bảng.")
            row = existing.get(area_id)
            before = audit.snapshot(row) if row else None
            row = row or AreaYear(area_id=area_id, year=year, indicators={})
            apply_change(row, change)
            check_figures(row.households, row.registered, row.achieved, names[area_id])
            if row.id is None:
                s.add(row)
            s.flush()
            audit.log(s, "update" if before else "create", "area_year", row.id, before,
                      audit.snapshot(row), note=f"{names[area_id]}, năm {year}")
            count += 1
        return count


def apply_change(row: AreaYear, change: dict) -> None:
    """Set the changed figures and indicator values of one area-year row."""
    indicators = dict(row.indicators or {})
    for key, value in change.items():
        if key.startswith("ind:"):
            if value is None:
                indicators.pop(key[4:], None)
            else:
                indicators[key[4:]] = int(value)
        elif key in FIGURES:
            setattr(row, key, value)
        else:
            raise ValidationError(f"Cột “{key}” không có trong bảng số liệu.")
    row.indicators = indicators


def previous_year(db: Database, year: int) -> dict[int, dict]:
    """What "Chép từ năm trước" fills: the households and indicator values entered for the
    year before (the results of the year are not copied), by area id."""
    with db.read() as s:
        rows = s.execute(select(AreaYear.area_id, AreaYear.households, AreaYear.indicators)
                         .where(AreaYear.year == year - 1)).all()
    out = {}
    for area_id, households, indicators in rows:
        change = {f"ind:{k}": v for k, v in (indicators or {}).items() if v is not None}
        if households is not None:
            change["households"] = households
        if change:
            out[area_id] = change
    return out

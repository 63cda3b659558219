"""Targets (chỉ tiêu) against what was achieved: each metric is read from the report's figures
(the same Gia đình văn hóa rate as everywhere, app.reports.figures.gdvh_rate), or typed in
per year for a "manual" target. Verdict: vượt / đạt / chưa đạt chỉ tiêu."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app import text
from app.reports.figures_extra import TargetInfo
from app.reports.labels import number, percent

FRONTLINE = "truc tiep"  # staff class "người trực tiếp lao động, công tác"


def _culture(attr: str) -> Callable:
    def read(f, year):
        c = f.culture_of(year)
        return getattr(c, attr) if c and c.recorded else None
    return read


def _kdcvh_share(f, year):
    c = f.culture_of(year)
    return 100.0 * c.areas_achieved / c.areas if c and c.areas and c.kdcvh_recorded else None


def _kdcvh_count(f, year):
    c = f.culture_of(year)
    return c.areas_achieved if c and c.areas and c.kdcvh_recorded else None


def _persons(f, year) -> tuple[int, int]:
    rows = [(c, n) for y, c, n in f.staff_by_year if y == year]
    front = sum(n for c, n in rows if FRONTLINE in text.fold(c))
    return front, sum(n for _, n in rows)


def _frontline_share(f, year):
    front, all_ = _persons(f, year)
    return 100.0 * front / all_ if all_ else None


def _total(attr: str) -> Callable:
    def read(f, year):
        t = f.total_of(year)
        return getattr(t, attr) if t and f.has_data(year) else None
    return read


@dataclass(frozen=True)
class Metric:
    code: str
    label: str  # the default wording of a target on it
    unit: str  # "%" or "" (a count)
    how: str  # the usual way a period target on it is read
    read: Callable | None  # (figures, year) → value or None; None for "manual"


METRICS: dict[str, Metric] = {m.code: m for m in (
    Metric("gdvh_rate", "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”", "%", "each_year",
           _culture("rate")),
    Metric("gdvh_registration", "Tỷ lệ hộ gia đình đăng ký xây dựng gia đình văn hóa", "%",
           "each_year", _culture("registration_rate")),
    Metric("kdcvh_share", "Tỷ lệ thôn, khu dân cư đạt danh hiệu “Khu dân cư văn hóa”", "%",
           "each_year", _kdcvh_share),
    Metric("kdcvh_count", "Số thôn, khu dân cư đạt danh hiệu “Khu dân cư văn hóa”", "",
           "end", _kdcvh_count),
    Metric("frontline_share", "Tỷ lệ cá nhân được khen thưởng là người trực tiếp lao động, "
           "công tác", "%", "each_year", _frontline_share),
    Metric("frontline_awards", "Số lượt khen thưởng người trực tiếp lao động, công tác", "",
           "total", lambda f, y: _persons(f, y)[0] if f.has_data(y) else None),
    Metric("initiatives", "Số sáng kiến được công nhận", "", "total", _total("initiatives")),
    Metric("role_models", "Số gương điển hình tiên tiến được biểu dương", "", "total",
           _total("role_models")),
    Metric("manual", "Chỉ tiêu khác (nhập kết quả theo năm)", "", "each_year", None),
)}
HOW_LABELS = {"each_year": "hằng năm", "end": "năm cuối giai đoạn", "total": "cộng cả giai đoạn"}
VERDICTS = {"vuot": "vượt chỉ tiêu", "dat": "đạt chỉ tiêu", "chua_dat": "chưa đạt chỉ tiêu",
            "": "chưa có số liệu"}


def format_value(value: float | None, unit: str) -> str:
    """96 % → "96%", 96,3 → "96,3%", 12 → "12", 1,5 tỷ đồng → "1,5 tỷ đồng"."""
    if value is None:
        return "–"
    if unit == "%":
        return percent(value)
    rounded = round(value + 1e-9, 1)
    shown = number(int(rounded)) if rounded == int(rounded) else \
        f"{rounded:.1f}".replace(".", ",")
    return f"{shown} {unit}".strip()


@dataclass(frozen=True)
class TargetResult:
    target: TargetInfo
    values: tuple[tuple[int, float], ...]  # (year, achieved) for the years with figures
    achieved: float | None  # what is compared: the lowest year, the last year or the sum
    verdict: str  # vuot / dat / chua_dat / "" (no figures yet)
    complete: bool  # every year of the target has figures
    short_years: tuple[int, ...] = ()  # "hằng năm": the years below the target

    @property
    def verdict_text(self) -> str:
        return VERDICTS[self.verdict]

    @property
    def last_year(self) -> int | None:
        return self.values[-1][0] if self.values else None

    def achieved_text(self) -> str:
        """For screens: "93,8% – 96,1%" (each year), the last year's or the summed figure;
        "(đến năm 2024)" while the period runs."""
        t = self.target
        if not self.values:
            return "–"
        shown = {format_value(v, t.unit) for _, v in self.values}
        if t.how == "each_year" and t.year_from != t.year_to and len(shown) > 1:
            lo = min(v for _, v in self.values)
            hi = max(v for _, v in self.values)
            text = f"{format_value(lo, t.unit)} – {format_value(hi, t.unit)}"
        else:
            text = format_value(self.achieved, t.unit)
        return text + ("" if self.complete else f" (đến năm {self.last_year})")


def _value_of(t: TargetInfo, f, year: int) -> float | None:
    if t.metric == "manual" or t.metric not in METRICS:
        return t.achieved.get(year)
    if year not in f.years:
        return None
    return METRICS[t.metric].read(f, year)


def _compare(achieved: float, wanted: float) -> str:
    a, w = round(achieved + 1e-9, 1), round(wanted + 1e-9, 1)
    return "vuot" if a > w else "dat" if a == w else "chua_dat"


def evaluate(t: TargetInfo, f) -> TargetResult:
    """The target against the figures (years outside the figures count as not yet known)."""
    values = tuple((y, float(v)) for y in t.years if (v := _value_of(t, f, y)) is not None)
    complete = len(values) == len(t.years)
    if not values:
        return TargetResult(t, (), None, "", False)
    how = "end" if t.year_from == t.year_to else t.how
    if how == "total":
        achieved = sum(v for _, v in values)
        verdict = _compare(achieved, t.value)
        if verdict == "chua_dat" and not complete:
            verdict = ""  # the period is still running: not short yet
        return TargetResult(t, values, achieved, verdict, complete)
    if how == "end":  # only the last year counts: complete once it has figures
        achieved = values[-1][1]
        return TargetResult(t, values, achieved, _compare(achieved, t.value),
                            values[-1][0] == t.year_to)
    verdicts = [_compare(v, t.value) for _, v in values]
    short = tuple(y for (y, _), v in zip(values, verdicts) if v == "chua_dat")
    verdict = "chua_dat" if short else "vuot" if all(v == "vuot" for v in verdicts) else "dat"
    return TargetResult(t, values, min(v for _, v in values), verdict, complete, short)


def evaluate_all(f, year_from: int, year_to: int) -> list[TargetResult]:
    """Targets lying within the years, in their order."""
    return [evaluate(t, f) for t in f.targets
            if t.year_from >= year_from and t.year_to <= year_to]


def running(f, year: int) -> list[TargetResult]:
    """Targets whose year or period includes ``year`` (the dashboard)."""
    return [evaluate(t, f) for t in f.targets if t.year_from <= year <= t.year_to]

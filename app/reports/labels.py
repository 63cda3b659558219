"""Vietnamese labels and number formats used by every report."""

from __future__ import annotations

from app import text

# Statistics count residential areas with collectives (tập thể).
GROUPS = ("collective", "person", "household")
GROUP_OF_TYPE = {"person": "person", "collective": "collective", "area": "collective",
                 "household": "household"}
GROUP_LABELS = {"person": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}
GROUP_LOWER = {"person": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}

# "here": awarded by the ward itself; "up": proposed upward and received from a higher level.
LEVELS = ("here", "up")
LEVEL_LABELS = {"here": "Phường khen thưởng", "up": "Cấp trên khen thưởng"}
KIND_LEVEL_LABELS = {"xa": "Cấp xã", "huyen": "Cấp huyện", "tinh": "Cấp tỉnh, thành phố",
                     "bo": "Cấp bộ, ngành", "nha_nuoc": "Cấp Nhà nước"}

# Who launched a movement (Movement.launched_by is free text).
LAUNCHERS = ("pm", "city", "ward", "other")
LAUNCHER_LABELS = {"pm": "Thủ tướng Chính phủ", "city": "Thành phố", "ward": "Phường",
                   "other": "Mặt trận, đoàn thể và khác"}


def launcher_group(launched_by: str | None) -> str:
    """Classify free-text ``launched_by`` into pm / city / ward / other."""
    f = text.fold(launched_by)
    if "thu tuong" in f or "chinh phu" in f or "trung uong" in f:
        return "pm"
    if "thanh pho" in f or "tinh" in f.split() or "ubnd tinh" in f:
        return "city"
    if "phuong" in f or f.startswith("xa") or " xa" in f:
        return "ward"
    return "other"


def percent(value: float | None) -> str:
    """96.0 → "96%", 96.333 → "96,3%" (one decimal, Vietnamese comma); None → "–"."""
    if value is None:
        return "–"
    rounded = round(value + 1e-9, 1)
    if rounded == int(rounded):
        return f"{int(rounded)}%"
    return f"{rounded:.1f}".replace(".", ",") + "%"


def number(value: int | None) -> str:
    """12345 → "12.345"."""
    return text.format_money(value or 0)


def year_span(year_from: int, year_to: int) -> str:
    """"năm 2025" or "5 năm (2021 – 2025)"."""
    if year_from == year_to:
        return f"năm {year_from}"
    return f"{year_to - year_from + 1} năm ({year_from} – {year_to})"


def count(value: int | None) -> str:
    """A count as ward documents write it: 1 → "01", 9 → "09", 12 → "12", 1500 → "1.500"."""
    n = value or 0
    return f"{n:02d}" if 0 < n < 10 else number(n)


def years_label(years) -> str:
    """"Năm 2021", "Các năm 2021–2025" (consecutive) or "Các năm 2021, 2023, 2024"."""
    ys = sorted(set(years))
    if len(ys) == 1:
        return f"Năm {ys[0]}"
    if ys == list(range(ys[0], ys[-1] + 1)):
        return f"Các năm {ys[0]}–{ys[-1]}"
    return "Các năm " + ", ".join(str(y) for y in ys)


def group_years(items) -> list[tuple[list[int], object]]:
    """(year, value) pairs with equal values grouped, in the order of their first year, so
    a sentence is never repeated year after year in identical words."""
    groups: dict = {}
    for year, value in items:
        groups.setdefault(value, []).append(year)
    return [(years, value) for value, years in groups.items()]

"""Xây dựng gia đình văn hóa, khu dân cư văn hóa as the seed report states it: Khu dân cư văn
hóa "39/39", areas commended by a higher level, the culture indicators ("100% thôn, khu dân
cư có tủ sách…; 7/39 … sân thể thao"), the Gia đình văn hóa registration rate over the
year's households and the achievement rate over the registered, as ranges across years
("từ 96% đến 100%"). Identical yearly results are stated once ("Các năm 2021–2025: …")."""

from __future__ import annotations

from app.documents import Table, para
from app.reports.figures import Figures
from app.reports.labels import count, group_years, number, percent, years_label

AREAS = "thôn, khu dân cư"
KDCVH = "“Khu dân cư văn hóa”"


def kdcvh_sentence(f: Figures) -> str | None:
    """The areas achieving Khu dân cư văn hóa: the last year as "39/39", earlier years as a
    range, or all years at once when they are the same."""
    years = [c for c in f.culture if c.areas and c.areas_achieved]
    if not years:
        return None
    last = years[-1]
    if f.year_from == f.year_to or len(years) == 1:
        return (f"Năm {last.year}, toàn phường có {last.areas_achieved}/{last.areas} {AREAS} "
                f"đạt danh hiệu {KDCVH}.")
    shares = {(c.areas_achieved, c.areas) for c in years}
    if len(shares) == 1:
        return (f"{years_label(c.year for c in years)}, toàn phường có "
                f"{last.areas_achieved}/{last.areas} {AREAS} đạt danh hiệu {KDCVH}.")
    low = min(years, key=lambda c: c.areas_achieved / c.areas)
    high = max(years, key=lambda c: c.areas_achieved / c.areas)
    return (f"Số {AREAS} đạt danh hiệu {KDCVH} hằng năm từ {low.areas_achieved}/{low.areas} "
            f"đến {high.areas_achieved}/{high.areas}; năm {last.year}, toàn phường có "
            f"{last.areas_achieved}/{last.areas} {AREAS} đạt danh hiệu {KDCVH}.")


def areas_up_sentence(f: Figures) -> str | None:
    """Areas commended by a higher level (from the register)."""
    if not f.area_awards_up:
        return None
    parts = [f"{a.kind_name} ({count(a.areas)} {AREAS}, {years_label(a.years).lower()})"
             for a in f.area_awards_up]
    return f"Các {AREAS} được cấp trên khen thưởng: " + "; ".join(parts) + "."


def _indicator_phrase(i, earlier: list[str]) -> str:
    share = "100%" if i.areas_with == i.areas_total else f"{i.areas_with}/{i.areas_total}"
    name = i.name[:1].lower() + i.name[1:]
    details = []
    if i.kind == "count" and i.areas_with:
        unit = f" {i.unit}" if i.unit else ""
        if i.summary == "total":
            details.append(f"tổng số {number(i.total)}{unit}")
        elif i.low == i.high:
            details.append(f"{number(i.low)}{unit}")
        else:
            details.append(f"từ {number(i.low)} đến {number(i.high)}{unit}")
    details += earlier
    return f"{share} {AREAS} có {name}" + (f" ({'; '.join(details)})" if details else "")


def indicator_sentence(f: Figures) -> str | None:
    """Each indicator as of the last year with values; the earlier years named only where
    fewer or more areas had it."""
    if not f.indicators:
        return None
    names = list(dict.fromkeys(i.name for i in f.indicators))
    parts = []
    for name in names:
        rows = [i for i in f.indicators if i.name == name]
        last = rows[-1]
        share = (last.areas_with, last.areas_total)
        earlier = [i for i in rows[:-1] if (i.areas_with, i.areas_total) != share]
        said = []
        if earlier and f.year_from != f.year_to:
            said = [f"{years_label(years).lower()}: {ratio}" for years, ratio in group_years(
                (i.year, f"{i.areas_with}/{i.areas_total}") for i in earlier)]
        parts.append(_indicator_phrase(last, said))
    year = max(i.year for i in f.indicators)
    lead = f"Năm {year}" if f.year_from == f.year_to else f"Đến năm {year}"
    return f"{lead}, " + "; ".join(parts) + "."


def gdvh_sentences(f: Figures) -> list[str]:
    """Gia đình văn hóa: registration over the year's households, achievement over the
    registered (over all households in years without registrations)."""
    years = [c for c in f.culture if c.households and c.registered]
    if not years:
        return _achieved_only(f)
    if f.year_from == f.year_to:
        c = years[0]
        return [(f"Năm {c.year} có {number(c.registered)}/{number(c.households)} hộ gia đình "
                 f"đăng ký xây dựng gia đình văn hóa (đạt {percent(c.registration_rate)}); kết "
                 f"quả bình xét có {number(c.achieved)} hộ đạt danh hiệu “Gia đình văn hóa”, "
                 f"bằng {percent(c.achievement_rate)} số gia đình đăng ký.")]
    reg = _range([c.registration_rate for c in years])
    ach = _range([c.achievement_rate for c in years])
    return [(f"Tỷ lệ gia đình đăng ký xây dựng gia đình văn hóa hằng năm chiếm {reg}, "
             f"kết quả bình xét hằng năm đạt {ach} số gia đình đăng ký.")]


def _achieved_only(f: Figures) -> list[str]:
    """No registrations on record: state the achieved households against all households."""
    years = [c for c in f.culture if c.households and c.achieved]
    if not years:
        return []
    if f.year_from == f.year_to:
        c = years[0]
        return [(f"Năm {c.year} có {number(c.achieved)}/{number(c.households)} hộ gia đình đạt "
                 f"danh hiệu “Gia đình văn hóa” ({percent(c.household_rate)}).")]
    rate = _range([c.household_rate for c in years])
    return [f"Số hộ gia đình đạt danh hiệu “Gia đình văn hóa” hằng năm chiếm {rate} tổng số hộ."]


def _range(values: list[float]) -> str:
    lo, hi = percent(min(values)), percent(max(values))
    return lo if lo == hi else f"từ {lo} đến {hi}"


def culture_sentences(f: Figures) -> list[str]:
    """In the seed's order: Khu dân cư văn hóa, areas commended upward, indicators, then the
    Gia đình văn hóa rates."""
    out = [s for s in (kdcvh_sentence(f), areas_up_sentence(f), indicator_sentence(f)) if s]
    return out + gdvh_sentences(f)


def culture_table(f: Figures) -> Table | None:
    years = [c for c in f.culture if c.households]
    if not years:
        return None
    if not any(c.registered for c in years):  # no registrations kept: rate against all households
        rows = tuple((str(c.year), number(c.households), number(c.achieved),
                      percent(c.household_rate), f"{c.areas_achieved}/{c.areas}") for c in years)
        cols = ("Năm", "Tổng số hộ", "Hộ đạt Gia đình văn hóa", "Tỷ lệ đạt (so với tổng số hộ)",
                "Khu dân cư văn hóa")
        return Table(cols, rows, widths=(1, 1.6, 1.8, 2.0, 1.6), align="CRRRC", size=11)
    rows = tuple((str(c.year), number(c.households), number(c.registered),
                  percent(c.registration_rate), number(c.achieved), percent(c.achievement_rate),
                  f"{c.areas_achieved}/{c.areas}") for c in years)
    cols = ("Năm", "Tổng số hộ", "Hộ đăng ký", "Tỷ lệ đăng ký", "Hộ đạt Gia đình văn hóa",
            "Tỷ lệ đạt (so với số đăng ký)", "Khu dân cư văn hóa")
    return Table(cols, rows, widths=(1, 1.4, 1.4, 1.3, 1.6, 1.7, 1.5), align="CRRRRRC", size=11)


def culture_blocks(f: Figures, caption) -> list:
    out = [para(s) for s in culture_sentences(f)]
    table = culture_table(f)
    if table is not None:
        out += [caption("Bảng. Kết quả xây dựng gia đình văn hóa, khu dân cư văn hóa"), table]
    return out

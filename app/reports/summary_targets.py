"""Targets in the report: Part One states how the targets of the report's years were met
("vượt / đạt / chưa đạt chỉ tiêu"); Part Two lists the targets entered for the years ahead."""

from __future__ import annotations

from app.reports.figures import Figures
from app.reports.figures_targets import TargetResult, evaluate_all, format_value
from app.reports.labels import group_years, years_label


def _achieved(values: list[tuple[int, float]], unit: str) -> str:
    shown = [format_value(v, unit) for _, v in values]
    if len(set(shown)) == 1:
        return f"đạt {shown[0]}"
    lo = format_value(min(v for _, v in values), unit)
    hi = format_value(max(v for _, v in values), unit)
    return f"đạt từ {lo} đến {hi}"


def _period_line(r: TargetResult) -> str:
    t = r.target
    wanted = format_value(t.value, t.unit)
    if t.how == "each_year":
        head = f"- {t.label}: chỉ tiêu hằng năm {wanted}"
    elif t.how == "end":
        head = f"- {t.label}: chỉ tiêu đến năm {t.year_to} đạt {wanted}"
    else:
        head = f"- {t.label}: chỉ tiêu cả giai đoạn {t.year_from}–{t.year_to} đạt {wanted}"
    if not r.values:
        return head + "; chưa có số liệu."
    if t.how == "each_year":
        done = f"{years_label(y for y, _ in r.values).lower()} {_achieved(list(r.values), t.unit)}"
    elif t.how == "end":
        done = f"năm {r.last_year} đạt {format_value(r.achieved, t.unit)}"
    else:
        done = f"thực hiện {format_value(r.achieved, t.unit)}"
    verdict = r.verdict_text if r.verdict else "đang thực hiện"
    if r.short_years:
        verdict += f" (năm {', '.join(str(y) for y in r.short_years)})"
    if not r.complete and r.last_year:
        done += f" (đến năm {r.last_year})"
    return f"{head}; {done}, {verdict}."


def _yearly_line(rows: list[TargetResult]) -> str:
    """Targets set year by year on one measure and level: the years with the same verdict
    stated together."""
    t = rows[0].target
    head = f"- {t.label} (chỉ tiêu {format_value(t.value, t.unit)})"
    known = [r for r in rows if r.values]
    if not known:
        return head + ": chưa có số liệu."
    parts = []
    for years, verdict in group_years((r.target.year_from, r.verdict_text) for r in known):
        values = [(r.target.year_from, r.achieved) for r in known if r.target.year_from in years]
        parts.append(f"{years_label(years).lower()} {_achieved(values, t.unit)}, {verdict}")
    return head + ": " + "; ".join(parts) + "."


def target_lines(f: Figures) -> list[str]:
    """The targets of the report's years against what was achieved, in their order."""
    results = evaluate_all(f, f.year_from, f.year_to)
    lines, yearly = [], {}
    for r in results:
        t = r.target
        if t.year_from == t.year_to and f.year_from != f.year_to:
            key = (t.metric, t.label, t.value, t.unit)
            if key not in yearly:
                yearly[key] = []
                lines.append(yearly[key])
            yearly[key].append(r)
        elif t.year_from == t.year_to:
            lines.append(_period_line(_as_end(r)))
        else:
            lines.append(_period_line(r))
    return [_yearly_line(x) if isinstance(x, list) else x for x in lines]


def _as_end(r: TargetResult) -> TargetResult:
    from dataclasses import replace

    return replace(r, target=replace(r.target, how="end"))


def next_target_lines(f: Figures) -> list[str]:
    """The targets entered for the years after the report (its Part Two), numbered."""
    ahead = [t for t in f.targets if t.year_from > f.year_to]
    out = []
    for n, t in enumerate(ahead, start=1):
        wanted = format_value(t.value, t.unit)
        if t.year_from == t.year_to:
            how = f"năm {t.year_from} đạt"
        elif t.how == "each_year":
            how = "hằng năm đạt"
        elif t.how == "end":
            how = f"đến năm {t.year_to} đạt"
        else:
            how = f"cả giai đoạn {t.year_from}–{t.year_to} đạt"
        out.append(f"({n}) {t.label}: {how} {wanted}.")
    return out

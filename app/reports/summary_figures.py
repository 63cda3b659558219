"""The computed parts of the summary report: figures as Vietnamese sentences and tables.

Each ``*_blocks`` function returns app.documents blocks for one "auto" part of the structure.
"""

from __future__ import annotations

import re

from app import text
from app.documents import Paragraph, Run, Table, para
from app.reports import summary_culture as sc
from app.reports.figures import Figures, MovementInfo
from app.reports.labels import (
    GROUP_LOWER,
    GROUPS,
    LEVEL_LABELS,
    LEVELS,
    count,
    group_years,
    number,
    year_span,
    years_label,
)

# The culture part lives in summary_culture; these names are the report's entry points.
culture_sentences = sc.culture_sentences
culture_table = sc.culture_table

CULTURE_WORDS = ("doi song van hoa", "gia dinh van hoa", "khu dan cu van hoa")


def _area_count(f: Figures, **filters) -> int:
    """Awards of the titles given to residential areas, within the tập thể group."""
    codes = [k.code for k in f.kinds if k.for_areas]
    if "kind" in filters:
        codes = [c for c in codes if c == filters["kind"]]
    rest = {k: v for k, v in filters.items() if k != "kind"}
    return sum(f.count(group="collective", kind=c, **rest) for c in codes)


def _groups_phrase(f: Figures, **filters) -> str:
    """"12 tập thể, 03 khu dân cư, 40 cá nhân, 05 hộ gia đình" (zero groups left out)."""
    parts = []
    for g in GROUPS:
        n = f.count(group=g, **filters)
        if g == "collective":
            areas = _area_count(f, **filters)
            if n - areas:
                parts.append(f"{count(n - areas)} {GROUP_LOWER[g]}")
            if areas:
                parts.append(f"{count(areas)} khu dân cư")
        elif n:
            parts.append(f"{count(n)} {GROUP_LOWER[g]}")
    return ", ".join(parts)


def award_sentences(f: Figures, body: str) -> list[str]:
    """Totals by level and subject group, money, and the breakdown by former unit."""
    span = year_span(f.year_from, f.year_to)
    total = f.count()
    if not total:
        return [f"Trong {span}, chưa có quyết định khen thưởng nào được ghi vào sổ khen thưởng."]
    parts = []
    for level in LEVELS:
        if n := f.count(level=level):
            label = "phường khen thưởng" if level == "here" else "cấp trên khen thưởng"
            parts.append(f"{label} {count(n)} lượt ({_groups_phrase(f, level=level)})")
    out = [f"Trong {span}, {body} đã khen thưởng và đề nghị cấp trên khen thưởng "
           f"{count(total)} lượt tập thể, cá nhân, hộ gia đình; trong đó " + "; ".join(parts) + "."]
    out += money_sentences(f, span)
    units = [(p, n) for p, n in f.place_total(f.by_former_unit) if n]
    if len(units) > 1:
        out.append("Theo địa bàn trước sắp xếp: " +
                   "; ".join(f"{unit_name(f, p)}: {count(n)} lượt" for p, n in units) + ".")
    return out


def unit_name(f: Figures, name: str, capital: bool = False) -> str:
    """A former unit with its kind, as the seed names it: "xã An Thượng", "phường Bình Hàn"."""
    kind = dict(f.former_units).get(name)
    if not kind:
        return name
    return f"{kind.capitalize() if capital else kind} {name}"


def money_sentences(f: Figures, span: str) -> list[str]:
    """Money decided by the ward's decisions against the money paid from the fund, the
    revoked amounts named by their decisions, and what stays in force — figures that add up."""
    m = f.money_flow
    if m is None or not (m.decided or m.paid or m.revocations):
        money, fund = f.money(), sum(t.fund_spent for t in f.totals)
        if not (money or fund):
            return []
        sentence = f"Tổng số tiền thưởng theo các quyết định khen thưởng là {number(money)} đồng"
        if fund:
            sentence += f"; chi từ Quỹ thi đua, khen thưởng {number(fund)} đồng"
        return [sentence + "."]
    out = [f"Tổng số tiền thưởng theo {count(m.decisions)} quyết định khen thưởng của Chủ tịch "
           f"UBND phường ban hành trong {span} là {number(m.decided)} đồng; đã chi từ Quỹ thi "
           f"đua, khen thưởng {number(m.paid)} đồng" + _paid_note(m) + "."]
    if m.revocations:
        named = "; ".join(f"Quyết định số {r.decision}: {count(r.entries)} lượt, "
                          f"{number(r.money)} đồng" for r in m.revocations)
        sentence = (f"Trong số đó, {number(m.revoked)} đồng của "
                    f"{count(sum(r.entries for r in m.revocations))} lượt khen thưởng đã bị thu "
                    f"hồi ({named}); số tiền thưởng còn hiệu lực là {number(m.in_force)} đồng")
        if m.recovered:
            sentence += f"; đã thu hồi về Quỹ {number(m.recovered)} đồng"
        out.append(sentence + ".")
    up = f.money(level="up")
    if up:
        out.append(f"Tiền thưởng kèm các hình thức khen thưởng của cấp trên (do cấp trên chi): "
                   f"{number(up)} đồng.")
    return out


def _paid_note(m) -> str:
    notes = []
    if m.paid_other:
        notes.append(f"trong đó {number(m.paid_other)} đồng chi khen thưởng ngoài các quyết "
                     "định trên")
    gap = m.decided - m.paid_by_decisions
    if gap:
        notes.append(f"còn {number(gap)} đồng theo quyết định chưa ghi chi" if gap > 0 else
                     f"số chi theo quyết định vượt {number(-gap)} đồng")
    return f" ({'; '.join(notes)})" if notes else ""


def kind_lines(f: Figures) -> list[str]:
    """One line per award kind: "- Danh hiệu “Lao động tiên tiến”: 120 cá nhân;"."""
    lines = []
    for k in f.used_kinds():
        name = f"Danh hiệu “{k.name}”" if k.category == "danh_hieu" else k.name
        lines.append(f"- {name}: {_groups_phrase(f, kind=k.code)};")
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


def awards_table(f: Figures) -> Table:
    """Rows: award kinds × subject group under "Phường khen thưởng" / "Cấp trên"; years."""
    years = f.years
    columns = ("STT", "Danh hiệu, hình thức khen thưởng", "Đối tượng",
               *[str(y) for y in years], *(["Tổng"] if len(years) > 1 else []))
    rows, groups, bold, stt = [], set(), set(), 0
    for level in LEVELS:
        kinds = [k for k in f.used_kinds() if f.count(kind=k.code, level=level)]
        if not kinds:
            continue
        groups.add(len(rows))
        rows.append((LEVEL_LABELS[level],) + ("",) * (len(columns) - 1))
        for k in kinds:
            for g in GROUPS:
                if not f.count(kind=k.code, level=level, group=g):
                    continue
                stt += 1
                counts = [f.count(kind=k.code, level=level, group=g, year=y) for y in years]
                who = "Khu dân cư" if k.for_areas else GROUP_LOWER[g].capitalize()
                rows.append((str(stt), k.name, who,
                             *_numbers(counts, len(years) > 1)))
    bold.add(len(rows))
    rows.append(("", "Tổng cộng", "", *_numbers([f.count(year=y) for y in years], len(years) > 1)))
    n = len(years) + (1 if len(years) > 1 else 0)
    return Table(columns, tuple(rows), widths=(1.2, 4.2, 2.0) + (1.6,) * n,
                 align="CLL" + "R" * n, size=11, bold_rows=frozenset(bold),
                 group_rows=frozenset(groups))


def _numbers(counts: list[int], with_total: bool) -> list[str]:
    out = [number(c) for c in counts]
    return out + [number(sum(counts))] if with_total else out


def places_table(f: Figures) -> Table | None:
    """Awards by former unit (địa bàn cũ) and year, when there is more than one."""
    places = [p for p, n in f.place_total(f.by_former_unit) if n]
    if len(places) < 2:
        return None
    years = f.years
    rows = []
    for i, place in enumerate(places, start=1):
        counts = [sum(r.count for r in f.by_former_unit if r.place == place and r.year == y)
                  for y in years]
        rows.append((str(i), unit_name(f, place, capital=True), *_numbers(counts, len(years) > 1)))
    n = len(years) + (1 if len(years) > 1 else 0)
    cols = ("STT", "Địa bàn", *[str(y) for y in years], *(["Tổng"] if len(years) > 1 else []))
    return Table(cols, tuple(rows), widths=(1.2, 4.5) + (1.6,) * n, align="CL" + "R" * n,
                 size=11)


def awards_blocks(f: Figures, body: str) -> list:
    out = [para(s) for s in award_sentences(f, body)]
    lines = kind_lines(f)
    if lines:
        out.append(para("Cụ thể:"))
        out += [para(line) for line in lines]
        out.append(caption(f"Bảng 1. Kết quả khen thưởng {year_span(f.year_from, f.year_to)}"))
        out.append(awards_table(f))
    places = places_table(f)
    if places is not None:
        out.append(caption("Bảng 2. Số lượt khen thưởng theo địa bàn trước sắp xếp"))
        out.append(places)
    return out


def caption(value: str) -> Paragraph:
    return Paragraph((Run(value, bold=True, italic=True),), align="center", indent=False,
                     space_before=6, keep_with_next=True)


def culture_blocks(f: Figures) -> list:
    return sc.culture_blocks(f, caption)


def initiative_sentences(f: Figures) -> list[str]:
    span = year_span(f.year_from, f.year_to)
    ini = sum(t.initiatives for t in f.totals)
    models = sum(t.role_models for t in f.totals)
    parts = []
    if ini:
        parts.append(f"{count(ini)} sáng kiến được công nhận")
    if models:
        parts.append(f"{count(models)} gương điển hình tiên tiến, người tốt việc tốt được "
                     "biểu dương, giới thiệu")
    return [f"Trong {span}, có " + "; ".join(parts) + "."] if parts else []


LIST_MAX = 15  # names listed in the report; the rest are counted


def initiative_blocks(f: Figures) -> list:
    """Counts, then the role models and initiatives by name (the request asks to introduce
    the typical examples)."""
    out = [para(s) for s in initiative_sentences(f)]
    if f.role_models:
        lines = []
        for m in f.role_models[:LIST_MAX]:
            who = {"person": "", "area": ""}.get(m.subject_type, "Hộ gia đình "
                                                  if m.subject_type == "household" else "Tập thể ")
            bits = [b for b in (m.field and f"lĩnh vực {m.field}", m.headline) if b]
            lines.append(f"- {who}{m.name} (năm {m.year})" + (": " + "; ".join(bits) if bits
                                                              else ""))
        out += _listed("Các gương điển hình tiên tiến tiêu biểu:", lines, len(f.role_models),
                       "gương điển hình")
    if f.initiatives:
        lines = [f"- “{i.title}” (năm {i.year}" + (f", phạm vi {i.scope})" if i.scope else ")")
                 for i in f.initiatives[:LIST_MAX]]
        out += _listed("Các sáng kiến được công nhận:", lines, len(f.initiatives), "sáng kiến")
    return out


def _listed(intro: str, lines: list[str], total: int, what: str) -> list:
    """An intro line and "- …;" lines, the last ending with a full stop."""
    if total > LIST_MAX:
        lines = lines + [f"- Và {count(total - LIST_MAX)} {what} khác"]
    return [para(intro)] + [para(line + (";" if i < len(lines) - 1 else "."))
                            for i, line in enumerate(lines)]


def movement_blocks(f: Figures, launcher: str, culture_host: MovementInfo | None) -> list:
    """Each movement of one launcher with its yearly results narratives (MovementResult)."""
    out = []
    mine = [m for m in f.movements if m.launcher == launcher]
    if launcher == "ward" and (n := sum(1 for m in mine if m.start_year in f.years)):
        out.append(para(f"Trong {year_span(f.year_from, f.year_to)}, phường đã phát động "
                        f"{count(n)} phong trào thi đua."))
    for m in mine:
        out += _movement(m, f.year_from == f.year_to)
        if m is culture_host:
            out += culture_blocks(f)
    return out


def culture_host(f: Figures) -> MovementInfo | None:
    """The movement the culture figures belong under (as the seed places them), if any."""
    return next((m for m in f.movements if any(w in text.fold(m.name) for w in CULTURE_WORDS)),
                None)


def _movement(m: MovementInfo, annual: bool) -> list:
    head = [Run("- Phong trào "), Run(f"“{m.name}”", italic=True)]
    if m.plan_number:
        head.append(Run(f" (Kế hoạch số {m.plan_number})"))
    if len(m.results) == 1 or (annual and m.results):
        return [Paragraph(tuple(head) + (Run(": " + _one_line(m.results[-1][1])),))]
    if not m.results:
        return [Paragraph(tuple(head) + (Run("."),))]
    # The same words year after year (often typed "Năm 2021: …", "Năm 2022: …") said once.
    grouped = group_years((y, _undated(y, b)) for y, b in m.results)
    if len(grouped) == 1:
        years, body = grouped[0]
        return [Paragraph(tuple(head) + (Run(f": {years_label(years)}: {body}"),))]
    out = [Paragraph(tuple(head) + (Run(":"),))]
    out += [para(f"{years_label(years)}: {body}") for years, body in grouped]
    return out


_YEAR_LEAD = re.compile(r"^\s*(?:trong\s+)?nam\s+(\d{4})\s*[:,.\-–]?\s*")


def _undated(year: int, body: str) -> str:
    """The result without the "Năm 2021:" the officer began it with (the report says it)."""
    line = _one_line(body)
    m = _YEAR_LEAD.match(text.fold(line))
    if m and int(m[1]) == year:
        rest = line[m.end():]
        return rest[:1].upper() + rest[1:]
    return line


def _one_line(value: str) -> str:
    return " ".join(line.strip() for line in value.splitlines() if line.strip())

"""The wide layout of the area figures: one row per area, one column group per year —

    | Khu dân cư | 2021                          | 2022                          | …
    |            | Tổng số hộ | Đăng ký | Đạt | … | Tổng số hộ | Đăng ký | Đạt | … |

(the years on the row above the field names), or one header row whose names carry the year
("Tổng số hộ năm 2021", "Số hộ đạt 2022"). Each year group is read like a sheet of its own by
``reader.read_sheet`` with the columns mapped here, so every cell is decoded, checked and
reported (sheet, row, real column) as in the ordinary layout. A sheet without years in its
header is read the ordinary way (one row per area and year)."""

from __future__ import annotations

import re
from dataclasses import replace

from app.excel.headers import HEADER_SCAN_ROWS, Header, find_header, header_texts, match_field
from app.excel.kinds import KindSpec
from app.excel.reader import Cell, SheetData, read_sheet
from app.text import fold

_YEAR = re.compile(r"^(?:nam\s*)?((?:19|20)\d\d)$")
_YEAR_IN = re.compile(r"\s*\b(?:nam\s*)?((?:19|20)\d\d)\b\s*")
FIXED = ("stt", "area", "former_unit", "former_unit_kind", "notes")  # once per row, not per year


def _year_of(text: str | None) -> int | None:
    m = _YEAR.match(fold(text or "").strip())
    return int(m[1]) if m else None


def _header_like(texts: list) -> bool:
    """No number but years: a data row (households 215) is never taken for a header."""
    for t in texts:
        if t and re.fullmatch(r"[\d.,\s]+", t) and _year_of(t) is None:
            return False
    return any(texts)


def _year_row(spec: KindSpec, rows: list[list]) -> tuple | None:
    """Layout with the years on one row and the field names on the next: (row index of the
    names, column → year of its group, column → field key, True)."""
    for i, texts in enumerate(rows[:-1]):
        if not (_header_like(texts) and _header_like(rows[i + 1])):
            continue
        starts = {c: y for c, t in enumerate(texts, start=1) if (y := _year_of(t))}
        if len(starts) < 2 and not (starts and _has_area(spec, texts + rows[i + 1])):
            continue
        names = rows[i + 1]
        fields = {c: f.key for c, t in enumerate(names, start=1)
                  if t and (f := match_field(spec, t))}
        first = min(starts)
        groups, year = {}, None
        for c in range(first, max(len(names), len(texts)) + 1):
            year = starts.get(c, year)
            if c in fields and fields[c] not in FIXED:
                groups[c] = year
        if groups:
            return i + 1, groups, fields, True
    return None


def _has_area(spec: KindSpec, texts: list) -> bool:
    return any(t and (f := match_field(spec, t)) and f.key == "area" for t in texts)


def _inline_years(spec: KindSpec, rows: list[list]) -> tuple | None:
    """One header row whose names carry the year: "Tổng số hộ năm 2021"."""
    for i, texts in enumerate(rows):
        if not _header_like(texts):
            continue
        groups, fields = {}, {}
        for c, t in enumerate(texts, start=1):
            if not t:
                continue
            m = _YEAR_IN.search(fold(t))
            f = match_field(spec, _YEAR_IN.sub(" ", fold(t)).strip()) if m else match_field(spec, t)
            if f is None:
                continue
            fields[c] = f.key
            if m and f.key not in FIXED:
                groups[c] = int(m[1])
        if len(set(groups.values())) >= 2 or (groups and "area" in fields.values()):
            return i, groups, fields, False
    return None


def _valid_choice(f, value: str) -> bool:
    from app.excel import values as V

    try:
        if f.type == "yesno":
            return V.parse_yesno(value) is not None
        if f.type == "outcome":
            return fold(value) in ("chua xet", "chua binh xet") or V.parse_outcome(value) is not None
    except ValueError:
        return False
    return fold(value) in {fold(c) for c in f.choices}


def settle_choices(data: SheetData | None, spec: KindSpec) -> SheetData | None:
    """A cell readable two ways ("Có", "xã" are also TCVN3 spellings) in a column with a closed
    list of values (Có / Không, Đạt / Không đạt / Chưa xét, phường / xã) keeps its Unicode
    reading, unasked, when only that reading is one of the column's values."""
    if data is None:
        return None
    closed = {f.key: f for f in spec.fields if f.type in ("yesno", "outcome") or f.choices}
    keep = []
    for row, key in data.decoded:
        cell, f = row.cells[key], closed.get(key)
        d = cell.decision
        if f is not None and d.ambiguous and not d.convert and _valid_choice(f, d.unicode) \
                and not _valid_choice(f, d.legacy_text or ""):
            cell.decision = replace(d, ambiguous=False, reason="giá trị trong danh sách của cột")
            continue
        keep.append((row, key))
    data.decoded = keep
    return data


def read_area_year_sheet(ws, spec: KindSpec, merges=()) -> SheetData | list[SheetData] | None:
    from openpyxl.utils import get_column_letter

    plain = find_header(ws, spec)
    year_col = plain.columns.get("year") if plain is not None else None
    # One row per area and year — unless the "Năm" found is a group's "Năm 2024".
    if year_col and not _YEAR_IN.search(fold(plain.texts.get(year_col, ""))):
        return settle_choices(read_sheet(ws, spec, merges, plain), spec)
    rows = [header_texts(r) for r in ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS)]
    found = _year_row(spec, rows) or _inline_years(spec, rows)
    if found is None:
        return settle_choices(read_sheet(ws, spec, merges), spec)
    at, groups, fields, two_rows = found
    top = at - 1 if two_rows else at  # the years' row, or the one header row
    fixed = {k: c for c, k in fields.items() if k in FIXED}
    # The area's name may stand on the years' row (merged down over the names' row).
    for c, t in enumerate(rows[top] if two_rows else [], start=1):
        f = match_field(spec, t) if t else None
        if f and f.key in FIXED and f.key not in fixed:
            fixed[f.key] = c
    if "area" not in fixed:
        return None
    texts = {c: t for r in rows[top:at + 1] for c, t in enumerate(r, start=1) if t}
    title = " ".join(" ".join(t for t in r if t) for r in rows[:top]).strip()
    out = []
    for year in sorted(set(groups.values())):
        columns = dict(fixed) | {fields[c]: c for c, y in groups.items() if y == year}
        header = Header(at + 1, columns, texts, title)
        data = settle_choices(read_sheet(ws, spec, merges, header), spec)
        if data is None:
            continue
        first = min(c for c, y in groups.items() if y == year)
        name = f"{data.sheet} – năm {year}"
        others = {get_column_letter(c) for c, y in groups.items() if y != year}
        rows_ = [replace(r, sheet=name, cells=r.cells | {
            "year": Cell(year, f"{get_column_letter(first)}{r.row}")}) for r in data.rows]
        moved = {id(old): new for old, new in zip(data.rows, rows_)}
        decoded = [(moved[id(r)], k) for r, k in data.decoded]
        out.append(replace(data, sheet=name, rows=rows_, decoded=decoded,
                           columns=data.columns | {"year": first},
                           skipped=data.skipped if not out else [],
                           unused={k: v for k, v in data.unused.items() if k not in others}))
    return out or None

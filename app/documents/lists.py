"""The attached list (danh sách kèm theo) of a decision or a tờ trình, as table data.

Rows are grouped the way a ward office lists them: by award (when several), then tập thể /
cá nhân / hộ gia đình (when mixed), households by khu dân cư so namesakes are told apart. Each
heading is a group row (kept with its first row by the renderers); STT runs on within a kind of
subject. The rows are plain tuples so a renderer can also draw them one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

from app.documents.common import ROMAN, TYPE_WORDS, award_label, by_award, count_words
from app.documents.data import Entry
from app.documents.model import Table
from app.text import fold, format_money

TYPE_ORDER = ("tập thể", "cá nhân", "hộ gia đình", "đối tượng")
NO_AREA = "Chưa ghi khu dân cư"


def type_word(e: Entry) -> str:
    return TYPE_WORDS.get(e.subject_type, "đối tượng")


def by_type(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Tập thể, cá nhân, hộ gia đình in that order (input order kept inside each)."""
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(type_word(e), []).append(e)
    return [(w, groups[w]) for w in TYPE_ORDER if w in groups]


def _area_key(area: str) -> tuple:
    """"Khu dân cư số 2" before "số 10": numbers compare as numbers."""
    parts = re.split(r"(\d+)", fold(area))
    return (area == NO_AREA,) + tuple(int(p) if p.isdigit() else p for p in parts)


def by_area(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Households by khu dân cư (natural order), each area's rows in their given order."""
    keyed = sorted(entries, key=lambda e: _area_key(e.area or NO_AREA))
    return [(a, list(g)) for a, g in groupby(keyed, key=lambda e: e.area or NO_AREA)]


def household_only(entries) -> bool:
    return bool(entries) and all(e.subject_type == "household" for e in entries)


def _columns(entries, money: bool, citations: bool):
    if household_only(entries):
        cols, widths, align = ["STT", "Hộ gia đình (tên chủ hộ)", "Địa chỉ", "Khu dân cư"], \
            [0.9, 3.4, 3.6, 2.2], "CLLL"
    else:
        cols, widths, align = ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị / Địa chỉ"], \
            [0.9, 3.6, 4.2], "CLL"
    if citations:
        cols, widths, align = cols + ["Nội dung khen thưởng"], widths + [3.6], align + "L"
    if money:
        cols, widths, align = cols + ["Hệ số", "Số tiền (đồng)"], widths + [1.0, 1.9], align + "CR"
    return tuple(cols), tuple(widths), align


def _row(n: int, e: Entry, households: bool, money: bool, citations: bool) -> tuple:
    name = f"Hộ {e.name}" if e.subject_type == "household" else e.name
    if households:
        row = (str(n), name, e.address or e.position or "", e.area or "")
    else:
        row = (str(n), name, e.position or "")
    if citations:
        row += (e.citation,)
    if money:
        row += (e.coefficient, format_money(e.money))
    return row


def _sections(entries: list[Entry], nested: bool) -> Iterator[tuple[str | None, list[Entry]]]:
    """(heading or None, entries) per kind of subject; households per khu dân cư."""
    types = by_type(entries)
    for ti, (word, items) in enumerate(types):
        if len(types) > 1:
            label = f"{ti + 1}. {word.capitalize()}" if nested else f"{ROMAN[ti]}. {word.upper()}"
            yield f"{label} ({format_money(len(items))})", []
        if word == "hộ gia đình" and any(e.area for e in items):
            for area, homes in by_area(items):
                yield f"{area} ({format_money(len(homes))} hộ)", homes
        else:
            yield None, items


def entry_table(entries: tuple[Entry, ...], money: bool, citations: bool = False) -> Table:
    """The attached list: groups as above, [Nội dung khen thưởng], [hệ số, số tiền] and a bold
    total row when there is money."""
    cols, widths, align = _columns(entries, money, citations)
    households = household_only(entries)
    rows: list[tuple] = []
    groups, bold = set(), set()
    awards = by_award(entries)
    for ai, (first, items) in enumerate(awards):
        if len(awards) > 1:
            groups.add(len(rows))
            label = f"{ROMAN[ai % len(ROMAN)]}. {award_label(first)} ({count_words(items)})"
            rows.append((label,))
        n = 0
        for heading, part in _sections(items, nested=len(awards) > 1):
            if heading:
                groups.add(len(rows))
                rows.append((heading,))
            if heading is not None and not part:  # a kind's heading: numbering starts again
                n = 0
            for e in part:
                n += 1
                rows.append(_row(n, e, households, money, citations))
    if money:
        bold.add(len(rows))
        rows.append(("", "Tổng cộng") + ("",) * (len(cols) - 3)
                    + (format_money(sum(e.money for e in entries)),))
    return Table(cols, tuple(rows), widths, align, 12, frozenset(bold), frozenset(groups))

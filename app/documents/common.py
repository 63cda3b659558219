"""Pieces shared by the commendation documents: header, list tables, counting words."""

from __future__ import annotations

from itertools import groupby

from app.documents.data import Entry, Org
from app.documents.model import Header, Table
from app.text import format_money

TYPE_WORDS = {"person": "cá nhân", "collective": "tập thể", "area": "tập thể",
              "household": "hộ gia đình"}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def header(org: Org, number: str | None, date_line: str | None, body: str | None = None) -> Header:
    """ND 30 header; ``body`` replaces the body name (e.g. the council) when given."""
    return Header(org.parent_body if body is None else org.body_name.replace(
        "ỦY BAN NHÂN DÂN", "UBND"), body or org.body_name, number, date_line)


def verb(entries: list[Entry]) -> str:
    """"Công nhận" for the culture titles of households and areas (Nghị định 86/2023),
    "Tặng" for every other award."""
    culture = all(e.award_is_title and e.subject_type in ("household", "area") for e in entries)
    return "Công nhận" if entries and culture else "Tặng"


def award_label(e: Entry) -> str:
    """“Danh hiệu “X”” for titles, the form's own name otherwise."""
    return f"Danh hiệu “{e.award_name}”" if e.award_is_title else e.award_name


def count_words(entries: list[Entry]) -> str:
    """"3 cá nhân, 1 tập thể" in a fixed order."""
    counts: dict[str, int] = {}
    for e in entries:
        w = TYPE_WORDS.get(e.subject_type, "đối tượng")
        counts[w] = counts.get(w, 0) + 1
    order = ["tập thể", "cá nhân", "hộ gia đình", "đối tượng"]
    return ", ".join(f"{counts[w]} {w}" for w in order if w in counts)


def by_award(entries: tuple[Entry, ...]) -> list[tuple[Entry, list[Entry]]]:
    """Entries grouped by award in their given order: [(first entry, entries)]."""
    return [(group[0], group) for _, g in groupby(entries, key=lambda e: e.award_code)
            for group in [list(g)]]


def display_name(e: Entry) -> str:
    """Name as listed (households as “Hộ …”)."""
    return f"Hộ {e.name}" if e.subject_type == "household" else e.name


def entry_table(entries: tuple[Entry, ...], money: bool, extra_cols: tuple[str, ...] = (),
                extra=lambda e: ()) -> Table:
    """The attached list: STT, name, position/unit, [extra], [coefficient, money], grouped
    by award with roman numerals and a bold total row."""
    cols = ("STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị / Địa chỉ") + extra_cols
    widths, align = [0.9, 3.6, 4.2] + [1.6] * len(extra_cols), "CLL" + "C" * len(extra_cols)
    if money:
        cols += ("Hệ số", "Số tiền (đồng)")
        widths, align = widths + [1.0, 1.9], align + "CR"
    rows, groups, bold = [], set(), set()
    groups_list = by_award(entries)
    for gi, (first, items) in enumerate(groups_list):
        if len(groups_list) > 1:
            groups.add(len(rows))
            rows.append((f"{ROMAN[gi % len(ROMAN)]}. {award_label(first)} ({count_words(items)})",))
        for i, e in enumerate(items, start=1):
            row = (str(i), display_name(e), e.position or "") + tuple(extra(e))
            if money:
                row += (e.coefficient, format_money(e.money))
            rows.append(row)
    if money:
        bold.add(len(rows))
        rows.append(("", "Tổng cộng", "") + ("",) * len(extra_cols)
                    + ("", format_money(sum(e.money for e in entries))))
    return Table(cols, tuple(rows), tuple(widths), align, 12, frozenset(bold), frozenset(groups))

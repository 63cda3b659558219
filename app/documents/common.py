"""Pieces shared by the commendation documents: header, list tables, counting words."""

from __future__ import annotations

from itertools import groupby

from app.documents.data import Entry, Org
from app.documents.model import Header
from app.text import fold, format_money, nfc

TYPE_WORDS = {"person": "cá nhân", "collective": "tập thể", "area": "tập thể",
              "household": "hộ gia đình"}
# A batch is often named after the act itself ("Xét khen thưởng tổng kết năm 2026") while the
# documents already say "xét / đề nghị khen thưởng …": that lead is dropped when composing.
_LEADS = (("dot", "xet", "khen", "thuong"), ("xet", "khen", "thuong"),
          ("de", "nghi", "khen", "thuong"), ("khen", "thuong"))
# Common nouns a batch name may start with in capitals ("Tổng kết năm 2025"); mid-sentence
# they are written in lower case. Anything else (a proper name) keeps its capital.
_COMMON_FIRST = frozenset({"tong", "chuyen", "dot", "nam", "phong", "cuoc", "hoat", "ky", "dip"})
_PUNCT = ":,;.-–—"
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
    """"1 tập thể, 3 cá nhân và 1.129 hộ gia đình" in a fixed order."""
    counts: dict[str, int] = {}
    for e in entries:
        w = TYPE_WORDS.get(e.subject_type, "đối tượng")
        counts[w] = counts.get(w, 0) + 1
    order = ["tập thể", "cá nhân", "hộ gia đình", "đối tượng"]
    parts = [f"{format_money(counts[w])} {w}" for w in order if w in counts]
    return " và ".join(filter(None, [", ".join(parts[:-1]), parts[-1]])) if parts else ""


def by_award(entries: tuple[Entry, ...]) -> list[tuple[Entry, list[Entry]]]:
    """Entries grouped by award in their given order: [(first entry, entries)]."""
    return [(group[0], group) for _, g in groupby(entries, key=lambda e: e.award_code)
            for group in [list(g)]]


def display_name(e: Entry) -> str:
    """Name as listed (households as “Hộ …”)."""
    return f"Hộ {e.name}" if e.subject_type == "household" else e.name


def occasion(batch_name: str, year: int) -> str:
    """What a batch is about, to follow "xét khen thưởng" / "đề nghị khen thưởng" in a sentence:
    "Xét khen thưởng tổng kết năm 2026" → "tổng kết năm 2026" (case and diacritics ignored)."""
    words = nfc(batch_name).split()
    folded = [fold(w).strip(_PUNCT) for w in words]
    for lead in _LEADS:
        if tuple(folded[:len(lead)]) == lead:
            words, folded = words[len(lead):], folded[len(lead):]
            break
    while folded and not folded[0]:  # a dash or colon left after the lead
        words, folded = words[1:], folded[1:]
    if not words:
        return f"năm {year}"
    first = words[0]
    if folded[0] in _COMMON_FIRST and first[:1].isupper() and first[1:] == first[1:].lower():
        words[0] = first[0].lower() + first[1:]
    return " ".join(words)

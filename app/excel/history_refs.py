"""Reading what an old commendation register writes about a decision: its number ("Số
151/QĐ-UBND", "151/QĐ-UB", "151"), its date (a date cell, "12/12/2022", "ngày 12 tháng 12
năm 2022"), a section row above a block ("Quyết định số 151/QĐ-UBND ngày 12/12/2022 của Chủ
tịch UBND phường về việc …"), the level that decided (phường, quận, thành phố, tỉnh, trung
ương…) and the money as written ("710.000", 710000). Each parser raises ValueError with a
Vietnamese message, or returns None for an empty cell."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from app.text import fold, nfc

# "151/QĐ-UBND", "151 / QĐ-UB", "12/2022/QĐ-UBND", "1234/QĐ-TTg": digits, then a symbol that
# starts with a letter (so a date "12/12/2022" is never a number).
_REFERENCE = re.compile(r"(?<![\d/])(\d{1,6})\s*/\s*((?:\d{4}\s*/\s*)?[^\W\d_][\w.\-]*"
                        r"(?:\s*-\s*[\w.]+)*)")
_ONLY_NUMBER = re.compile(r"^\s*(?:(?:quyet dinh|qd)\s*)?(?:so\s*)?:?\s*(\d{1,6})\s*$")
_DAY_NUMBERS = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})\b")
_DAY_WORDS = re.compile(r"(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ABOUT = re.compile(r"\b(?:về việc|v/v)\s*", re.IGNORECASE)
_OF = re.compile(r"\bcủa\s+", re.IGNORECASE)
_YEAR_WORD = re.compile(r"\bnam\s+((?:19|20)\d{2})\b")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class DecisionRef:
    """A decision as the register writes it."""
    reference: str  # "151/QĐ-UBND" (as written, tidied); "151" when no symbol
    number: int
    symbol: str  # "QĐ-UBND" or ""
    signed_on: date | None = None
    title: str | None = None  # "Về việc …" of a section row
    issuer: str | None = None  # "Chủ tịch UBND phường …" of a section row
    year_hint: int | None = None  # "… năm 2022" in the title

    @property
    def symbol_key(self) -> str:
        return symbol_key(self.symbol)


def symbol_key(symbol: str | None) -> str:
    """A symbol as compared: case, accents, punctuation and the old short form "UB" of "UBND"
    aside ("QĐ-UB" = "QĐ-UBND")."""
    key = re.sub(r"[^0-9a-z]", "", fold(symbol))
    return key[:-2] + "ubnd" if key.endswith("ub") else key


def parse_reference(value) -> DecisionRef | None:
    """A decision number cell ("Số 151/QĐ-UBND", "151/QĐ-UB", 151, "151/QĐ-UBND ngày
    12/12/2022"); its date too when the cell holds one."""
    if value in (None, ""):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return DecisionRef(str(value), value, "")
    text = nfc(str(value))
    found = _REFERENCE.search(text)
    if found is None:
        only = _ONLY_NUMBER.match(fold(text))
        if only is None:
            raise ValueError(f"“{text}” không phải số quyết định (ví dụ 151/QĐ-UBND).")
        return DecisionRef(only[1], int(only[1]), "")
    number, symbol = int(found[1]), re.sub(r"\s+", "", found[2])
    return DecisionRef(f"{number}/{symbol}", number, symbol, find_day(text[found.end():]))


def parse_day(value) -> date | None:
    """A decision date: a date cell, an Excel day number, "12/12/2022", "ngày 12 tháng 12 năm
    2022"."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20_000 <= value < 80_000:  # a day serial in a cell not formatted as a date
            from openpyxl.utils.datetime import from_excel

            return from_excel(int(value)).date()
        raise ValueError(f"“{value}” không phải ngày (ngày/tháng/năm, ví dụ 05/09/2025).")
    text = nfc(str(value))
    if m := _ISO.match(text):
        return _real(int(m[1]), int(m[2]), int(m[3]), text)
    day = find_day(text, anywhere=True)
    if day is None:
        raise ValueError(f"“{text}” không phải ngày (ngày/tháng/năm, ví dụ 05/09/2025).")
    return day


def find_day(text: str, anywhere: bool = False) -> date | None:
    """The date in a longer text ("… ngày 12/12/2022 về việc …"); the first after "ngày",
    or (``anywhere``) the first at all."""
    folded = fold(text)
    start = folded.find("ngay")
    if start < 0 and not anywhere:
        return None
    tail = folded[max(start, 0):]
    m = _DAY_NUMBERS.search(tail) or _DAY_WORDS.search(tail)
    if m is None:
        return None
    day, month, year = (int(g) for g in m.groups())
    if year < 100:  # "12/12/22"
        year += 2000 if year <= date.today().year % 100 else 1900
    return _real(year, month, day, m[0])


def _real(year: int, month: int, day: int, shown: str) -> date:
    if not 1945 <= year <= date.today().year:
        raise ValueError(f"Năm {year} của ngày “{shown}” không hợp lý.")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"Ngày “{shown}” không có thật.") from None


def parse_heading(text: str) -> DecisionRef | None:
    """A section row naming a decision: "Quyết định số 151/QĐ-UBND ngày 12/12/2022 của Chủ
    tịch UBND phường về việc khen thưởng … năm 2022"; None when the text names none."""
    text = nfc(text)
    folded = fold(text)
    if "quyet dinh" not in folded and not re.search(r"\bqd\b", folded):
        return None
    found = _REFERENCE.search(text)
    if found is None:
        return None
    rest = text[found.end():]
    about = _ABOUT.search(rest)
    title = rest[about.end():].strip(" .;:") if about else None
    head = rest[:about.start()] if about else rest
    of = _OF.search(head)
    issuer = head[of.end():].strip(" ,.;:") if of else None
    year = _YEAR_WORD.findall(fold(title)) if title else []
    number, symbol = int(found[1]), re.sub(r"\s+", "", found[2])
    return DecisionRef(f"{number}/{symbol}", number, symbol, find_day(head),
                       ("Về việc " + title) if title else None, issuer or None,
                       int(year[-1]) if year else None)


def year_in(text: str | None) -> int | None:
    """The year a sheet name or title names ("2022", "Năm 2022", "KT 2022"), "năm …" first."""
    folded = fold(text)
    found = _YEAR_WORD.findall(folded) or _YEAR.findall(folded)
    return int(found[-1]) if found else None


# Levels that decide: the first word naming one, in reading order ("UBND quận Hải An, thành
# phố Hải Phòng" is a quận's). "tp" is resolved by the organisation (``level_of``).
_LEVEL_WORDS = re.compile(
    r"\b(?P<huyen>thi xa|quan|huyen)\b|\b(?P<xa>phuong|xa|thi tran|co so)\b|\b(?P<tinh>tinh)\b"
    r"|\b(?P<tp>thanh pho|tp)\b|\b(?P<bo>bo|nganh)\b"
    r"|\b(?P<nha_nuoc>trung uong|tw|nha nuoc|chinh phu|thu tuong|chu tich nuoc|quoc hoi"
    r"|toan quoc)\b")
LEVEL_CODES = ("xa", "huyen", "tinh", "bo", "nha_nuoc")


def level_of(value, city_is_province: bool) -> str | None:
    """"Cấp phường" → "xa", "Quận" → "huyen", "Thủ tướng Chính phủ" → "nha_nuoc"…; "thành phố"
    is a province-level city when the ward's superior is one, else a district-level city."""
    if value in (None, ""):
        return None
    folded = fold(str(value)).replace("_", " ")
    if folded.replace(" ", "_") in LEVEL_CODES:
        return folded.replace(" ", "_")
    m = _LEVEL_WORDS.search(folded)
    if m is None:
        raise ValueError(f"Cấp “{value}” không rõ: ghi phường (xã), quận (huyện), thành phố, "
                         "tỉnh, bộ hoặc trung ương.")
    level = m.lastgroup
    if level == "tp":
        return "tinh" if city_is_province else "huyen"
    return level


def parse_money(value) -> int:
    """Money as written: 710000, 710000.0, "710.000", "710,000", "710 000 đ"; 0 when empty."""
    if value in (None, ""):
        return 0
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"Số tiền “{value}” có phần lẻ.")
        if value < 0:
            raise ValueError(f"Số tiền “{value}” âm.")
        return int(value)
    text = re.sub(r"\s*(đồng|đ|vnđ|vnd)\.?\s*$", "", nfc(str(value)).lower())
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*", text):
        return int(re.sub(r"\D", "", text))
    raise ValueError(f"Số tiền “{value}” không đọc được (ví dụ 710000 hoặc 710.000).")

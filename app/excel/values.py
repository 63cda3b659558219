"""Turning one cell into a value of a field's type, tolerant of how people really type it.

Each parser returns ``(value, warning)`` or raises ValueError with a Vietnamese message."""

from __future__ import annotations

import re
from datetime import date, datetime

from app.text import cccd_error, fold, is_valid_phone, nfc, title_case_name

_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YEAR = re.compile(r"^(?:năm\s*)?(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$")
MIN_YEAR, MAX_YEAR = 1900, 2100


def _year_ok(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"Năm {year} không hợp lý.")
    return year


def parse_date(value) -> tuple[date | None, int | None, str | None]:
    """A birth date: Excel date, "dd/mm/yyyy" text, or a bare year → (date, year, warning)."""
    if value is None or value == "":
        return None, None, None
    if isinstance(value, datetime):
        return value.date(), value.year, None
    if isinstance(value, date):
        return value, value.year, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = int(value)
        if MIN_YEAR <= number <= MAX_YEAR:
            return None, number, None
        if 1 <= number < 80000:  # an Excel day serial in a cell not formatted as a date
            from openpyxl.utils.datetime import from_excel

            day = from_excel(number)
            return day.date(), day.year, None
        raise ValueError(f"“{value}” không phải ngày hay năm.")
    text = nfc(str(value)).lower()
    if m := _DATE.match(text):
        day_, month, year = (int(g) for g in m.groups())
        if year < 100:  # two-digit years: 85 → 1985, 05 → 2005
            year += 2000 if year <= date.today().year % 100 else 1900
        try:
            return date(_year_ok(year), month, day_), year, None
        except ValueError as exc:
            if "Năm" in str(exc):
                raise
            raise ValueError(f"Ngày “{value}” không có thật.") from None
    if m := _ISO.match(text):
        try:
            parsed = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise ValueError(f"Ngày “{value}” không có thật.") from None
        return parsed, parsed.year, None
    if m := _YEAR.match(text):
        return None, _year_ok(int(m[1])), None
    if m := _MONTH_YEAR.match(text):
        year = _year_ok(int(m[2]))
        return None, year, f"Chỉ lấy năm {year} từ “{value}”."
    raise ValueError(f"“{value}” không đúng dạng ngày/tháng/năm hoặc năm.")


def parse_year(value) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, (datetime, date)):
        return value.year
    text = nfc(str(value))
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    m = _YEAR.match(text.lower())
    if not m:
        raise ValueError(f"“{value}” không phải một năm (ví dụ 2025).")
    return _year_ok(int(m[1]))


_GROUPED = re.compile(r"^\d{1,3}(?:[. ]\d{3})+$")  # 1.500 or 1 500: thousands, the Vietnamese way


def _as_typed(value) -> str:
    """A number as the user sees it in a Vietnamese Excel: 2,7 — not 2.7."""
    if isinstance(value, float):
        return (f"{value:.15g}").replace(".", ",")
    return str(value)


def parse_int(value, bounds: tuple[int, int] | None = None) -> int | None:
    """A whole number: 12, 12.0, "12", "1.500". A fraction (2,7 — or "1,5") is an error, never
    read digit by digit; ``bounds`` keeps typos such as 10^15 households out."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"“{_as_typed(value)}” không phải số nguyên.")
        number = int(value)
    else:
        text = nfc(str(value))
        if text.isdigit():
            number = int(text)
        elif _GROUPED.match(text):
            number = int(re.sub(r"[. ]", "", text))
        else:
            raise ValueError(f"“{value}” không phải số nguyên.")
    low, high = bounds or (0, 10**9)
    if not low <= number <= high:
        raise ValueError(f"số {number} không hợp lý: phải từ {low} đến {high:,}.".replace(",", "."))
    return number


def parse_birth_year(value) -> tuple[int | None, str | None]:
    """A birth year from a year or a full date; a full date keeps only its year, with a note."""
    born, year, warning = parse_date(value)
    if born is not None:
        warning = f"Chỉ lưu năm sinh {year} (từ ngày {born.strftime('%d/%m/%Y')})."
    return check_born(year), warning


def check_born(year: int | None) -> int | None:
    if year is not None and year > date.today().year:
        raise ValueError(f"Năm sinh {year} chưa tới.")
    return year


def parse_cccd(value) -> tuple[str | None, str | None]:
    """CCCD as text; a number cell lost its leading zeros, so they are put back (with a note)."""
    if value in (None, ""):
        return None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = str(int(value))
        if len(digits) < 12:
            return digits.zfill(12), f"Ô số CCCD là dạng số nên mất số 0 ở đầu: đã thêm thành {digits.zfill(12)}."
        text = digits
    else:
        text = re.sub(r"[\s.\-]", "", nfc(str(value)))
    if error := cccd_error(text):
        raise ValueError(error)
    return text, None


_GENDERS = {"nam": "nam", "n": "nam", "ong": "nam", "m": "nam", "male": "nam",
            "nu": "nữ", "ba": "nữ", "f": "nữ", "female": "nữ"}


def parse_gender(value) -> str | None:
    if value in (None, ""):
        return None
    key = fold(str(value))
    if key in _GENDERS:
        return _GENDERS[key]
    raise ValueError(f"Giới tính “{value}” phải là Nam hoặc Nữ.")


_OUTCOMES = {"dat": "dat", "d": "dat", "x": "dat", "co": "dat", "khong dat": "khong_dat",
             "chua dat": "khong_dat", "kd": "khong_dat", "khong": "khong_dat",
             # Not evaluated yet: the same as an empty cell.
             "chua xet": None, "chua binh xet": None, "chua danh gia": None}


def parse_outcome(value) -> str | None:
    if value in (None, ""):
        return None
    key = fold(str(value))
    if key in _OUTCOMES:
        return _OUTCOMES[key]
    raise ValueError(f"Kết quả “{value}” phải là Đạt hoặc Không đạt.")


_YES = {"co", "x", "v", "1", "dat", "yes", "c", "+", "✓", "✔"}
_NO = {"khong", "0", "k", "no", "-", "chua co"}


def parse_yesno(value) -> int | None:
    """Có / Không (also x, 1, 0): 1 or 0; empty stays empty (not entered)."""
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return int(value)
    key = fold(str(value))
    if key in _YES:
        return 1
    if key in _NO:
        return 0
    raise ValueError(f"“{value}” phải là Có hoặc Không.")


def parse_phone(value) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = "0" + str(int(value))  # a number cell drops the leading 0 of 09x…
    else:
        text = nfc(str(value))
    if not is_valid_phone(text):
        raise ValueError(f"Số điện thoại “{value}” không hợp lệ.")
    return text


def parse_text(value) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime, date)):
        return value.strftime("%d/%m/%Y")
    return nfc(str(value)) or None


def parse_name(value, legacy: bool = False) -> str | None:
    """Names: NFC, single spaces; all-capitals or legacy-decoded names are title-cased
    syllable by syllable (TCVN3 lost the case of toned capitals)."""
    text = parse_text(value)
    if text is None:
        return None
    if legacy or text.isupper() or text.islower():
        return title_case_name(text)
    return text

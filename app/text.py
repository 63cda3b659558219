"""Vietnamese text handling used everywhere: NFC, search folding, name sorting, validation.

Rules:
- every string that enters the database passes through :func:`nfc` (clean) first;
- search compares :func:`fold` forms (case and diacritics ignored, đ → d);
- person names sort by :func:`name_sort_key`: given name (last word), then family and
  middle names, in the Vietnamese alphabet (a ă â b c d đ e ê …), tones as a secondary level.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

_WS = re.compile(r"\s+")

# Vietnamese alphabet order (CLDR vi); f j w z kept for foreign names, placed as in Latin.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Letter modifiers that make a new letter (not tones).
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
# Tones in dictionary order: ngang < huyền < hỏi < ngã < sắc < nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_BASE = 0x30  # code points used in sort keys start here (above the word separator)
_OTHER_BASE = _LETTER_BASE + len(_ALPHABET) + 1


def nfc(value: str | None) -> str:
    """NFC-normalise and trim a string; ``None`` becomes ``""``. Inner whitespace is collapsed."""
    if value is None:
        return ""
    return _WS.sub(" ", unicodedata.normalize("NFC", str(value))).strip()


def nfc_or_none(value: str | None) -> str | None:
    text = nfc(value)
    return text or None


def fold(value: str | None) -> str:
    """Search form: lower case, no diacritics, đ → d, single spaces."""
    text = nfc(value).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def fold_tokens(value: str | None) -> list[str]:
    """Folded words of a search box, punctuation dropped."""
    return [t for t in re.split(r"[^0-9a-z]+", fold(value)) if t]


def _split_letter(ch: str) -> tuple[str, int]:
    """Return (Vietnamese base letter, tone 0-5) for one lower-case NFC character."""
    if ch == "đ":
        return "đ", 0
    parts = unicodedata.normalize("NFD", ch)
    base, tone = parts[0], 0
    for mark in parts[1:]:
        if mark in _LETTER_MARKS:
            base = unicodedata.normalize("NFC", base + mark)
        elif mark in _TONES:
            tone = _TONES[mark]
    return base, tone


def _word_keys(word: str) -> tuple[str, str]:
    if word.isdigit():  # numbers sort by value: "số 2" before "số 10"
        word = word.zfill(8)
    primary, secondary = [], []
    for ch in word.lower():
        base, tone = _split_letter(ch)
        rank = _RANK.get(base)
        primary.append(chr(_LETTER_BASE + rank) if rank is not None else chr(_OTHER_BASE + ord(base)))
        secondary.append(chr(_LETTER_BASE + tone))
    return "".join(primary), "".join(secondary)


def text_sort_key(value: str | None) -> str:
    """Vietnamese dictionary order for any text (collective names, areas): word by word."""
    words = nfc(value).split(" ")
    keys = [_word_keys(w) for w in words if w]
    return " ".join(p for p, _ in keys) + "\u0020\u0021" + " ".join(s for _, s in keys)


def name_sort_key(full_name: str | None) -> str:
    """Vietnamese person-name order: given name, then family and middle names.

    The key is a plain string whose code-point order (also SQLite's BINARY collation and
    PostgreSQL's "C" collation) is the Vietnamese order, so it can be stored and indexed.
    """
    words = [w for w in nfc(full_name).split(" ") if w]
    if not words:
        return ""
    given, rest = _word_keys(words[-1]), [_word_keys(w) for w in words[:-1]]
    # The given name is compared whole (letters, then tone: "Anh" before "Ánh") before the
    # family and middle names, the way officers sort the "Tên" column in Excel.
    return (given[0] + "\u0020\u0021" + given[1] + "\u0020\u0021"
            + " ".join(p for p, _ in rest) + "\u0020\u0021" + " ".join(t for _, t in rest)
            + "\u0020\u0021" + nfc(full_name))


def title_case_name(value: str | None) -> str:
    """"nguyễn  văn AN" → "Nguyễn Văn An" (syllable by syllable, NFC)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in nfc(value).split(" ") if w)


def given_name(full_name: str | None) -> str:
    words = nfc(full_name).split(" ")
    return words[-1] if words else ""


# ----------------------------------------------------------------------------- validation

_CCCD = re.compile(r"^\d{12}$")
_DATE_TEXT = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_PHONE = re.compile(r"^\+?[0-9 .]{8,15}$")


def is_valid_cccd(value: str | None) -> bool:
    """Căn cước công dân: exactly 12 digits."""
    return bool(_CCCD.match(nfc(value)))


def cccd_error(value: str | None) -> str | None:
    """Vietnamese message for a bad CCCD, or None when empty or valid."""
    text = nfc(value)
    if not text or is_valid_cccd(text):
        return None
    if not text.isdigit():
        return f"Số CCCD “{text}” chỉ được gồm chữ số."
    return f"Số CCCD phải có đúng 12 chữ số (đang có {len(text)})."


def is_valid_phone(value: str | None) -> bool:
    text = nfc(value)
    return not text or bool(_PHONE.match(text))


def parse_date_vn(value: str | date | datetime | None) -> date | None:
    """Parse ``dd/mm/yyyy`` (also with ``-`` or ``.``); ``None``/empty gives ``None``.

    Raises ValueError with a Vietnamese message on bad input.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = nfc(value)
    if not text:
        return None
    m = _DATE_TEXT.match(text)
    if not m:
        raise ValueError(f"Ngày “{text}” không đúng dạng ngày/tháng/năm (ví dụ 05/09/2025).")
    day, month, year = (int(g) for g in m.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"Ngày “{text}” không có thật.") from None


def format_date_vn(value: date | None) -> str:
    """dd/mm/yyyy with leading zeros; empty for None."""
    return value.strftime("%d/%m/%Y") if value else ""


def date_line(place: str, value: date | None) -> str:
    """Place-and-date line of Nghị định 30/2020: leading zero for days 1–9 and months 1–2."""
    if value is None:
        return f"{place}, ngày     tháng     năm     "
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"{place}, ngày {value.day:02d} tháng {month} năm {value.year}"


def salutation(gender: str | None) -> str:
    """Ông / Bà from the stored gender ("nam" / "nữ"); "Ông (Bà)" when unknown."""
    g = fold(gender)
    if g in ("nam", "m", "male"):
        return "Ông"
    if g in ("nu", "f", "female"):
        return "Bà"
    return "Ông (Bà)"


def format_money(amount: float | None) -> str:
    """1234567 → "1.234.567" (Vietnamese thousands separator)."""
    if amount is None:
        return ""
    return f"{round(amount):,}".replace(",", ".")


# ----------------------------------------------------------------------------- time
# Every timestamp column holds naive UTC (SQLite's CURRENT_TIMESTAMP); screens show local time.

def utc_now():
    """Now as naive UTC, the convention of every timestamp column."""
    from datetime import UTC

    return datetime.now(UTC).replace(tzinfo=None)


def local_time(value: datetime | None) -> datetime | None:
    """A stored naive-UTC timestamp as the office's local wall-clock time."""
    from datetime import UTC

    if value is None:
        return None
    return value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def to_utc(value: datetime) -> datetime:
    """Local wall-clock time (what the officer types) to the stored naive UTC."""
    from datetime import UTC

    return value.astimezone().astimezone(UTC).replace(tzinfo=None)

"""Which award kind an old register's award text means (through the spelling table of
``app.services.awards.award_spellings``, never by guessing), and what kind of subject a row
names when the award fits several (Giấy khen: a person, a collective, a household…)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.services.awards.award_spellings import spelling_key
from app.text import fold, nfc

TYPE_WORDS = {"ca nhan": "person", "tap the": "collective", "ho gia dinh": "household",
              "gia dinh": "household", "ho": "household", "khu dan cu": "area", "thon": "area",
              "to dan pho": "area", "kdc": "area"}
TYPE_LABELS = {"person": "cá nhân", "collective": "tập thể", "household": "hộ gia đình",
               "area": "khu dân cư"}


@dataclass
class AwardKindFacts:
    id: int
    code: str
    name: str
    category: str
    level: str
    awarded_here: bool
    types: tuple[str, ...]
    sort_order: int = 0


@dataclass
class AwardMatcher:
    """Award text → award kind id, by the spelling key; a trailing "năm 2022" or the ward's
    own place name ("… phường Thành Đông") does not count."""

    index: dict[str, int]  # spelling key → award kind id
    kinds: dict[int, AwardKindFacts]
    place: str = ""  # folded place name of the ward ("thanh dong")
    extra: dict[str, int] = field(default_factory=dict)  # this import's own (not yet saved)
    _cache: dict[str, int | None] = field(default_factory=dict)

    def use(self, extra: dict[str, int], index: dict[str, int] | None = None) -> None:
        """This import's own spellings (and a reloaded table): forget what was matched."""
        self.extra = extra
        if index is not None:
            self.index = index
        self._cache.clear()

    def match(self, text: str | None) -> int | None:
        if text not in self._cache:
            self._cache[text] = self._match(text)
        return self._cache[text]

    def _match(self, text: str | None) -> int | None:
        for key in self.keys(text):
            found = self.extra.get(key) or self.index.get(key)
            if found:
                return found
        return None

    def keys(self, text: str | None) -> list[str]:
        key = spelling_key(text)
        out = [key]
        plain = re.sub(r"\s*\bnam (?:19|20)\d{2}$", "", key)
        if self.place and plain.endswith(" " + self.place):
            plain = plain[: -len(self.place) - 1]
        if plain != key:
            out.append(plain)
        return [k for k in out if k]


_HOUSEHOLD_PREFIX = re.compile(r"^(?:hộ gia đình|hộ|gia đình)\s+(?:ông|bà|anh|chị)?\s*",
                               re.IGNORECASE)
_COLLECTIVE_START = re.compile(
    r"^(truong|chi bo|chi hoi|chi doan|hoi|ban|cong an|tram|ubnd|uy ban|dang uy|doan|"
    r"mat tran|cong ty|hop tac xa|htx|phong|van phong|benh vien|nha van hoa|lop|doi|tap the|"
    r"co quan|buu dien|quy|trung tam|mam non|tieu hoc|thcs|thpt|cau lac bo|clb|nhom|to)\b")
_AREA_START = re.compile(r"^(khu dan cu|kdc|thon|to dan pho|tdp|khu pho|xom)\b")


def household_head(name: str) -> str:
    """"Hộ ông Nguyễn Văn An" → "Nguyễn Văn An" (the household is named by its head)."""
    return nfc(_HOUSEHOLD_PREFIX.sub("", nfc(name), count=1)) or nfc(name)


def type_from_heading(heading: str | None) -> str | None:
    """"II. TẬP THỂ", "A - Cá nhân": a heading that only names a kind of subject."""
    if not heading:
        return None
    words = re.sub(r"^\s*(?:[ivxlc]+|[a-z]|\d+)\s*[.)/-]\s*", "", fold(heading))
    words = re.sub(r"\b(danh sach|khen thuong|cac|doi voi)\b", " ", words)
    words = " ".join("".join(ch if ch.isalnum() else " " for ch in words).split())
    return TYPE_WORDS.get(words)


def type_from_name(name: str) -> tuple[str, str]:
    """The kind of subject a name looks like, and why (shown to the user): "Hộ ông …" is a
    household, "Khu dân cư số 3" an area, "Trường …", "Chi hội …" a collective, else a
    person."""
    folded = fold(name)
    if _HOUSEHOLD_PREFIX.match(nfc(name)) and len(folded.split()) > 2:
        return "household", "tên bắt đầu bằng “Hộ”/“Gia đình”"
    if _AREA_START.match(folded):
        return "area", "tên là một khu dân cư"
    m = _COLLECTIVE_START.match(folded)
    if m:
        return "collective", f"tên bắt đầu bằng “{nfc(name).split()[0]}”"
    return "person", "tên người"

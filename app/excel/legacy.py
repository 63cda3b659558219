"""Legacy Vietnamese 8-bit encodings found in old Excel files: TCVN3 (ABC) and VNI-Windows.

A cell typed with a legacy font holds the Windows-1252 characters of the font's bytes
(TCVN3 ``Céng hßa``, VNI ``Coäng hoøa``). This module holds the two tables, their codecs and
what a cell's font name says (``.VnTime`` → TCVN3, ``VNI-Times`` → VNI); which reading a
cell gets is decided, cell by cell, in ``app.excel.decoding``.
"""

from __future__ import annotations

import unicodedata

# --------------------------------------------------------------------------- TCVN3 (ABC)
# Byte (as its cp1252 / Latin-1 character) → Unicode. ABC has no toned capitals: typists used
# the …H fonts (.VnTimeH), whose glyphs at the lower-case codes are capitals.
_TCVN3_ROWS = {
    # plain letters with a modifier, capitals then lower case
    "\u00a1": "Ă", "\u00a2": "Â", "\u00a3": "Ê", "\u00a4": "Ô", "\u00a5": "Ơ", "\u00a6": "Ư",
    "\u00a7": "Đ", "\u00a8": "ă", "\u00a9": "â", "\u00aa": "ê", "\u00ab": "ô", "\u00ac": "ơ",
    "\u00ad": "ư", "\u00ae": "đ",
    # a: huyền hỏi ngã sắc nặng
    "\u00b5": "à", "\u00b6": "ả", "\u00b7": "ã", "\u00b8": "á", "\u00b9": "ạ",
    "\u00bb": "ằ", "\u00bc": "ẳ", "\u00bd": "ẵ", "\u00be": "ắ", "\u00c6": "ặ",
    "\u00c7": "ầ", "\u00c8": "ẩ", "\u00c9": "ẫ", "\u00ca": "ấ", "\u00cb": "ậ",
    "\u00cc": "è", "\u00ce": "ẻ", "\u00cf": "ẽ", "\u00d0": "é", "\u00d1": "ẹ",
    "\u00d2": "ề", "\u00d3": "ể", "\u00d4": "ễ", "\u00d5": "ế", "\u00d6": "ệ",
    "\u00d7": "ì", "\u00d8": "ỉ", "\u00dc": "ĩ", "\u00dd": "í", "\u00de": "ị",
    "\u00df": "ò", "\u00e1": "ỏ", "\u00e2": "õ", "\u00e3": "ó", "\u00e4": "ọ",
    "\u00e5": "ồ", "\u00e6": "ổ", "\u00e7": "ỗ", "\u00e8": "ố", "\u00e9": "ộ",
    "\u00ea": "ờ", "\u00eb": "ở", "\u00ec": "ỡ", "\u00ed": "ớ", "\u00ee": "ợ",
    "\u00ef": "ù", "\u00f1": "ủ", "\u00f2": "ũ", "\u00f3": "ú", "\u00f4": "ụ",
    "\u00f5": "ừ", "\u00f6": "ử", "\u00f7": "ữ", "\u00f8": "ứ", "\u00f9": "ự",
    "\u00fa": "ỳ", "\u00fb": "ỷ", "\u00fc": "ỹ", "\u00fd": "ý", "\u00fe": "ỵ",
}
TCVN3_TO_UNI = _TCVN3_ROWS
UNI_TO_TCVN3 = {u: t for t, u in _TCVN3_ROWS.items()}

# --------------------------------------------------------------------------- VNI-Windows
# Some letters are one character; the rest are a base letter plus one mark character.
_VNI_SINGLE = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "í": "í", "Í": "Í", "ì": "ì", "Ì": "Ì", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ",
    "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
}
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
# Mark character (lower case form) → combining marks it adds to the preceding vowel.
_VNI_MARKS = {
    "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRC, "á": _CIRC + _ACUTE, "à": _CIRC + _GRAVE, "å": _CIRC + _HOOK,
    "ã": _CIRC + _TILDE, "ä": _CIRC + _DOT,
    "ê": _BREVE, "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE, "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
}
_VNI_MARKS.update({k.upper(): v for k, v in list(_VNI_MARKS.items())})
_VNI_MARK_OF = {}  # combining marks → lower-case mark character, for the encoder
for _ch, _marks in _VNI_MARKS.items():
    if _ch.islower():
        _VNI_MARK_OF[_marks] = _ch
_VNI_SINGLE_OF = {u: v for v, u in _VNI_SINGLE.items()}
_VOWELS = set("aeiouyAEIOUYơƠưƯ")
_TONES = {_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT}

# Characters that carry Vietnamese letters in one of the two encodings; a cell without any
# of them reads the same in all three.
LEGACY_CHARS = frozenset(_TCVN3_ROWS) | frozenset(_VNI_SINGLE) | frozenset(_VNI_MARKS)


def decode_tcvn3(text: str, all_caps: bool = False) -> str:
    out = "".join(_TCVN3_ROWS.get(ch, ch) for ch in text)
    return out.upper() if all_caps else out


def decode_vni(text: str) -> str:
    out: list[str] = []
    for ch in text:
        marks = _VNI_MARKS.get(ch)
        if marks and out and out[-1][:1] in _VOWELS and not _has_tone(out[-1], marks):
            out[-1] = out[-1] + marks
            continue
        out.append(_VNI_SINGLE.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(out))


def _has_tone(letter: str, marks: str) -> bool:
    """A letter takes at most one modifier and one tone: a second tone is not VNI."""
    have = set(letter[1:])
    return bool(have & _TONES and set(marks) & _TONES) or (_CIRC in have or _BREVE in have) and (
        _CIRC in marks or _BREVE in marks
    )


def encode_tcvn3(text: str) -> str:
    """Unicode → TCVN3 characters (toned capitals become lower case, as typists did)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in UNI_TO_TCVN3:
            out.append(UNI_TO_TCVN3[ch])
        elif ch.lower() in UNI_TO_TCVN3:
            out.append(UNI_TO_TCVN3[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def encode_vni(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _VNI_SINGLE_OF:
            out.append(_VNI_SINGLE_OF[ch])
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        if base in "oOuU" and _HORN in marks:  # ơ ư are single characters in VNI
            horned = unicodedata.normalize("NFC", base + _HORN)
            out.append(_VNI_SINGLE_OF[horned])
            marks = marks.replace(_HORN, "")
        elif base in "iIyY" and marks in (_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT):
            single = unicodedata.normalize("NFC", ch)
            if single in _VNI_SINGLE_OF:
                out.append(_VNI_SINGLE_OF[single])
                continue
            out.append(base)
        else:
            out.append(base)
        if marks:
            key = "".join(sorted(marks, key=lambda m: m not in (_CIRC, _BREVE)))
            mark = _VNI_MARK_OF[key]
            out.append(mark.upper() if base.isupper() else mark)
    return "".join(out)


_HORN = "\u031b"

# --------------------------------------------------------------------------- fonts

def font_hint(font_name: str | None) -> str | None:
    """"tcvn3" / "vni" from a cell's font name (.VnTime, .VnTimeH, VNI-Times…), else None."""
    name = (font_name or "").strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith("vni"):
        return "vni"
    return None


def is_caps_font(font_name: str | None) -> bool:
    """TCVN3 …H fonts (.VnTimeH, .VnArialH) draw capitals at the lower-case codes."""
    name = (font_name or "").strip()
    return name.lower().startswith(".vn") and name.endswith("H")


def decode(text: str, encoding: str, font_name: str | None = None) -> str:
    """The text read in one legacy encoding, as NFC Unicode."""
    if encoding == "tcvn3":
        return unicodedata.normalize("NFC", decode_tcvn3(text, is_caps_font(font_name)))
    return decode_vni(text)

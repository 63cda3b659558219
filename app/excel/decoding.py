"""Which reading of a cell's text to keep: Unicode as typed, or a legacy 8-bit encoding.

The rule (issue 10), cell by cell and never from the rest of the column or file:

1. Text that reads as valid Vietnamese Unicode (every word with a non-ASCII letter is a
   possible Vietnamese syllable, ``app.excel.syllables``) stays as it is.
2. A cell whose font names a legacy encoding (.VnTime, .VnTimeH → TCVN3; VNI-… → VNI) is
   read in that encoding.
3. Other text is converted only when it is not valid Unicode Vietnamese and a legacy reading
   is.
4. When both readings are plausible (or neither is), the cell is *ambiguous*: the default
   stands, and the caller must show it with before/after and let the user choose.

``decide(text, font_name)`` returns a ``Decision``; ``Decision.text(convert)`` gives either
reading. Importers built on ``app.excel.reader`` get this for every text cell; another
importer can call ``decide`` itself and report ``Decision`` objects the same way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.excel import legacy
from app.excel.syllables import is_syllable

ENCODING_LABELS = {"unicode": "Unicode", "tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


@dataclass(frozen=True)
class Decision:
    original: str  # the cell as stored in the file
    unicode: str  # read as Unicode (NFC; a look-alike Ð turned into Đ)
    legacy_text: str | None = None  # the best legacy reading, when there is one to offer
    encoding: str = "unicode"  # that reading's encoding: tcvn3 / vni
    convert: bool = False  # the default: use the legacy reading
    ambiguous: bool = False  # both readings plausible, or neither: the user chooses
    reason: str = ""  # why, in Vietnamese, for the preview and the CLI

    def text(self, convert: bool | None = None) -> str:
        use_legacy = self.convert if convert is None else convert
        return self.legacy_text if use_legacy and self.legacy_text is not None else self.unicode

    @property
    def changes_text(self) -> bool:
        """The default result differs from the cell as typed (beyond NFC)."""
        return self.text() != unicodedata.normalize("NFC", self.original)

    @property
    def worth_showing(self) -> bool:
        """Listed in the preview / reported by the CLI: changed, or the user's to choose."""
        return self.ambiguous or self.changes_text


_UNICODE_ONLY = re.compile("[\u0100-\u024f\u0300-\u036f\u1e00-\u1eff]")
_LEGACY_RE = re.compile("[" + re.escape("".join(sorted(legacy.LEGACY_CHARS))) + "]")
# The Icelandic eth (Ð ð) looks like Đ đ and is typed for it; Vietnamese never uses it.
_ETH = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def needs_check(text: str) -> bool:
    """False when the text reads the same whichever way: ASCII, or holding letters (ă ơ ư đ ễ…)
    that no legacy 8-bit file can contain."""
    if text.isascii() or _UNICODE_ONLY.search(text):
        return False
    return bool(_LEGACY_RE.search(text))


def clean_unicode(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_ETH)


# Words: runs of letters and of the symbols TCVN3 uses for letters (µ ¸ ¶ · ¹ ©…).
_WORD = re.compile("(?:[^\\W\\d_]|[" + re.escape("".join(sorted(legacy.LEGACY_CHARS)))
                   + "]|[\u0300-\u036f])+")
_ABBREVIATION = re.compile("^[BCDĐGHKLMNPQRSTVX]{1,6}$")  # QĐ, NĐ, BTĐKT


@dataclass(frozen=True)
class _Verdict:
    valid: bool  # every word that matters is a syllable
    score: float  # share of such words that are syllables


def judge(text: str) -> _Verdict:
    """How Vietnamese a reading looks. ASCII words read the same in every encoding and
    abbreviations are not syllables: neither counts."""
    found = [w for w in _WORD.findall(text) if not w.isascii()]
    words = [w for w in found if not _ABBREVIATION.match(w)]
    if not words:
        # Only abbreviations ("LĐTT", "GĐVH"): they read as Vietnamese letters, so as valid
        # as a word; nothing at all to judge is not.
        return _Verdict(True, 1.0) if found else _Verdict(False, 0.0)
    good = sum(1 for w in words if is_syllable(w))
    return _Verdict(good == len(words), good / len(words))


def decide(text: str, font_name: str | None = None) -> Decision:
    """The reading to use for one cell (see the module's rule)."""
    unicode = clean_unicode(text)
    if not needs_check(text):
        reason = "chữ Ð (eth) thay bằng Đ" if unicode != unicodedata.normalize("NFC", text) else ""
        return Decision(text, unicode, reason=reason)
    hint = legacy.font_hint(font_name)
    readings = {enc: legacy.decode(text, enc, font_name) for enc in ("tcvn3", "vni")}
    verdicts = {enc: judge(val) for enc, val in readings.items()}
    as_unicode = judge(unicode)
    if hint:
        return _with_font(text, unicode, as_unicode, hint, readings[hint], verdicts[hint],
                          font_name or "")
    valid = [enc for enc in ("tcvn3", "vni") if verdicts[enc].valid and readings[enc] != unicode]
    if as_unicode.valid:
        if not valid:
            return Decision(text, unicode)
        enc = _likelier(text, valid)
        return Decision(text, unicode, readings[enc], enc, False, True,
                        f"đọc được cả Unicode lẫn {ENCODING_LABELS[enc]}: giữ nguyên")
    if valid:
        enc = _likelier(text, valid)
        return Decision(text, unicode, readings[enc], enc, True, False,
                        f"không phải chữ Việt Unicode; đọc theo {ENCODING_LABELS[enc]}")
    # No reading is clean Vietnamese (typos, foreign words): the best one, for the user to check.
    enc = max(("tcvn3", "vni"), key=lambda e: verdicts[e].score)
    if verdicts[enc].score > as_unicode.score and verdicts[enc].score >= 0.5:
        return Decision(text, unicode, readings[enc], enc, True, True,
                        f"không cách đọc nào hoàn toàn đúng; gần với {ENCODING_LABELS[enc]} nhất")
    return Decision(text, unicode)


def _with_font(text: str, unicode: str, as_unicode: _Verdict, enc: str, reading: str,
               verdict: _Verdict, font: str) -> Decision:
    label = ENCODING_LABELS[enc]
    if reading == unicode:
        return Decision(text, unicode)
    if verdict.valid:
        both = as_unicode.valid
        why = f"phông {font}: đọc theo {label}" + (" (cũng đọc được như Unicode)" if both else "")
        return Decision(text, unicode, reading, enc, True, both, why)
    if as_unicode.valid:
        return Decision(text, unicode, reading, enc, False, True,
                        f"phông {font} nhưng đọc theo {label} không thành chữ Việt: giữ nguyên")
    convert = verdict.score >= as_unicode.score
    return Decision(text, unicode, reading, enc, convert, True,
                    f"phông {font}; không cách đọc nào hoàn toàn đúng")


def _likelier(text: str, encodings: list[str]) -> str:
    """TCVN3 text nearly always holds Latin-1 symbols (ª © ­ ¬ µ ¸…); VNI uses letters only."""
    if len(encodings) == 1:
        return encodings[0]
    symbols = any(0xA1 <= ord(ch) <= 0xBF or ch in "×÷" for ch in text)
    return "tcvn3" if symbols else "vni"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "unicode" / "tcvn3" / "vni"


def to_unicode(text: str, font_name: str | None = None) -> Decoded:
    """The default reading of one text (headings, titles, sheet names: text that is matched,
    not stored)."""
    d = decide(text, font_name)
    return Decoded(d.text(), d.encoding if d.convert else "unicode")

"""Is a word a possible Vietnamese syllable? The orthographic phonotactics of Vietnamese:

    syllable = onset? + rhyme + tone,   rhyme = medial? + nucleus + coda?

built from the published descriptions (Đoàn Thiện Thuật, *Ngữ âm tiếng Việt*; the rhyme
table of the Ministry of Education's spelling books), not from any list of words:

- onsets: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x (or none);
  k, gh, ngh only before e ê i y (and iê); c, g, ng never there; q only as qu;
- medial /w/: written o before a ă e (hoa, hoặc, khoẻ), u before â ê y ơ (xuân, thuế, huy,
  thuở); never after c, k, gh, ngh, gi (cua, cuộc are the diphthongs ua, uô);
- nuclei and the codas each takes (ă and â never end a syllable; the diphthongs iê uô ươ
  need a coda and are written ia ua ưa without one; yê after no onset or after the medial);
- codas: c ch m n ng nh p t and the semivowels i/y, o/u; ch and nh follow only a ê i
  (anh, ếch, inh, oanh, uynh);
- tone: one of six; a syllable ending in p t c ch takes only sắc or nặng.

Legacy 8-bit text read as Unicode (TCVN3 ``Céng``, VNI ``Coäng``) breaks these rules almost
always, which is what ``app.excel.decoding`` relies on.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

GRAVE, ACUTE, HOOK, TILDE, DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
TONE_MARKS = frozenset((GRAVE, ACUTE, HOOK, TILDE, DOT))
STOP_CODAS = ("p", "t", "c", "ch")

# Nucleus → the codas it takes ("-" = none). Semivowel codas are the letters i y o u.
_NUCLEUS_CODAS = {
    "a": "- i y o u c ch m n ng nh p t",
    "ă": "c m n ng p t",
    "â": "u y c m n ng p t",
    "e": "- o c m n ng p t",
    "ê": "- u ch m n nh p t",
    "i": "- u ch m n nh p t",
    "o": "- i c m n ng p t",
    "oo": "c ng",  # xoong, boong, moóc
    "ô": "- i c m n ng p t",
    "ơ": "- i m n p t",
    "u": "- i c m n ng p t",
    "ư": "- i u c ng t",
    "y": "-",
    "ia": "-", "ua": "-", "ưa": "-",  # iê uô ươ without a coda
    "iê": "u c m n ng p t",
    "uô": "i c m n ng t",
    "ươ": "i u c m n ng p t",
}


def _rhymes(nucleus: str, codas: str | None = None) -> set[str]:
    return {nucleus + ("" if c == "-" else c) for c in (codas or _NUCLEUS_CODAS[nucleus]).split()}


PLAIN = set().union(*(_rhymes(n) for n in _NUCLEUS_CODAS))
# Rhymes with the medial /w/.
MEDIAL = ({"o" + r for r in _rhymes("a") | _rhymes("ă") | _rhymes("e", "- o m n t")}
          | {"u" + r for r in _rhymes("â", "c n ng t y") | _rhymes("ê", "- ch n nh t")
             | _rhymes("y", "- a ch n nh p t u") | _rhymes("yê", "n t") | {"ơ"}})
# After qu the medial is the u itself: quà, quyết, quỳnh, quốc, quơ.
AFTER_QU = (set().union(*(_rhymes(n) for n in ("a", "ă", "â", "e", "ê", "i", "ơ")))
            | _rhymes("y", "- a ch n nh p t u") | _rhymes("yê", "n t") | {"ôc"})
# With no onset, iê is written yê (yên, yêu); y stands alone (y tế).
NO_ONSET = ({r for r in PLAIN | MEDIAL if not r.startswith("iê")}
            | _rhymes("yê", "u m n t"))
FRONT = {r for r in PLAIN if r[0] in "eêiy"}  # where k, gh, ngh go and c, g, ng do not

ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
          "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
_ALLOWED = {
    "": NO_ONSET,
    "c": PLAIN - FRONT,
    "k": FRONT,
    "g": (PLAIN - FRONT) | MEDIAL,
    "gh": FRONT,
    "ng": (PLAIN - FRONT) | MEDIAL,
    "ngh": FRONT,
    "qu": AFTER_QU,
}
_ANY = PLAIN | MEDIAL
# "gi" + rhyme; the rhyme's own i merges into gi's (gì, gìn, giếng = gi + iêng).
_AFTER_GI = {r for r in PLAIN if r[0] not in "iy"} | {r[1:] for r in PLAIN if r[0] == "i"}

LETTERS = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")
_VOWELS = frozenset("aeiouyAEIOUY")


def split_tone(word: str) -> tuple[str, str]:
    """("người") → ("ngươi", GRAVE): the word without its tone mark, and the mark ("" for
    ngang). A second tone mark makes the word invalid: returned as "?"."""
    nfd = unicodedata.normalize("NFD", word)
    tones, base = [], ""
    for ch in nfd:
        if ch in TONE_MARKS:
            tones.append(ch)
            if base not in _VOWELS:  # ñ is n with a tilde, not a toned letter
                tones.append("?")
        elif not unicodedata.combining(ch):
            base = ch
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONE_MARKS))
    if len(tones) > 1:
        return bare, "?"
    return bare, tones[0] if tones else ""


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable in any case (Người, NGƯỜI, người)."""
    bare, tone = split_tone(word.lower())
    if not bare or tone == "?" or any(ch not in LETTERS for ch in bare):
        return False
    return any(_rhyme_ok(onset, bare[len(onset):], tone) for onset in _onsets_of(bare))


def _onsets_of(bare: str):
    yield ""
    for onset in ONSETS:
        if bare.startswith(onset) and len(bare) > len(onset) or onset == "gi" and bare == "gi":
            yield onset


def _rhyme_ok(onset: str, rhyme: str, tone: str) -> bool:
    allowed = _AFTER_GI if onset == "gi" else _ALLOWED.get(onset, _ANY)
    if rhyme not in allowed:
        return False
    # Checked syllables (ending in a stop) take only the rising or the heavy tone.
    return not (rhyme.endswith(STOP_CODAS) and tone not in (ACUTE, DOT))

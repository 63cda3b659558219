"""Every Vietnamese letter with every tone mark, both cases, has a glyph in each bundled face."""

from __future__ import annotations

import unicodedata

import pytest

from app.fonts import FAMILIES
from app.paths import resource_path

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # ngang huyền sắc hỏi ngã nặng


def vietnamese_letters() -> list[str]:
    letters = {unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES}
    letters |= set("bcdđghklmnpqrstvx")
    return sorted(letters | {ch.upper() for ch in letters})


def test_the_letter_list_is_complete():
    letters = vietnamese_letters()
    assert len(letters) == (12 * 6 + 17) * 2
    assert all(len(ch) == 1 for ch in letters)  # every one precomposed (NFC)
    assert {"ẫ", "Ẫ", "ự", "Ự", "ờ", "Ờ", "đ", "Đ", "ỹ"} <= set(letters)


@pytest.mark.parametrize("file", [f for files in FAMILIES.values() for f in files])
def test_face_has_every_vietnamese_letter(file):
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(file, str(resource_path("fonts", file)))
    cmap = font.face.charToGlyph
    missing = [ch for ch in vietnamese_letters() if cmap.get(ord(ch), 0) == 0]
    assert missing == [], f"{file} thiếu chữ: {' '.join(missing)}"
    # Punctuation the certificates print.
    assert all(cmap.get(ord(ch), 0) for ch in "–“”…/:,.()")

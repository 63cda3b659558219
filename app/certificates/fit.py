"""Make text fit its box: shrink first (down to the field's minimum), then wrap, never overflow.

Widths are measured with the embedded font's real metrics (ReportLab ``stringWidth``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

FLOOR_SIZE = 6.0  # below the field's minimum we keep shrinking to this, rather than overflow
STEP = 0.5


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[str, ...]


@lru_cache(maxsize=65536)
def unit_width(text: str, font: str) -> float:
    """Width at 1 pt. Cached: a batch repeats the same words and lines on every page."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, 1000) / 1000


def _width(text: str, font: str, size: float) -> float:
    return unit_width(text, font) * size


DASHES = {"-", "–", "—"}


def _words(paragraph: str) -> list[str]:
    """Words to wrap. Units that must not be split: a lone dash stays at the end of the line
    before it; "số" stays with its number ("số 12")."""
    out: list[str] = []
    for word in paragraph.split():
        glue = word in DASHES or (word[:1].isdigit() and out and out[-1].lower().endswith("số"))
        if glue and out:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return out


def wrap(paragraph: str, font: str, size: float, max_width: float) -> list[str]:
    """Greedy word wrap; a single word wider than the box stays whole (the caller shrinks)."""
    words = _words(paragraph)
    if not words:
        return []
    space = _width(" ", font, size)
    lines, current, current_w = [], words[0], _width(words[0], font, size)
    for word in words[1:]:
        w = _width(word, font, size)
        if current_w + space + w <= max_width:
            current, current_w = f"{current} {word}", current_w + space + w
        else:
            lines.append(current)
            current, current_w = word, w
    lines.append(current)
    return lines


def balance(paragraph: str, font: str, size: float, max_width: float, count: int) -> list[str]:
    """Wrap into exactly ``count`` lines of even length when the greedy wrap leaves a stub.

    Centred two-line names read better as two similar halves than a long line and one word.
    """
    greedy = wrap(paragraph, font, size, max_width)
    if len(greedy) != count or count < 2:
        return greedy
    lo, hi, best = 0.0, max_width, greedy
    for _ in range(12):  # binary search the narrowest width that still gives `count` lines
        mid = (lo + hi) / 2
        trial = wrap(paragraph, font, size, mid)
        if len(trial) <= count and all(_width(t, font, size) <= mid for t in trial):
            best, hi = trial, mid
        else:
            lo = mid
    return best


def _lines_at(paragraphs: list[str], font: str, size: float, max_width: float,
              max_lines: int) -> list[str] | None:
    lines: list[str] = []
    for p in paragraphs:
        lines += wrap(p, font, size, max_width)
    if len(lines) > max_lines or any(_width(t, font, size) > max_width for t in lines):
        return None
    if len(paragraphs) == 1 and len(lines) > 1:
        lines = balance(paragraphs[0], font, size, max_width, len(lines))
    return lines


@lru_cache(maxsize=4096)
def fit_text(text: str, font: str, size: float, min_size: float, max_width: float,
             max_lines: int) -> Fitted:
    """The largest size ≤ ``size`` at which ``text`` fits ``max_width`` × ``max_lines``.

    Order: one line at the full size; one line shrunk to at most ``min_size``; wrapped onto
    up to ``max_lines`` lines from the full size down to ``min_size``; finally smaller still
    (down to FLOOR_SIZE) so the text never leaves its box.
    """
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if not paragraphs:
        return Fitted(size, ())
    widest = max(_width(p, font, size) for p in paragraphs)
    if widest <= max_width and len(paragraphs) <= max_lines:
        return Fitted(size, tuple(paragraphs))
    if len(paragraphs) <= max_lines:
        # Width scales linearly with size: one multiplication gives the one-line size.
        one_line = int(size * max_width / widest / STEP) * STEP
        if one_line >= min_size:
            return Fitted(one_line, tuple(paragraphs))
    trial = size
    while trial >= FLOOR_SIZE:
        if trial < min_size and len(paragraphs) <= max_lines:
            # Below the minimum a single line again beats wrapping further.
            single = int(size * max_width / widest / STEP) * STEP
            if single >= trial:
                return Fitted(single, tuple(paragraphs))
        lines = _lines_at(paragraphs, font, trial, max_width, max_lines)
        if lines is not None:
            return Fitted(trial, tuple(lines))
        trial -= STEP
    # Pathological input (one enormous word): scale to fit on max_lines at any size.
    joined = " ".join(paragraphs)
    size_any = size * max_width / max(_width(joined, font, size), 1e-6)
    return Fitted(max(size_any, 1.0), (joined,))

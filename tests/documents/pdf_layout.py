"""Where the text of a PDF page lies: a small content-stream reader over pypdf.

pypdf's own text extraction gives no reliable positions, so the operators that place text
(cm, q/Q, BT, Tm, Td, TD, T*, TL, Tf, Tc, Tw, Tz, Tj, TJ, ', ") are followed here and each
shown string gets its start and end in page space from the font's /Widths. Enough for the
documents ReportLab writes (simple TrueType subsets, no rotated text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4


@dataclass(frozen=True)
class Chunk:
    """One shown string: where it starts and ends (points from the page's bottom-left)."""

    x0: float
    x1: float
    y: float
    size: float
    text: str


@dataclass(frozen=True)
class Line:
    """Chunks on one baseline, left to right."""

    x0: float
    x1: float
    y: float
    text: str


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    chunks: tuple[Chunk, ...]

    def lines(self) -> list[Line]:
        """Chunks grouped by baseline (1 pt tolerance), top to bottom."""
        rows: dict[int, list[Chunk]] = {}
        for c in self.chunks:
            key = next((k for k in rows if abs(k - c.y) <= 1.0), round(c.y))
            rows.setdefault(key, []).append(c)
        out = []
        for y in sorted(rows, reverse=True):
            cs = sorted(rows[y], key=lambda c: c.x0)
            text, last = "", None
            for c in cs:
                gap = last is not None and c.x0 - last > c.size * 0.15
                text += (" " if gap and not text.endswith(" ") else "") + c.text
                last = c.x1
            out.append(Line(cs[0].x0, max(c.x1 for c in cs), y, " ".join(text.split())))
        return out

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines())


def _mul(a, b):
    """3×3 affine matrices as 6-tuples (a b c d e f), PDF order: a × b."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def _to_unicode(font) -> dict[int, str]:
    cmap = font.get("/ToUnicode")
    if cmap is None:
        return {}
    data = cmap.get_object().get_data().decode("latin-1")
    out: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.DOTALL):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.DOTALL):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                                      block):
            start = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(start + i)
    return out


class _Font:
    def __init__(self, font):
        font = font.get_object()
        self.first = int(font.get("/FirstChar", 0))
        self.widths = [float(w) for w in font.get("/Widths", [])]
        missing = font.get("/FontDescriptor", {}).get("/MissingWidth", 500)
        self.missing = float(missing)
        self.chars = _to_unicode(font)

    def width(self, code: int) -> float:
        i = code - self.first
        return (self.widths[i] if 0 <= i < len(self.widths) else self.missing) / 1000


def _raw(operand) -> bytes:
    if hasattr(operand, "original_bytes"):
        return operand.original_bytes
    if isinstance(operand, bytes):
        return operand
    return str(operand).encode("latin-1", "replace")


class _Reader:
    def __init__(self, page, reader):
        from pypdf.generic import ContentStream

        res = page.get("/Resources", {})
        self.fonts = {name: _Font(f) for name, f in res.get("/Font", {}).items()}
        self.ops = ContentStream(page.get_contents(), reader).operations
        self.chunks: list[Chunk] = []

    def run(self) -> list[Chunk]:
        ctm, stack = (1, 0, 0, 1, 0, 0), []
        tm = tlm = (1, 0, 0, 1, 0, 0)
        st = {"font": None, "size": 0.0, "tc": 0.0, "tw": 0.0, "tz": 100.0, "tl": 0.0}
        for operands, op in self.ops:
            op = op.decode() if isinstance(op, bytes) else op
            if op == "q":
                stack.append(ctm)
            elif op == "Q":
                ctm = stack.pop() if stack else ctm
            elif op == "cm":
                ctm = _mul(tuple(float(v) for v in operands), ctm)
            elif op == "BT":
                tm = tlm = (1, 0, 0, 1, 0, 0)
            elif op == "Tm":
                tm = tlm = tuple(float(v) for v in operands)
            elif op in ("Td", "TD"):
                tx, ty = float(operands[0]), float(operands[1])
                if op == "TD":
                    st["tl"] = -ty
                tm = tlm = _mul((1, 0, 0, 1, tx, ty), tlm)
            elif op == "T*":
                tm = tlm = _mul((1, 0, 0, 1, 0, -st["tl"]), tlm)
            elif op == "TL":
                st["tl"] = float(operands[0])
            elif op == "Tf":
                st["font"], st["size"] = self.fonts.get(operands[0]), float(operands[1])
            elif op in ("Tc", "Tw", "Tz"):
                st[op.lower()] = float(operands[0])
            elif op in ("Tj", "'", '"', "TJ"):
                if op in ("'", '"'):
                    if op == '"':
                        st["tw"], st["tc"] = float(operands[0]), float(operands[1])
                        operands = operands[2:]
                    tm = tlm = _mul((1, 0, 0, 1, 0, -st["tl"]), tlm)
                items = operands[0] if op == "TJ" else [operands[0]]
                tm = self._show(items, tm, ctm, st)
        return self.chunks

    def _show(self, items, tm, ctm, st):
        font, size, scale = st["font"], st["size"], st["tz"] / 100
        start = _mul(tm, ctm)
        text, advance = "", 0.0
        for item in items:
            if isinstance(item, (int, float)) or type(item).__name__ in ("FloatObject",
                                                                        "NumberObject"):
                advance -= float(item) / 1000 * size * scale
                continue
            for code in _raw(item):
                w = font.width(code) if font else 0.5
                advance += (w * size + st["tc"] + (st["tw"] if code == 32 else 0)) * scale
                text += font.chars.get(code, "") if font else chr(code)
        tm = _mul((1, 0, 0, 1, advance, 0), tm)
        end = _mul(tm, ctm)
        if text.strip():
            self.chunks.append(Chunk(start[4], end[4], start[5], size * abs(start[3]) or size,
                                     text))
        return tm


def read_pages(path: str | Path) -> list[Page]:
    """Every page of the PDF with its placed text."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    out = []
    for n, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        out.append(Page(n, float(box.width), float(box.height),
                        tuple(_Reader(page, reader).run())))
    return out


def overflowing(page: Page, right_margin_mm: float, slack: float = 1.0) -> list[Line]:
    """Lines whose right end passes the right margin (by more than ``slack`` points)."""
    limit = page.width - right_margin_mm * MM + slack
    return [line for line in page.lines() if line.x1 > limit]


def body_lines_before(pages, marker: str) -> int:
    """Lines of body text above ``marker`` on the page that holds it (page number and the
    DỰ THẢO mark not counted)."""
    for page in pages:
        lines = page.lines()
        hit = next((ln for ln in lines if ln.text.startswith(marker)), None)
        if hit is None:
            continue
        return sum(1 for ln in lines if ln.y > hit.y + 2 and not ln.text.isdigit()
                   and ln.text != "DỰ THẢO")
    raise AssertionError(f"“{marker}” not found")

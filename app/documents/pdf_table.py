"""Long ruled tables drawn straight on the canvas (decision lists, the register book, the
public list): one style per column, line breaks worked out once with the font's widths, rows
laid out only as pages need them.

A flowable per cell (ReportLab's Table of Paragraphs) costs about 60 times a certificate page
per page of table; this draws the same text at the same places. Line breaks follow
ReportLab's Paragraph (greedy, words split on white space but not on no-break spaces, the
same 5 % space shrinkage, over-long words cut at a character); short values in centred
and right-aligned columns (numbers, codes up to 10 characters) are never broken, as the
flowable table drew them as plain strings ("10000" in the STT column must not become
"1000"/"0"). Page breaks follow its Table
(header row repeated, a page never starts inside a kept block, a row never split), so a page
holds exactly the rows the flowable rendering puts on it; tests compare the two page by page.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from itertools import repeat
from unicodedata import is_normalized

from app.documents import layout as L
from app.documents.model import Table, clean

PAD_X, PAD_Y = 3.0, 2.0  # cell padding (points), as the flowable table had
GRID_WIDTH = 0.5
SPACE_BEFORE, SPACE_AFTER = 2.0, 6.0
# Paragraph's white space (reportlab.platypus.paragraph._wsc): str.split()'s, but not the
# no-break space that keeps "ngày     tháng" blanks together, and with the zero-width space.
_WSC = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
        "\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000")
_WSC_SPLIT = re.compile(f"[{re.escape(_WSC)}]+").split
_SHRINK = 0.05  # rl_config.spaceShrinkage: a line may overrun by 5 % of its spaces


@dataclass(frozen=True, slots=True)
class ColumnStyle:
    """How one column's cells are drawn: left edge, widths, alignment, fonts."""

    x: float  # left edge, from the table's left
    width: float
    inner: float  # width for text (less the padding)
    align: str  # L, C or R
    font: str
    bold_font: str
    size: float
    leading: float


def _words(text: str) -> list[str]:
    """Paragraph's words: stripped, split on any white space unless a no-break space is in
    the text (then on its own white space list only)."""
    text = text.strip(_WSC)
    if not text:
        return []
    return _WSC_SPLIT(text) if "\xa0" in text else text.split()


def wrap_text(text: str, font: str, size: float, width: float, measure) -> list[str]:
    """Lines of ``text`` in ``width`` points, broken as ReportLab's Paragraph breaks them;
    "\\n" starts a new line. ``measure(text, font, size)`` is stringWidth."""
    lines: list[str] = []
    for part in text.split("\n"):
        words = _words(part)
        if not words:
            continue
        joined = " ".join(words)
        if measure(joined, font, size) <= width:  # nearly every cell: one line
            lines.append(joined)
            continue
        lines += _greedy(words, font, size, width, measure)
    return lines


def _greedy(words: list[str], font: str, size: float, width: float, measure) -> list[str]:
    """Paragraph.breakLines for one style, without hyphenation (the documents use none)."""
    space = measure(" ", font, size)
    shrink = _SHRINK * space
    lines: list[str] = []
    line: list[str] = []
    current, forced = -space, False
    queue = deque(words)
    while queue:
        word = queue.popleft()
        if not word and isinstance(word, _Piece):
            forced = True
        word_w = measure(word, font, size)
        new = current + space + word_w
        limit = width + shrink * len(line)
        if new > limit and not forced and not isinstance(word, _Piece) and word_w > width:
            queue.extendleft(reversed(_cut(word, current + space, width, font, size, measure)))
            forced = True
            continue
        if new <= limit or not line or forced:
            if word:
                line.append(word)
            if forced:  # a cut word's first piece ends its line
                forced = False
                lines.append(" ".join(line))
                line, current = [], -space
            else:
                current = new
        else:
            lines.append(" ".join(line))
            line, current = [word], word_w
    if line:
        lines.append(" ".join(line))
    return lines


class _Piece(str):
    """A piece of an over-long word cut to fit (Paragraph's _SplitWord)."""


def _cut(word: str, used: float, width: float, font: str, size: float, measure) -> list[str]:
    """Paragraph's _splitWord: characters fill the rest of the line, then whole lines."""
    pieces, piece, line_w = [], "", used
    for ch in word:
        ch_w = measure(ch, font, size)
        if line_w + ch_w > width and (piece or ch_w <= width):
            pieces.append(_Piece(piece))
            piece, line_w = "", 0.0
        piece += ch
        line_w += ch_w
    pieces.append(_Piece(piece))
    return pieces


class TableLayout:
    """The rows of a model Table laid out for one width: lines per cell and row heights,
    worked out in order as pages ask for them (a 14,000-row list never exists as objects)."""

    def __init__(self, table: Table, width: float, body_font: str, bold_font: str):
        self.table = table
        self.measure = Widths()
        n = len(table.columns)
        rel = table.widths or (1,) * n
        widths = [width * w / sum(rel) for w in rel]
        align = (table.align or "L" * n).upper()
        leading = table.size * L.LEADING
        x, self.columns = 0.0, []
        for j in range(n):
            self.columns.append(ColumnStyle(x, widths[j], widths[j] - 2 * PAD_X, align[j],
                                            body_font, bold_font, table.size, leading))
            x += widths[j]
        self.width = x
        self.leading = leading
        self.span = ColumnStyle(0.0, x, x - 2 * PAD_X, "L", body_font, bold_font, table.size,
                                leading)  # group headings span the whole row
        # One style per column (and kind of row), shared by every cell of it.
        self.styles = tuple((c, c.align, c.font) for c in self.columns)
        self.bold_styles = tuple((c, c.align, c.bold_font) for c in self.columns)
        self.group_styles = ((self.span, "L", bold_font),)
        self.header_styles = tuple((c, "C", c.bold_font) for c in self.columns)
        self.header = self._lines(self.header_styles, table.columns, wrap_all=True)
        self.header_height = _height(self.header, leading)
        self.count = len(table.rows)
        self._rows: list[tuple | None] = [None] * self.count
        # A page never starts at these rows: a group heading keeps its first rows.
        self.no_break_before = {r for a, b in table.kept_blocks() for r in range(a + 1, b + 1)}
        self._codes: TextCodes | None = None

    def _lines(self, styles, values, wrap_all: bool = False) -> list[list[str]]:
        measure = self.measure
        # Short numbers and codes (centred, right-aligned columns, up to 10 characters) are
        # never broken; an empty cell still holds a line, as the plain strings the flowable
        # table drew there.
        out = []
        for (col, _align, font), value in zip(styles, values):
            text = _clean(value)
            if not wrap_all and col.align != "L" and len(text) <= 10 and "\n" not in text:
                out.append([text])
            else:
                out.append(wrap_text(text, font, col.size, col.inner, measure) or [""])
        return out

    def row(self, i: int) -> tuple[float, list[list[str]], tuple]:
        """(height, lines of each cell, cell styles) of data row ``i``; a cell style is
        (column, alignment, font)."""
        done = self._rows[i]
        if done is None:
            styles = (self.group_styles if i in self.table.group_rows
                      else self.bold_styles if i in self.table.bold_rows else self.styles)
            cells = self._lines(styles, self.table.rows[i])
            done = self._rows[i] = (_height(cells, self.leading), cells, styles)
        return done

    def codes(self, canv) -> TextCodes:
        """The text operators cache of the document being drawn, ready for a text block."""
        doc = canv._doc  # font subsets are numbered per ReportLab document
        if self._codes is None or self._codes.doc is not doc:
            self._codes = TextCodes(doc)
        self._codes.new_block()
        return self._codes

    def forget(self, start: int, stop: int) -> None:
        """Drop the layout of rows drawn already (never asked for again)."""
        for i in range(start, stop):
            self._rows[i] = None


def _height(cells: list[list[str]], leading: float) -> float:
    return max(map(len, cells), default=0) * leading + 2 * PAD_Y


def _clean(value) -> str:
    """model.clean, skipped for the usual cell (already NFC, no runs of spaces)."""
    text = value if isinstance(value, str) else str(value)
    if "  " in text or not is_normalized("NFC", text):
        return clean(text)
    return text


def fast_table(table: Table, width: float):
    """The flowable drawing ``table`` (header row repeated on every page)."""
    from app.fonts import BODY, face

    layout = TableLayout(table, width, face(BODY), face(BODY, bold=True))
    return _part_class()(layout, 0, layout.count)


_PART = None


def _part_class():
    """TablePart subclasses ReportLab's Flowable, imported only when a PDF is made."""
    global _PART
    if _PART is None:
        from reportlab.platypus.flowables import Flowable

        class TablePart(_TablePartMixin, Flowable):
            pass

        _PART = TablePart
    return _PART


class _TablePartMixin:
    """The header row and data rows ``start``..``stop`` of a laid-out table."""

    def __init__(self, layout: TableLayout, start: int, stop: int):
        super().__init__()
        self.layout, self.start, self.stop = layout, start, stop
        # As ReportLab's Table split: the space before stays with the first part, the space
        # after with the last.
        self.spaceBefore = SPACE_BEFORE if start == 0 else 0.0
        self.spaceAfter = SPACE_AFTER if stop == layout.count else 0.0
        self.hAlign = "CENTER"

    def _heights(self, avail: float | None = None):
        """Row heights from the header on; stops once past ``avail`` (as LongTable does)."""
        h = self.layout.header_height
        yield h
        total = h
        for i in range(self.start, self.stop):
            rh = self.layout.row(i)[0]
            yield rh
            total += rh
            if avail is not None and total > avail:
                return

    def last_row_height(self) -> float:
        """Height of this part's last row (the signature block takes it along: pdf.KeepTail)."""
        return self.layout.row(self.stop - 1)[0] if self.stop > self.start else 0.0

    def wrap(self, avail_width, avail_height):
        self.width = self.layout.width
        self.height = sum(self._heights(avail_height))
        return self.width, self.height

    def split(self, avail_width, avail_height):
        # Table._getFirstPossibleSplitRowPosition: the last row count that fits, never
        # before a row a kept block holds; at least one data row under the header.
        h, n, split_at = 0.0, 1, 0
        for rh in self._heights():
            if h + rh > avail_height:
                break
            if n == 1 or self.start + n - 1 not in self.layout.no_break_before:
                split_at = n
            h = h + rh
            n = n + 1
        rows = self.stop - self.start
        if split_at <= 1:
            return []
        if split_at >= rows + 1:
            return [self]
        cut = self.start + split_at - 1
        cls = type(self)
        return [cls(self.layout, self.start, cut), cls(self.layout, cut, self.stop)]

    def draw(self):
        canv, lay = self.canv, self.layout
        top = y = self.height
        codes = lay.codes(canv)
        # Black, and the text state a justified paragraph may have left behind reset.
        out = ["0 g BT 0 Tc 0 Tw 100 Tz 0 Ts 0 Tr"]
        bottoms, spans = [], []
        for i in range(self.start - 1, self.stop):
            if i < self.start:
                rh, cells, styles = lay.header_height, lay.header, lay.header_styles
            else:
                rh, cells, styles = lay.row(i)
            bottom = y - rh
            for (col, align, font), lines in zip(styles, cells):
                base = bottom + (rh + len(lines) * col.leading) / 2 - col.size
                for line in lines:
                    if not line:
                        base -= col.leading
                        continue
                    if align == "L":
                        x = col.x + PAD_X
                    elif align == "R":
                        x = col.x + col.width - PAD_X - lay.measure(line, font, col.size)
                    else:
                        x = col.x + (col.width - lay.measure(line, font, col.size)) / 2
                    out.append(f"1 0 0 1 {x:.2f} {base:.2f} Tm")
                    codes.show(out, font, col.size, line)
                    base -= col.leading
            bottoms.append(bottom)
            if styles is lay.group_styles:
                spans.append((bottom, y))
            y = bottom
        out.append("ET")
        canv.saveState()  # the fonts set here end with the table's text
        canv._code.append(" ".join(out))  # straight into ReportLab's page content
        canv.restoreState()
        self._grid(top, bottoms, spans)
        lay.forget(self.start, self.stop)

    def _grid(self, top: float, bottoms: list[float], spans: list[tuple[float, float]]):
        """Box, a line under every row, column lines except across group headings."""
        canv, lay = self.canv, self.layout
        width = lay.width
        segs = [(0.0, top, width, top)] + [(0.0, b, width, b) for b in bottoms]
        bottom = bottoms[-1]
        for x in [0.0] + [c.x for c in lay.columns[1:]] + [width]:
            y = top
            for lo, hi in (spans if 0 < x < width else ()):
                if hi < y:
                    segs.append((x, hi, x, y))
                y = lo
            if y > bottom:
                segs.append((x, bottom, x, y))
        path = " ".join(f"{a:.2f} {b:.2f} m {c:.2f} {d:.2f} l" for a, b, c, d in segs)
        canv.saveState()
        canv.setLineWidth(GRID_WIDTH)
        canv._code.append(path + " S")  # one path for the whole grid
        canv.restoreState()


class Widths:
    """stringWidth(text, font, size) of the TrueType fonts, the same figures (ReportLab's
    pure-Python one walks a generator; this maps in C), ReportLab's own when accelerated."""

    def __init__(self):
        self._fonts: dict[str, tuple] = {}
        self._known: dict[tuple[str, float, str], float] = {}  # columns repeat their values

    def __call__(self, text: str, font: str, size: float) -> float:
        key = (font, size, text)
        width = self._known.get(key)
        if width is None:
            if len(self._known) > 200_000:
                self._known.clear()
            width = self._known[key] = self._width(text, font, size)
        return width

    def _width(self, text: str, font: str, size: float) -> float:
        known = self._fonts.get(font)
        if known is None:
            known = self._fonts[font] = self._load(font)
        accelerated, get, default = known
        if accelerated:
            return get(text, size)
        return 0.001 * size * sum(map(get, map(ord, text), repeat(default)))

    @staticmethod
    def _load(font: str) -> tuple:
        from reportlab.lib.rl_accel import _c_funcs
        from reportlab.pdfbase.pdfmetrics import getFont

        f = getFont(font)
        if "instanceStringWidthTTF" in _c_funcs or not hasattr(f, "face"):
            return True, f.stringWidth, None
        return False, f.face.charWidths.get, f.face.defaultWidth


# PDF string escapes of each byte (ReportLab's escapePDF).
_ESCAPES = [f"\\{c:03o}" if c < 32 or c >= 127 else ("\\" + chr(c) if chr(c) in "\\()"
            else chr(c)) for c in range(256)]


class TextCodes:
    """The PDF text operators of each (font, string) of one document, made once: a long
    table repeats its award names, years, decision numbers and many names."""

    def __init__(self, doc):
        self.doc = doc
        self._runs: dict[tuple[str, str], tuple] = {}
        self._font = None  # (subset name, size) last selected in the current text block

    def show(self, out: list[str], font: str, size: float, text: str) -> None:
        runs = self._runs.get((font, text))
        if runs is None:
            runs = self._runs[font, text] = self._encode(font, text)
        for name, escaped in runs:
            if (name, size) != self._font:
                out.append(f"{name} {size:g} Tf")
                self._font = (name, size)
            out.append(f"({escaped}) Tj")

    def new_block(self) -> None:
        self._font = None

    def _encode(self, font: str, text: str) -> tuple:
        from reportlab.pdfbase.pdfmetrics import getFont

        f = getFont(font)
        return tuple((f.getSubsetInternalName(subset, self.doc),
                      "".join(map(_ESCAPES.__getitem__, chunk)))
                     for subset, chunk in f.splitString(text, self.doc))

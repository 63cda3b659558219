"""The reference a long table's fast drawing is checked against: the renderer before issue
17, kept verbatim — ReportLab's own LongTable with a Paragraph flowable in every cell that
wraps (plain strings where the text fits on one line, and in the centred and right-aligned
columns), header row repeated, group headings spanning the row and kept with their first rows."""

from __future__ import annotations

from xml.sax.saxutils import escape

from app.documents import layout as L
from app.documents.model import Table, clean
from app.fonts import BODY, face
from app.text import nfc

_ALIGN = {"justify": 4, "left": 0, "center": 1, "right": 2}


def _p(text: str, size: float, align="center", bold=False):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("s", fontName=face(BODY, bold), fontSize=size,
                           leading=size * L.LEADING, alignment=_ALIGN[align])
    return Paragraph(escape(clean(text)).replace("\n", "<br/>"), style)


def _text_width(text: str, size: float, bold: bool) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(nfc(text), face(BODY, bold), size)


def reference_table(t: Table, width: float):
    """A flowable per cell, as app.documents.pdf drew tables before issue 17."""
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    n = len(t.columns)
    rel = t.widths or (1,) * n
    widths = [width * w / sum(rel) for w in rel]
    align = (t.align or "L" * n).upper()
    names = {"L": "left", "C": "center", "R": "right"}
    data = [[_p(c, t.size, bold=True) for c in t.columns]]
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONTNAME", (0, 0), (-1, -1), face(BODY)),
        ("FONTSIZE", (0, 0), (-1, -1), t.size), ("LEADING", (0, 0), (-1, -1), t.size * L.LEADING),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    # Centred / right-aligned columns hold numbers and short codes: plain strings are drawn
    # much faster than Paragraphs (a 4,000-line list), and never need wrapping.
    plain = [align[j] in "CR" for j in range(n)]
    cmds += [("ALIGN", (j, 1), (j, -1), "CENTER" if align[j] == "C" else "RIGHT")
             for j in range(n) if plain[j]]
    for i, row in enumerate(t.rows, start=1):
        if (i - 1) in t.group_rows:
            data.append([_p(row[0], t.size, "left", bold=True)] + [""] * (n - 1))
            cmds.append(("SPAN", (0, i), (-1, i)))
            if i < len(t.rows):  # a group heading never ends a page: it keeps its first row
                cmds.append(("NOSPLIT", (0, i), (-1, i + 1)))
            continue
        bold = (i - 1) in t.bold_rows
        if bold:
            cmds.append(("FONTNAME", (0, i), (-1, i), face(BODY, bold=True)))
        data.append([_cell(str(c), t.size, names[align[j]], bold, widths[j], plain[j])
                     for j, c in enumerate(row)])
    # A group heading never ends a page: kept with the first rows of its group.
    cmds += [("NOSPLIT", (0, a + 1), (-1, b + 1)) for a, b in t.kept_blocks()]
    tbl = LongTable(data, colWidths=widths, repeatRows=1, spaceBefore=2, spaceAfter=6)
    tbl.setStyle(TableStyle(cmds))
    return [tbl]


def _cell(value: str, size: float, align: str, bold: bool, width: float, plain: bool):
    """A table cell: a plain string when it fits on one line (fast), else a Paragraph. Short
    numbers and codes in centred / right columns are not measured: they always fit."""
    text = clean(value)
    if "\n" not in text and ((plain and len(text) <= 10)
                             or _text_width(text, size, bold) <= width - 7):
        return text
    return _p(value, size, align, bold=bold)

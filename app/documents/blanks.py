"""Pieces the ward's forms share: dotted lines left to complete by hand (never invented text),
labelled fields filled from the records when they hold the value, section headings."""

from __future__ import annotations

from app.documents import layout as L
from app.documents.model import Paragraph, Run

DOTS = "…"
PORTRAIT_WIDTH = (210 - L.LEFT - L.RIGHT) * L.MM  # text width in points
LANDSCAPE_WIDTH = (297 - L.LEFT - L.RIGHT) * L.MM


def _width(text: str, size: float, bold: bool = False) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.fonts import BODY, face

    return stringWidth(text, face(BODY, bold), size)


def dots_for(label: str, size: float = 14, width: float = PORTRAIT_WIDTH,
             bold_label: bool = False, indent: float = 0) -> str:
    """Enough dots to fill the rest of a line after ``label`` (a little short, so a justified
    or Word-rendered line never wraps)."""
    room = (width - indent) * 0.96 - _width(label, size, bold_label)
    step = _width(DOTS, size)
    while room < step * 4:  # the label itself fills the line: dots go on a line of their own
        room += width * 0.96
    return DOTS * int(room // step)


def dotted(label: str = "", size: float | None = None, bold_label: bool = False,
           width: float = PORTRAIT_WIDTH) -> Paragraph:
    """``label`` followed by a dotted line to fill in by hand."""
    fill = dots_for(label, size or 14, width, bold_label)
    return Paragraph((Run(label, bold=bold_label), Run(fill)), align="left", indent=False,
                     size=size, space_after=2)


def blank_lines(n: int, size: float | None = None, width: float = PORTRAIT_WIDTH) -> list:
    """``n`` whole dotted lines (a section the officer or the person completes), as one
    paragraph: a page break keeps at least two of them with what follows."""
    if n <= 0:
        return []
    line = dots_for("", size or 14, width)
    return [Paragraph((Run("\n".join([line] * n)),), align="left", indent=False, size=size,
                      space_after=2)]


def field(label: str, value: str | None, size: float | None = None) -> Paragraph:
    """"- Label: value" from the records, or "- Label: ……" left to complete by hand."""
    value = (value or "").strip()
    if not value:
        return dotted(label + " ", size)
    return Paragraph((Run(label + " "), Run(value)), align="left", indent=False, size=size,
                     space_after=2)


def section(title: str, size: float | None = None) -> Paragraph:
    """A bold left heading ("I. SƠ LƯỢC LÝ LỊCH") kept with what follows."""
    return Paragraph((Run(title, bold=True),), align="left", indent=False, size=size,
                     space_before=6, keep_with_next=True)


def lines_of(value: str | None) -> list[str]:
    """The non-empty lines of a multi-line text the officer typed."""
    return [x.strip() for x in (value or "").splitlines() if x.strip()]

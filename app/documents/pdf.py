"""PDF rendering of a Document with ReportLab (fonts from app.fonts only)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

from app.documents import layout as L
from app.documents.model import (
    QUOC_HIEU,
    TIEU_NGU,
    Document,
    Header,
    PageBreak,
    Paragraph,
    Run,
    Signatures,
    Signer,
    Spacer,
    Table,
    Title,
    balanced_lines,
    clean,
)
from app.fonts import BODY, face, register_fonts
from app.text import nfc

_ALIGN = {"justify": 4, "left": 0, "center": 1, "right": 2}


def _style(size: float, align: str = "left", bold=False, italic=False, indent=0.0, after=0.0):
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        "s", fontName=face(BODY, bold, italic), fontSize=size, leading=size * L.LEADING,
        alignment=_ALIGN[align], firstLineIndent=indent, spaceAfter=after,
    )


def _markup(runs: tuple[Run, ...]) -> str:
    parts = []
    for r in runs:
        t = escape(clean(r.text)).replace("\n", "<br/>")
        if r.bold:
            t = f"<b>{t}</b>"
        if r.italic:
            t = f"<i>{t}</i>"
        parts.append(t)
    return "".join(parts)


def _p(text: str, size: float, align="center", bold=False, italic=False, after=0.0):
    from reportlab.platypus import Paragraph as RLParagraph

    markup = escape(clean(text)).replace("\n", "<br/>")
    return RLParagraph(markup, _style(size, align, bold, italic, after=after))


class _Rule:
    """Factory for a centred horizontal rule flowable of a given width (points)."""

    @staticmethod
    def make(width: float, above: float = 4, below: float = 2):
        from reportlab.platypus import Flowable

        class Rule(Flowable):
            def wrap(self, avail_w, avail_h):
                self._avail = avail_w
                return avail_w, above + below

            def draw(self):
                x = (self._avail - width) / 2
                self.canv.setLineWidth(0.6)
                self.canv.line(x, below, x + width, below)

        return Rule()


def _text_width(text: str, size: float, bold: bool) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(nfc(text), face(BODY, bold), size)


def _header(h: Header, width: float):
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    lw = width * L.HEADER_LEFT_SHARE
    rw = width - lw
    left = []
    if h.parent_line:
        left.append(_p(h.parent_line.upper(), L.HEADER_SIZE))
    lines = balanced_lines(h.body_name.upper(), lambda t: _text_width(t, L.HEADER_SIZE, True) < lw)
    left.append(_p("\n".join(lines), L.HEADER_SIZE, bold=True))
    name_w = min(max(_text_width(t, L.HEADER_SIZE, True) for t in lines), lw)
    left.append(_Rule.make(name_w * L.SHORT_RULE))
    motto_size = L.MOTTO_SIZE
    right = [
        _p(QUOC_HIEU, L.QUOC_HIEU_SIZE, bold=True),
        _p(TIEU_NGU, motto_size, bold=True),
        _Rule.make(_text_width(TIEU_NGU, motto_size, True)),
    ]
    rows = [[left, right]]
    if h.number is not None or h.date_line is not None:
        rows.append([
            _p(h.number or "", L.HEADER_SIZE),
            _p(h.date_line or "", L.DATE_SIZE, italic=True),
        ])
    t = RLTable(rows, colWidths=[lw, rw])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), face(BODY)),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [t]


def _title(t: Title, doc: Document, width: float):
    from reportlab.platypus import Spacer as RLSpacer

    out = [RLSpacer(1, 14 if t.title else 0)]
    if t.title:
        out.append(_p(t.title.upper(), doc.body_size, bold=True))
    if t.summary:
        out.append(_p(t.summary, doc.body_size, bold=True))
    if t.rule:
        out.append(_Rule.make(width * L.TITLE_RULE))
    out.append(RLSpacer(1, 8 if t.rule else 4))
    return out


def _paragraph(p: Paragraph, doc: Document):
    from reportlab.platypus import Paragraph as RLParagraph

    size = p.size or doc.body_size
    style = _style(size, p.align, indent=L.FIRST_INDENT if p.indent else 0, after=p.space_after)
    style.spaceBefore = p.space_before
    style.keepWithNext = p.keep_with_next
    return [RLParagraph(_markup(p.runs), style)]


def _table(t: Table, width: float):
    """Tables are drawn on the canvas row by row (app.documents.pdf_table), not as a flowable
    per cell: the same text at the same places, about 20 times faster on a long list."""
    from app.documents.pdf_table import fast_table

    return [fast_table(t, width)]


def fit_size(text: str, size: float, width: float, bold: bool = True, smallest: float = 11) -> float:
    """The largest size up to ``size`` at which ``text`` fits on one line of ``width``."""
    while size > smallest and _text_width(text, size, bold) > width:
        size -= 0.5
    return size


def _signer_cell(s: Signer, size: float, width: float):
    from reportlab.platypus import Spacer as RLSpacer

    out = [_p(line.upper(), fit_size(line.upper(), size, width), bold=True) for line in s.lines]
    if s.note:
        out.append(_p(s.note, size - 1, italic=True))
    out.append(RLSpacer(1, s.space_mm * L.MM))
    if s.name:
        out.append(_p(s.name, size, bold=True))
    return out


def _signatures(sig: Signatures, doc: Document, width: float):
    from reportlab.platypus import Spacer as RLSpacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    if sig.middle is not None:
        return _three_signers(sig, doc, width)
    if sig.left is not None:
        left = _signer_cell(sig.left, doc.body_size, width * 0.45)
    elif sig.recipients:
        left = [_p("Nơi nhận:", L.RECIPIENTS_TITLE_SIZE, "left", bold=True, italic=True)]
        left += [_p(r, L.RECIPIENTS_SIZE, "left") for r in sig.recipients]
    else:
        left = ""  # an empty cell (a list would be read as flowables)
    right = _signer_cell(sig.right, doc.body_size, width * 0.55) if sig.right else ""
    t = RLTable([[left, right]], colWidths=[width * 0.45, width * 0.55])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), face(BODY)),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [RLSpacer(1, 6), t]


def _three_signers(sig: Signatures, doc: Document, width: float):
    """Người lập biểu | Kế toán | Thủ trưởng đơn vị: three equal columns."""
    from reportlab.platypus import Spacer as RLSpacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    cells = [_signer_cell(s, doc.body_size, width / 3) if s else ""
             for s in (sig.left, sig.middle, sig.right)]
    t = RLTable([cells], colWidths=[width / 3] * 3)
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), face(BODY)),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [RLSpacer(1, 6), t]


def _keep_tail_class():
    from reportlab.platypus import KeepTogether
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus.tables import Table as RLTable

    class KeepTail(KeepTogether):
        """The signature block with the end of the body. When both do not fit on the page, the
        body's last lines (at least two of a paragraph, one row of a table) go with the
        signature to the next page, so it never stands alone there."""

        def __init__(self, body, rest):
            super().__init__([body, *rest])
            self._body, self._rest = body, rest

        def split(self, aW, aH):
            if getattr(self, "_wrapInfo", None) != (aW, aH):
                self.wrap(aW, aH)
            if self._H <= aH:
                return list(self._content)
            parts = self._cut(aW, aH)
            if parts:
                return [parts[0], KeepTail(parts[1], self._rest)]
            return super().split(aW, aH)  # all of it to the next page

        def _cut(self, aW, aH):
            body = self._body
            if not isinstance(body, RLParagraph | RLTable) and not hasattr(body,
                                                                           "last_row_height"):
                return None  # e.g. a signature block kept with the one before it
            _w, h = body.wrap(aW, aH)
            if isinstance(body, RLParagraph):
                leading = body.style.leading
                lines = len(getattr(body.blPara, "lines", ()))
                keep = min(int((aH + 1e-6) // leading), lines - 2)
                if keep < 2:  # no orphan line at the foot of the page
                    return None
                parts = body.split(aW, keep * leading + 0.01)
            elif isinstance(body, RLTable):
                last = body._rowHeights[-1] if body._rowHeights else h
                parts = body.split(aW, min(aH, h - last / 2))
            elif hasattr(body, "last_row_height"):  # a table drawn on the canvas (pdf_table)
                parts = body.split(aW, min(aH, h - body.last_row_height() / 2))
            else:
                return None
            return parts if len(parts) == 2 else None

    return KeepTail


def _with_body_tail(out: list, signature: list) -> list:
    """Wrap the last body flowable before the signature with it (spacers in between)."""
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Spacer as RLSpacer

    i = len(out) - 1
    while i >= 0 and isinstance(out[i], RLSpacer):
        i -= 1
    if i < 0 or isinstance(out[i], RLPageBreak):
        return out + signature
    return out[:i] + [_keep_tail_class()(out[i], out[i + 1:] + signature)]


def _one_page_parts(out: list, width: float, height: float) -> list:
    """Each part between page breaks shrunk to fit one page (a ballot is one sheet)."""
    from reportlab.platypus import KeepInFrame
    from reportlab.platypus import PageBreak as RLPageBreak

    parts, current = [], []
    for f in out + [None]:
        if f is None or isinstance(f, RLPageBreak):
            if current:
                parts.append(KeepInFrame(width, height, current, mode="shrink"))
            if f is not None:
                parts.append(f)
            current = []
        else:
            current.append(f)
    return parts


def _flowables(doc: Document, width: float):
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Spacer as RLSpacer

    out = []
    for b in doc.blocks:
        if isinstance(b, Header):
            out += _header(b, width)
        elif isinstance(b, Title):
            out += _title(b, doc, width)
        elif isinstance(b, Paragraph):
            out += _paragraph(b, doc)
        elif isinstance(b, Table):
            out += _table(b, width)
        elif isinstance(b, Signatures):
            out = _with_body_tail(out, _signatures(b, doc, width))
        elif isinstance(b, Spacer):
            out.append(RLSpacer(1, b.height_mm * L.MM))
        elif isinstance(b, PageBreak):
            out.append(RLPageBreak())
        else:  # pragma: no cover - a new block type without a renderer is a bug
            raise TypeError(f"Unknown block {b!r}")
    return out


def render_pdf(doc: Document, path: str | Path) -> Path:
    """Write ``doc`` as an A4 PDF (margins, page numbers from page 2) and return the path."""
    from reportlab.lib.pagesizes import A4, landscape

    from app.files import atomic_output

    register_fonts()
    path = Path(path)
    size = landscape(A4) if doc.landscape else A4
    with atomic_output(path) as tmp:  # a failed write never destroys the previous file
        _build(doc, tmp, size)
    return path


def _build(doc: Document, path: Path, size) -> None:
    from reportlab.platypus import SimpleDocTemplate

    tpl = SimpleDocTemplate(
        str(path), pagesize=size, title=nfc(doc.name), author="",
        leftMargin=L.LEFT * L.MM, rightMargin=L.RIGHT * L.MM,
        topMargin=L.TOP * L.MM, bottomMargin=L.BOTTOM * L.MM,
        initialFontName=face(BODY), initialFontSize=doc.body_size,
    )

    def first(canvas, _doc):
        if doc.draft:
            _draft_mark(canvas, size)

    def later(canvas, _doc):
        first(canvas, _doc)
        if doc.page_numbers:
            canvas.saveState()
            canvas.setFont(face(BODY), L.PAGE_NO_SIZE)
            canvas.drawCentredString(size[0] / 2, size[1] - L.PAGE_NO_FROM_TOP * L.MM,
                                     str(canvas.getPageNumber()))
            canvas.restoreState()

    width = size[0] - (L.LEFT + L.RIGHT) * L.MM
    flowables = _flowables(doc, width)
    if doc.fit_page:
        height = size[1] - (L.TOP + L.BOTTOM) * L.MM - 12  # the frame's own padding
        flowables = _one_page_parts(flowables, width - 12, height)
    with binary_streams():
        tpl.build(flowables, onFirstPage=first, onLaterPages=later)


def _draft_mark(canvas, size) -> None:
    """A boxed "DỰ THẢO" in the top margin, right, on every page of a draft."""
    text, font = L.DRAFT_MARK, face(BODY, bold=True)
    w = _text_width(text, L.DRAFT_MARK_SIZE, True)
    right = size[0] - L.RIGHT * L.MM
    base = size[1] - L.PAGE_NO_FROM_TOP * L.MM
    canvas.saveState()
    canvas.setFont(font, L.DRAFT_MARK_SIZE)
    canvas.drawRightString(right - 4, base, text)
    canvas.setLineWidth(0.8)
    canvas.rect(right - w - 8, base - 4, w + 8, L.DRAFT_MARK_SIZE + 5)
    canvas.restoreState()


@contextmanager
def binary_streams():
    """Compressed page streams without ReportLab's ASCII85 layer (as the certificates do): a
    quarter smaller, and its pure-Python encoder was a fifth of a long list's time."""
    from reportlab import rl_config

    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before

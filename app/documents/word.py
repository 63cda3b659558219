"""Editable DOCX rendering of a Document with python-docx (Times New Roman, as ND 30 asks)."""

from __future__ import annotations

from pathlib import Path

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
from app.text import nfc

FONT = "Times New Roman"
_ALIGN = {"justify": 3, "left": 0, "center": 1, "right": 2}  # WD_ALIGN_PARAGRAPH values


def _text_width_pt(text: str, size: float, bold: bool) -> float:
    # Tinos has Times New Roman's metrics, so ReportLab can measure for Word.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.fonts import BODY, face

    return stringWidth(nfc(text), face(BODY, bold), size)


def _para(container, runs, size, align="center", after=0.0, indent=False, before=0.0):
    from docx.shared import Pt

    p = container.add_paragraph()
    p.alignment = _ALIGN[align]
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    pf.line_spacing = 1.1
    if indent:
        pf.first_line_indent = Pt(L.FIRST_INDENT)
    for r in runs:
        run = p.add_run(clean(r.text))
        run.bold, run.italic = r.bold or None, r.italic or None
        run.font.size = Pt(size)
    return p


def _line(container, text, size, align="center", bold=False, italic=False, after=0.0):
    return _para(container, (Run(text, bold, italic),), size, align, after)


def _rule(container, width_pt: float, avail_pt: float):
    """A short centred rule: an empty paragraph with a bottom border between indents."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    p = container.add_paragraph()
    pf = p.paragraph_format
    side = max((avail_pt - width_pt) / 2, 0)
    pf.left_indent, pf.right_indent = Pt(side), Pt(side)
    pf.space_before, pf.space_after = Pt(0), Pt(2)
    pf.line_spacing = Pt(3)
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{k}"), v)
    bdr.append(bottom)
    ppr.append(bdr)
    return p


def _no_borders(table):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)
    margins = OxmlElement("w:tblCellMar")  # no cell padding: the header needs its full width
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)


def _grid(doc, rows: int, widths_pt: list[float], borders: bool):
    from docx.shared import Pt

    t = doc.add_table(rows=rows, cols=len(widths_pt))
    if borders:
        t.style = doc.styles["Table Grid"]
    else:
        _no_borders(t)
    t.autofit = False
    for col, w in zip(t.columns, widths_pt):
        col.width = Pt(w)
    for row in t.rows:
        for cell, w in zip(row.cells, widths_pt):
            cell.width = Pt(w)
    return t


def _clear(cell):
    """Cells start with one empty paragraph; remove it so added lines start at the top."""
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)


def _header(doc, h: Header, width):
    lw = width * L.HEADER_LEFT_SHARE
    has_second = h.number is not None or h.date_line is not None
    t = _grid(doc, 2 if has_second else 1, [lw, width - lw], borders=False)
    left, right = t.rows[0].cells
    _clear(left), _clear(right)
    if h.parent_line:
        _line(left, h.parent_line.upper(), L.HEADER_SIZE)
    lines = balanced_lines(h.body_name.upper(),
                           lambda t: _text_width_pt(t, L.HEADER_SIZE, True) < lw - 12)
    for text in lines:
        _line(left, text, L.HEADER_SIZE, bold=True)
    name_w = min(max(_text_width_pt(t, L.HEADER_SIZE, True) for t in lines), lw)
    _rule(left, name_w * L.SHORT_RULE, lw)
    _line(right, QUOC_HIEU, L.QUOC_HIEU_SIZE, bold=True)
    _line(right, TIEU_NGU, L.MOTTO_SIZE, bold=True)
    _rule(right, _text_width_pt(TIEU_NGU, L.MOTTO_SIZE, True), width - lw)
    if has_second:
        a, b = t.rows[1].cells
        _clear(a), _clear(b)
        _line(a, h.number or "", L.HEADER_SIZE)
        _line(b, h.date_line or "", L.DATE_SIZE, italic=True)


def _title(doc, t: Title, body, width):
    from docx.shared import Pt

    if t.title:
        first = _line(doc, t.title.upper(), body, bold=True)
        first.paragraph_format.space_before = Pt(14)
    if t.summary:
        _line(doc, t.summary, body, bold=True)
    if t.rule:
        _rule(doc, width * L.TITLE_RULE, width)
    _line(doc, "", 6)


def _cell_style(doc, size: float):
    """One paragraph style for table cells (no spacing), made once per size."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    name = f"Ô bảng {size:g}"
    if name in [s.name for s in doc.styles]:
        return doc.styles[name]
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(size)
    pf = style.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0
    return style


def _table(doc, t: Table, width, streamed):
    """python-docx makes the table (grid style, fixed column widths); its rows are written
    while saving, from prepared row templates (app.documents.word_table)."""
    from docx.shared import Pt

    n = len(t.columns)
    rel = t.widths or (1,) * n
    widths = [width * w / sum(rel) for w in rel]
    style = _cell_style(doc, t.size)
    grid = _grid(doc, 0, widths, borders=True)
    streamed.add(grid._tbl, t, [Pt(w).twips for w in widths], style.style_id)


def _cant_split(row) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def keep_row_with_next(row) -> None:
    """A table row kept whole and on the page of the row (or paragraph) after it."""
    _cant_split(row)
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def _keep_body_tail(doc, streamed) -> None:
    """The end of the body stays with the signature block that follows: the last paragraph
    keeps with next (widow control moves at least its last two lines), or the last table row
    when the body ends with a table."""
    body = doc.element.body
    for el in reversed(list(body)[:-1]):  # the last child is the section properties
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            from docx.text.paragraph import Paragraph as DocxParagraph

            p = DocxParagraph(el, doc._body)
            p.paragraph_format.keep_with_next = True
            if p.text.strip():
                return
        elif tag == "tbl":
            if streamed.holds(el):  # its rows are written while saving
                streamed.keep_last_row(el)
                return
            from docx.table import Table as DocxTable

            keep_row_with_next(DocxTable(el, doc._body).rows[-1])
            return


def _signer(cell, s: Signer, size, width):
    from docx.shared import Pt

    for line in s.lines:
        fit = size
        while fit > 11 and _text_width_pt(line.upper(), fit, True) > width:
            fit -= 0.5
        _line(cell, line.upper(), fit, bold=True)
    if s.note:
        _line(cell, s.note, size - 1, italic=True)
    gap = _line(cell, "", size)
    gap.paragraph_format.space_after = Pt(max(s.space_mm * L.MM - size * 1.2, 0))
    if s.name:
        _line(cell, s.name, size, bold=True)


def _signatures(doc, sig: Signatures, body, width, streamed):
    _keep_body_tail(doc, streamed)
    if sig.middle is not None:
        return _three_signers(doc, sig, body, width)
    _line(doc, "", 6).paragraph_format.keep_with_next = True
    t = _grid(doc, 1, [width * 0.45, width * 0.55], borders=False)
    _cant_split(t.rows[0])
    left, right = t.rows[0].cells
    _clear(left), _clear(right)
    if sig.left is not None:
        _signer(left, sig.left, body, width * 0.45)
    elif sig.recipients:
        _line(left, "Nơi nhận:", L.RECIPIENTS_TITLE_SIZE, "left", bold=True, italic=True)
        for r in sig.recipients:
            _line(left, r, L.RECIPIENTS_SIZE, "left")
    else:
        _line(left, "", body)
    if sig.right:
        _signer(right, sig.right, body, width * 0.55)
    else:
        _line(right, "", body)


def _three_signers(doc, sig: Signatures, body, width):
    """Người lập biểu | Kế toán | Thủ trưởng đơn vị: three equal columns (kept whole, after
    the body's tail as every signature block)."""
    _line(doc, "", 6).paragraph_format.keep_with_next = True
    t = _grid(doc, 1, [width / 3] * 3, borders=False)
    _cant_split(t.rows[0])
    for cell, s in zip(t.rows[0].cells, (sig.left, sig.middle, sig.right)):
        _clear(cell)
        if s is not None:
            _signer(cell, s, body, width / 3)
        else:
            _line(cell, "", body)


def _spacer(d, height_mm: float):
    from docx.shared import Mm

    _line(d, "", 6).paragraph_format.space_after = Mm(height_mm)


def _draft_marks(section) -> None:
    """A boxed "DỰ THẢO" at the top right of every page (first-page and other headers)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for header in (section.first_page_header, section.header):
        p = header.add_paragraph()
        p.alignment = _ALIGN["right"]
        run = p.add_run(L.DRAFT_MARK)
        run.bold, run.font.size = True, Pt(L.DRAFT_MARK_SIZE)
        border = OxmlElement("w:bdr")
        for k, v in (("val", "single"), ("sz", "8"), ("space", "1"), ("color", "000000")):
            border.set(qn(f"w:{k}"), v)
        run._r.get_or_add_rPr().append(border)


def _page_numbers(section):
    """Page number centred in the top margin, hidden on the first page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    p = section.header.paragraphs[0]
    p.alignment = 1
    run = p.add_run()
    run.font.size = Pt(L.PAGE_NO_SIZE)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _setup(d, doc: Document):
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    style = d.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(doc.body_size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.widow_control = True  # never one line alone at a page's top or foot
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    if doc.landscape:
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = Mm(297), Mm(210)
    s.top_margin, s.bottom_margin = Mm(L.TOP), Mm(L.BOTTOM)
    s.left_margin, s.right_margin = Mm(L.LEFT), Mm(L.RIGHT)
    s.header_distance = Mm(L.PAGE_NO_FROM_TOP - 5)
    s.different_first_page_header_footer = True
    if doc.page_numbers:
        _page_numbers(s)
    if doc.draft:
        _draft_marks(s)
    d.core_properties.title = nfc(doc.name)
    return (s.page_width - s.left_margin - s.right_margin) / 12700  # EMU → points


def render_docx(doc: Document, path: str | Path) -> Path:
    """Write ``doc`` as an editable DOCX (A4, ND 30 margins, page numbers from page 2)."""
    from app.files import atomic_output

    path = Path(path)
    d, streamed = _build(doc)
    with atomic_output(path) as tmp:  # a failed write never destroys the previous file
        streamed.save(d, tmp)  # long tables' rows are written while saving
    return path


def build_docx(doc: Document):
    """``doc`` as a python-docx document (not saved), its tables' rows in place."""
    d, streamed = _build(doc)
    streamed.fill(d)
    return d


def _build(doc: Document):
    """The python-docx document and its tables whose rows are written when saved."""
    import docx

    from app.documents.word_table import StreamedTables

    d = docx.Document()
    streamed = StreamedTables()
    width = _setup(d, doc)
    body = doc.body_size
    for b in doc.blocks:
        if isinstance(b, Header):
            _header(d, b, width)
        elif isinstance(b, Title):
            _title(d, b, body, width)
        elif isinstance(b, Paragraph):
            p = _para(d, b.runs, b.size or body, b.align, b.space_after, b.indent,
                      b.space_before)
            p.paragraph_format.keep_with_next = b.keep_with_next or None
        elif isinstance(b, Table):
            _table(d, b, width, streamed)
        elif isinstance(b, Signatures):
            _signatures(d, b, body, width, streamed)
        elif isinstance(b, Spacer):
            _spacer(d, b.height_mm)
        elif isinstance(b, PageBreak):
            d.add_page_break()
        else:  # pragma: no cover
            raise TypeError(f"Unknown block {b!r}")
    return d, streamed


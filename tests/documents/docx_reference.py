"""The reference the streamed DOCX rows are checked against: python-docx's table writing
before issue 17, kept verbatim (a table of N rows made at once, then every cell filled)."""

from __future__ import annotations

from app.documents.model import Table, clean

_ALIGN = {"justify": 3, "left": 0, "center": 1, "right": 2}


def _cell_text(cell, value: str, style, align: str, bold: bool) -> None:
    """Fill a fresh cell's own paragraph (cheaper than adding formatted paragraphs)."""
    p = cell.paragraphs[0]
    # Set the style id directly: Paragraph.style looks the style up by scanning all styles.
    p._p.get_or_add_pPr().get_or_add_pStyle().val = style.style_id
    if align != "left":
        p.alignment = _ALIGN[align]
    run = p.add_run(clean(value))
    if bold:
        run.bold = True


def reference_table(doc, t: Table, width, streamed=None):
    """As app.documents.word wrote tables before issue 17 (``streamed`` unused)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from app.documents.word import _cell_style, _grid, keep_row_with_next

    n = len(t.columns)
    rel = t.widths or (1,) * n
    widths = [width * w / sum(rel) for w in rel]
    align = (t.align or "L" * n).upper()
    names = {"L": "left", "C": "center", "R": "right"}
    style = _cell_style(doc, t.size)
    grid = _grid(doc, len(t.rows) + 1, widths, borders=True)
    all_rows = list(grid.rows)  # Table.rows rebuilds its list on every access: take it once
    head = all_rows[0]
    tr_pr = head._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))  # repeat the header row on every page
    tr_pr[-1].set(qn("w:val"), "true")
    for cell, name in zip(head.cells, t.columns):
        _cell_text(cell, name, style, "center", True)
    for i, row in enumerate(t.rows):
        cells = all_rows[i + 1].cells
        if i in t.group_rows:
            merged = cells[0].merge(cells[-1])
            for extra in merged.paragraphs[1:]:  # merging keeps one paragraph per cell
                extra._p.getparent().remove(extra._p)
            _cell_text(merged, row[0], style, "left", True)
            keep_row_with_next(all_rows[i + 1])  # a group heading never ends a page
            continue
        for j, (cell, value) in enumerate(zip(cells, row)):
            _cell_text(cell, str(value), style, names[align[j]], i in t.bold_rows)
    for first, last in t.kept_blocks():  # a group heading never ends a page
        for row in all_rows[first + 1:last + 1]:
            for p in row._tr.iter(qn("w:p")):
                p.get_or_add_pPr().get_or_add_keepNext()

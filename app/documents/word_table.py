"""Long ruled tables in a DOCX, written as XML text from one prepared row template per kind
of row (header, plain, bold, group heading; kept with the next row or not).

python-docx slows with every add_row, cell and style lookup (a 19,000-row register book took
20 s and 480 MB); here python-docx makes only the table's properties and column grid, with a
marker where the rows go, and the rows are streamed into word/document.xml while the file is
written: the same XML python-docx wrote, in a fraction of the time and memory.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from app.documents.model import Table, clean

DOCUMENT_XML = "word/document.xml"
_MARKER = "TDKT-ROWS-{}"
# Characters XML 1.0 cannot hold (python-docx refuses them); tabs and line ends are kept.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BREAKS = {"\n": "<w:br/>", "\r": "<w:br/>", "\t": "<w:tab/>"}
_JC = {"L": "", "C": '<w:jc w:val="center"/>', "R": '<w:jc w:val="right"/>'}
_ROWS_PER_WRITE = 500


def run_xml(text: str) -> str:
    """The <w:t> pieces of a run for ``text`` (line breaks and tabs as python-docx makes them)."""
    text = _INVALID.sub("", clean(text))
    if not text:
        return ""
    out, start = [], 0
    for m in re.finditer("[\n\r\t]", text):
        if m.start() > start:
            out.append(f'<w:t xml:space="preserve">{escape(text[start:m.start()])}</w:t>')
        out.append(_BREAKS[m.group()])
        start = m.end()
    if start < len(text):
        out.append(f'<w:t xml:space="preserve">{escape(text[start:])}</w:t>')
    return "".join(out)


class RowTemplates:
    """The XML of each kind of row of one table, with a slot per cell's text."""

    def __init__(self, table: Table, twips: list[int], style_id: str):
        n = len(table.columns)
        align = (table.align or "L" * n).upper()
        self.table = table
        self.kept = {r for a, b in table.kept_blocks() for r in range(a, b)}  # keep with next
        self.keep_last = False  # the last row stays with what follows (the signature block)
        self.header = self._row(twips, style_id, "C" * n, bold=True, keep=False, header=True)
        # (bold, keep with next, never split across pages)
        self.rows = {(bold, keep, whole): self._row(twips, style_id, align, bold, keep, whole)
                     for bold in (False, True) for keep in (False, True) for whole in (False, True)}
        # A group heading never ends a page: kept whole and with the row after it.
        self.group = self._row([sum(twips)], style_id, "L", True, True, True, span=n)

    @staticmethod
    def _row(twips, style_id, align, bold, keep, whole=False, header=False,
             span=0) -> list[str]:
        """Alternating fixed XML and text slots: [xml, xml, …] with len(twips) slots between."""
        tr_pr = ('<w:tblHeader w:val="true"/>' if header else "") + (
            "<w:cantSplit/>" if whole else "")
        tr = f"<w:tr><w:trPr>{tr_pr}</w:trPr>" if tr_pr else "<w:tr>"
        keep_xml = "<w:keepNext/>" if keep else ""
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        span_xml = f'<w:gridSpan w:val="{span}"/>' if span else ""
        parts, head = [], tr
        for j, w in enumerate(twips):
            head += (f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{w}"/>{span_xml}</w:tcPr><w:p>'
                     f'<w:pPr><w:pStyle w:val="{escape(style_id)}"/>{keep_xml}{_JC[align[j]]}'
                     f"</w:pPr><w:r>{rpr}")
            parts.append(head)
            head = "</w:r></w:p></w:tc>"
        parts.append(head + "</w:tr>")
        return parts

    def xml(self, i: int) -> str:
        """Data row ``i`` as XML."""
        t = self.table
        if i in t.group_rows:
            return _fill(self.group, t.rows[i][:1])
        last = self.keep_last and i == len(t.rows) - 1
        return _fill(self.rows[i in t.bold_rows, last or i in self.kept, last], t.rows[i])

    def header_xml(self) -> str:
        return _fill(self.header, self.table.columns)

    def all_xml(self):
        """The header and every row, a few hundred rows at a time."""
        yield self.header_xml()
        batch = []
        for i in range(len(self.table.rows)):
            batch.append(self.xml(i))
            if len(batch) == _ROWS_PER_WRITE:
                yield "".join(batch)
                batch = []
        yield "".join(batch)


def _fill(parts: list[str], values) -> str:
    out = [parts[0]]
    for j in range(len(parts) - 1):
        out.append(run_xml(str(values[j])) if j < len(values) else "")
        out.append(parts[j + 1])
    return "".join(out)


class StreamedTables:
    """Tables whose rows are written while saving: ``add`` puts a marker in the table,
    ``save`` writes the package with each marker replaced by its rows."""

    def __init__(self):
        self._tables: list[tuple[object, RowTemplates]] = []

    def add(self, tbl_element, table: Table, twips: list[int], style_id: str) -> None:
        from lxml import etree

        tbl_element.append(etree.Comment(_MARKER.format(len(self._tables))))
        self._tables.append((tbl_element, RowTemplates(table, twips, style_id)))

    def holds(self, tbl_element) -> bool:
        return any(el is tbl_element for el, _rows in self._tables)

    def keep_last_row(self, tbl_element) -> None:
        """The table's last row stays whole and with what follows (the signature block)."""
        next(rows for el, rows in self._tables if el is tbl_element).keep_last = True

    def fill(self, document) -> None:
        """Put the rows into ``document``'s tables (to look at it without saving)."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        for k, (tbl, rows) in enumerate(self._tables):
            marker = next(c for c in tbl.iterchildren() if getattr(c, "text", None)
                          == _MARKER.format(k))
            wrapper = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows.all_xml())}</w:tbl>")
            for tr in list(wrapper):
                marker.addprevious(tr)
            tbl.remove(marker)
        self._tables = []

    def save(self, document, path: str | Path) -> None:
        """Save ``document`` (python-docx) to ``path`` with the rows streamed in."""
        buffer = BytesIO()
        document.save(buffer)
        with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                if info.filename != DOCUMENT_XML:
                    out.writestr(info, src.read(info.filename))
                    continue
                entry = zipfile.ZipInfo(DOCUMENT_XML, info.date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                with out.open(entry, "w") as stream:
                    self._write_document(src.read(DOCUMENT_XML), stream)

    def _write_document(self, xml: bytes, stream) -> None:
        rest = xml
        for k, (_tbl, rows) in enumerate(self._tables):
            head, rest = rest.split(f"<!--{_MARKER.format(k)}-->".encode(), 1)
            stream.write(head)
            for chunk in rows.all_xml():
                stream.write(chunk.encode())
        stream.write(rest)

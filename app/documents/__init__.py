"""Administrative documents in the format of Nghị định 30/2020/NĐ-CP, as PDF and editable DOCX.

Build a :class:`Document` from blocks, then :func:`render` it (format from the file suffix)::

    from app.documents import Document, Header, Title, Signatures, Signer, para, article, render
    doc = Document("Quyết định 15/QĐ-UBND").add(
        Header("UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG",
               number="Số: 15/QĐ-UBND", date_line=text.date_line("Thành Đông", day)),
        Title("QUYẾT ĐỊNH", "Về việc khen thưởng …"),
        para("Căn cứ …;", italic=True),
        heading("QUYẾT ĐỊNH:"),
        article("Điều 1.", "Tặng Giấy khen …"),
        Table(("STT", "Họ và tên"), (("1", "Nguyễn Văn An"),), widths=(1, 6), align="CL"),
        Signatures(right=Signer(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Trần Văn B"),
                   recipients=("- Như Điều 3;", "- Lưu: VT.")),
    )
    render(doc, "qd.pdf"); render(doc, "qd.docx")

Blocks: Header (two-column header block, number and italic place-date line), Title (centred
bold title + trích yếu + short rule), Paragraph (runs of bold/italic text; helpers ``para``,
``heading``, ``article``), Table (ruled, header row repeated, bold/group rows), Signatures
(signer right; Nơi nhận or a second signer left), Spacer, PageBreak. Pages: A4, ND 30
margins, page numbers centred at the top from page 2. PDF uses the bundled Tinos font (Times
metrics); DOCX uses Times New Roman.
"""

from __future__ import annotations

from pathlib import Path

from app.documents.model import (  # noqa: F401
    QUOC_HIEU,
    TIEU_NGU,
    Block,
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
    article,
    heading,
    para,
)

FORMATS = ("pdf", "docx")


def render_pdf(doc: Document, path: str | Path) -> Path:
    """Write ``doc`` as PDF (ReportLab, bundled fonts)."""
    from app.documents.pdf import render_pdf as _render

    return _render(doc, path)


def render_docx(doc: Document, path: str | Path) -> Path:
    """Write ``doc`` as an editable DOCX (python-docx, Times New Roman)."""
    from app.documents.word import render_docx as _render

    return _render(doc, path)


def render(doc: Document, path: str | Path) -> Path:
    """Write ``doc`` to ``path``; the suffix (.pdf or .docx) chooses the format."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "pdf":
        return render_pdf(doc, path)
    if suffix == "docx":
        return render_docx(doc, path)
    raise ValueError(f"Định dạng “{suffix}” không được hỗ trợ (chỉ PDF hoặc DOCX).")

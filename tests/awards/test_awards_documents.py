"""app.documents: the ND 30 layout renders to PDF and DOCX with Vietnamese text intact."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from app import text
from app.documents import (
    Document,
    Header,
    PageBreak,
    Signatures,
    Signer,
    Table,
    Title,
    article,
    heading,
    para,
    render,
)
from app.documents.model import balanced_lines


def _doc(rows: int = 5) -> Document:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    return Document("Quyết định 15/QĐ-UBND").add(
        Header("UBND THÀNH PHỐ HẢI PHÒNG", "Ủy ban nhân dân phường Thành Đông",
               number="Số: 15/QĐ-UBND", date_line=text.date_line("Thành Đông", date(2025, 2, 5))),
        Title("Quyết định", "Về việc tặng danh hiệu Lao động tiên tiến năm 2025"),
        para("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", italic=True),
        heading("QUYẾT ĐỊNH:"),
        article("Điều 1.", "Tặng danh hiệu “Lao động tiên tiến”."),
        Signatures(right=Signer(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Trần Văn Bình"),
                   recipients=("- Như Điều 3;", "- Lưu: VT.")),
        PageBreak(),
        Table(("STT", "Họ và tên", "Số tiền"),
              tuple((str(i), decomposed, "710.000") for i in range(1, rows + 1)),
              widths=(1, 5, 2), align="CLR"),
    )


def test_pdf_has_header_motto_and_nfc_text_in_tinos(tmp_path):
    from pypdf import PdfReader

    out = render(_doc(), tmp_path / "quyết định.pdf")
    reader = PdfReader(out)
    first = reader.pages[0].extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Độc lập - Tự do - Hạnh phúc" in first
    assert "ỦY BAN NHÂN DÂN" in first and "PHƯỜNG THÀNH ĐÔNG" in first
    assert "Thành Đông, ngày 05 tháng 02 năm 2025" in first
    assert "Điều 1. Tặng" in first
    assert "Nơi nhận:" in first
    second = reader.pages[1].extract_text()
    assert "Nguyễn Thị Ánh Tuyết" in second  # NFD input comes out NFC
    fonts = {f["/BaseFont"] for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert fonts and all("Tinos" in f for f in fonts)


def test_pdf_page_numbers_start_on_page_two(tmp_path):
    from pypdf import PdfReader

    reader = PdfReader(render(_doc(rows=80), tmp_path / "d.pdf"))
    assert len(reader.pages) >= 3
    assert reader.pages[0].extract_text().splitlines()[0].strip() != "1"
    assert reader.pages[1].extract_text().splitlines()[0].strip() == "2"
    assert reader.pages[2].extract_text().splitlines()[0].strip() == "3"


def test_docx_is_editable_times_new_roman_with_margins(tmp_path):
    import docx

    d = docx.Document(str(render(_doc(), tmp_path / "d.docx")))
    s = d.sections[0]
    assert round(s.left_margin.mm) == 30 and round(s.right_margin.mm) == 15
    assert round(s.top_margin.mm) == 20 and s.different_first_page_header_footer
    assert d.styles["Normal"].font.name == "Times New Roman"
    header_cells = [c.text for c in d.tables[0].rows[0].cells]
    assert "ỦY BAN NHÂN DÂN\nPHƯỜNG THÀNH ĐÔNG" in header_cells[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header_cells[1]
    body = "\n".join(p.text for p in d.paragraphs)
    assert "Điều 1. Tặng danh hiệu" in body
    names = [r.cells[1].text for r in d.tables[-1].rows[1:]]
    assert names[0] == "Nguyễn Thị Ánh Tuyết"
    assert "PAGE" in s.header._element.xml


def test_balanced_split_of_body_name():
    lines = balanced_lines("ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG", lambda t: len(t) < 20)
    assert lines == ["ỦY BAN NHÂN DÂN", "PHƯỜNG THÀNH ĐÔNG"]
    assert balanced_lines("A\nB", lambda t: True) == ["A", "B"]


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="không được hỗ trợ"):
        render(_doc(), tmp_path / "d.odt")

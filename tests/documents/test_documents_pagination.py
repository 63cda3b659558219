"""The shared ND 30 layout (app.documents) breaks pages as a văn thư expects: the signature never
stands alone on a page, list group headings stay with their first rows, the issuing body of a
People's Committee has no superior-body line, drafts are marked DỰ THẢO on every page, and a
document without page numbers (a secret ballot) prints none."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from pdf_layout import body_lines_before, overflowing, read_pages

from app import text
from app.documents import (
    Document,
    Header,
    PageBreak,
    Signatures,
    Signer,
    Table,
    Title,
    para,
    render,
)

FILLER = ("Ủy ban nhân dân phường đã chỉ đạo các cơ quan, đơn vị, khu dân cư tổ chức phong trào "
          "thi đua yêu nước sâu rộng, gắn với nhiệm vụ chính trị của từng nơi, đạt nhiều kết quả.")


def _signed(body: list, recipients=("- Đương sự;", "- Lưu: VT.")) -> Document:
    return Document("Thử").add(
        Header("UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG",
               number="Số:      /XN-UBND", date_line=text.date_line("Thành Đông", date(2025, 12, 5))),
        Title("GIẤY XÁC NHẬN", "Quá trình khen thưởng"),
        *body,
        Signatures(Signer(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Nguyễn Văn Hùng"),
                   recipients=recipients),
    )


@pytest.mark.parametrize("kind", ["paragraphs", "table"])
def test_signature_never_alone_on_its_page(tmp_path, kind):
    """Body lengths swept across a page break: every one keeps body lines with the signature."""
    alone = []
    for n in range(8, 34):
        if kind == "paragraphs":
            body = [para(f"{i}. {FILLER}") for i in range(n)]
        else:
            rows = tuple((str(i), "2025", "Giấy khen của Chủ tịch Ủy ban nhân dân phường",
                          f"Quyết định số {i}/QĐ-UBND ngày 05/12/2025") for i in range(n))
            body = [para("Đã được khen thưởng như sau:"),
                    Table(("STT", "Năm", "Hình thức", "Quyết định"), rows, (1, 1, 4, 4), "CCLL")]
        pages = read_pages(render(_signed(body), tmp_path / f"{kind}{n}.pdf"))
        if body_lines_before(pages, "Nơi nhận:") < 2:
            alone.append(n)
    assert alone == []


def test_last_lines_of_a_long_paragraph_move_with_the_signature(tmp_path):
    """Only the paragraph's tail moves (two lines), not the whole paragraph: the page before
    keeps as much of it as fits."""
    body = [para(FILLER * 3) for _ in range(6)] + [para(FILLER * 6)]
    for extra in range(12):
        doc = _signed([para(FILLER) for _ in range(extra)] + body)
        pages = read_pages(render(doc, tmp_path / f"d{extra}.pdf"))
        moved = body_lines_before(pages, "Nơi nhận:")
        before = pages[-2].lines()[-1].y if len(pages) > 1 else 0
        assert moved >= 2
        assert moved == 2 or before < 120 or len(pages) == 1, f"{extra} extra: {moved} lines"


def test_group_heading_rows_stay_with_their_first_row(tmp_path):
    groups = {f"Khu dân cư số {g}" for g in range(1, 40)}
    for lead in range(25, 45):
        rows, heads = [], set()
        for i in range(lead):
            rows.append((str(i), f"Hộ Nguyễn Văn {i}", "Số 1 ngõ 2"))
        for g in range(1, 40):
            heads.add(len(rows))
            rows.append((f"Khu dân cư số {g}",))
            rows += [(str(j), f"Hộ Trần Văn {j}", "Số 3 ngõ 4") for j in range(1, 3)]
        doc = Document("Danh sách").add(Table(("STT", "Họ và tên chủ hộ", "Địa chỉ"),
                                              tuple(rows), (1, 5, 4), "CLL",
                                              group_rows=frozenset(heads)))
        for page in read_pages(render(doc, tmp_path / f"g{lead}.pdf"))[:-1]:
            last = page.lines()[-1].text
            assert last not in groups, f"{lead}: “{last}” ends page {page.number}"


def test_docx_keeps_the_signature_with_the_body():
    from app.documents.word import build_docx

    d = build_docx(_signed([para(FILLER) for _ in range(5)]))
    last = next(p for p in reversed(d.paragraphs) if p.text.strip())
    assert last.text == FILLER and last.paragraph_format.keep_with_next
    sig_row = d.tables[-1].rows[0]
    assert sig_row._tr.trPr is not None and sig_row._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_docx_signature_never_alone_in_libreoffice(tmp_path):
    """The DOCX as Word/LibreOffice paginates it, across a sweep of body lengths."""
    files = []
    for n in range(10, 30):
        files.append(render(_signed([para(f"{i}. {FILLER}") for i in range(n)]),
                            tmp_path / f"w{n}.docx"))
    out = tmp_path / "pdf"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=300)
    alone = [f.stem for f in files
             if body_lines_before(read_pages(out / f"{f.stem}.pdf"), "Nơi nhận:") < 2]
    assert alone == []


def test_a_peoples_committee_has_no_superior_body_line(tmp_path):
    import docx

    doc = _signed([para(FILLER)])
    first = read_pages(render(doc, tmp_path / "h.pdf"))[0].text()
    assert "UBND THÀNH PHỐ HẢI PHÒNG" not in first
    assert "ỦY BAN NHÂN DÂN" in first and "PHƯỜNG THÀNH ĐÔNG" in first
    cells = docx.Document(str(render(doc, tmp_path / "h.docx"))).tables[0].rows[0].cells
    assert "HẢI PHÒNG" not in cells[0].text and "PHƯỜNG THÀNH ĐÔNG" in cells[0].text
    council = Document("HĐ").add(Header("UBND PHƯỜNG THÀNH ĐÔNG",
                                        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"))
    assert "UBND PHƯỜNG THÀNH ĐÔNG" in read_pages(render(council, tmp_path / "c.pdf"))[0].text()


def test_draft_is_marked_on_every_page(tmp_path):
    import docx

    doc = _signed([para(FILLER) for _ in range(40)])
    doc.draft = True
    pages = read_pages(render(doc, tmp_path / "d.pdf"))
    assert len(pages) >= 2
    assert all("DỰ THẢO" in p.text() for p in pages)
    d = docx.Document(str(render(doc, tmp_path / "d.docx")))
    s = d.sections[0]
    assert "DỰ THẢO" in s.first_page_header.paragraphs[-1].text
    assert "DỰ THẢO" in "".join(p.text for p in s.header.paragraphs)
    doc.draft = False
    assert not any("DỰ THẢO" in p.text() for p in read_pages(render(doc, tmp_path / "i.pdf")))


def test_no_page_numbers_and_one_page_per_part(tmp_path):
    import docx

    rows = tuple((str(i), f"Ứng viên {i}", "", "") for i in range(1, 46))
    doc = Document("Phiếu", page_numbers=False, fit_page=True)
    for copy in range(3):
        if copy:
            doc.add(PageBreak())
        doc.add(Title("PHIẾU BẦU", "Xét khen thưởng năm 2025"),
                Table(("STT", "Họ và tên", "Đồng ý", "Không đồng ý"), rows, (1, 6, 2, 2)))
    pages = read_pages(render(doc, tmp_path / "p.pdf"))
    assert len(pages) == 3
    assert all(not any(ln.text.isdigit() and ln.y > p.height - 60 for ln in p.lines())
               for p in pages)
    d = docx.Document(str(render(doc, tmp_path / "p.docx")))
    assert "PAGE" not in d.sections[0].header._element.xml


def test_overflow_check_catches_a_line_past_the_right_margin(tmp_path):
    """The margin check of the layout tests can fail: a line drawn past the margin is found."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from app.fonts import BODY, face, register_fonts

    register_fonts()
    path = tmp_path / "o.pdf"
    canvas = Canvas(str(path), pagesize=A4, initialFontName=face(BODY))
    canvas.setFont(face(BODY), 12)
    canvas.drawString(85, 700, "Dòng trong lề")
    canvas.drawRightString(A4[0] - 20, 680, "Dòng tràn qua lề phải của trang giấy")
    canvas.save()
    page = read_pages(path)[0]
    assert [line.text for line in overflowing(page, 15)] == [
        "Dòng tràn qua lề phải của trang giấy"]
    ok = read_pages(render(_signed([para(FILLER)]), tmp_path / "ok.pdf"))[0]
    assert overflowing(ok, 15) == []

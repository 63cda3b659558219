"""Long tables drawn on the canvas (issue 17) print, page by page, the same text at the same
places as a flowable per cell (ReportLab's LongTable of Paragraphs) does."""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

import pytest

from app.documents import Document, Signatures, Signer, Table, Title, para, render
from app.documents import pdf as pdf_module
from app.documents.data import DecisionDoc, Entry, Org
from app.documents.decision_doc import build_decision
from app.documents.model import clean
from app.documents.pdf_table import wrap_text
from app.fonts import BODY, face, register_fonts

sys.path.insert(0, str(Path(__file__).parent))
from flowable_reference import reference_table

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Tôn Nữ", "Âu Dương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thị Phương", "Xuân"]
GIVEN = ["An", "Bình", "Hằng", "Ước", "Yến", "Hoàng Khánh Ngọc Anh", "Quý"]
LONG_PLACE = "Khu dân cư số 12, tổ dân phố Đông Giàng, phường Thành Đông"
PLACES = ["Trường Tiểu học Bình Hàn", LONG_PLACE, "Công an phường", "", "ngày     tháng     năm",
          "Hội Cựu chiến binh phường Thành Đông – Chi hội 3", "Số 0912345678901234567890123"]
GK = "Giấy khen của Chủ tịch Ủy ban nhân dân phường"
ISSUER = " (UBND thành phố Hải Phòng)"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _entries(count: int, rng: random.Random) -> tuple[Entry, ...]:
    awards = [("LDTT", "Lao động tiên tiến", True, "person"),
              ("GK", "Giấy khen của Chủ tịch Ủy ban nhân dân phường", False, "collective"),
              ("GDVH", "Gia đình văn hóa", True, "household")]
    out = []
    for i in range(count):
        code, name, title, kind = awards[min(i * len(awards) // count, len(awards) - 1)]
        out.append(Entry(code, name, title, kind, "Ông" if i % 2 else "Bà", _name(rng),
                         rng.choice(PLACES), "0,3", 710_000, year=2025))
    return tuple(out)


def _decision(count: int) -> Document:
    rng = random.Random(17)
    entries = _entries(count, rng)
    org = Org("UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG",
              "phường Thành Đông", "Thành Đông")
    return build_decision(DecisionDoc(
        org, "khen_thuong", "207/QĐ-UBND", date(2025, 12, 20), 2025, "Về việc khen thưởng",
        ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",), ("Điều khoản thi hành.",),
        ("- Như Điều 3;", "- Lưu: VT."), ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Trần Văn Bình",
        2_340_000, 710_000 * count, entries))


def _book(count: int) -> Document:
    """The register book's shape (landscape, eight columns, 10 pt)."""
    rng = random.Random(3)
    rows = tuple((f"2025-{i:05d}", _name(rng), rng.choice(["Cá nhân", "Tập thể", "Hộ gia đình"]),
                  rng.choice(["Lao động tiên tiến", GK, "Gia đình văn hóa"]), "2025",
                  f"{rng.randint(1, 999)}/QĐ-UBND, 16/12/2025" + rng.choice(["", ISSUER]),
                  rng.choice(["", "710.000", "1.490.000", "123.456.789.000"]),
                  rng.choice(["", "Đã thu hồi"])) for i in range(1, count + 1))
    return Document("Sổ khen thưởng năm 2025", landscape=True, body_size=13).add(
        para("ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG", bold=True, align="left", indent=False, size=12),
        Title("SỔ KHEN THƯỞNG", "Năm 2025"),
        Table(("Số vào sổ", "Họ và tên / Tên", "Đối tượng", "Danh hiệu, hình thức", "Năm",
               "Quyết định", "Số tiền (đồng)", "Ghi chú"), rows,
              (1.3, 3.0, 1.4, 3.2, 0.8, 2.9, 1.3, 1.7), "CLLLCLRL", 10),
        para("Tổng số: mục.", italic=True, indent=False, size=12))


def _public(count: int) -> Document:
    """The public list's shape: groups by award and khu dân cư, headings kept with rows."""
    rng = random.Random(5)
    rows, groups, g = [], set(), 0
    while len(rows) < count:  # small groups: many page ends fall near a heading
        g, size = g + 1, rng.randint(1, 6)
        groups.add(len(rows))
        rows.append((f"{g}. Khu dân cư số {g} – tổ dân phố Đông Giàng ({size} hộ)",))
        rows += [(str(9990 + len(rows)), f"Hộ {_name(rng)}", rng.choice(PLACES),  # "10000"
                  "Gia đình văn hóa năm 2025") for _ in range(size)]
    return Document("Danh sách công khai").add(
        Title("DANH SÁCH CÔNG KHAI", "Hộ gia đình được công nhận"),
        Table(("STT", "Họ và tên", "Địa chỉ", "Danh hiệu"), tuple(rows), (1.0, 4.6, 4.8, 2.8),
              "CLLL", 12, group_rows=frozenset(groups)),
        Signatures(Signer(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Đặng Văn Ước"),
                   recipients=("- Niêm yết tại trụ sở;", "- Lưu: VT.")))


def _pages(path: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's words with where pdftotext finds them (points, rounded), in reading order."""
    import html
    import re
    import subprocess

    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        words = [(round(float(y), 1), round(float(x), 1), html.unescape(w)) for x, y, w in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)]
        pages.append(sorted(words))
    return pages


def _both(doc: Document, tmp_path: Path, monkeypatch) -> tuple[list, list]:
    fast = render(doc, tmp_path / "fast.pdf")
    with monkeypatch.context() as m:
        m.setattr(pdf_module, "_table", reference_table)
        ref = render(doc, tmp_path / "reference.pdf")
    return _pages(fast), _pages(ref)


def _same_places(ours, theirs, number: int) -> None:
    """Word by word, within 0.2 pt (pdftotext sums glyph advances its own way)."""
    for (y, x, word), (ry, rx, _) in zip(ours, theirs):
        assert abs(y - ry) <= 0.2 and abs(x - rx) <= 0.2, (number, word, (x, y), (rx, ry))


@pytest.mark.parametrize("make, rows", [(_decision, 300), (_book, 400), (_public, 400)],
                         ids=["decision-list", "register-book", "public-list"])
def test_every_page_has_the_text_of_the_flowable_rendering(make, rows, tmp_path, monkeypatch):
    fast, ref = _both(make(rows), tmp_path, monkeypatch)
    assert len(fast) == len(ref) > 5
    for number, (ours, theirs) in enumerate(zip(fast, ref), start=1):
        assert [p[2] for p in ours] == [p[2] for p in theirs], f"page {number}"
        _same_places(ours, theirs, number)


def test_a_row_taller_than_the_rest_of_the_page_moves_whole_with_the_header(tmp_path,
                                                                             monkeypatch):
    tall = "Một ô rất dài " * 40
    rows = tuple((str(i), tall if i % 7 == 0 else f"Dòng {i}", "x") for i in range(1, 120))
    doc = Document("d").add(Table(("STT", "Nội dung", "Ghi chú"), rows, (1, 6, 2), "CLC"))
    fast, ref = _both(doc, tmp_path, monkeypatch)
    assert [[w for *_, w in page] for page in fast] == [[w for *_, w in page] for page in ref]
    assert len(fast) > 3
    for page in fast:  # the header row on every page, once
        assert [w for *_, w in page if w in ("STT", "Nội", "Ghi")] == ["STT", "Nội", "Ghi"]


def test_line_breaks_are_those_of_a_paragraph():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    register_fonts()
    rng = random.Random(11)
    words = FAMILY + MIDDLE + GIVEN + ["234/QĐ-UBND,", "(UBND", "–", "x" * 60, "0912345678901"]
    for _ in range(400):
        n = rng.randint(1, 20)
        raw = "".join(rng.choice(words) + rng.choice([" ", " ", "  ", "\u00a0"]) for _ in range(n))
        bold, size, width = rng.random() < 0.3, rng.choice([10, 12]), rng.choice([30, 90, 250])
        font = face(BODY, bold)
        value = clean(raw)
        p = Paragraph(value.replace("&", "&amp;").replace("<", "&lt;"),
                      ParagraphStyle("s", fontName=font, fontSize=size, leading=size * 1.2))
        p.wrap(width, 1e6)
        expected = [" ".join(words) for _, words in p.blPara.lines]
        assert wrap_text(value, font, size, width, stringWidth) == expected, (value, width)


def test_a_long_table_is_drawn_without_a_flowable_per_cell(tmp_path, monkeypatch):
    from reportlab.platypus import paragraph

    made = []
    init = paragraph.Paragraph.__init__

    def counting(self, *args, **kwargs):
        made.append(1)
        init(self, *args, **kwargs)

    monkeypatch.setattr(paragraph.Paragraph, "__init__", counting)
    render(_book(2000), tmp_path / "so.pdf")
    assert len(made) < 10  # the title and the two paragraphs around the table


def _document_xml(path: Path) -> bytes:
    """word/document.xml canonicalised; xml:space="preserve" (written on every run here,
    by python-docx only where needed) left out."""
    import zipfile

    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    for el in root.iter():
        el.attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)
    return etree.tostring(root, method="c14n")


@pytest.mark.parametrize("make, rows", [(_decision, 300), (_book, 400), (_public, 400)],
                         ids=["decision-list", "register-book", "public-list"])
def test_docx_rows_are_the_xml_python_docx_wrote(make, rows, tmp_path, monkeypatch):
    from docx_reference import reference_table as docx_reference

    from app.documents import word

    doc = make(rows)
    ours = render(doc, tmp_path / "streamed.docx")
    with monkeypatch.context() as m:
        m.setattr(word, "_table", docx_reference)
        theirs = render(doc, tmp_path / "reference.docx")
    assert _document_xml(ours) == _document_xml(theirs)
    import docx

    model = [b for b in doc.blocks if isinstance(b, Table)][-1]
    written = max(docx.Document(str(ours)).tables, key=lambda t: len(t.rows))
    assert len(written.rows) == len(model.rows) + 1 >= rows  # and the header
    assert [c.text for c in written.rows[-1].cells][-1] == model.rows[-1][-1]


def test_a_long_docx_table_is_written_without_python_docx_cells(tmp_path, monkeypatch):
    from docx import table as docx_table

    made = []
    init = docx_table._Cell.__init__

    def counting(self, *args, **kwargs):
        made.append(1)
        init(self, *args, **kwargs)

    monkeypatch.setattr(docx_table._Cell, "__init__", counting)
    render(_book(2000), tmp_path / "so.docx")
    assert len(made) < 20  # the header block's cells, not the list's


def test_a_signature_without_recipients_or_second_signer_renders(tmp_path):
    doc = Document("d").add(para("Nội dung."), Signatures(Signer(("CHỦ TỊCH",), "Đặng Văn Ước")),
                            Signatures(left=Signer(("NGƯỜI LẬP",), "Lê Thị Hoa")))
    assert render(doc, tmp_path / "ky.pdf").stat().st_size > 0
    assert render(doc, tmp_path / "ky.docx").stat().st_size > 0

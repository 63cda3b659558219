"""Plain paper: the default design (border and national heading, no drawn emblem) or the
ward's own scanned design, kept in the database and printed behind the blank's text."""

from __future__ import annotations

import io

import pytest
from cert_fixtures import cert
from PIL import Image, ImageDraw
from pypdf import PdfReader
from sqlalchemy import select

from app.certificates import render_pdf
from app.errors import ValidationError
from app.services.awards import certificate_designs as designs
from db.models import AuditLog

EMBLEM_COLOURS = (b".831373 .654902 .172549 rg",  # the drawn emblem's gold
                  b"1 .831373 0 rg")  # its yellow star


def scan(width=2970, height=2100, fmt="PNG") -> bytes:
    """A stand-in for a ward's scanned blank: a frame and a band where the title is."""
    img = Image.new("RGB", (width, height), "#FBF3DF")
    draw = ImageDraw.Draw(img)
    draw.rectangle((60, 60, width - 60, height - 60), outline="#9E1B1F", width=25)
    draw.rectangle((width // 3, height // 3, 2 * width // 3, height // 3 + 90), fill="#C8102E")
    out = io.BytesIO()
    img.save(out, fmt)
    return out.getvalue()


def _streams(path) -> bytes:
    """Every content stream of page 1 and of the forms and images it uses."""
    page = PdfReader(path).pages[0]
    out = [page.get_contents().get_data()]
    for xobj in page["/Resources"].get("/XObject", {}).values():
        xobj = xobj.get_object()
        out.append(xobj.get_data())
        for inner in (xobj.get("/Resources") or {}).get("/XObject", {}).values():
            out.append(b"/Subtype /Image" if inner.get_object()["/Subtype"] == "/Image" else b"")
    return b"\n".join(out)


def _position(path, wanted: str) -> tuple[float, float]:
    found = {}

    def visitor(text, cm, tm, _font, _size):
        if text.strip():
            found[text.strip()] = (tm[4] + cm[4], tm[5] + cm[5])

    PdfReader(path).pages[0].extract_text(visitor_text=visitor)
    return found[wanted]


def test_the_default_plain_design_has_a_border_and_the_national_heading_but_no_emblem(tmp_path):
    out = tmp_path / "mặc định.pdf"
    render_pdf([cert("giay_khen", "person", "Ông", "Lê Văn An")], out)
    streams = _streams(out)
    assert not any(colour in streams for colour in EMBLEM_COLOURS)
    text = PdfReader(out).pages[0].extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert b" re" in streams  # the border's rectangles


def test_a_wards_design_prints_behind_the_blank_layout_on_plain_paper(tmp_path):
    from app.certificates.render import MM

    person = cert("giay_khen", "person", "Ông", "Lê Văn An")
    other = cert("ldtt", "person", "Bà", "Trần Thị Bình")  # its blank model has no design
    out = tmp_path / "mẫu phường.pdf"
    render_pdf([person, other], out, backgrounds={"phoi_giay_khen": scan()})
    reader = PdfReader(out)
    first, second = (" ".join(p.extract_text().split()) for p in reader.pages)
    assert b"/Subtype /Image" in _streams(out)
    assert "Ông Lê Văn An" in first and "CỘNG HÒA" not in first  # the scan carries the heading
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in second  # default design for the other one
    # The text sits where the blank layout puts it (name baseline 114 mm from the top).
    assert _position(out, "Ông Lê Văn An")[1] == pytest.approx((210 - 114) * MM, abs=0.01)


def test_a_thousand_pages_carry_the_design_once(tmp_path):
    out = tmp_path / "nhiều.pdf"
    certs = [cert("giay_khen", "person", "Ông", f"Lê Văn {i}") for i in range(200)]
    render_pdf(certs, out, backgrounds={"phoi_giay_khen": scan(fmt="JPEG")})
    assert out.stat().st_size < len(scan(fmt="JPEG")) + 400_000


def test_a_design_is_checked_stored_in_the_database_and_replaced(db):
    info = designs.save_design(db, "phoi_giay_khen", r"C:\Users\Nguyễn\mẫu phường.png", scan())
    assert (info.filename, info.width_px, info.height_px, info.dpi) == ("mẫu phường.png", 2970,
                                                                       2100, 254)
    assert designs.design_images(db) == {"phoi_giay_khen": scan()}
    again = designs.save_design(db, "phoi_giay_khen", "mới.jpg", scan(fmt="JPEG"))
    assert again.filename == "mới.jpg" and list(designs.list_designs(db)) == ["phoi_giay_khen"]
    with db.read() as s:
        actions = s.scalars(select(AuditLog.action).where(
            AuditLog.entity == "certificate_design")).all()
    assert actions == ["create", "update"]
    assert designs.remove_design(db, "phoi_giay_khen") is True
    assert designs.list_designs(db) == {} and designs.remove_design(db, "phoi_giay_khen") is False


@pytest.mark.parametrize(("data", "message"), [
    (b"not an image at all", "Không đọc được tệp ảnh mẫu"),
    (scan()[:5000], "Không đọc được tệp ảnh mẫu"),  # cut short
    (scan(2100, 2970), "xoay cho nằm ngang"),
    (scan(2970, 1500), "không cùng tỷ lệ"),
    (scan(900, 636), "mờ"),
    (scan(fmt="GIF"), "PNG hoặc JPEG"),
])
def test_a_bad_design_file_is_refused_with_the_reason(db, data, message):
    with pytest.raises(ValidationError, match=message):
        designs.save_design(db, "phoi_giay_khen", "x.png", data)
    assert designs.list_designs(db) == {}


def _pdf_design(path) -> None:
    """A ward's design as a one-page PDF (A4 landscape): a frame and a red title band."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=landscape(A4))
    w, h = landscape(A4)
    c.setStrokeColorRGB(0.62, 0.1, 0.12)
    c.setLineWidth(12)
    c.rect(20, 20, w - 40, h - 40)
    c.setFillColorRGB(0.78, 0.06, 0.18)
    c.rect(w / 3, h / 2, w / 3, 30, fill=1, stroke=0)
    c.showPage()
    c.save()


def test_the_officer_loads_the_wards_pdf_design_and_plain_paper_uses_it(qtbot, db, decision_id,
                                                                         monkeypatch, tmp_path,
                                                                         jobs_finish):
    from PySide6.QtCore import Qt

    from tests.ui.helpers import DialogRecorder
    from ui.screens.certificates import CertificatesPage

    design = tmp_path / "mẫu giấy khen phường.pdf"
    _pdf_design(design)
    rec = DialogRecorder(monkeypatch, open_path=str(design), save_path=str(tmp_path / "in.pdf"))
    page = CertificatesPage(db)
    qtbot.addWidget(page)
    page.show()
    page.open_designs()
    dialog = page.designs_dialog
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 1, timeout=20000)
    assert dialog.blank.currentData() == "phoi_giay_khen"
    assert "mẫu mặc định" in dialog.state.text() and not dialog.btn_default.isEnabled()
    qtbot.mouseClick(dialog.btn_load, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Đã lưu" in dialog.state.text() or bool(rec.messages), timeout=20000)
    assert rec.messages == [], rec.messages
    info = designs.list_designs(db)["phoi_giay_khen"]
    assert info.filename == "mẫu giấy khen phường (trang 1).png"
    assert (info.width_px, info.height_px) == (2339, 1654)  # A4 landscape at 200 dpi
    img = Image.open(io.BytesIO(designs.design_images(db)["phoi_giay_khen"]))
    assert img.getpixel((400, 400))[:3] == (255, 255, 255)  # white paper, not transparent
    dialog.accept()
    assert "Phôi Giấy khen: mẫu của phường" in page.offsets_label.text()
    # Plain paper now prints the ward's design behind the text of its Giấy khen.
    qtbot.mouseClick(page.btn_save, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Đã lưu 8 giấy" in page.status.text(), timeout=20000)
    assert b"/Subtype /Image" in _streams(tmp_path / "in.pdf")
    page.open_designs()
    dialog = page.designs_dialog
    qtbot.waitUntil(lambda: dialog.btn_default.isEnabled(), timeout=20000)
    qtbot.mouseClick(dialog.btn_default, Qt.LeftButton)
    assert designs.list_designs(db) == {} and "mẫu mặc định" in dialog.state.text()
    dialog.accept()


def test_a_bad_file_loaded_in_the_screen_says_why(qtbot, db, monkeypatch, tmp_path, jobs_finish):
    from PySide6.QtCore import Qt

    from tests.ui.helpers import DialogRecorder
    from ui.screens.certificate_designs import DesignsDialog

    photo = tmp_path / "ảnh dọc.jpg"
    photo.write_bytes(scan(2100, 2970, fmt="JPEG"))
    rec = DialogRecorder(monkeypatch, open_path=str(photo))
    dialog = DesignsDialog(db, None)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.btn_load, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(rec.messages), timeout=20000)
    assert rec.messages[0][0] == "error" and "xoay cho nằm ngang" in rec.messages[0][2]
    assert designs.list_designs(db) == {}
    dialog.accept()

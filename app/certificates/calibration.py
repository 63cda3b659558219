"""The calibration test page: a millimetre grid and the blank's field boxes, on plain paper.

The officer prints it with the current offsets, holds it against a blank (phôi) in front of a
window, reads on the grid how far the boxes sit from the blank's dotted lines, and enters that
correction as X/Y offsets for this printer and blank model.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from app.certificates.model import CertificateData
from app.certificates.registry import get_layout
from app.certificates.render import MM, NO_OFFSETS, Offsets, field_text
from app.files import write_bytes

# Sample values so each box shows what it will hold.
_SAMPLE = CertificateData(
    template="", subject_type="person", name="Nguyễn Văn An", salutation="Ông",
    position_line="Chức vụ, đơn vị công tác", citation="Nội dung khen thưởng",
    certificate_no="2025/0001", decision_no="15/QĐ-UBND", issuer_title="CHỦ TỊCH …",
    place_date="Địa danh, ngày … tháng … năm …", sign_mode="KT. CHỦ TỊCH",
    signer_title="PHÓ CHỦ TỊCH", signer_name="Người ký",
    reissue_note="Cấp lại theo Quyết định số … (chỉ khi in lại sau đính chính)",
).values() | {"verb": "TẶNG", "title": "TÊN DANH HIỆU", "subtitle": "", "decision_date": "…"}


def _grid(c, w_mm: float, h_mm: float, page_h: float, off: Offsets) -> None:
    from reportlab.lib.colors import HexColor

    from app.fonts import face

    c.setFont(face("Tinos"), 6)
    for step, color, width in ((5, "#D9E2EC", 0.25), (10, "#8FA6BF", 0.5)):
        c.setStrokeColor(HexColor(color))
        c.setLineWidth(width)
        for x in range(0, int(w_mm) + 1, step):
            px = (x + off.x) * MM
            c.line(px, 0, px, page_h)
        for y in range(0, int(h_mm) + 1, step):
            py = page_h - (y + off.y) * MM
            c.line(0, py, w_mm * MM, py)
    c.setFillColor(HexColor("#3A4F66"))
    for x in range(10, int(w_mm), 10):
        c.drawString((x + off.x) * MM + 1, page_h - (off.y + 4) * MM, str(x))
    for y in range(10, int(h_mm), 10):
        c.drawString((off.x + 1.5) * MM, page_h - (y + off.y) * MM + 1, str(y))


def render_test_grid(out_path: str | os.PathLike, blank: str, offsets: Offsets = NO_OFFSETS,
                     subject_type: str = "person", overrides: dict | None = None,
                     printer: str = "") -> Path:
    """One page: grid, field boxes of ``blank`` (moved by ``offsets``) and instructions."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen.canvas import Canvas

    from app.fonts import face, register_fonts
    from app.text import nfc

    register_fonts()
    layout = get_layout(blank)
    w_mm, h_mm = layout.page_mm
    page_h = h_mm * MM
    out = Path(out_path)
    buffer = io.BytesIO()  # written to the file in one step at the end (app.files)
    c = Canvas(buffer, pagesize=(w_mm * MM, page_h), initialFontName=face("Tinos"))
    c.setTitle(nfc(f"Trang căn chỉnh – {layout.label}"))
    _grid(c, w_mm, h_mm, page_h, offsets)
    for f in layout.for_subject(subject_type, overrides):
        if not f.printed:
            continue
        left = f.x - (f.width / 2 if f.align == "center" else f.width if f.align == "right" else 0)
        top = f.y - f.size * 0.3528
        height = f.size * 0.3528 * 1.25 + (f.lines - 1) * f.leading_mm
        c.setStrokeColor(HexColor("#C8102E"))
        c.setLineWidth(0.8)
        c.rect((left + offsets.x) * MM, page_h - (top + height + offsets.y) * MM,
               f.width * MM, height * MM, fill=0, stroke=1)
        c.setFillColor(HexColor("#C8102E"))
        c.setFont(face("Tinos", italic=True), 8)
        label = field_text(f, _SAMPLE).split("\n")[0] or f.key
        c.drawString((left + offsets.x) * MM + 2, page_h - (f.y + offsets.y) * MM, nfc(label))
    c.setFillColor(HexColor("#FFFFFF"))
    c.rect(w_mm * MM * 0.15, page_h - 41 * MM, w_mm * MM * 0.7, 24 * MM, fill=1, stroke=0)
    c.setFillColor(HexColor("#000000"))
    c.setFont(face("Tinos", bold=True), 10)
    lines = [
        f"TRANG CĂN CHỈNH IN PHÔI – {layout.label}",
        (f"Máy in: {printer or '(chưa chọn)'} · Độ lệch đang dùng: X = {offsets.x:+.1f} mm, "
         f"Y = {offsets.y:+.1f} mm"),
        "Đặt tờ này lên phôi, soi ra ánh sáng. Khung đỏ phải nằm đúng trên các dòng chấm.",
        "Khung lệch sang phải bao nhiêu mm thì giảm X bấy nhiêu; lệch xuống dưới thì giảm Y.",
    ]
    for i, line in enumerate(lines):
        # The instructions stay put: only the grid and the boxes follow the offsets.
        c.drawCentredString(w_mm * MM / 2, page_h - (22 + i * 5) * MM, nfc(line))
        c.setFont(face("Tinos"), 10)
    c.showPage()
    c.save()
    write_bytes(out, buffer.getvalue())
    return out

"""Mẫu nền in giấy trắng: the ward's own design of a blank model (a scan of its phôi, or a PDF
page rendered to PNG by the screen), kept in the database so a backup carries it. On plain
paper a template whose blank model has a design prints the design with the blank's text
layout; without one, the default plain design (border, Quốc hiệu, Tiêu ngữ).

An image from outside is hostile until checked: PNG or JPEG only, decoded whole, landscape
with the sheet's proportions, sharp enough to print.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app import text
from app.certificates import blank_models, get_layout
from app.errors import ValidationError
from app.services.system import audit
from db.engine import Database
from db.models import CertificateDesign

MAX_BYTES = 30 * 1024 * 1024
MIN_DPI = 100  # below this a printed A4 design looks blurred
GOOD_DPI = 150  # below this the screen says the print may look soft
ASPECT_TOLERANCE = 0.05  # a scan cropped a little off is fine; a different sheet is not
_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


@dataclass(frozen=True)
class DesignInfo:
    blank_layout: str
    filename: str
    width_px: int
    height_px: int
    dpi: int  # across the sheet's width
    size: int
    loaded_at: datetime | None

    @property
    def label(self) -> str:
        return (f"ảnh mẫu của phường “{self.filename}” ({self.width_px} × {self.height_px} "
                f"điểm ảnh, khoảng {self.dpi} dpi)")


def _dpi(width_px: int, blank_layout: str) -> int:
    return round(width_px / (get_layout(blank_layout).page_mm[0] / 25.4))


def check_image(data: bytes, blank_layout: str) -> tuple[str, int, int]:
    """(mime, width, height) of a design image, or a ValidationError saying what is wrong."""
    from PIL import Image, UnidentifiedImageError

    if blank_layout not in blank_models():
        raise ValidationError(f"Không có loại phôi “{blank_layout}”.", "blank_layout")
    if not data:
        raise ValidationError("Tệp ảnh mẫu rỗng.", "data")
    if len(data) > MAX_BYTES:
        raise ValidationError(f"Ảnh mẫu {len(data) / 1048576:.0f} MB quá lớn (tối đa "
                              f"{MAX_BYTES // 1048576} MB): hãy quét ở 200–300 dpi.", "data")
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt, (width, height) = img.format, img.size
            img.load()  # decode it whole: a truncated or damaged file fails here
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError("Không đọc được tệp ảnh mẫu: cần ảnh PNG hoặc JPEG (tệp PDF thì "
                              "chọn ở màn hình In giấy khen).", "data") from exc
    if fmt not in _FORMATS:
        raise ValidationError(f"Ảnh mẫu dạng {fmt} chưa dùng được: hãy lưu thành PNG hoặc JPEG.",
                              "data")
    page_w, page_h = get_layout(blank_layout).page_mm
    if abs((width / height) / (page_w / page_h) - 1) > ASPECT_TOLERANCE:
        turn = " (ảnh đang để dọc: hãy xoay cho nằm ngang)" if height > width else ""
        raise ValidationError(
            f"Ảnh mẫu {width} × {height} điểm ảnh không cùng tỷ lệ với tờ phôi {page_w:g} × "
            f"{page_h:g} mm{turn}: hãy quét cả tờ, thẳng, không thừa viền.", "data")
    if _dpi(width, blank_layout) < MIN_DPI:
        raise ValidationError(f"Ảnh mẫu chỉ khoảng {_dpi(width, blank_layout)} dpi, in ra sẽ "
                              f"mờ: hãy quét ở 200–300 dpi.", "data")
    return _FORMATS[fmt], width, height


def _info(row: CertificateDesign) -> DesignInfo:
    return DesignInfo(row.blank_layout, row.filename, row.width_px, row.height_px,
                      _dpi(row.width_px, row.blank_layout), row.size, row.loaded_at)


def save_design(db: Database, blank_layout: str, filename: str, data: bytes) -> DesignInfo:
    """Store (or replace) the design of one blank model."""
    mime, width, height = check_image(data, blank_layout)
    name = text.nfc(re.split(r"[\\/]", str(filename))[-1])[:300] or "mẫu"  # any OS's path
    with db.session() as s:
        row = s.scalars(select(CertificateDesign)
                        .where(CertificateDesign.blank_layout == blank_layout)).first()
        before = audit.snapshot(row) if row is not None else None
        if row is None:
            row = CertificateDesign(blank_layout=blank_layout)
            s.add(row)
        row.filename, row.mime, row.width_px, row.height_px = name, mime, width, height
        row.size, row.sha256, row.data = len(data), hashlib.sha256(data).hexdigest(), data
        row.loaded_at = datetime.now()
        s.flush()
        audit.log(s, "update" if before else "create", "certificate_design", row.id, before,
                  audit.snapshot(row), f"Mẫu nền {get_layout(blank_layout).short_label}")
        return _info(row)


def remove_design(db: Database, blank_layout: str) -> bool:
    """Back to the default plain design; False when there was no design."""
    with db.session() as s:
        row = s.scalars(select(CertificateDesign)
                        .where(CertificateDesign.blank_layout == blank_layout)).first()
        if row is None:
            return False
        audit.log(s, "delete", "certificate_design", row.id, audit.snapshot(row), None,
                  f"Mẫu nền {get_layout(blank_layout).short_label}: về mẫu mặc định")
        s.delete(row)
        return True


def list_designs(db: Database) -> dict[str, DesignInfo]:
    """Blank model → its design (without the image bytes)."""
    cols = [CertificateDesign.id, CertificateDesign.blank_layout, CertificateDesign.filename,
            CertificateDesign.width_px, CertificateDesign.height_px, CertificateDesign.size,
            CertificateDesign.loaded_at]
    with db.read() as s:
        rows = s.execute(select(*cols)).all()
    return {r.blank_layout: DesignInfo(r.blank_layout, r.filename, r.width_px, r.height_px,
                                       _dpi(r.width_px, r.blank_layout), r.size, r.loaded_at)
            for r in rows if r.blank_layout in blank_models()}


def design_images(db: Database) -> dict[str, bytes]:
    """Blank model → image bytes, for the renderer."""
    with db.read() as s:
        return dict(s.execute(select(CertificateDesign.blank_layout, CertificateDesign.data)).all())

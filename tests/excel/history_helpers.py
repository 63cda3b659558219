"""Old commendation registers as wards keep them, written with openpyxl for the award-history
import tests. Legacy strings are typed by hand from the published tables (TCVN3 / ABC, TCVN
5712:1993: ă=¨ â=© ê=ª ô=« ơ=¬ ư=­ đ=® Đ=§, à=µ á=¸ ạ=¹, ễ=Ô, ị=Þ, ì=×, ù=ï; VNI-Windows: a
vowel then its mark — â=aâ ê=eâ ô=oâ, acute ù, grave ø, dot ï, ễ=eã, ơ=ô ư=ö đ=ñ Đ=Ñ)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from app.excel.importer import preview

HEADER = ["STT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu", "Số quyết định", "Ngày quyết định",
          "Cấp khen", "Số tiền", "Ghi chú"]
SIGNATURE = [[], ["", "", "", "", "Thành Đông, ngày 20 tháng 12 năm 2022"],
             ["", "", "", "", "NGƯỜI LẬP BIỂU"], ["", "", "", "", "Lê Thị Thu"]]


def save(sheets: dict[str, list[list]], path, *, merges: dict | None = None,
         fonts: dict | None = None):
    """``sheets``: sheet name → rows from row 1; ``merges`` / ``fonts``: sheet → refs."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for ref in (merges or {}).get(name, ()):
            ws.merge_cells(ref)
        for ref, font in (fonts or {}).get(name, {}).items():
            ws[ref].font = Font(name=font)
    wb.save(path)
    return path


def per_row_sheet(year: int, rows: list[list]) -> list[list]:
    """Decision number and date on every row, a title, a blank line and a signature."""
    return [[f"SỔ KHEN THƯỞNG NĂM {year}"], [], HEADER, *rows, *SIGNATURE]


def section(text: str) -> list:
    return [text]


def check(db, path, **context):
    return preview(db, "award-history", path, context or None)


def kinds(db) -> dict[str, int]:
    from app.services.awards.award_kinds import list_award_kinds

    return {k.code: k.id for k in list_award_kinds(db, active_only=False)}

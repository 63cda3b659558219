"""Shared set-up for the Excel tests: a ward with areas, and quick workbook writing."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from app.services.records.subjects import apply_name
from db.models import Collective, FormerUnit, ResidentialArea

AREAS = ["Khu dân cư số 1", "Khu dân cư số 2", "Thôn Đông Giàng"]


def seed_ward(db) -> dict[str, int]:
    ids = {}
    with db.session() as s:
        unit = FormerUnit(name="Bình Hàn")
        s.add(unit)
        s.flush()
        for name in AREAS:
            area = ResidentialArea(former_unit_id=unit.id)
            apply_name(area, name)
            s.add(area)
            s.flush()
            ids[name] = area.id
        school = Collective(kind="trường học")
        apply_name(school, "Trường Tiểu học Bình Hàn")
        s.add(school)
        s.flush()
        ids["school"] = school.id
    return ids


def workbook(rows: list[list], *, title: str | None = "DANH SÁCH", fonts: dict | None = None,
             merges: list[str] = (), sheet: str = "Danh sách", path=None):
    """Write ``rows`` starting at row 1; ``fonts`` maps "B5" → font name."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    for ref, name in (fonts or {}).items():
        ws[ref].font = Font(name=name)
    wb.save(path)
    return path

"""Templates per kind (``tdkt template KIND -o FILE.xlsx``) and export of existing records in
the same columns, so an exported list imports back unchanged."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.excel.export import HEADER_ROW, write_table
from app.excel.kinds import KINDS, KindSpec
from app.files import atomic_output
from db.engine import Database
from db.models import (
    AwardKind,
    Collective,
    FormerUnit,
    Household,
    Movement,
    Person,
    Registration,
    ResidentialArea,
    Subject,
)

_CHOICES = {
    "gender": '"Nam,Nữ"',
    "outcome": '"Đạt,Không đạt"',
}
_SUBJECT_TYPES = '"Cá nhân,Tập thể,Hộ gia đình,Khu dân cư"'
TEMPLATE_ROWS = 500


def _headers(spec: KindSpec, mark_required: bool) -> list[str]:
    return [f.label + (" (*)" if mark_required and f.required else "") for f in spec.fields]


def write_template(kind: str, path: str | Path) -> None:
    """An empty list with the kind's columns, drop-down lists and an instructions sheet."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    spec = KINDS[kind]
    write_table(path, spec.title, _headers(spec, True), [], sheet_name="Danh sách")
    wb = load_workbook(path)
    ws = wb.active
    ws["A2"] = "Các cột có dấu (*) là bắt buộc. Có thể thêm, bớt hoặc đổi thứ tự cột."
    ws["A2"].font = Font(italic=True, color="555555")
    last = HEADER_ROW + TEMPLATE_ROWS
    for col, f in enumerate(spec.fields, start=1):
        ws.column_dimensions[ws.cell(HEADER_ROW, col).column_letter].width = f.width
        choices = _CHOICES.get(f.type) or (_SUBJECT_TYPES if f.key == "subject_type" else None)
        letter = ws.cell(HEADER_ROW, col).column_letter
        if choices:
            dv = DataValidation(type="list", formula1=choices, allow_blank=True)
            dv.error, dv.errorTitle = "Chọn một giá trị trong danh sách.", "Giá trị không hợp lệ"
            ws.add_data_validation(dv)
            dv.add(f"{letter}{HEADER_ROW + 1}:{letter}{last}")
        if f.type in ("cccd", "phone"):  # text cells keep leading zeros
            for r in range(HEADER_ROW + 1, last + 1):
                ws[f"{letter}{r}"].number_format = "@"
    guide = wb.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Bắt buộc", "Cách ghi"])
    for f in spec.fields:
        guide.append([f.label, "Có" if f.required else "", f.hint])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    guide.column_dimensions["A"].width, guide.column_dimensions["C"].width = 24, 70
    with atomic_output(path) as tmp:
        wb.save(tmp)


def _gender(value: str | None) -> str | None:
    return {"nam": "Nam", "nữ": "Nữ"}.get(value or "")


def _birth(born, year):
    return born if born else year


def _area_rows(s: Session):
    stmt = (select(ResidentialArea, FormerUnit.name)
            .outerjoin(FormerUnit, FormerUnit.id == ResidentialArea.former_unit_id)
            .order_by(FormerUnit.sort_order, ResidentialArea.sort_key))
    for i, (a, unit) in enumerate(s.execute(stmt), start=1):
        yield [i, a.name, a.kind, unit, a.leader_name, a.households_total, a.notes]


def _person_rows(s: Session):
    area, work = aliased(ResidentialArea), aliased(Collective)
    stmt = (select(Person, area.name, work.name).outerjoin(area, area.id == Person.area_id)
            .outerjoin(work, work.id == Person.workplace_id).order_by(Person.sort_key))
    for i, (p, area_name, work_name) in enumerate(s.execute(stmt), start=1):
        yield [i, p.name, _gender(p.gender), _birth(p.birth_date, p.birth_year), p.cccd,
               p.position, work_name or p.workplace_text, area_name, p.phone, p.address, p.notes]


def _collective_rows(s: Session):
    area, parent = aliased(ResidentialArea), aliased(Collective)
    stmt = (select(Collective, parent.name, area.name)
            .outerjoin(parent, parent.id == Collective.parent_id)
            .outerjoin(area, area.id == Collective.area_id).order_by(Collective.sort_key))
    for i, (c, parent_name, area_name) in enumerate(s.execute(stmt), start=1):
        yield [i, c.name, c.kind, c.field, parent_name, area_name, c.address, c.phone, c.notes]


def _household_rows(s: Session):
    area = aliased(ResidentialArea)
    stmt = (select(Household, area.name).outerjoin(area, area.id == Household.area_id)
            .order_by(area.sort_key, Household.sort_key))
    for i, (h, area_name) in enumerate(s.execute(stmt), start=1):
        yield [i, h.name, area_name, h.address, h.head_birth_year, h.head_cccd, h.members,
               h.phone, h.notes]


_TYPE_LABEL = {"person": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình",
               "area": "Khu dân cư"}
_OUTCOME = {"dat": "Đạt", "khong_dat": "Không đạt"}


def _registration_rows(s: Session, year: int | None = None):
    area = aliased(ResidentialArea)
    stmt = (select(Registration, Subject, AwardKind.name, Movement.name, area.name)
            .join(Subject, Subject.id == Registration.subject_id)
            .join(AwardKind, AwardKind.id == Registration.award_kind_id)
            .outerjoin(Movement, Movement.id == Registration.movement_id)
            .outerjoin(area, area.id == Subject.area_id)
            .order_by(Registration.year, AwardKind.sort_order, Subject.sort_key))
    if year:
        stmt = stmt.where(Registration.year == year)
    workplaces = dict(s.execute(select(Collective.id, Collective.name)).all())
    for i, (r, subj, award, movement, area_name) in enumerate(s.execute(stmt), start=1):
        cccd = getattr(subj, "cccd", None)
        born = _birth(getattr(subj, "birth_date", None), getattr(subj, "birth_year", None))
        work = workplaces.get(getattr(subj, "workplace_id", None)) or getattr(
            subj, "workplace_text", None)
        yield [i, r.year, subj.name, _TYPE_LABEL[subj.type], cccd, born,
               area_name if subj.type != "area" else None, work, award, movement,
               _OUTCOME.get(r.outcome or ""), r.outcome_note]


_ROWS = {"area": _area_rows, "person": _person_rows, "collective": _collective_rows, "household": _household_rows,
         "registration": _registration_rows}


def export_kind(db: Database, kind: str, path: str | Path) -> int:
    """Write every record of a kind in its template's columns; returns the row count."""
    spec = KINDS[kind]
    if kind not in _ROWS:
        raise ValueError(f"Không xuất được loại {spec.label}.")
    with db.read() as s:
        rows = list(_ROWS[kind](s))
    dates = [i for i, f in enumerate(spec.fields) if f.type == "date"]
    return write_table(path, spec.title, _headers(spec, False), rows, sheet_name=spec.label,
                       date_columns=dates)  # the rows it wrote

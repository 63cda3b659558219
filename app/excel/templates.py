"""Templates per kind (``tdkt template KIND -o FILE.xlsx``) and export of existing records in
the same columns, so an exported list imports back unchanged."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.excel.export import HEADER_ROW, write_table
from app.excel.kinds import KindSpec, spec_of
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


def write_template(kind: str, path: str | Path, db: Database | None = None,
                   year: int | None = None) -> None:
    """An empty list with the kind's columns, drop-down lists and an instructions sheet. With
    the database: the columns it defines (culture indicators) and, for the area figures, one
    row per area already on file (of ``year`` when given) to fill in."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    spec = spec_of(kind, db)
    rows = _prefill(db, kind, spec, year) if db is not None else []
    title = spec.title + (f" NĂM {year}" if year and kind == "area_year" else "")
    write_table(path, title, _headers(spec, True), rows, sheet_name="Danh sách")
    wb = load_workbook(path)
    ws = wb.active
    ws["A2"] = "Các cột có dấu (*) là bắt buộc. Có thể thêm, bớt hoặc đổi thứ tự cột."
    ws["A2"].font = Font(italic=True, color="555555")
    last = HEADER_ROW + TEMPLATE_ROWS
    for col, f in enumerate(spec.fields, start=1):
        ws.column_dimensions[ws.cell(HEADER_ROW, col).column_letter].width = f.width
        choices = (('"' + ",".join(f.choices) + '"') if f.choices else _CHOICES.get(f.type)) or (
            _SUBJECT_TYPES if f.key == "subject_type" else None)
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


def _prefill(db: Database, kind: str, spec: KindSpec, year: int | None) -> list[list]:
    """The areas on file, one row each (their name, former unit and its kind), for the area
    figures template: the officer types the numbers only."""
    if kind != "area_year":
        return []
    with db.read() as s:
        areas = s.execute(select(ResidentialArea.name, FormerUnit.name, FormerUnit.kind)
                          .outerjoin(FormerUnit, FormerUnit.id == ResidentialArea.former_unit_id)
                          .order_by(FormerUnit.sort_order, ResidentialArea.sort_key)).all()
    keys = [f.key for f in spec.fields]
    out = []
    for i, (name, unit, unit_kind) in enumerate(areas, start=1):
        row = {"stt": i, "area": name, "year": year, "former_unit": unit,
               "former_unit_kind": unit_kind if unit else None}
        out.append([row.get(k) for k in keys])
    return out


def _gender(value: str | None) -> str | None:
    return {"nam": "Nam", "nữ": "Nữ"}.get(value or "")


def _birth(born, year):
    return born if born else year


def _area_rows(s: Session):
    stmt = (select(ResidentialArea, FormerUnit.name, FormerUnit.kind)
            .outerjoin(FormerUnit, FormerUnit.id == ResidentialArea.former_unit_id)
            .order_by(FormerUnit.sort_order, ResidentialArea.sort_key))
    for i, (a, unit, unit_kind) in enumerate(s.execute(stmt), start=1):
        yield [i, a.name, a.kind, unit, unit_kind if unit else None, a.leader_name,
               a.households_total, a.notes]


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


_KDCVH_TEXT = {"dat": "Đạt", "khong_dat": "Không đạt"}


def _area_year_rows(s: Session, spec: KindSpec):
    """Every area-year on file in the template's columns (yes/no indicators as Có / Không)."""
    from db.models import AreaYear

    stmt = (select(AreaYear, ResidentialArea.name, FormerUnit.name, FormerUnit.kind)
            .join(ResidentialArea, ResidentialArea.id == AreaYear.area_id)
            .outerjoin(FormerUnit, FormerUnit.id == ResidentialArea.former_unit_id)
            .order_by(AreaYear.year, FormerUnit.sort_order, ResidentialArea.sort_key))
    for i, (a, name, unit, unit_kind) in enumerate(s.execute(stmt), start=1):
        row = {"stt": i, "area": name, "year": a.year, "households": a.households,
               "registered": a.registered, "achieved": a.achieved,
               "kdcvh": _KDCVH_TEXT.get(a.kdcvh or ""), "former_unit": unit,
               "former_unit_kind": unit_kind if unit else None, "notes": a.notes}
        for key, value in (a.indicators or {}).items():
            row[f"ind:{key}"] = value
        out = []
        for f in spec.fields:
            value = row.get(f.key)
            out.append(("Có" if value else "Không") if f.type == "yesno" and value is not None
                       else value)
        yield out


def _movement_rows(s: Session):
    for i, m in enumerate(s.scalars(select(Movement).order_by(Movement.start_date,
                                                              Movement.name_folded)), start=1):
        yield [i, m.name, m.launched_by, m.kind, m.slogan, m.start_date, m.end_date,
               m.plan_number, m.plan_date, m.description]


_ROWS = {"area": _area_rows, "person": _person_rows, "collective": _collective_rows, "household": _household_rows,
         "registration": _registration_rows, "movement": _movement_rows}


def export_kind(db: Database, kind: str, path: str | Path) -> int:
    """Write every record of a kind in its template's columns; returns the row count."""
    spec = spec_of(kind, db)
    if kind not in _ROWS and kind != "area_year":
        raise ValueError(f"Không xuất được loại {spec.label}.")
    with db.read() as s:
        rows = list(_area_year_rows(s, spec) if kind == "area_year" else _ROWS[kind](s))
    dates = [i for i, f in enumerate(spec.fields) if f.type in ("date", "day")]
    return write_table(path, spec.title, _headers(spec, False), rows, sheet_name=spec.label,
                       date_columns=dates)  # the rows it wrote

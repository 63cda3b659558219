"""Import rules for the per-area yearly figures (``tdkt import area-year``): one row per area
and year. An area not yet on file is added (warned once in the preview), as is its former
unit; figures are checked against each other (registered ≤ households, achieved ≤
registered); an area-year already on file is a duplicate (skipped unless updated), with the
figures that differ named."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.excel.kinds import AREA_YEAR, AREA_YEAR_TAIL, Field, KindSpec
from app.excel.lookups import Lookups, area_key
from app.excel.pairs import InFile
from app.excel.preview import PreviewRow
from app.excel.rows_records import FormerUnits
from app.services.emulation.area_years import MAX_COUNT, check_figures
from app.services.emulation.culture_indicators import IndicatorData, list_indicators
from app.services.records.subjects import apply_name
from app.services.system import audit
from db.models import AreaYear, FormerUnit, ResidentialArea, Subject

FIGURES = (("households", "tổng số hộ"), ("registered", "số hộ đăng ký"),
           ("achieved", "số hộ đạt"), ("kdcvh", "khu dân cư văn hóa"))
_KDCVH = {"dat": "Đạt", "khong_dat": "Không đạt", None: "Chưa xét"}


def indicator_field(ind: IndicatorData) -> Field:
    parts = tuple(p.strip() for p in ind.name.split(",") if p.strip())
    aliases = parts if len(parts) > 1 else ()
    if ind.kind == "yesno":
        return Field(f"ind:{ind.id}", ind.name, "yesno", aliases=aliases, width=12,
                     choices=("Có", "Không"), hint="Có hoặc Không (để trống: chưa nhập).")
    return Field(f"ind:{ind.id}", ind.column_label, "int", aliases=aliases + (ind.name,), width=12,
                 bounds=(0, MAX_COUNT), hint=f"Số {ind.unit or 'lượng'} (số nguyên).")


def area_year_spec(db) -> KindSpec:
    """The columns of the area figures: the fixed ones, one per active culture indicator,
    then the former unit and notes."""
    base = AREA_YEAR.fields[:len(AREA_YEAR.fields) - len(AREA_YEAR_TAIL)]
    extra = tuple(indicator_field(i) for i in list_indicators(db, active_only=True))
    return replace(AREA_YEAR, fields=base + extra + AREA_YEAR_TAIL)


def _col(row: PreviewRow, key: str) -> str:
    return row.columns.get(key, "")


class AreaYearRows:
    kind = "area_year"
    needs: ClassVar[dict] = {}
    stores: ClassVar[dict] = {"area": Subject.name, "former_unit": FormerUnit.name}

    def prepare(self, s: Session, lk: Lookups, context: dict) -> None:
        self.units = FormerUnits(s)
        # Plain values (the objects would be detached once the preview's session ends).
        self.existing = {(r.area_id, r.year): r for r in s.execute(
            select(AreaYear.id, AreaYear.area_id, AreaYear.year, AreaYear.households,
                   AreaYear.registered, AreaYear.achieved, AreaYear.kdcvh,
                   AreaYear.indicators)).all()}
        self.new_areas: dict[str, str] = {}  # area key → the name first given
        self.created: dict[str, int] = {}  # area key → id of the area added while writing

    def check(self, row: PreviewRow, lk: Lookups, infile: InFile) -> None:
        v = row.values
        area_id = self._area(row, lk)
        self.units.check(row)
        try:
            check_figures(v.get("households"), v.get("registered"), v.get("achieved"))
        except ValidationError as exc:
            row.error(_col(row, "registered"), str(exc)[:1].upper() + str(exc)[1:])
        key = (area_key(v.get("area")), v.get("year"))
        if key in infile.seen:
            row.error(_col(row, "area"), f"Số liệu năm {key[1]} của “{v['area']}” đã có ở dòng "
                                         f"{infile.seen[key][1]} ({infile.seen[key][0]}).")
        else:
            infile.seen[key] = (row.sheet, row.row)
        given = self._given(v)
        if not given:
            row.skip_reason = "không có số liệu"
            row.warn("", "Dòng không có số liệu nào: bỏ qua.")
            return
        old = self.existing.get((area_id, v.get("year"))) if area_id else None
        if old is not None:
            row.duplicate_id = old.id
            row.duplicate_text = self._difference(old, v, given)

    def _area(self, row: PreviewRow, lk: Lookups) -> int | None:
        name = row.values.get("area")
        area_id = lk.area_id(name)
        key = area_key(name)
        if area_id is None and key:
            if row.area_from_section:
                row.error(_col(row, "area"), f"Tiêu đề nhóm “{name}” không phải khu dân cư nào "
                                             "trong Danh mục: thêm cột Khu dân cư.")
            elif key not in self.new_areas:
                self.new_areas[key] = name
                row.warn(_col(row, "area"), f"Khu dân cư “{name}” chưa có trong Danh mục: sẽ "
                                            "được thêm.")
        return area_id

    @staticmethod
    def _given(v: dict) -> dict:
        keys = [k for k, _ in FIGURES] + [k for k in v if k.startswith("ind:")]
        return {k: v[k] for k in keys if v.get(k) is not None}

    @staticmethod
    def _difference(old, v: dict, given: dict) -> str:
        diffs = []
        for key, label in FIGURES:
            if key in given and getattr(old, key) != given[key]:
                before = _KDCVH[old.kdcvh] if key == "kdcvh" else getattr(old, key)
                after = _KDCVH[given[key]] if key == "kdcvh" else given[key]
                diffs.append(f"{label} {before if before is not None else '(trống)'} → {after}")
        ind = {k[4:]: val for k, val in given.items() if k.startswith("ind:")}
        changed = sum(1 for k, val in ind.items() if (old.indicators or {}).get(k) != val)
        if changed:
            diffs.append(f"{changed} tiêu chí văn hóa khác")
        head = f"Đã có số liệu năm {v['year']} của khu này"
        return head + (": " + "; ".join(diffs) if diffs else " (giống hệt)")

    def _area_id(self, s: Session, row: PreviewRow, lk: Lookups) -> int:
        v = row.values
        found = lk.area_id(v["area"])
        key = area_key(v["area"])
        if found is None and key not in self.created:
            area = ResidentialArea(former_unit_id=self.units.id_for(
                s, v.get("former_unit"), v.get("former_unit_kind"),
                "Thêm khi nhập số liệu khu dân cư theo năm"))
            apply_name(area, self.new_areas.get(key, v["area"]))
            s.add(area)
            s.flush()
            audit.log(s, "create", "area", area.id, after=audit.snapshot(area),
                      note="Thêm khi nhập số liệu khu dân cư theo năm")
            self.created[key] = area.id
        return found if found is not None else self.created[key]

    def write(self, s: Session, row: PreviewRow, lk: Lookups):
        v, updating = row.values, row.action == "update"
        given = self._given(v)
        if updating:
            r = s.get(AreaYear, row.duplicate_id)
        else:
            r = AreaYear(area_id=self._area_id(s, row, lk), year=v["year"])
        for key, _ in FIGURES:
            if key in given or not updating:
                setattr(r, key, v.get(key))
        values = dict(r.indicators or {}) if updating else {}
        values.update({k[4:]: int(val) for k, val in given.items() if k.startswith("ind:")})
        r.indicators = values
        if v.get("notes") or not updating:
            r.notes = v.get("notes")
        if updating:
            check_figures(r.households, r.registered, r.achieved, v["area"])
        return r

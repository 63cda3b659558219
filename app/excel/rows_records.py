"""Import rules for records: people, collectives, households (checks, duplicates, writing)."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.excel.lookups import Lookups, area_key
from app.excel.pairs import InFile, compare
from app.excel.preview import PreviewRow
from app.services.records.subjects import apply_name
from app.services.system import audit
from app.text import fold
from db.models import Collective, FormerUnit, Household, Person, ResidentialArea, Subject


def _col(row: PreviewRow, key: str) -> str:
    return row.columns.get(key, "")


def _set(obj, attr: str, value, updating: bool) -> None:
    """On update, an empty cell keeps what the record already has."""
    if value in (None, "") and updating:
        return
    setattr(obj, attr, value)


def _area(row: PreviewRow, lk: Lookups, required: bool) -> int | None:
    name = row.values.get("area")
    if not name:
        return None
    area_id = lk.area_id(name)
    if area_id is None:
        if row.area_from_section:
            # The group heading above the row is not an area ("A. CÁ NHÂN"): no area given.
            if required:
                row.error(_col(row, "area"), f"Thiếu khu dân cư (tiêu đề nhóm “{name}” không "
                                             "phải khu dân cư nào trong Danh mục).")
            return None
        message = f"Khu dân cư “{name}” chưa có trong Danh mục khu dân cư."
        if required:
            row.error(_col(row, "area"), message)
        else:
            row.warn(_col(row, "area"), message + " Để trống khu dân cư.")
    return area_id


def _same_cccd(row: PreviewRow, infile: InFile, cccd: str | None, key: str, what: str) -> None:
    """One CCCD is one person: the same number under another name is an error."""
    if not cccd:
        return
    folded = fold(row.values.get("name"))  # only rows with a CCCD pay for this
    earlier = infile.seen.setdefault(("cccd", cccd), (row.row, folded))
    if earlier[1] != folded:
        row.error(_col(row, key), f"{what} {cccd} trùng với dòng {earlier[0]}.")


class PersonRows:
    kind = "person"
    needs: ClassVar[dict] = {"people": True}
    # Where each field is written: the model's column length bounds the text.
    stores: ClassVar[dict] = {"name": Subject.name, "position": Person.position,
                              "workplace": Person.workplace_text, "phone": Person.phone,
                              "address": Person.address}

    def check(self, row: PreviewRow, lk: Lookups, infile: InFile) -> None:
        v = row.values
        v["area_id"] = _area(row, lk, False)
        folded = fold(v.get("name"))
        cccd, born, year = v.get("cccd"), v.get("birth"), v.get("birth_year")
        _same_cccd(row, infile, cccd, "cccd", "Số CCCD")
        infile.pair(row, folded, {"cccd": cccd, "birth": born, "year": year,
                                  "address": v.get("address")})
        if cccd and cccd in lk.person_cccd:
            row.duplicate_id, row.duplicate_text = lk.person_cccd[cccd], f"Trùng số CCCD {cccd}"
        elif born and (folded, born) in lk.person_birth:
            row.duplicate_id = lk.person_birth[(folded, born)]
            row.duplicate_text = "Trùng họ tên và ngày sinh"
        elif not born and year and len(lk.person_year.get((folded, year), [])) == 1:
            row.duplicate_id = lk.person_year[(folded, year)][0]
            row.duplicate_text = "Trùng họ tên và năm sinh"
        work = v.get("workplace")
        matches = lk.collectives.get(fold(work), []) if work else []
        v["workplace_id"] = matches[0] if len(matches) == 1 else None

    def write(self, s: Session, row: PreviewRow, lk: Lookups):
        v, updating = row.values, row.action == "update"
        p = s.get(Person, row.duplicate_id) if updating else Person()
        apply_name(p, v["name"])
        _set(p, "gender", v.get("gender"), updating)
        _set(p, "birth_date", v.get("birth"), updating)
        _set(p, "birth_year", v.get("birth_year"), updating)
        _set(p, "cccd", v.get("cccd"), updating)
        _set(p, "position", v.get("position"), updating)
        _set(p, "workplace_id", v.get("workplace_id"), updating)
        _set(p, "workplace_text", None if v.get("workplace_id") else v.get("workplace"), updating)
        _set(p, "area_id", v.get("area_id"), updating)
        _set(p, "former_unit_id", lk.area_former_unit.get(v.get("area_id")), updating)
        _set(p, "phone", v.get("phone"), updating)
        _set(p, "address", v.get("address"), updating)
        _set(p, "notes", v.get("notes"), updating)
        return p



class CollectiveRows:
    kind = "collective"
    needs: ClassVar[dict] = {}
    stores: ClassVar[dict] = {"name": Subject.name, "kind": Collective.kind,
                              "field": Collective.field, "address": Collective.address,
                              "phone": Collective.phone}

    def check(self, row: PreviewRow, lk: Lookups, infile: InFile) -> None:
        v = row.values
        v["area_id"] = _area(row, lk, False)
        folded = fold(v.get("name"))
        infile.pair(row, folded, {"address": v.get("address")}, strong=(),
                    same_when_compatible=True)
        if len(lk.collectives.get(folded, [])) >= 1:
            row.duplicate_id = lk.collectives[folded][0]
            row.duplicate_text = "Trùng tên tập thể"
        parent = v.get("parent")
        v["parent_id"] = None
        if parent:
            found = lk.collectives.get(fold(parent), [])
            if len(found) == 1:
                v["parent_id"] = found[0]
            else:
                row.warn(_col(row, "parent"), f"Không tìm thấy đơn vị cấp trên “{parent}”.")

    def write(self, s: Session, row: PreviewRow, lk: Lookups):
        v, updating = row.values, row.action == "update"
        c = s.get(Collective, row.duplicate_id) if updating else Collective()
        apply_name(c, v["name"])
        for attr, key in (("kind", "kind"), ("field", "field"), ("parent_id", "parent_id"),
                          ("address", "address"), ("phone", "phone"), ("notes", "notes"),
                          ("area_id", "area_id")):
            _set(c, attr, v.get(key), updating)
        _set(c, "former_unit_id", lk.area_former_unit.get(v.get("area_id")), updating)
        return c



class HouseholdRows:
    kind = "household"
    needs: ClassVar[dict] = {"households": True}
    stores: ClassVar[dict] = {"name": Subject.name, "address": Household.address,
                              "phone": Household.phone}

    def check(self, row: PreviewRow, lk: Lookups, infile: InFile) -> None:
        v = row.values
        v["area_id"] = _area(row, lk, True)
        cccd = v.get("head_cccd")
        _same_cccd(row, infile, cccd, "head_cccd", "Số CCCD chủ hộ")
        identity = {"cccd": cccd, "year": v.get("head_birth"), "address": v.get("address")}
        key = (fold(v.get("name")), v["area_id"])
        if v["area_id"] is not None:
            infile.pair(row, key, identity, strong=("cccd",), same_when_compatible=True)
        self._in_database(row, lk, key, identity)

    def _in_database(self, row: PreviewRow, lk: Lookups, key: tuple, identity: dict) -> None:
        cccd = identity["cccd"]
        if cccd and cccd in lk.household_cccd:
            row.duplicate_id = lk.household_cccd[cccd]
            row.duplicate_text = f"Trùng số CCCD chủ hộ {cccd}"
            return
        found = lk.households.get(key, [])
        if not found:
            return
        mine = {k: x for k, x in identity.items() if x not in (None, "")}
        namesake = None
        for hid in found:
            theirs = {k: x for k, x in lk.household_info.get(hid, {}).items() if x}
            kind, reason = compare(mine, theirs, ("cccd",), same_when_compatible=True)
            if kind in ("duplicate", "same"):
                row.duplicate_id, row.duplicate_text = hid, "Trùng chủ hộ trong cùng khu dân cư"
                return
            namesake = namesake or (hid, reason)
        if namesake:
            row.duplicate_id, row.duplicate_kind = namesake[0], "namesake"
            row.duplicate_text = namesake[1].replace(
                "Cùng tên nhưng", "Cùng tên chủ hộ với hộ đã có trong khu dân cư nhưng"
            ) + " — thêm hộ mới (có thể chọn cập nhật)"

    def write(self, s: Session, row: PreviewRow, lk: Lookups):
        v, updating = row.values, row.action == "update"
        h = s.get(Household, row.duplicate_id) if updating else Household()
        apply_name(h, v["name"])
        h.area_id = v["area_id"]
        h.former_unit_id = lk.area_former_unit.get(v["area_id"])
        for attr in ("address", "members", "phone", "notes"):
            _set(h, attr, v.get(attr), updating)
        _set(h, "head_birth_year", v.get("head_birth"), updating)
        _set(h, "head_cccd", v.get("head_cccd"), updating)
        return h



AREA_KINDS = {"khu dan cu": "khu dân cư", "kdc": "khu dân cư", "to dan pho": "tổ dân phố",
              "tdp": "tổ dân phố", "thon": "thôn"}


UNIT_KINDS = {"phuong": "phường", "xa": "xã", "thi tran": "thị trấn"}


class FormerUnits:
    """The former units on file; one an import names that is not yet on file is added (once,
    audited) with the kind the file gives (phường by default), after a warning in the preview.
    An existing unit keeps its kind: a file saying otherwise gets a warning, never a change."""

    def __init__(self, s: Session):
        rows = s.execute(select(FormerUnit.id, FormerUnit.name, FormerUnit.kind)).all()
        self.units = {fold(n): uid for uid, n, _ in rows}
        self.kinds = {fold(n): k for _, n, k in rows}
        self.next_order = (s.scalar(select(func.max(FormerUnit.sort_order))) or 0) + 1
        self.announced: set[str] = set()  # warned about once

    def check(self, row: PreviewRow) -> None:
        unit, kind = row.values.get("former_unit"), row.values.get("former_unit_kind")
        if kind and fold(kind) not in UNIT_KINDS:
            row.error(_col(row, "former_unit_kind"),
                      f"Loại địa bàn cũ “{kind}” phải là phường, xã hoặc thị trấn.")
            return
        kind = UNIT_KINDS.get(fold(kind)) if kind else None
        key = fold(unit)
        if not unit:
            return
        if key not in self.units:
            if key not in self.announced:
                self.announced.add(key)
                row.warn(_col(row, "former_unit"), f"Địa bàn cũ “{unit}” chưa có: sẽ được thêm "
                                                   f"({kind or 'phường'}).")
        elif kind and self.kinds.get(key) != kind and (key, kind) not in self.announced:
            self.announced.add((key, kind))
            row.warn(_col(row, "former_unit_kind"),
                     f"Địa bàn cũ “{unit}” đang ghi là {self.kinds[key]}, tệp ghi {kind}: giữ "
                     f"{self.kinds[key]} (sửa ở Cài đặt đơn vị nếu cần).")

    def id_for(self, s: Session, name: str | None, kind: str | None, note: str) -> int | None:
        if not name:
            return None
        key = fold(name)
        if key not in self.units:
            unit = FormerUnit(name=name, kind=UNIT_KINDS.get(fold(kind), "phường"),
                              sort_order=self.next_order)
            self.next_order += 1
            s.add(unit)
            s.flush()
            audit.log(s, "create", "former_unit", unit.id, after=audit.snapshot(unit), note=note)
            self.units[key], self.kinds[key] = unit.id, unit.kind
        return self.units[key]


class AreaRows:
    """Residential areas; a former unit not yet on record is added with them."""

    kind = "area"
    needs: ClassVar[dict] = {}
    stores: ClassVar[dict] = {"name": Subject.name, "leader": ResidentialArea.leader_name,
                              "former_unit": FormerUnit.name}

    def prepare(self, s: Session, lk: Lookups, context: dict) -> None:
        self.units = FormerUnits(s)

    def check(self, row: PreviewRow, lk: Lookups, infile: InFile) -> None:
        v = row.values
        key = area_key(v.get("name"))
        seen = infile.seen
        if key in seen:
            row.error(_col(row, "name"), f"Khu dân cư “{v['name']}” trùng với dòng {seen[key]}.")
        seen[key] = row.row
        if key in lk.areas:
            row.duplicate_id, row.duplicate_text = lk.areas[key], "Đã có khu dân cư này"
        kind = v.get("kind")
        if kind and fold(kind) not in AREA_KINDS:
            row.error(_col(row, "kind"), f"Loại “{kind}” phải là khu dân cư, tổ dân phố hoặc thôn.")
        self.units.check(row)

    def write(self, s: Session, row: PreviewRow, lk: Lookups):
        v, updating = row.values, row.action == "update"
        a = s.get(ResidentialArea, row.duplicate_id) if updating else ResidentialArea()
        apply_name(a, v["name"])
        _set(a, "kind", AREA_KINDS.get(fold(v.get("kind")), "khu dân cư")
             if v.get("kind") or not updating else None, updating)
        unit = self.units.id_for(s, v.get("former_unit"), v.get("former_unit_kind"),
                                 "Thêm khi nhập danh sách khu dân cư")
        _set(a, "former_unit_id", unit, updating)
        _set(a, "leader_name", v.get("leader"), updating)
        _set(a, "households_total", v.get("households_total"), updating)
        _set(a, "notes", v.get("notes"), updating)
        return a

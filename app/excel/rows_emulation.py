"""Import rules for registrations and batch candidates: finding the subject each row names."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.excel.lookups import Lookups, area_key
from app.excel.pairs import InFile
from app.excel.preview import PreviewRow
from app.services.rounds.batches import ACHIEVEMENT_MAX
from app.text import fold
from db.models import Batch, Candidate, Registration

_TYPES = {"ca nhan": "person", "tap the": "collective", "ho gia dinh": "household",
          "ho": "household", "gia dinh": "household", "khu dan cu": "area", "thon": "area",
          "to dan pho": "area"}
TYPE_LABELS = {"person": "cá nhân", "collective": "tập thể", "household": "hộ gia đình",
               "area": "khu dân cư"}


def _subject_type(row: PreviewRow, types: tuple[str, ...]) -> str | None:
    given = row.values.get("subject_type")
    if given:
        kind = _TYPES.get(fold(given))
        if kind is None:
            row.error(row.columns.get("subject_type", ""),
                      f"Loại đối tượng “{given}” phải là Cá nhân, Tập thể, Hộ gia đình hoặc "
                      "Khu dân cư.")
        return kind
    if len(types) == 1:
        return types[0]
    row.error(row.columns.get("subject_type", ""),
              "Cần ghi loại đối tượng (danh hiệu này dùng cho nhiều loại đối tượng).")
    return None


def _one(row: PreviewRow, ids: list[int], what: str) -> int | None:
    col = row.columns.get("name", "")
    if not ids:
        row.error(col, f"Không tìm thấy {what} “{row.values.get('name')}” trong Danh mục.")
        return None
    if len(ids) > 1:
        row.error(col, f"Có {len(ids)} {what} tên “{row.values.get('name')}”: thêm CCCD, ngày "
                       "sinh, đơn vị công tác hoặc khu dân cư để phân biệt.")
        return None
    return ids[0]


def _person(row: PreviewRow, lk: Lookups) -> int | None:
    v, folded = row.values, fold(row.values.get("name"))
    if v.get("cccd"):
        return _one(row, [lk.person_cccd[v["cccd"]]] if v["cccd"] in lk.person_cccd else [],
                    "cá nhân có số CCCD này, tên")
    if v.get("birth"):
        found = lk.person_birth.get((folded, v["birth"]))
        return _one(row, [found] if found else [], "cá nhân")
    if v.get("birth_year"):
        return _one(row, lk.person_year.get((folded, v["birth_year"]), []), "cá nhân")
    return _one(row, _by_place(v, lk, lk.person_name.get(folded, [])), "cá nhân")


def _by_place(v: dict, lk: Lookups, ids: list[int]) -> list[int]:
    """Namesakes told apart by their workplace or residential area, when the list gives it."""
    if len(ids) < 2:
        return ids
    work = lk.collectives.get(fold(v.get("workplace")), []) if v.get("workplace") else []
    area = lk.area_id(v.get("area"))
    narrowed = [pid for pid in ids
                if (not work or lk.person_place.get(pid, (None, None))[0] in work)
                and (area is None or lk.person_place.get(pid, (None, None))[1] == area)]
    return narrowed if (work or area) else ids


def resolve_subject(row: PreviewRow, lk: Lookups, award_id: int | None) -> int | None:
    kind = _subject_type(row, lk.award_types.get(award_id, ()) if award_id else ())
    if kind is None:
        return None
    types = lk.award_types.get(award_id, ())
    if award_id and types and kind not in types:
        row.error(row.columns.get("award", ""),
                  f"Danh hiệu “{row.values.get('award')}” không dành cho {TYPE_LABELS[kind]}.")
    folded = fold(row.values.get("name"))
    if kind == "person":
        return _person(row, lk)
    if kind == "collective":
        return _one(row, lk.collectives.get(folded, []), "tập thể")
    if kind == "area":
        found = lk.areas.get(area_key(row.values.get("name")))
        return _one(row, [found] if found else [], "khu dân cư")
    area = lk.area_id(row.values.get("area"))
    ids = lk.households.get((folded, area), []) if area else lk.household_name.get(folded, [])
    return _one(row, _by_head(row.values, lk, ids), "hộ gia đình")


def _by_head(v: dict, lk: Lookups, ids: list[int]) -> list[int]:
    """Households with namesake heads told apart by the head's CCCD or birth year."""
    for key, given in (("cccd", v.get("cccd")), ("year", v.get("birth_year"))):
        if given and len(ids) > 1:
            ids = [h for h in ids if lk.household_info.get(h, {}).get(key) in (given, None)]
    return ids


def _award(row: PreviewRow, lk: Lookups) -> int | None:
    award_id = lk.award_id(row.values.get("award"))
    if row.values.get("award") and award_id is None:
        row.error(row.columns.get("award", ""),
                  f"Không có danh hiệu, hình thức “{row.values['award']}” trong danh mục.")
    return award_id


class RegistrationRows:
    kind = "registration"
    needs: ClassVar[dict] = {"people": True, "households": True}
    stores: ClassVar[dict] = {}  # the subject's name is looked up, not written

    def prepare(self, s: Session, lk: Lookups, context: dict) -> None:
        self.existing = {(y, sid, aid): rid for rid, y, sid, aid in s.execute(
            select(Registration.id, Registration.year, Registration.subject_id,
                   Registration.award_kind_id))}

    def check(self, row: PreviewRow, lk: Lookups, infile: InFile) -> None:
        seen = infile.seen
        v = row.values
        v["award_kind_id"] = _award(row, lk)
        v["subject_id"] = resolve_subject(row, lk, v["award_kind_id"])
        v["movement_id"] = None
        if v.get("movement"):
            v["movement_id"] = lk.movements.get(fold(v["movement"]))
            if v["movement_id"] is None:
                row.warn(row.columns.get("movement", ""),
                         f"Chưa có phong trào “{v['movement']}”: đăng ký không gắn phong trào.")
        key = (v.get("year"), v["subject_id"], v["award_kind_id"])
        if None in key:
            return
        if key in seen:
            row.error("", f"Trùng đăng ký với dòng {seen[key]}.")
        seen[key] = row.row
        if key in self.existing:
            row.duplicate_id = self.existing[key]
            row.duplicate_text = "Đã đăng ký danh hiệu này trong năm"

    def write(self, s: Session, row: PreviewRow, lk: Lookups):
        v, updating = row.values, row.action == "update"
        r = s.get(Registration, row.duplicate_id) if updating else Registration(
            year=v["year"], subject_id=v["subject_id"], award_kind_id=v["award_kind_id"])
        if v.get("movement_id"):
            r.movement_id = v["movement_id"]
        if v.get("outcome") or not updating:
            r.outcome = v.get("outcome")
        if v.get("notes"):
            r.outcome_note = v["notes"]
        return r



class CandidateRows:
    kind = "candidate"
    needs: ClassVar[dict] = {"people": True, "households": True}
    stores: ClassVar[dict] = {"proposing_unit": Candidate.proposing_unit}

    def prepare(self, s: Session, lk: Lookups, context: dict) -> None:
        from app.errors import ValidationError

        self.batch_id = context.get("batch_id")
        batch = s.get(Batch, self.batch_id) if self.batch_id else None
        if batch is None:
            raise ValidationError("Cần chọn đợt xét khen thưởng để nhập danh sách ứng viên.")
        if batch.status == "decided":
            raise ValidationError("Đợt xét đã có quyết định: không thêm ứng viên được.")
        self.order = s.scalar(select(func.max(Candidate.sort_order))
                              .where(Candidate.batch_id == self.batch_id)) or 0
        self.existing = {(sid, aid): cid for cid, sid, aid in s.execute(
            select(Candidate.id, Candidate.subject_id, Candidate.award_kind_id)
            .where(Candidate.batch_id == self.batch_id))}

    def check(self, row: PreviewRow, lk: Lookups, infile: InFile) -> None:
        seen = infile.seen
        v = row.values
        v["award_kind_id"] = _award(row, lk)
        v["subject_id"] = resolve_subject(row, lk, v["award_kind_id"])
        if v.get("achievement") and len(v["achievement"]) > ACHIEVEMENT_MAX:
            row.error(row.columns.get("achievement", ""),
                      f"Thành tích dài {len(v['achievement'])} ký tự, quá {ACHIEVEMENT_MAX}: đưa "
                      "báo cáo đầy đủ vào tệp đính kèm.")
        key = (v["subject_id"], v["award_kind_id"])
        if None in key:
            return
        if key in seen:
            row.error("", f"Trùng ứng viên với dòng {seen[key]}.")
        seen[key] = row.row
        if key in self.existing:
            row.duplicate_id = self.existing[key]
            row.duplicate_text = "Đã có trong đợt xét"

    def write(self, s: Session, row: PreviewRow, lk: Lookups):
        v, updating = row.values, row.action == "update"
        if updating:
            c = s.get(Candidate, row.duplicate_id)
        else:
            self.order += 1
            c = Candidate(batch_id=self.batch_id, subject_id=v["subject_id"],
                          award_kind_id=v["award_kind_id"], status="proposed",
                          sort_order=self.order)
        for attr in ("achievement", "proposing_unit"):
            if v.get(attr) or not updating:
                setattr(c, attr, v.get(attr))
        return c


"""Gương điển hình tiên tiến, người tốt việc tốt: person or collective, field, year, story,
photo, linked register entries. The reports introduce them; candidate choice looks them up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import delete, select

from app import text
from app.errors import NotFoundError, ValidationError
from app.services.records.listing import Column, FilterSpec, ListSource, reorder
from app.services.records.subjects import SUBJECT_TYPE_LABELS
from app.services.system import audit
from db.engine import Database
from db.models import AwardRecord, RoleModel, RoleModelAward, Subject

FIELDS = ("lao động sản xuất", "công tác", "học tập", "văn hóa - xã hội", "an ninh trật tự",
          "người tốt việc tốt", "khác")
PHOTO_MAX = 5 * 1024 * 1024  # a phone photo; bigger files bloat the database and backups
STORY_MAX = 6000  # fits the one-page profile


@dataclass(frozen=True)
class RoleModelData:
    subject_id: int
    year: int
    field: str | None = None
    headline: str | None = None
    story: str | None = None
    photo: bytes | None = None
    photo_mime: str | None = None
    award_record_ids: tuple[int, ...] = ()
    id: int | None = None


def photo_mime(data: bytes) -> str:
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    raise ValidationError("Ảnh phải là tệp JPEG hoặc PNG.", "photo")


def _validate(d: RoleModelData) -> RoleModelData:
    story = "\n".join(text.nfc(p) for p in (d.story or "").splitlines()).strip() or None
    d = replace(d, field=text.nfc_or_none(d.field), headline=text.nfc_or_none(d.headline),
                story=story, award_record_ids=tuple(dict.fromkeys(d.award_record_ids)))
    if not d.subject_id:
        raise ValidationError("Cần chọn cá nhân hoặc tập thể.", "subject")
    if not 1990 <= int(d.year or 0) <= 2100:
        raise ValidationError("Năm không hợp lệ.", "year")
    if story and len(story) > STORY_MAX:
        raise ValidationError(f"Câu chuyện dài {len(story)} ký tự, tối đa {STORY_MAX} để in "
                              "vừa một trang.", "story")
    if d.photo is not None:
        if len(d.photo) > PHOTO_MAX:
            raise ValidationError("Ảnh lớn hơn 5 MB: hãy chọn ảnh nhỏ hơn.", "photo")
        d = replace(d, photo_mime=photo_mime(d.photo))
    return d


def save_role_model(db: Database, data: RoleModelData) -> int:
    d = _validate(data)
    with db.session() as s:
        subject = s.get(Subject, d.subject_id)
        if subject is None or subject.type not in ("person", "collective", "household", "area"):
            raise ValidationError("Đối tượng đã chọn không còn trong Danh mục.", "subject")
        linked = set(s.scalars(select(AwardRecord.id).where(
            AwardRecord.id.in_(d.award_record_ids), AwardRecord.subject_id == d.subject_id)))
        if linked != set(d.award_record_ids):
            raise ValidationError("Khen thưởng gắn kèm phải là của chính đối tượng này.", "awards")
        obj = RoleModel() if d.id is None else s.get(RoleModel, d.id)
        if obj is None:
            raise NotFoundError("Gương điển hình này không còn trong cơ sở dữ liệu.")
        before = None if d.id is None else audit.snapshot(obj)
        for key in ("subject_id", "year", "field", "headline", "story", "photo", "photo_mime"):
            setattr(obj, key, getattr(d, key))
        s.add(obj)
        s.flush()
        s.execute(delete(RoleModelAward).where(RoleModelAward.role_model_id == obj.id))
        s.add_all(RoleModelAward(role_model_id=obj.id, award_record_id=a)
                  for a in d.award_record_ids)
        audit.log(s, "create" if before is None else "update", "role_model", obj.id,
                  before=before, after={**audit.snapshot(obj), "awards": list(d.award_record_ids)})
        return obj.id


def get_role_model(db: Database, role_model_id: int) -> RoleModelData:
    with db.read() as s:
        obj = s.get(RoleModel, role_model_id)
        if obj is None:
            raise NotFoundError("Gương điển hình này không còn trong cơ sở dữ liệu.")
        awards = tuple(s.scalars(select(RoleModelAward.award_record_id)
                                 .where(RoleModelAward.role_model_id == role_model_id)))
        return RoleModelData(obj.subject_id, obj.year, obj.field, obj.headline, obj.story,
                             obj.photo, obj.photo_mime, awards, obj.id)


def delete_role_model(db: Database, role_model_id: int) -> None:
    with db.session() as s:
        obj = s.get(RoleModel, role_model_id)
        if obj is None:
            return
        before = audit.snapshot(obj)
        s.execute(delete(RoleModelAward).where(RoleModelAward.role_model_id == role_model_id))
        s.delete(obj)
        audit.log(s, "delete", "role_model", role_model_id, before=before)


def subject_label(db: Database, subject_id: int) -> str:
    with db.read() as s:
        subj = s.get(Subject, subject_id)
        return "" if subj is None else f"{subj.name} ({SUBJECT_TYPE_LABELS[subj.type].lower()})"


def for_subjects(db: Database, subject_ids: Sequence[int]) -> dict[int, list[tuple[int, str]]]:
    """Role-model entries (year, headline) of each subject: shown when choosing candidates."""
    out: dict[int, list[tuple[int, str]]] = {}
    with db.read() as s:
        rows = s.execute(select(RoleModel.subject_id, RoleModel.year, RoleModel.headline)
                         .where(RoleModel.subject_id.in_(list(subject_ids)))
                         .order_by(RoleModel.year.desc()))
        for sid, year, headline in rows:
            out.setdefault(sid, []).append((year, headline or ""))
    return out


class RoleModelSource(ListSource):
    title = "Gương điển hình tiên tiến"
    columns = (Column("Cá nhân / tập thể", 30), Column("Loại", 10), Column("Năm", 6, align="right"),
               Column("Lĩnh vực", 18), Column("Tiêu đề", 40), Column("Ảnh", 5, sortable=False))
    _order = (Subject.sort_key, Subject.type, RoleModel.year, RoleModel.field, RoleModel.headline)

    def __init__(self, db: Database):
        self.db = db
        self.filters = (
            FilterSpec("year", "Năm", self._years),
            FilterSpec("field", "Lĩnh vực", lambda: [(f, f.capitalize()) for f in FIELDS]),
        )

    def _years(self) -> list[tuple[int, str]]:
        with self.db.read() as s:
            years = s.scalars(select(RoleModel.year).distinct().order_by(RoleModel.year.desc()))
            return [(y, str(y)) for y in years]

    def ids(self, search: str, filters: dict, order: tuple[int, bool]) -> list[int]:
        stmt = select(RoleModel.id).join(Subject, Subject.id == RoleModel.subject_id)
        for t in text.fold_tokens(search):
            stmt = stmt.where(Subject.name_folded.contains(t))
        for key in ("year", "field"):
            if filters.get(key):
                stmt = stmt.where(getattr(RoleModel, key) == filters[key])
        col, asc = order
        key = self._order[col] if 0 <= col < len(self._order) else Subject.sort_key
        stmt = stmt.order_by(key.asc() if asc else key.desc(), RoleModel.id)
        with self.db.read() as s:
            return list(s.scalars(stmt))

    def rows(self, ids: Sequence[int]) -> list[tuple]:
        with self.db.read() as s:
            found = s.execute(select(RoleModel.id, Subject.name, Subject.type, RoleModel.year,
                                     RoleModel.field, RoleModel.headline,
                                     RoleModel.photo_mime)
                              .join(Subject, Subject.id == RoleModel.subject_id)
                              .where(RoleModel.id.in_(list(ids))))
            by_id = {rid: (name, SUBJECT_TYPE_LABELS[kind], year, field or "", headline or "",
                           "Có" if mime else "")
                     for rid, name, kind, year, field, headline, mime in found}
        return reorder(ids, by_id)

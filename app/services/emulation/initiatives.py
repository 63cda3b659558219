"""Sáng kiến (Nghị định 13/2012): title, authors, year, field, scope, recognition decision.

A recognised initiative is what Chiến sĩ thi đua cơ sở (Luật 2022, Điều 21) asks for, so
eligibility reads ``recognised_for_person``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import delete, func, select

from app import text
from app.errors import NotFoundError, ValidationError
from app.services.records.listing import Column, FilterSpec, ListSource, reorder
from app.services.system import audit
from db.engine import Database
from db.models import Initiative, InitiativeAuthor, Person, Subject

# Stored values match app.rules (SCOPE_RANK); Hải Phòng is a city at provincial level.
SCOPES = ("cơ sở", "tỉnh", "toàn quốc")
SCOPE_LABELS = {"cơ sở": "Cơ sở", "tỉnh": "Tỉnh, thành phố", "toàn quốc": "Toàn quốc"}
FIELDS = ("quản lý nhà nước", "giáo dục", "y tế", "kinh tế", "văn hóa - xã hội",
          "quốc phòng - an ninh", "chuyển đổi số", "khác")


@dataclass(frozen=True)
class InitiativeData:
    title: str
    year: int
    author_ids: tuple[int, ...] = ()
    field: str | None = None
    scope: str = "cơ sở"
    effect: str | None = None
    recognized: bool = False
    decision_number: str | None = None
    decision_date: date | None = None
    description: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class InitiativeInfo:
    id: int
    title: str
    year: int
    scope: str
    decision: str
    authors: tuple[str, ...] = field(default_factory=tuple)


def _validate(d: InitiativeData) -> InitiativeData:
    if d.scope not in SCOPES:
        raise ValidationError("Phạm vi ảnh hưởng phải là cơ sở, tỉnh hoặc toàn quốc.", "scope")
    d = replace(d, title=text.nfc(d.title), field=text.nfc_or_none(d.field),
                scope=text.nfc(d.scope) or "cơ sở", effect=(d.effect or "").strip() or None,
                decision_number=text.nfc_or_none(d.decision_number),
                description=(d.description or "").strip() or None,
                author_ids=tuple(dict.fromkeys(d.author_ids)))
    if not d.title:
        raise ValidationError("Cần nhập tên sáng kiến.", "title")
    if not 1990 <= int(d.year or 0) <= 2100:
        raise ValidationError("Năm của sáng kiến không hợp lệ.", "year")
    if not d.author_ids:
        raise ValidationError("Sáng kiến cần ít nhất một tác giả.", "authors")
    if d.recognized and not d.decision_number:
        raise ValidationError("Sáng kiến đã được công nhận cần số quyết định công nhận.",
                              "decision_number")
    return d


def save_initiative(db: Database, data: InitiativeData) -> int:
    d = _validate(data)
    with db.session() as s:
        found = s.scalars(select(Person.id).where(Person.id.in_(d.author_ids))).all()
        if len(found) != len(d.author_ids):
            raise ValidationError("Tác giả phải là cá nhân có trong Danh mục.", "authors")
        obj = Initiative() if d.id is None else s.get(Initiative, d.id)
        if obj is None:
            raise NotFoundError("Sáng kiến này không còn trong cơ sở dữ liệu.")
        before = None if d.id is None else {**audit.snapshot(obj), "authors": _author_ids(s, d.id)}
        for key in ("title", "year", "field", "scope", "effect", "recognized", "decision_number",
                    "decision_date", "description"):
            setattr(obj, key, getattr(d, key))
        obj.title_folded = text.fold(d.title)
        s.add(obj)
        s.flush()
        s.execute(delete(InitiativeAuthor).where(InitiativeAuthor.initiative_id == obj.id))
        s.add_all(InitiativeAuthor(initiative_id=obj.id, person_id=p) for p in d.author_ids)
        after = {**audit.snapshot(obj), "authors": list(d.author_ids)}
        audit.log(s, "create" if before is None else "update", "initiative", obj.id,
                  before=before, after=after)
        return obj.id


def _author_ids(s, initiative_id: int) -> list[int]:
    return list(s.scalars(select(InitiativeAuthor.person_id)
                          .where(InitiativeAuthor.initiative_id == initiative_id)))


def get_initiative(db: Database, initiative_id: int) -> InitiativeData:
    with db.read() as s:
        obj = s.get(Initiative, initiative_id)
        if obj is None:
            raise NotFoundError("Sáng kiến này không còn trong cơ sở dữ liệu.")
        values = {k: getattr(obj, k) for k in InitiativeData.__dataclass_fields__
                  if k != "author_ids"}
        return InitiativeData(**values, author_ids=tuple(_author_ids(s, initiative_id)))


def delete_initiative(db: Database, initiative_id: int) -> None:
    with db.session() as s:
        obj = s.get(Initiative, initiative_id)
        if obj is None:
            return
        before = {**audit.snapshot(obj), "authors": _author_ids(s, initiative_id)}
        s.delete(obj)
        audit.log(s, "delete", "initiative", initiative_id, before=before)


def author_names(db: Database, person_ids: Sequence[int]) -> list[tuple[int, str]]:
    with db.read() as s:
        rows = dict(s.execute(select(Subject.id, Subject.name)
                              .where(Subject.id.in_(person_ids))).all())
    return [(pid, rows[pid]) for pid in person_ids if pid in rows]


def recognised_for_person(db: Database, person_id: int, year: int | None = None) -> list[InitiativeInfo]:
    """The person's recognised initiatives (optionally of one year), newest first."""
    stmt = (select(Initiative).join(InitiativeAuthor, InitiativeAuthor.initiative_id == Initiative.id)
            .where(InitiativeAuthor.person_id == person_id, Initiative.recognized)
            .order_by(Initiative.year.desc(), Initiative.title_folded))
    if year is not None:
        stmt = stmt.where(Initiative.year == year)
    with db.read() as s:
        return [_info(s, i) for i in s.scalars(stmt)]


def _info(s, i: Initiative) -> InitiativeInfo:
    names = s.scalars(select(Subject.name).join(InitiativeAuthor,
                                                InitiativeAuthor.person_id == Subject.id)
                      .where(InitiativeAuthor.initiative_id == i.id).order_by(Subject.sort_key))
    decision = ""
    if i.recognized:
        decision = f"QĐ số {i.decision_number}" + (
            f" ngày {text.format_date_vn(i.decision_date)}" if i.decision_date else "")
    return InitiativeInfo(i.id, i.title, i.year, i.scope, decision, tuple(names))


class InitiativeSource(ListSource):
    title = "Sáng kiến"
    columns = (Column("Tên sáng kiến", 46), Column("Tác giả", 30, sortable=False),
               Column("Năm", 6, align="right"), Column("Lĩnh vực", 16), Column("Phạm vi", 10),
               Column("Công nhận", 26, sortable=False))
    _order = (Initiative.title_folded, None, Initiative.year, Initiative.field, Initiative.scope)

    def __init__(self, db: Database):
        self.db = db
        self.filters = (
            FilterSpec("year", "Năm", lambda: [(y, str(y)) for y in self._years()]),
            FilterSpec("recognized", "Công nhận", lambda: [(True, "Đã công nhận"),
                                                           (False, "Chưa công nhận")]),
        )

    def _years(self) -> list[int]:
        with self.db.read() as s:
            return list(s.scalars(select(Initiative.year).distinct().order_by(Initiative.year.desc())))

    def ids(self, search: str, filters: dict, order: tuple[int, bool]) -> list[int]:
        stmt = select(Initiative.id)
        tokens = text.fold_tokens(search)
        if tokens:
            by_author = (select(InitiativeAuthor.initiative_id)
                         .join(Subject, Subject.id == InitiativeAuthor.person_id))
            for t in tokens:
                by_author = by_author.where(Subject.name_folded.contains(t))
            title_match = select(Initiative.id)
            for t in tokens:
                title_match = title_match.where(Initiative.title_folded.contains(t))
            stmt = stmt.where(Initiative.id.in_(title_match.union(by_author)))
        if filters.get("year"):
            stmt = stmt.where(Initiative.year == filters["year"])
        if filters.get("recognized") is not None:
            stmt = stmt.where(Initiative.recognized == filters["recognized"])
        col, asc = order
        key = self._order[col] if 0 <= col < len(self._order) and self._order[col] is not None \
            else Initiative.title_folded
        stmt = stmt.order_by(key.asc() if asc else key.desc(), Initiative.id)
        with self.db.read() as s:
            return list(s.scalars(stmt))

    def rows(self, ids: Sequence[int]) -> list[tuple]:
        with self.db.read() as s:
            by_id = {}
            for i in s.scalars(select(Initiative).where(Initiative.id.in_(list(ids)))):
                info = _info(s, i)
                by_id[i.id] = (i.title, ", ".join(info.authors), i.year, i.field or "",
                               SCOPE_LABELS.get(i.scope, i.scope),
                               info.decision)
        return reorder(ids, by_id)


def count_recognised(db: Database, year: int) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Initiative)
                        .where(Initiative.year == year, Initiative.recognized)) or 0

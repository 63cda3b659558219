"""Phong trào thi đua: create, edit, delete, list; results narrative per year (for reports)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import delete, func, or_, select

from app import text
from app.errors import InUseError, NotFoundError, ValidationError
from app.services.records.listing import Column, FilterSpec, ListSource, reorder
from app.services.system import audit
from db.engine import Database
from db.models import Batch, Movement, MovementResult, Registration

LAUNCHERS = ("Thủ tướng Chính phủ", "Thành phố", "Phường", "Mặt trận & đoàn thể")
KINDS = ("thường xuyên", "chuyên đề", "theo đợt")
STATUSES = ("chưa bắt đầu", "đang triển khai", "đã kết thúc")


@dataclass(frozen=True)
class MovementData:
    name: str
    launched_by: str = "Phường"
    kind: str = "thường xuyên"
    slogan: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    plan_number: str | None = None
    plan_date: date | None = None
    description: str | None = None
    status: str = "đang triển khai"
    id: int | None = None


def _validate(d: MovementData) -> MovementData:
    d = replace(d, name=text.nfc(d.name), launched_by=text.nfc(d.launched_by),
                kind=text.nfc(d.kind), slogan=text.nfc_or_none(d.slogan),
                plan_number=text.nfc_or_none(d.plan_number),
                description=(d.description or "").strip() or None, status=text.nfc(d.status))
    if not d.name:
        raise ValidationError("Cần nhập tên phong trào.", "name")
    if len(d.name) > 400:
        raise ValidationError("Tên phong trào dài quá 400 ký tự.", "name")
    if not d.launched_by:
        raise ValidationError("Cần chọn cấp phát động.", "launched_by")
    if d.kind not in KINDS:
        raise ValidationError(f"Loại phong trào phải là: {', '.join(KINDS)}.", "kind")
    if d.start_date and d.end_date and d.end_date < d.start_date:
        raise ValidationError("Ngày kết thúc phải sau ngày bắt đầu.", "end_date")
    return d


def save_movement(db: Database, data: MovementData) -> int:
    d = _validate(data)
    with db.session() as s:
        m = Movement() if d.id is None else s.get(Movement, d.id)
        if m is None:
            raise NotFoundError("Phong trào này không còn trong cơ sở dữ liệu.")
        before = None if d.id is None else audit.snapshot(m)
        for key in ("name", "launched_by", "kind", "slogan", "start_date", "end_date",
                    "plan_number", "plan_date", "description", "status"):
            setattr(m, key, getattr(d, key))
        m.name_folded = text.fold(d.name)
        s.add(m)
        s.flush()
        audit.log(s, "create" if before is None else "update", "movement", m.id,
                  before=before, after=audit.snapshot(m))
        return m.id


def get_movement(db: Database, movement_id: int) -> MovementData:
    with db.read() as s:
        m = s.get(Movement, movement_id)
        if m is None:
            raise NotFoundError("Phong trào này không còn trong cơ sở dữ liệu.")
        return MovementData(**{k: getattr(m, k) for k in MovementData.__dataclass_fields__})


def delete_movement(db: Database, movement_id: int) -> None:
    with db.session() as s:
        m = s.get(Movement, movement_id)
        if m is None:
            return
        used = s.scalar(select(func.count()).select_from(Registration)
                        .where(Registration.movement_id == movement_id))
        batches = s.scalar(select(func.count()).select_from(Batch)
                           .where(Batch.movement_id == movement_id))
        if used or batches:
            raise InUseError(f"Không xóa được phong trào “{m.name}”: còn {used} đăng ký thi đua và "
                             f"{batches} đợt xét gắn với nó.")
        before = audit.snapshot(m)
        s.execute(delete(MovementResult).where(MovementResult.movement_id == movement_id))
        s.delete(m)
        audit.log(s, "delete", "movement", movement_id, before=before)


def results(db: Database, movement_id: int) -> dict[int, str]:
    """Results narrative by year."""
    with db.read() as s:
        rows = s.execute(select(MovementResult.year, MovementResult.narrative)
                         .where(MovementResult.movement_id == movement_id)
                         .order_by(MovementResult.year))
        return dict(rows.all())


def save_result(db: Database, movement_id: int, year: int, narrative: str) -> None:
    """Write (or clear, when empty) the results of one year."""
    clean = (narrative or "").strip()
    if not 1900 <= year <= 2100:
        raise ValidationError("Năm không hợp lệ.", "year")
    with db.session() as s:
        row = s.scalar(select(MovementResult).where(MovementResult.movement_id == movement_id,
                                                    MovementResult.year == year))
        before = audit.snapshot(row) if row else None
        if not clean:
            if row:
                s.delete(row)
                audit.log(s, "delete", "movement_result", row.id, before=before)
            return
        row = row or MovementResult(movement_id=movement_id, year=year)
        row.narrative = text.nfc(clean) if "\n" not in clean else "\n".join(
            text.nfc(line) for line in clean.splitlines())
        s.add(row)
        s.flush()
        audit.log(s, "create" if before is None else "update", "movement_result", row.id,
                  before=before, after=audit.snapshot(row))


def movement_choices(db: Database) -> list[tuple[int, str]]:
    """(id, name) in Vietnamese order (Đ after D); movements are few, so sorted in Python."""
    with db.read() as s:
        rows = s.execute(select(Movement.id, Movement.name)).all()
    return sorted(((mid, name) for mid, name in rows), key=lambda r: (text.text_sort_key(r[1]), r[0]))


class ShownDate(date):
    """A date the list shows as dd/mm/yyyy and the Excel export writes as a real date."""

    def __str__(self) -> str:
        return self.strftime("%d/%m/%Y")


def shown(value: date | None) -> ShownDate | None:
    return None if value is None else ShownDate(value.year, value.month, value.day)


def _period(start: date | None, end: date | None) -> str:
    if not start and not end:
        return ""
    a = str(start.year) if start else "…"
    b = str(end.year) if end else "nay"
    return a if a == b else f"{a} – {b}"


class MovementSource(ListSource):
    title = "Phong trào thi đua"
    columns = (Column("Tên phong trào", 48), Column("Cấp phát động", 18), Column("Loại", 12),
               Column("Thời gian", 12), Column("Kế hoạch số", 14), Column("Ngày kế hoạch", 11,
                                                                       kind="date"),
               Column("Tình trạng", 14))
    _order = (Movement.name_folded, Movement.launched_by, Movement.kind, Movement.start_date,
              Movement.plan_number, Movement.plan_date, Movement.status)

    def __init__(self, db: Database):
        self.db = db
        self.filters = (
            FilterSpec("launched_by", "Cấp phát động", lambda: [(x, x) for x in LAUNCHERS]),
            FilterSpec("kind", "Loại", lambda: [(k, k.capitalize()) for k in KINDS]),
        )

    def ids(self, search: str, filters: dict, order: tuple[int, bool]) -> list[int]:
        stmt = select(Movement.id)
        for token in text.fold_tokens(search):
            stmt = stmt.where(or_(Movement.name_folded.contains(token),
                                  func.lower(Movement.plan_number).contains(token)))
        for key in ("launched_by", "kind"):
            if filters.get(key):
                stmt = stmt.where(getattr(Movement, key) == filters[key])
        col, asc = order
        if not 0 < col < len(self._order):
            return self._by_name(stmt, asc)
        key = self._order[col]
        stmt = stmt.order_by(key.asc() if asc else key.desc(), Movement.id)
        with self.db.read() as s:
            return list(s.scalars(stmt))

    def _by_name(self, stmt, asc: bool) -> list[int]:
        """Vietnamese order of the names (the folded name puts Đ among the D's): a ward has a
        few dozen movements, so the sort is done in Python rather than by a stored key."""
        with self.db.read() as s:
            rows = s.execute(stmt.add_columns(Movement.name)).all()
        rows.sort(key=lambda r: (text.text_sort_key(r[1]), r[0]), reverse=not asc)
        return [mid for mid, _ in rows]

    def rows(self, ids: Sequence[int]) -> list[tuple]:
        with self.db.read() as s:
            found = s.scalars(select(Movement).where(Movement.id.in_(list(ids))))
            by_id = {m.id: (m.name, m.launched_by, m.kind, _period(m.start_date, m.end_date),
                            m.plan_number or "", shown(m.plan_date), m.status) for m in found}
        return reorder(ids, by_id)

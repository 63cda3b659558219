"""The culture indicators of the areas (tủ sách, sân thể thao, đội văn nghệ…): a set the officer
edits. Each is yes/no or a count; their values live on the areas' yearly figures (AreaYear)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select

from app import text
from app.errors import NotFoundError, ValidationError
from app.services.system import audit
from db.engine import Database
from db.models import AreaYear, CultureIndicator

KINDS = {"yesno": "Có / không", "count": "Số lượng"}
SUMMARIES = {"range": "từ … đến … (thấp nhất – cao nhất)", "total": "tổng cộng"}


@dataclass(frozen=True)
class IndicatorData:
    name: str
    kind: str = "yesno"
    unit: str | None = None
    summary: str = "range"
    active: bool = True
    id: int | None = None
    sort_order: int = 0

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def column_label(self) -> str:
        """"Đội văn nghệ (thành viên)"; a count of what its name says stays "Câu lạc bộ"."""
        if self.kind == "count" and self.unit and text.fold(self.unit) not in text.fold(self.name):
            return f"{self.name} ({self.unit})"
        return self.name

    @property
    def key(self) -> str:
        """The key of its values in AreaYear.indicators."""
        return str(self.id)


def list_indicators(db: Database, active_only: bool = False) -> list[IndicatorData]:
    with db.read() as s:
        stmt = select(CultureIndicator).order_by(CultureIndicator.sort_order, CultureIndicator.id)
        if active_only:
            stmt = stmt.where(CultureIndicator.active.is_(True))
        return [_data(c) for c in s.scalars(stmt)]


def _data(c: CultureIndicator) -> IndicatorData:
    return IndicatorData(c.name, c.kind, c.unit, c.summary, c.active, c.id, c.sort_order)


def _validate(d: IndicatorData) -> IndicatorData:
    d = replace(d, name=text.nfc(d.name), unit=text.nfc_or_none(d.unit))
    if not d.name:
        raise ValidationError("Cần nhập tên tiêu chí.", "name")
    if len(d.name) > 200:
        raise ValidationError("Tên tiêu chí dài quá 200 ký tự.", "name")
    if d.kind not in KINDS:
        raise ValidationError("Loại tiêu chí phải là “Có / không” hoặc “Số lượng”.", "kind")
    if d.summary not in SUMMARIES:
        raise ValidationError("Cách tổng hợp không hợp lệ.", "summary")
    if d.kind == "yesno":
        d = replace(d, unit=None, summary="range")
    return d


def save_indicator(db: Database, data: IndicatorData) -> int:
    d = _validate(data)
    with db.session() as s:
        # Compared in Python: SQLite's lower() leaves Đ, Ư… as they are.
        other = next((i for i, n in s.execute(select(CultureIndicator.id, CultureIndicator.name))
                      if n.lower() == d.name.lower()), None)
        if other and other != d.id:
            raise ValidationError(f"Đã có tiêu chí “{d.name}”.", "name")
        row = s.get(CultureIndicator, d.id) if d.id else CultureIndicator()
        if row is None:
            raise NotFoundError("Tiêu chí này không còn trong cơ sở dữ liệu.")
        before = audit.snapshot(row) if d.id else None
        if before and row.kind != d.kind and _values_of(s, row.id):
            raise ValidationError(f"Tiêu chí “{row.name}” đã có số liệu: không đổi loại được "
                                  "(hãy thêm tiêu chí mới).", "kind")
        row.name, row.kind, row.unit, row.summary, row.active = (d.name, d.kind, d.unit,
                                                                 d.summary, d.active)
        if d.id is None:
            row.sort_order = (s.scalar(select(func.max(CultureIndicator.sort_order))) or 0) + 1
            s.add(row)
        s.flush()
        audit.log(s, "update" if before else "create", "culture_indicator", row.id, before,
                  audit.snapshot(row))
        return row.id


def _values_of(s, indicator_id: int) -> list[AreaYear]:
    key = str(indicator_id)
    return [a for a in s.scalars(select(AreaYear).where(AreaYear.indicators.is_not(None)))
            if key in (a.indicators or {})]


def value_count(db: Database, indicator_id: int) -> int:
    """How many area-years hold a value of the indicator (said before deleting it)."""
    with db.read() as s:
        return len(_values_of(s, indicator_id))


def delete_indicator(db: Database, indicator_id: int) -> int:
    """Delete an indicator and its values (one transaction); returns the values removed."""
    with db.session() as s:
        row = s.get(CultureIndicator, indicator_id)
        if row is None:
            raise NotFoundError("Tiêu chí này không còn trong cơ sở dữ liệu.")
        holders = _values_of(s, indicator_id)
        for a in holders:
            before = audit.snapshot(a)
            a.indicators = {k: v for k, v in a.indicators.items() if k != str(indicator_id)}
            s.flush()
            audit.log(s, "update", "area_year", a.id, before, audit.snapshot(a),
                      note=f"Xóa tiêu chí “{row.name}”")
        audit.log(s, "delete", "culture_indicator", row.id, audit.snapshot(row), None)
        s.delete(row)
        return len(holders)


def move_indicator(db: Database, indicator_id: int, step: int) -> None:
    """Move up (step −1) or down (+1) in the order the grid and the report use."""
    with db.session() as s:
        rows = list(s.scalars(select(CultureIndicator)
                              .order_by(CultureIndicator.sort_order, CultureIndicator.id)))
        ids = [r.id for r in rows]
        if indicator_id not in ids:
            raise NotFoundError("Tiêu chí này không còn trong cơ sở dữ liệu.")
        i = ids.index(indicator_id)
        j = i + step
        if not 0 <= j < len(rows):
            return
        rows[i], rows[j] = rows[j], rows[i]
        for order, r in enumerate(rows, start=1):
            r.sort_order = order
        audit.log(s, "update", "culture_indicator", indicator_id, None,
                  {"order": [r.id for r in rows]}, note="Đổi thứ tự tiêu chí văn hóa")

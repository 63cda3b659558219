"""What the officer types for a document the records do not hold (its own number and date, an
area's bình xét meeting and votes, the public comments, a movement plan's targets), kept per
document so printing it again says the same. Nothing here is guessed: an empty field prints
as a dotted line to complete by hand."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import text
from app.errors import ValidationError
from app.services.system import audit
from db.engine import Database
from db.models import DocumentInput

_KEYS = ("decision_id", "batch_id", "area_id", "movement_id", "year")
_NUMBER = re.compile(r"^\s*(\d+)\s*/\s*(\S+)\s*$")


@dataclass(frozen=True)
class InputKey:
    """Which document: its kind and what it is about (unused parts stay None)."""

    kind: str
    decision_id: int | None = None
    batch_id: int | None = None
    area_id: int | None = None
    movement_id: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class Filled:
    """The officer's part of one document (empty when never filled)."""

    number: str = ""  # "12/TB-UBND"
    signed_on: date | None = None
    data: dict = field(default_factory=dict)

    def get(self, name: str, default=""):
        """One field of ``data`` (``default`` when missing or empty)."""
        value = self.data.get(name)
        return default if value in (None, "", [], {}) else value


def _clean(value):
    """NFC every string, recursively (lists and dicts of the form)."""
    if isinstance(value, str):
        return text.nfc(value)
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    return value


def _find(s: Session, key: InputKey) -> DocumentInput | None:
    stmt = select(DocumentInput).where(DocumentInput.kind == key.kind)
    for name in _KEYS:
        col, value = getattr(DocumentInput, name), getattr(key, name)
        stmt = stmt.where(col.is_(None) if value is None else col == value)
    return s.scalars(stmt.order_by(DocumentInput.id)).first()


def load_in(s: Session, key: InputKey) -> Filled:
    """The stored part inside an open session."""
    row = _find(s, key)
    if row is None:
        return Filled()
    return Filled(row.number or "", row.signed_on, dict(row.data or {}))


def load(db: Database, key: InputKey) -> Filled:
    """The stored part of a document (empty when never filled)."""
    with db.read() as s:
        return load_in(s, key)


def check_number(number: str | None) -> str:
    """"12/TB-UBND" (spaces dropped); empty allowed (written by hand); refused otherwise."""
    value = text.nfc(number)
    if not value:
        return ""
    m = _NUMBER.match(value)
    if not m or int(m.group(1)) < 1:
        raise ValidationError(f"Số văn bản “{value}” chưa đúng dạng “số/ký hiệu”, ví dụ "
                              "“12/TB-UBND”.", "number")
    return f"{int(m.group(1))}/{m.group(2)}"


def save(db: Database, key: InputKey, number: str | None = None, signed_on: date | None = None,
         data: dict | None = None) -> int:
    """Store the officer's part of a document (one row per document, replaced whole)."""
    number = check_number(number)
    if signed_on is not None and key.year and signed_on.year not in (key.year, key.year + 1):
        raise ValidationError(f"Ngày {text.format_date_vn(signed_on)} không thuộc năm {key.year} "
                              "của văn bản.", "signed_on")
    with db.session() as s:
        row = _find(s, key)
        before = audit.snapshot(row) if row is not None else None
        if row is None:
            row = DocumentInput(kind=key.kind, **{k: getattr(key, k) for k in _KEYS})
            s.add(row)
        row.number, row.signed_on, row.data = number or None, signed_on, _clean(data or {})
        s.flush()
        audit.log(s, "update" if before else "create", "document_input", row.id, before,
                  audit.snapshot(row), note=key.kind)
        return row.id


def suggest_number(db: Database, kind: str, year: int, symbol: str) -> str:
    """The next number of ``symbol`` among the documents of ``kind`` dated in ``year``
    ("3/TB-UBND" after "2/TB-UBND"); the văn thư may change it."""
    with db.read() as s:
        rows = s.execute(select(DocumentInput.number, DocumentInput.signed_on).where(
            DocumentInput.kind == kind, DocumentInput.number.is_not(None))).all()
    used = []
    for number, day in rows:
        m = _NUMBER.match(number or "")
        if m and m.group(2) == symbol and (day is None or day.year == year):
            used.append(int(m.group(1)))
    return f"{max(used, default=0) + 1}/{symbol}"

"""Rules in force on a day, read from the database.

A rule_item row applies from ``effective_from`` (NULL: from the beginning) until the next row
of the same rule starts, or until its own ``effective_to``. Coefficients are read for a whole
decision at once (:class:`Coefficients`), so pricing thousands of lines costs one query."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AwardKind, RuleItem, Setting

PROVINCE_KEY = "rules.province"  # Setting: the province pack the ward chose
INSTALLED_KEY = "rules.installed"  # Setting: versions of the packs applied last
WARD = "phuong"  # origin of rows the ward added itself

# Residential areas are paid as collectives (thôn, tổ dân phố văn hóa: Điều 50 ND 152).
PAID_AS = {"area": "collective"}


def _start(row: RuleItem) -> date:
    return row.effective_from or date.min


def pick(rows, day: date):
    """The row in force on ``day`` among rows of one rule (None when none is)."""
    best = None
    for row in rows:
        if _start(row) <= day and (best is None or _start(row) > _start(best)):
            best = row
    if best is not None and best.effective_to is not None and best.effective_to < day:
        return None
    return best


def rows_of(s: Session, topic: str, award_kind_id: int | None = None,
            qualifier: str | None = None) -> list[RuleItem]:
    stmt = select(RuleItem).where(RuleItem.topic == topic)
    if award_kind_id is not None:
        stmt = stmt.where(RuleItem.award_kind_id == award_kind_id)
    if qualifier is not None:
        stmt = stmt.where(RuleItem.qualifier == qualifier)
    return list(s.scalars(stmt.order_by(RuleItem.sort_order, RuleItem.id)))


def item_on(s: Session, topic: str, qualifier: str = "", day: date | None = None,
            award_kind_id: int | None = None) -> RuleItem | None:
    """The row of one rule in force on ``day`` (today when not given)."""
    rows = [r for r in rows_of(s, topic, award_kind_id, qualifier)
            if award_kind_id is not None or r.award_kind_id is None]
    return pick(rows, day or date.today())


def value_on(s: Session, topic: str, qualifier: str = "", day: date | None = None,
             default=None, award_kind_id: int | None = None):
    row = item_on(s, topic, qualifier, day, award_kind_id)
    return row.value if row is not None else default


def in_force(s: Session, topic: str, day: date) -> list[RuleItem]:
    """Every rule of a topic in force on ``day`` (one row per award kind and qualifier)."""
    groups: dict[tuple, list[RuleItem]] = defaultdict(list)
    for row in rows_of(s, topic):
        groups[(row.award_kind_id, row.qualifier)].append(row)
    found = [pick(rows, day) for rows in groups.values()]
    return sorted((r for r in found if r is not None), key=lambda r: (r.sort_order, r.id))


def decider_on(s: Session, award_kind_id: int, day: date | None = None) -> RuleItem | None:
    """Who decides an award on a day (value: "Chủ tịch Ủy ban nhân dân cấp xã", with its
    legal basis), or None when the data does not say."""
    return item_on(s, "decider", "", day, award_kind_id)


def text_of(value) -> str:
    """The text of a value stored as {"text": …} or as plain text."""
    if isinstance(value, dict):
        return str(value.get("text", ""))
    return "" if value is None else str(value)


def to_decimal(value) -> Decimal:
    try:
        return Decimal(str(value)) if value not in (None, "") else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


class Coefficients:
    """Every coefficient row, read once: ``on(kind_id, subject_type, day)``."""

    def __init__(self, s: Session):
        self._rows: dict[tuple[int, str], list[RuleItem]] = defaultdict(list)
        for row in rows_of(s, "coefficient"):
            self._rows[(row.award_kind_id, row.qualifier)].append(row)

    def row(self, award_kind_id: int, subject_type: str, day: date) -> RuleItem | None:
        kind = PAID_AS.get(subject_type, subject_type)
        return pick(self._rows.get((award_kind_id, kind), ()), day)

    def on(self, award_kind_id: int, subject_type: str, day: date) -> Decimal:
        """The coefficient in force on ``day`` (0 when the award pays nothing to this type)."""
        row = self.row(award_kind_id, subject_type, day)
        return to_decimal(row.value) if row is not None else Decimal(0)


def province(s: Session) -> str:
    """The province pack the ward chose (the neutral default until it chooses)."""
    from app.rules.packs import DEFAULT_PROVINCE

    row = s.get(Setting, PROVINCE_KEY)
    return row.value if row is not None and isinstance(row.value, str) else DEFAULT_PROVINCE


def installed(s: Session) -> dict | None:
    row = s.get(Setting, INSTALLED_KEY)
    return row.value if row is not None and isinstance(row.value, dict) else None


def kind_codes(s: Session) -> dict[int, str]:
    return dict(s.execute(select(AwardKind.id, AwardKind.code)).all())

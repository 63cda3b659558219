"""Quorum of the Hội đồng Thi đua – Khen thưởng: the share of members that must attend for a
meeting to be valid. It is a local quy chế choice (UNCONFIRMED in law), so it is a setting the
officer edits on the "Danh hiệu và mức thưởng" screen, 2/3 until then."""

from __future__ import annotations

from fractions import Fraction

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.services.system import audit
from db.engine import Database
from db.models import Setting

QUORUM_KEY = "council.quorum_share"
DEFAULT_QUORUM = Fraction(2, 3)
QUORUM_BASIS = ("Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng (tỷ lệ sửa được ở màn "
                "hình “Danh hiệu và mức thưởng”)")


def share_in(s: Session) -> Fraction:
    """Saved share inside an open session (default 2/3; an unreadable value falls back too)."""
    row = s.get(Setting, QUORUM_KEY)
    try:
        value = Fraction(str(row.value)) if row and row.value else DEFAULT_QUORUM
    except (ValueError, ZeroDivisionError):
        return DEFAULT_QUORUM
    return value if 0 < value <= 1 else DEFAULT_QUORUM


def get_share(db: Database) -> Fraction:
    """Saved share of members needed for a valid meeting."""
    with db.read() as s:
        return share_in(s)


def needed(total: int, share: Fraction) -> int:
    """Members that must attend: the share of ``total`` rounded up ("ít nhất 2/3")."""
    return -(-total * share.numerator // share.denominator)


def save_share(db: Database, numerator: int, denominator: int) -> Fraction:
    """Save the share as a fraction (e.g. 2/3, 1/2); refused unless 0 < share ≤ 1."""
    if not denominator or denominator < 1:
        raise ValidationError("Mẫu số của tỷ lệ phải lớn hơn 0.", "denominator")
    if numerator is None or numerator < 1 or numerator > denominator:
        raise ValidationError("Tỷ lệ thành viên có mặt phải lớn hơn 0 và không quá toàn bộ "
                              f"thành viên (đang nhập {numerator}/{denominator}).", "numerator")
    value = Fraction(numerator, denominator)
    with db.session() as s:
        row = s.get(Setting, QUORUM_KEY)
        before = row.value if row is not None else None
        if row is None:
            s.add(Setting(key=QUORUM_KEY, value=str(value)))
        else:
            row.value = str(value)
        audit.log(s, "update" if before is not None else "create", "setting", None,
                  before={"key": QUORUM_KEY, "value": before},
                  after={"key": QUORUM_KEY, "value": str(value)})
    return value

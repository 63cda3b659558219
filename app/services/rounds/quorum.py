"""Quorum of the Hội đồng Thi đua – Khen thưởng: the share of members that must attend for a
meeting to be valid, "at least" (ít nhất 2/3) or strictly "more than" (trên 1/2).

It is a local quy chế choice (no national rule for communes; a province may set one, ND 152
Điều 6), so it is a dated rule row (rule_item topic "council", qualifier "quorum") from the
province's rule pack, which the officer edits on the "Danh hiệu và mức thưởng" screen. A
meeting keeps the rule in force when it was created ("2/3", or ">1/2" for "more than")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.rules import store
from app.services.system import audit
from db.engine import Database
from db.models import RuleItem, Setting

QUORUM_KEY = "council.quorum_share"  # Setting of versions before 0006 (read as a fallback)
DEFAULT_QUORUM = Fraction(2, 3)
QUORUM_BASIS = ("Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng (tỷ lệ sửa được ở màn "
                "hình “Danh hiệu và mức thưởng”; mặc định theo gói quy định của tỉnh)")


@dataclass(frozen=True)
class QuorumRule:
    """"ít nhất 2/3" (strict False) or "trên 1/2" (strict True) of all members."""
    share: Fraction
    strict: bool = False

    def needed(self, total: int) -> int:
        """Members that must attend."""
        if self.strict:  # more than: the next whole person above the share
            return total * self.share.numerator // self.share.denominator + 1
        return -(-total * self.share.numerator // self.share.denominator)

    @property
    def label(self) -> str:
        return f"{'trên' if self.strict else 'ít nhất'} {self.share}"

    def __str__(self) -> str:
        return (">" if self.strict else "") + str(self.share)

    @classmethod
    def parse(cls, text: str | None) -> QuorumRule:
        """"2/3" or ">1/2" (what a meeting stores); the default on anything unreadable."""
        raw = (text or "").strip()
        strict = raw.startswith(">")
        try:
            share = Fraction(raw.lstrip(">").strip())
        except (ValueError, ZeroDivisionError):
            return cls(DEFAULT_QUORUM)
        return cls(share, strict) if 0 < share <= 1 else cls(DEFAULT_QUORUM)


def _from_value(value) -> QuorumRule | None:
    if isinstance(value, dict) and value.get("share"):
        rule = QuorumRule.parse(str(value["share"]))
        return QuorumRule(rule.share, bool(value.get("strict")))
    return None


def rule_in(s: Session, day: date | None = None) -> QuorumRule:
    """The rule in force on ``day`` (today) inside an open session."""
    row = store.item_on(s, "council", "quorum", day)
    rule = _from_value(row.value) if row is not None else None
    if rule is not None:
        return rule
    old = s.get(Setting, QUORUM_KEY)  # a database not yet given its rule pack
    return QuorumRule.parse(str(old.value)) if old is not None and old.value else QuorumRule(
        DEFAULT_QUORUM)


def share_in(s: Session) -> Fraction:
    """Share in force today inside an open session (default 2/3)."""
    return rule_in(s).share


def get_rule(db: Database) -> QuorumRule:
    with db.read() as s:
        return rule_in(s)


def get_share(db: Database) -> Fraction:
    """Saved share of members needed for a valid meeting."""
    return get_rule(db).share


def needed(total: int, share: Fraction | QuorumRule) -> int:
    """Members that must attend: the share of ``total`` rounded up ("ít nhất 2/3"), or the
    next whole person above it for a "more than" rule."""
    rule = share if isinstance(share, QuorumRule) else QuorumRule(share)
    return rule.needed(total)


def save_share(db: Database, numerator: int, denominator: int, strict: bool = False) -> Fraction:
    """Save the share as a fraction (e.g. 2/3, 1/2; ``strict``: "more than"); refused unless
    0 < share ≤ 1. Edits the rule in force today (the ward's edit, kept by pack updates)."""
    if not denominator or denominator < 1:
        raise ValidationError("Mẫu số của tỷ lệ phải lớn hơn 0.", "denominator")
    if numerator is None or numerator < 1 or numerator > denominator:
        raise ValidationError("Tỷ lệ thành viên có mặt phải lớn hơn 0 và không quá toàn bộ "
                              f"thành viên (đang nhập {numerator}/{denominator}).", "numerator")
    if strict and numerator == denominator:
        raise ValidationError("“Trên toàn bộ thành viên” không thể đạt: chọn “ít nhất”.",
                              "numerator")
    value = Fraction(numerator, denominator)
    with db.session() as s:
        row = store.item_on(s, "council", "quorum")
        before = audit.snapshot(row) if row is not None else None
        if row is None:
            row = RuleItem(topic="council", qualifier="quorum", origin=store.WARD,
                           legal_basis="Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng")
            s.add(row)
        row.value = {"share": str(value), "strict": bool(strict)}
        s.flush()
        audit.log(s, "update" if before else "create", "rule_item", row.id, before,
                  audit.snapshot(row), "Tỷ lệ thành viên dự họp Hội đồng")
    return value

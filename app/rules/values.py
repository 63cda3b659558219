"""How rule values are compared, stored and shown: one canonical form per value, so "0.300"
(database Numeric), 0.3 (JSON number) and "0.3" (pack text) are the same coefficient, and one
Vietnamese way of writing them (hệ số 0,45; 2.530.000 đ; 01/07/2026)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from app.text import format_date_vn, format_money

MISSING = object()  # a field the rule pack never delivered (the ward's own value)


def number(value) -> str | None:
    """0.300 → "0.3", 12.0 → "12", None → None (canonical text of a decimal)."""
    if value is None or value == "":
        return None
    try:
        return format(Decimal(str(value)).normalize(), "f")
    except InvalidOperation:
        return str(value)


def canonical(value):
    """A JSON-safe canonical form: decimals as text, dates ISO, dicts with sorted keys."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float, Decimal)):
        return number(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    return value


def same(a, b) -> bool:
    """Equal once both are canonical (MISSING equals nothing)."""
    if a is MISSING or b is MISSING:
        return False
    return json.dumps(canonical(a), sort_keys=True) == json.dumps(canonical(b), sort_keys=True)


def decimal_vn(value) -> str:
    """Decimal written the Vietnamese way: 0.45 → "0,45", 2.0 → "2"."""
    text = number(value)
    return "" if text is None else text.replace(".", ",")


def coefficient_vn(value) -> str:
    """"hệ số 0,45"."""
    return f"hệ số {decimal_vn(value)}"


def money_vn(amount) -> str:
    """"2.530.000 đ"."""
    return f"{format_money(int(amount))} đ"


def date_vn(value: date | None, empty: str = "từ trước") -> str:
    return format_date_vn(value) if value else empty


def share_vn(share: str | Fraction, strict: bool = False) -> str:
    """"ít nhất 2/3" / "trên 1/2"."""
    return f"{'trên' if strict else 'ít nhất'} {share}"


def percent_vn(value, strict: bool = False) -> str:
    """"từ 70% trở lên" / "trên 50%"."""
    return f"trên {decimal_vn(value)}%" if strict else f"từ {decimal_vn(value)}% trở lên"


def show(topic: str, value) -> str:
    """A rule value as one line of Vietnamese text, by topic."""
    if value is None or value is MISSING:
        return "(không có)"
    if topic == "coefficient":
        return coefficient_vn(value)
    if topic == "base_salary":
        return money_vn(value)
    if topic == "council" and isinstance(value, dict):
        return share_vn(value.get("share", ""), bool(value.get("strict"))) + \
            " tổng số thành viên dự họp"
    if topic == "threshold":
        return f"{decimal_vn(value)}%"
    if isinstance(value, dict) and "text" in value:
        return str(value["text"])
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (dict,)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (int, float, Decimal)):
        return decimal_vn(value)
    return str(value)

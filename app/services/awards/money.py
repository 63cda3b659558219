"""Reward money: the coefficient in force on the decision date × the mức lương cơ sở in force
on that date, rounded up to the next 10.000 đ (Điều 49 Nghị định 152/2025/NĐ-CP), and the
amount written in words. Both the coefficient and the base salary are dated data (rule_item
"coefficient" rows, base_salary rows): the decision date picks the rows."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DomainError
from app.rules.store import Coefficients
from db.models import BaseSalary, DecisionLine, Subject

ROUND_TO = 10_000
ROUNDING_BASIS = ("Làm tròn lên 10.000 đồng; lương cơ sở tại ngày ký quyết định: Điều 49 "
                  "Nghị định 152/2025/NĐ-CP (như Nghị định 98/2023/NĐ-CP)")


def base_salary_on(session: Session, day: date) -> int:
    """Mức lương cơ sở in force on ``day``; a Vietnamese error when none is recorded."""
    row = session.scalar(
        select(BaseSalary).where(BaseSalary.effective_from <= day)
        .order_by(BaseSalary.effective_from.desc()).limit(1)
    )
    if row is None:
        raise DomainError(
            f"Chưa có mức lương cơ sở áp dụng cho ngày {day:%d/%m/%Y}. "
            "Vào Cài đặt › Lương cơ sở để bổ sung."
        )
    return int(row.amount)


def coefficient_on(session: Session, award_kind_id: int, subject_type: str, day: date) -> Decimal:
    """The coefficient of an award kind for a subject type in force on ``day`` (0 when the
    award pays nothing to that type). For many lines use :class:`Coefficients` once."""
    return Coefficients(session).on(award_kind_id, subject_type, day)


def price_lines(session: Session, decision_id: int, day: date) -> tuple[int, int]:
    """Coefficient and money of every line of a decision for its date; returns (base salary,
    total). Only drafts are priced: an issued decision keeps the money it was issued with."""
    salary = base_salary_on(session, day)
    coefs = Coefficients(session)
    types = dict(session.execute(
        select(Subject.id, Subject.type).join(DecisionLine, DecisionLine.subject_id == Subject.id)
        .where(DecisionLine.decision_id == decision_id)).all())
    total = 0
    for line in session.scalars(select(DecisionLine).where(DecisionLine.decision_id == decision_id)):
        line.coefficient = coefs.on(line.award_kind_id, types[line.subject_id], day)
        line.money = award_amount(line.coefficient, salary)
        total += line.money
    return salary, total


def award_amount(coef: Decimal | float, base_salary: int) -> int:
    """coef × base salary, rounded UP to the next 10.000 đ: 0,3 × 2.340.000 → 710.000."""
    raw = Decimal(str(coef)) * Decimal(base_salary)
    if raw <= 0:
        return 0
    steps = (raw / ROUND_TO).to_integral_value(rounding=ROUND_CEILING)
    return int(steps) * ROUND_TO


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", " nghìn", " triệu")


def _three(n: int, full: bool) -> str:
    """0–999 in words; ``full`` reads the hundreds even when 0 ("không trăm linh năm"), as
    every group after the first is read."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = []
    if full or hundreds:
        words.append(f"{_DIGITS[hundreds]} trăm")
    if tens == 0:
        if units:
            words.append(("linh " if words else "") + _DIGITS[units])
        return " ".join(words)
    words.append("mười" if tens == 1 else f"{_DIGITS[tens]} mươi")
    if units == 1:
        words.append("một" if tens == 1 else "mốt")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return " ".join(words)


def _below_billion(n: int, full: bool) -> str:
    groups = [n // 1_000_000 % 1000, n // 1000 % 1000, n % 1000]
    words, started = [], full
    for value, unit in zip(groups, reversed(_GROUPS)):
        if value:
            words.append(_three(value, started) + unit)
        started = started or bool(value)
    return " ".join(words)


def _read(n: int, full: bool = False) -> str:
    """Groups of three digits (tỷ, triệu, nghìn); thousands of tỷ read as "nghìn tỷ"."""
    billions, rest = divmod(n, 1_000_000_000)
    words = []
    if billions:
        words.append(_read(billions, full) + " tỷ")
    if rest:
        words.append(_below_billion(rest, full or bool(billions)))
    return " ".join(words)


def amount_in_words(amount: int) -> str:
    """Dong amount in words as an accountant writes it: 132.060.000 → "Một trăm ba mươi hai
    triệu không trăm sáu mươi nghìn đồng", 1.005.000 → "Một triệu không trăm linh năm nghìn
    đồng" (every group after the first reads its hundreds; "linh", "mốt", "tư", "lăm")."""
    amount = int(amount)
    if amount < 0:
        raise ValueError("Số tiền âm không đọc thành chữ được.")
    words = _read(amount) if amount else "không"
    return words[:1].upper() + words[1:] + " đồng"

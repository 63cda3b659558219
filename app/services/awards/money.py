"""Reward money: coefficient × mức lương cơ sở in force on the decision date, rounded up to
the next 10.000 đ (Nghị định 98/2023/NĐ-CP, carried into Nghị định 152/2025/NĐ-CP), and the
amount written in words."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DomainError
from db.models import AwardKind, BaseSalary

ROUND_TO = 10_000
ROUNDING_BASIS = "Làm tròn lên 10.000 đồng: Nghị định 98/2023/NĐ-CP (Nghị định 152/2025/NĐ-CP)"


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


def coefficient(kind: AwardKind, subject_type: str) -> Decimal:
    """The money coefficient of an award kind for a subject type (0 when none is set)."""
    value = {
        "person": kind.coef_person,
        "collective": kind.coef_collective,
        "area": kind.coef_collective,  # residential areas are paid as collectives
        "household": kind.coef_household,
    }.get(subject_type)
    return Decimal(str(value)) if value is not None else Decimal(0)


def award_amount(coef: Decimal | float, base_salary: int) -> int:
    """coef × base salary, rounded UP to the next 10.000 đ: 0,3 × 2.340.000 → 710.000."""
    raw = Decimal(str(coef)) * Decimal(base_salary)
    if raw <= 0:
        return 0
    steps = (raw / ROUND_TO).to_integral_value(rounding=ROUND_CEILING)
    return int(steps) * ROUND_TO


def amount_in_words(amount: int) -> str:
    """710000 → "Bảy trăm mười nghìn đồng" (num2words, lang vi, first letter capitalised)."""
    from num2words import num2words

    if amount == 0:
        return "Không đồng"
    words = num2words(int(amount), lang="vi").strip()
    return words[:1].upper() + words[1:] + " đồng"

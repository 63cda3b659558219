"""Money as data: base salary by date, rounding up to 10.000 đ, amounts in words; award kinds
and the fund edited through their services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.errors import DomainError, ValidationError
from app.services.awards import award_kinds, fund, money


@pytest.mark.parametrize(("coef", "amount"), [
    (0.3, 710_000), (0.8, 1_880_000), (1.0, 2_340_000), (1.5, 3_510_000), (0.15, 360_000),
    (0, 0)])
def test_amount_is_rounded_up_to_ten_thousand(coef, amount):
    assert money.award_amount(Decimal(str(coef)), 2_340_000) == amount


def test_amount_in_words():
    assert money.amount_in_words(710_000) == "Bảy trăm mười nghìn đồng"
    assert money.amount_in_words(1_880_000) == "Một triệu tám trăm tám mươi nghìn đồng"
    assert money.amount_in_words(0) == "Không đồng"


def test_base_salary_in_force_on_the_decision_date(db):
    with db.read() as s:
        assert money.base_salary_on(s, date(2024, 6, 30)) == 1_800_000
        assert money.base_salary_on(s, date(2024, 7, 1)) == 2_340_000
        with pytest.raises(DomainError, match="Chưa có mức lương cơ sở"):
            money.base_salary_on(s, date(2000, 1, 1))
    award_kinds.save_base_salary(db, award_kinds.BaseSalaryInfo(
        date(2026, 7, 1), 2_530_000, "Nghị định mới"))
    with db.read() as s:
        assert money.base_salary_on(s, date(2026, 12, 1)) == 2_530_000
    with pytest.raises(ValidationError, match="Đã có mức lương cơ sở từ ngày 01/07/2026"):
        award_kinds.save_base_salary(db, award_kinds.BaseSalaryInfo(date(2026, 7, 1), 1))


def test_award_kind_is_data_edited_with_validation(db):
    kind = award_kinds.get_award_kind(db, code="LDTT")
    assert kind.coef_person == Decimal("0.3") and "Điều 24" in kind.legal_basis
    from dataclasses import replace

    award_kinds.save_award_kind(db, replace(kind, coef_person=Decimal("0.35")))
    assert award_kinds.get_award_kind(db, kind.id).coef_person == Decimal("0.35")
    with pytest.raises(ValidationError, match="1–100"):
        award_kinds.save_award_kind(db, replace(kind, vote_threshold=Decimal(150)))
    with pytest.raises(ValidationError, match="đã dùng"):
        award_kinds.save_award_kind(db, replace(kind, id=None))
    upper = [k.code for k in award_kinds.list_award_kinds(db, awarded_here=False)]
    assert "CSTD_TP" in upper and "LDTT" not in upper


def test_fund_lines_and_balance(db):
    fund.add_line(db, 2025, "du_toan", 50_000_000, "Dự toán năm 2025", date(2025, 1, 5))
    lid = fund.add_line(db, 2025, "chi_khac", 1_200_000, "In giấy khen")
    b = fund.balance(db, 2025)
    assert (b.income, b.spending, b.balance) == (50_000_000, 1_200_000, 48_800_000)
    labels = {x.group_label for x in fund.list_lines(db, 2025)}
    assert labels == {"Dự toán được giao", "Chi khác (in giấy khen, khung…)"}
    fund.delete_line(db, lid)
    assert fund.balance(db, 2025).spending == 0
    with pytest.raises(ValidationError, match="lớn hơn 0"):
        fund.add_line(db, 2025, "chi_khac", 0, "x")

"""What is left in the fund at the end of a year goes into the next year only when the officer
carries it over: one income line "Số dư năm trước chuyển sang", never twice, never a deficit."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import DomainError
from app.services.awards import fund


def _year_2025(db):
    fund.add_line(db, 2025, "du_toan", 80_000_000, "Dự toán năm 2025", date(2025, 1, 15))
    fund.add_line(db, 2025, "chi_khac", 4_350_000, "In giấy khen, khung", date(2025, 12, 20))


def test_the_balance_is_carried_over_once_and_the_report_shows_it(org_db):
    db = org_db
    from pypdf import PdfReader

    from app.documents import render
    from app.services.awards.fund_report import fund_report_document

    _year_2025(db)
    assert fund.carry_over_amount(db, 2026) == 75_650_000
    fund.carry_over(db, 2026)
    [line] = fund.list_lines(db, 2026)
    assert (line.direction, line.group_label, line.amount, line.on_date, line.description) == (
        "thu", "Số dư năm trước chuyển sang", 75_650_000, date(2026, 1, 1),
        "Số dư Quỹ thi đua, khen thưởng năm 2025 chuyển sang")
    assert fund.balance(db, 2026).balance == 75_650_000
    with pytest.raises(DomainError, match="đã có dòng số dư năm 2025 chuyển sang"):
        fund.carry_over(db, 2026)
    assert len(fund.list_lines(db, 2026)) == 1
    pdf = render(fund_report_document(db, 2026), db.path.parent / "quỹ 2026.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "1 Số dư năm trước chuyển sang 75.650.000 2 Tổng thu trong năm 0" in text
    assert "4 Còn lại (số dư, thu trừ chi) 75.650.000" in text


def test_nothing_to_carry_over_is_said_so(db):
    with pytest.raises(DomainError, match="Năm 2025 không còn số dư"):
        fund.carry_over(db, 2026)
    fund.add_line(db, 2025, "chi_khac", 1_000_000, "In giấy khen", date(2025, 3, 1))
    assert fund.carry_over_amount(db, 2026) == -1_000_000
    with pytest.raises(DomainError, match="Năm 2025 không còn số dư"):
        fund.carry_over(db, 2026)
    assert fund.list_lines(db, 2026) == []


def test_a_change_to_the_year_before_after_carrying_over_is_pointed_out(db):
    _year_2025(db)
    fund.carry_over(db, 2026)
    assert fund.balance(db, 2026).carried_now is None  # still what the year before left
    fund.add_line(db, 2025, "chi_khac", 650_000, "Khung giấy khen", date(2025, 12, 30))
    b = fund.balance(db, 2026)
    assert (b.carried, b.carried_now) == (75_650_000, 75_000_000)

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
        assert money.base_salary_on(s, date(2026, 12, 1)) == 2_530_000  # shipped since 0006
    award_kinds.save_base_salary(db, award_kinds.BaseSalaryInfo(
        date(2027, 7, 1), 2_700_000, "Nghị định mới"))
    with db.read() as s:
        assert money.base_salary_on(s, date(2027, 12, 1)) == 2_700_000
    with pytest.raises(ValidationError, match="Đã có mức lương cơ sở từ ngày 01/07/2027"):
        award_kinds.save_base_salary(db, award_kinds.BaseSalaryInfo(date(2027, 7, 1), 1))


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


# --- issue 11: base salary and coefficients as dated data --------------------------------------

def _issue_on(db, world, code, subjects, signed_on):
    """A decision for ``subjects`` (approved without a vote), issued on ``signed_on``."""
    from datetime import datetime, time

    from app.services.rounds import batches, council, decision_issue, decisions

    bid = batches.create_batch(db, f"Khen thưởng đột xuất {signed_on:%d/%m/%Y}", signed_on.year,
                               "dot_xuat")
    cids = batches.add_candidates(db, bid, subjects, world.kinds[code]).added
    mid = council.create_meeting(db, bid, datetime.combine(signed_on, time(8)), "Hội trường",
                                 world.members)
    council.approve_without_vote(db, mid, cids)
    did = decisions.draft_from_batch(db, bid, signed_on=signed_on)
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        decisions.suggest_number(db, signed_on.year), signed_on, d.title, d.bases, d.articles,
        d.recipients, d.signer_name, d.signer_title, d.sign_mode))
    decision_issue.issue_decision(db, did)
    return did


def _moneys(db, did):
    from app.services.rounds import decisions

    return [(str(x.coefficient.normalize()), x.money) for x in decisions.decision_lines(db, did)]


def test_decision_date_picks_the_base_salary_of_nd_161_2026(db, world):
    from app.services.rounds import decisions

    before = _issue_on(db, world, "LDTT", world.persons[:1], date(2026, 6, 30))
    after = _issue_on(db, world, "LDTT", world.persons[1:2], date(2026, 7, 1))
    assert _moneys(db, before) == [("0.3", 710_000)]  # 0,3 × 2.340.000 = 702.000 → 710.000
    assert _moneys(db, after) == [("0.3", 760_000)]  # 0,3 × 2.530.000 = 759.000 → 760.000
    assert decisions.get_decision(db, after).base_salary == 2_530_000
    row = next(x for x in award_kinds.list_base_salaries(db)
               if x.effective_from == date(2026, 7, 1))
    assert row.amount == 2_530_000 and "161/2026/NĐ-CP" in row.legal_basis
    assert "xác minh" in row.verify_note.lower() or "đối chiếu" in row.verify_note.lower()
    # an issued decision keeps its money when the salary table is edited afterwards
    award_kinds.save_base_salary(db, award_kinds.BaseSalaryInfo(
        date(2024, 7, 1), 2_400_000, "Sửa thử", id=next(
            x.id for x in award_kinds.list_base_salaries(db)
            if x.effective_from == date(2024, 7, 1))))
    assert _moneys(db, before) == [("0.3", 710_000)]
    assert decisions.get_decision(db, before).base_salary == 2_340_000


def test_household_and_collective_giay_khen_follow_nd_152_dieu_54(db, world):
    home = _issue_on(db, world, "GK_CT", world.households[:1], date(2026, 7, 1))
    assert _moneys(db, home) == [("0.45", 1_140_000)]  # 0,45 × 2.530.000 = 1.138.500
    school = _issue_on(db, world, "GK_CT", [world.school], date(2025, 12, 5))
    assert _moneys(db, school) == [("0.6", 1_410_000)]  # 0,6 × 2.340.000 = 1.404.000
    family = _issue_on(db, world, "GDVH", world.households[1:2], date(2025, 12, 5))
    assert _moneys(db, family) == [("0", 0)]  # Gia đình văn hóa: 0 unless the ward edits it


def test_coefficient_changes_from_a_date_and_the_decision_date_picks_the_row(db, world):
    kind = award_kinds.get_award_kind(db, code="LDTT")
    award_kinds.save_coefficient(db, award_kinds.CoefficientInfo(
        kind.id, "person", date(2027, 1, 1), Decimal("0.4"), "Nghị định giả định 1/2027"))
    rows = [(x.effective_from, str(x.coefficient.normalize())) for x in award_kinds.list_coefficients(
        db, kind.id) if x.subject_type == "person"]
    assert (date(2027, 1, 1), "0.4") in rows
    old = _issue_on(db, world, "LDTT", world.persons[:1], date(2026, 12, 31))
    new = _issue_on(db, world, "LDTT", world.persons[1:2], date(2027, 1, 1))
    assert _moneys(db, old) == [("0.3", 760_000)]
    assert _moneys(db, new) == [("0.4", 1_020_000)]  # 0,4 × 2.530.000 = 1.012.000
    with db.read() as s:
        assert money.coefficient_on(s, kind.id, "person", date(2026, 12, 31)) == Decimal("0.3")
        assert money.coefficient_on(s, kind.id, "person", date(2027, 1, 1)) == Decimal("0.4")


def test_a_draft_is_repriced_when_its_date_crosses_a_new_salary(db, world):
    from app.services.rounds import batches, council, decisions

    bid = batches.create_batch(db, "Sơ kết 6 tháng đầu năm 2026", 2026)
    cids = batches.add_candidates(db, bid, world.persons[:2], world.kinds["LDTT"]).added
    from datetime import datetime

    mid = council.create_meeting(db, bid, datetime(2026, 6, 20, 8), "Hội trường", world.members)
    council.approve_without_vote(db, mid, cids)
    did = decisions.draft_from_batch(db, bid, signed_on=date(2026, 6, 30))
    assert decisions.get_decision(db, did).total_money == 1_420_000
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        None, date(2026, 7, 1), d.title, d.bases, d.articles, d.recipients, d.signer_name,
        d.signer_title, d.sign_mode))
    assert decisions.get_decision(db, did).total_money == 1_520_000

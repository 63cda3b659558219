"""The demo ward's emulation data: the seed report's movements and rates."""

from sqlalchemy import func, select

from app.demo import build_demo
from app.services.emulation.registration_rates import period_sentence, year_rates
from db.models import Initiative, Movement, MovementResult, Registration, RoleModel


def test_demo_has_movements_registrations_and_rates(db):
    build_demo(db, scale="small", seed=7)
    with db.read() as s:
        names = set(s.scalars(select(Movement.name)))
        results = s.scalar(select(func.count()).select_from(MovementResult))
        pending = s.scalar(select(func.count()).select_from(Registration)
                           .where(Registration.outcome.is_(None)))
        initiatives = s.scalar(select(func.count()).select_from(Initiative)
                               .where(Initiative.recognized))
        role_models = s.scalar(select(func.count()).select_from(RoleModel))
    for name in ("Cả nước chung sức xây dựng nông thôn mới",
                 "Toàn dân đoàn kết xây dựng đời sống văn hóa",
                 "Vì người nghèo - Không để ai bị bỏ lại phía sau", "Bình dân học vụ số"):
        assert name in names
    assert results > 10 and pending > 0 and initiatives >= 8 and role_models >= 10
    for year in range(2021, 2026):
        rates = year_rates(db, year)
        assert 96.0 <= rates.ward.registered_pct <= 100.0, year
        assert 93.0 <= rates.ward.achieved_pct <= 96.3, year
        assert rates.areas_achieved == rates.areas_total == 39
    sentence = period_sentence(db, 2021, 2025)
    assert sentence.startswith("Giai đoạn 2021–2025: tỷ lệ gia đình đăng ký xây dựng gia đình "
                               "văn hóa hằng năm từ 9")
    assert "số gia đình đăng ký." in sentence


def test_demo_fund_budgets_for_its_awards(db):
    """The demo ward plans a budget that covers each year's award money (it once showed
    hundreds of millions of đồng overspent, which no ward's accounts would)."""
    from app.services.awards import fund

    build_demo(db, scale="small", seed=7)
    for year in range(2021, 2026):
        b = fund.balance(db, year)
        assert b.spending > 0 and 0 <= b.balance <= b.income // 5, year

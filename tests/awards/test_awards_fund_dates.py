"""Fund lines are dated inside their year."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.services.awards import fund


def test_line_dated_outside_its_year_is_refused(db):
    with pytest.raises(ValidationError, match="Ngày 05/01/2026 không thuộc năm 2025") as err:
        fund.add_line(db, 2025, "du_toan", 50_000_000, "Dự toán năm 2025", date(2026, 1, 5))
    assert err.value.field == "on_date"
    assert fund.list_lines(db, 2025) == [] and fund.list_lines(db, 2026) == []
    fund.add_line(db, 2025, "du_toan", 50_000_000, "Dự toán năm 2025", date(2025, 12, 31))
    assert [x.on_date for x in fund.list_lines(db, 2025)] == [date(2025, 12, 31)]


def test_default_date_is_inside_the_year():
    today = date(2026, 11, 26)
    assert fund.default_date(2026, today) == today
    assert fund.default_date(2024, today) == date(2024, 12, 31)
    assert fund.default_date(2027, today) == date(2027, 12, 31)

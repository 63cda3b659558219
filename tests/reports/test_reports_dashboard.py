"""Dashboard figures and reminders."""

from __future__ import annotations

from datetime import date

from app.services.system import dashboard
from db.models import Batch, Candidate


def test_dashboard_counts_series_and_reminders(db, build):
    with build() as b:
        k = b.area("Khu 1")
        lead = b.person("Nguyễn Văn Lãnh", k, staff_class="Lãnh đạo")
        worker = b.person("Trần Thị Làm", k, staff_class="Trực tiếp lao động")
        homes = [b.household(f"Hộ {i}", k) for i in range(4)]
        for y in (2024, 2025):
            b.award(lead, "LDTT", y)
            b.award(worker, "LDTT", y)
        b.award(worker, "CSTDCS", 2025)
        for h in homes[:3]:
            b.award(h, "GDVH", 2025)
        b.registration(homes[3], "GDVH", 2025)
        b.decision(7, 2025, status="draft")
        batch = Batch(name="Tổng kết năm 2025", year=2025, kind="tong_ket_nam", status="draft")
        b.s.add(batch)
        b.s.flush()
        b.s.add(Candidate(batch_id=batch.id, subject_id=worker.id,
                          award_kind_id=b.kind["CSTDCS"]))
    d = dashboard.load(db, today=date(2025, 12, 1))
    counts = dict(d.counts)
    assert counts["Cá nhân"] == 2 and counts["Hộ gia đình"] == 4 and counts["Khu dân cư"] == 1
    assert counts["Lượt khen thưởng năm 2025"] == 6
    assert d.years == (2021, 2022, 2023, 2024, 2025)
    series = dict(d.awards_by_kind)
    assert series["Lao động tiên tiến"] == (0, 0, 0, 2, 2)
    assert series["Gia đình văn hóa"] == (0, 0, 0, 0, 3)
    assert d.gdvh_year == 2025 and d.gdvh_by_area == (("Khu 1", 75.0),)
    assert dict(d.staff_share) == {"Lãnh đạo": 2, "Trực tiếp lao động": 3}
    keys = {r.key: r for r in d.reminders}
    assert set(keys) == {"backup", "registrations", "drafts", "council"}
    assert "1 đăng ký thi đua" in keys["registrations"].text
    assert "Tổng kết năm 2025" in keys["council"].text
    assert keys["backup"].urgent

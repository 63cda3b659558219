"""Figures against values computed by hand on a small ward."""

from __future__ import annotations

from app.reports.figures import collect
from app.reports.labels import launcher_group, percent


def _small_ward(build):
    with build() as b:
        bh, at = b.unit("Bình Hàn", 1), b.unit("An Thượng", 2)
        k1, k2 = b.area("Khu 1", bh), b.area("Khu 2", at, households_total=10)
        a = b.person("Nguyễn Văn An", k1, staff_class="Lãnh đạo")
        bb = b.person("Trần Thị Bình", k2, staff_class="Trực tiếp lao động", gender="nữ")
        c = b.person("Lê Văn Cường", None, unit=at)
        x = b.collective("Trường Tiểu học Bình Hàn", k1)
        hh = [b.household(f"Phạm Văn Hộ {i}", k1 if i <= 4 else k2) for i in range(1, 7)]
        ext = b.decision(99, 2024, external=True)
        b.award(a, "LDTT", 2024, 710_000)
        b.award(bb, "LDTT", 2024, 710_000)
        b.award(bb, "CSTDCS", 2024, 2_340_000)
        b.award(x, "TTLDTT", 2024, 1_880_000)
        b.award(c, "LDTT", 2024, 710_000, revoked=True)
        b.award(k1, "KDCVH", 2024)
        b.award(k2, "KDCVH", 2024)
        b.award(a, "BK_TP", 2024, 3_510_000, decision=ext)
        wrong = b.award(a, "LDTT", 2025, 710_000)
        b.award(a, "LDTT", 2025, 720_000, corrects=wrong)
        for i in (0, 1, 4):
            b.award(hh[i], "GDVH", 2025)
        b.award(k1, "KDCVH", 2025)
        b.award(bb, "LDTT", 2023, 710_000)
        b.registration(hh[0], "GDVH", 2025, "dat")
        b.registration(hh[1], "GDVH", 2025)
        b.registration(hh[2], "GDVH", 2025, "dat")
        b.registration(hh[4], "GDVH", 2025)
        b.registration(hh[5], "GDVH", 2025, "khong_dat")


def test_award_counts_by_year_group_level(db, build):
    _small_ward(build)
    f = collect(db, 2024, 2025)
    assert f.count(year=2024) == 7  # revoked entry left out
    assert f.count(year=2024, group="collective") == 3  # areas count as tập thể
    assert f.count(year=2024, group="person") == 4
    assert f.count(year=2024, level="up") == 1
    assert f.count(year=2025) == 5  # the corrected entry counts once
    assert f.count(year=2025, group="household") == 3
    assert f.count(kind="LDTT") == 3
    assert f.money(year=2024) == 9_150_000
    assert f.money(year=2025) == 720_000
    assert f.count() == 12  # 2023 is outside the years


def test_awards_by_area_and_former_unit(db, build):
    _small_ward(build)
    f = collect(db, 2024, 2025)
    by_area = {(r.year, r.place): r.count for r in f.by_area}
    assert by_area == {(2024, "Khu 1"): 4, (2024, "Khu 2"): 3, (2025, "Khu 1"): 4,
                       (2025, "Khu 2"): 1}
    assert f.place_total(f.by_former_unit) == [("Bình Hàn", 8), ("An Thượng", 4)]


def test_culture_rates(db, build):
    _small_ward(build)
    f = collect(db, 2024, 2025)
    c = f.culture_of(2025)
    # 4 households on record in Khu 1 + the official 10 of Khu 2.
    assert (c.households, c.registered, c.achieved) == (14, 5, 4)
    assert percent(c.achievement_rate) == "80%"
    assert percent(c.registration_rate) == "35,7%"
    assert (c.areas, c.areas_achieved) == (2, 1)
    assert f.culture_of(2024).areas_achieved == 2
    k1 = next(r for r in f.area_culture if r.year == 2025 and r.area == "Khu 1")
    assert (k1.households, k1.registered, k1.achieved, k1.former_unit) == (4, 3, 3, "Bình Hàn")


def test_totals_and_staff_classes(db, build):
    _small_ward(build)
    f = collect(db, 2024, 2025)
    assert f.total_of(2024).award_money == 9_150_000
    assert dict(f.staff_classes) == {"Lãnh đạo": 3, "Trực tiếp lao động": 2}


def test_launcher_groups_and_percent_format():
    assert launcher_group("Thủ tướng Chính phủ") == "pm"
    assert launcher_group("UBND thành phố Hải Phòng") == "city"
    assert launcher_group("Phường") == "ward"
    assert launcher_group("Đảng ủy phường") == "ward"
    assert launcher_group("Mặt trận Tổ quốc") == "other"
    assert percent(96.0) == "96%" and percent(96.3333) == "96,3%" and percent(None) == "–"


def test_role_models_and_initiatives_collected(db, build):
    from db.models import Initiative, RoleModel

    with build() as b:
        p = b.person("Đỗ Thị Hạnh", None, gender="nữ")
        b.s.add_all([
            RoleModel(subject_id=p.id, year=2025, field="y tế", headline="Tận tụy với người bệnh"),
            RoleModel(subject_id=p.id, year=2019, field="y tế"),
            Initiative(title="Sổ theo dõi tiêm chủng điện tử", title_folded="so", year=2025,
                       recognized=True, scope="cơ sở"),
            Initiative(title="Chưa công nhận", title_folded="chua", year=2025, recognized=False),
        ])
    f = collect(db, 2021, 2025)
    assert [(m.name, m.year, m.field) for m in f.role_models] == [("Đỗ Thị Hạnh", 2025, "y tế")]
    assert [(i.title, i.scope) for i in f.initiatives] == [("Sổ theo dõi tiêm chủng điện tử",
                                                            "cơ sở")]
    assert f.total_of(2025).initiatives == 1 and f.total_of(2025).role_models == 1

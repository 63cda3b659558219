"""Editing the area figures without the screen: pasting a block copied from Excel, the set of
culture indicators, and the targets against what was achieved."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.reports.figures import collect
from app.reports.figures_targets import evaluate
from app.reports.summary_targets import next_target_lines, target_lines
from app.services.emulation import area_years as ay
from app.services.emulation import culture_indicators as ci
from app.services.emulation import targets as tg
from app.services.emulation.area_years_grid import grid_columns, parse_block
from db.models import AreaYear


def _areas(build, names=("Khu dân cư số 1", "Khu dân cư số 2", "Khu dân cư số 3")):
    with build() as b:
        return [b.area(n).id for n in names]


def test_paste_by_area_names_in_any_order(db, build):
    a1, a2, a3 = _areas(build)
    grid = ay.load_year(db, 2025)
    cols = grid_columns(grid.indicators)
    rows = list(grid.rows)
    # Copied from Excel: name, former unit, households, registered, achieved, rates, KDCVH…
    clip = ("KDC số 3\tBình Hàn\t1.200\t1.150\t1.100\t95%\t\tĐạt\r\n"
            "Khu dân cư số 1\t\t300\t290\t280\t\t\tKhông đạt\r\n")
    result = parse_block(clip, rows, cols, 0, 0)
    assert result.problems == []
    assert result.changes == {
        a3: {"households": 1200, "registered": 1150, "achieved": 1100, "kdcvh": "dat"},
        a1: {"households": 300, "registered": 290, "achieved": 280, "kdcvh": "khong_dat"}}
    assert result.ignored == 2  # "Bình Hàn" and "95%" fell on read-only columns
    assert a2 not in result.changes


def test_paste_refuses_the_whole_block_for_one_bad_cell(db, build):
    _areas(build)
    grid = ay.load_year(db, 2025)
    cols = grid_columns(grid.indicators)
    households = next(i for i, c in enumerate(cols) if c.key == "households")
    result = parse_block("300\t290\n2,5\t10\n40\n50", list(grid.rows), cols, 0, households)
    assert result.problems == [
        "Khu dân cư số 2, cột “Tổng số hộ”: Tổng số hộ: “2,5” không phải số nguyên.",
        "Dòng dán thứ 4 vượt quá cuối bảng."]
    unknown = parse_block("Khu Không Có\t10", list(grid.rows), cols, 0, 0)
    assert unknown.problems == ["Không có trong bảng các khu dân cư: Khu Không Có."]


def test_indicator_set_is_data_the_officer_edits(db, build):
    (area,) = _areas(build, ("Khu Nam",))
    names = [i.name for i in ci.list_indicators(db)]
    assert names == ["Tủ sách, thư viện", "Nhà văn hóa", "Sân thể thao", "Đội văn nghệ",
                     "Câu lạc bộ"]
    new = ci.save_indicator(db, ci.IndicatorData("Điểm vui chơi trẻ em"))
    with pytest.raises(ValidationError, match="Đã có tiêu chí"):
        ci.save_indicator(db, ci.IndicatorData("điểm vui chơi trẻ em"))
    ay.save_year(db, 2025, {area: {f"ind:{new}": 1}})
    with pytest.raises(ValidationError, match="đã có số liệu: không đổi loại"):
        ci.save_indicator(db, ci.IndicatorData("Điểm vui chơi trẻ em", "count", id=new))
    ci.move_indicator(db, new, -1)
    assert [i.name for i in ci.list_indicators(db)][-2] == "Điểm vui chơi trẻ em"
    assert ci.value_count(db, new) == 1
    assert ci.delete_indicator(db, new) == 1
    with db.read() as s:
        assert s.query(AreaYear).one().indicators == {}
    labels = [c.label for c in grid_columns(tuple(ci.list_indicators(db)))]
    assert labels[-2:] == ["Đội văn nghệ (thành viên)", "Câu lạc bộ"]


def _totals_ward(db, build, rates):
    """One area of 100 households; (registered, achieved) per year."""
    (area,) = _areas(build, ("Khu Nam",))
    for year, (reg, ach) in rates.items():
        ay.save_year(db, year, {area: {"households": 100, "registered": reg, "achieved": ach,
                                       "kdcvh": "dat"}})


def test_targets_against_what_was_achieved(db, build):
    _totals_ward(db, build, {2021: (100, 95), 2022: (100, 96), 2023: (100, 97)})
    each = tg.save_target(db, tg.TargetData(2021, 2023, "gdvh_rate", 96))
    tg.save_target(db, tg.TargetData(2021, 2023, "kdcvh_count", 1))
    tg.save_target(db, tg.TargetData(2021, 2023, "manual", 100, "Thu ngân sách vượt kế hoạch",
                                     "%", "each_year", {2021: 103, 2022: 110, 2023: 125}))
    for year in (2021, 2022):
        tg.save_target(db, tg.TargetData(year, year, "gdvh_rate", 95))
    tg.save_target(db, tg.TargetData(2024, 2028, "gdvh_rate", 96, "Duy trì tỷ lệ gia đình văn "
                                     "hóa"))
    f = collect(db, 2021, 2023)
    first = evaluate(f.targets[0], f)
    assert (first.verdict, first.short_years, first.achieved) == ("chua_dat", (2021,), 95.0)
    assert target_lines(f) == [
        ("- Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”: chỉ tiêu hằng năm 96%; các năm "
        "2021–2023 đạt từ 95% đến 97%, chưa đạt chỉ tiêu (năm 2021)."),
        ("- Số thôn, khu dân cư đạt danh hiệu “Khu dân cư văn hóa”: chỉ tiêu đến năm 2023 đạt 1; "
        "năm 2023 đạt 1, đạt chỉ tiêu."),
        ("- Thu ngân sách vượt kế hoạch: chỉ tiêu hằng năm 100%; các năm 2021–2023 đạt từ 103% "
        "đến 125%, vượt chỉ tiêu."),
        ("- Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” (chỉ tiêu 95%): năm 2021 đạt 95%, "
        "đạt chỉ tiêu; năm 2022 đạt 96%, vượt chỉ tiêu.")]
    assert next_target_lines(f) == ["(1) Duy trì tỷ lệ gia đình văn hóa: hằng năm đạt 96%."]
    running = tg.results(db, 2024, 2024)
    assert [(r.target.label, r.verdict, r.values) for r in running] == [
        ("Duy trì tỷ lệ gia đình văn hóa", "", ())]  # nothing recorded for 2024 yet
    with pytest.raises(ValidationError, match="không quá 100%"):
        tg.save_target(db, tg.TargetData(2025, 2025, "gdvh_rate", 120))
    with pytest.raises(ValidationError, match="Năm kết thúc"):
        tg.save_target(db, tg.TargetData(2025, 2024, "gdvh_rate", 90))
    tg.delete_target(db, each)
    assert len(tg.results(db, 2021, 2023)) == 4


def test_manual_results_typed_the_vietnamese_way():
    assert tg.parse_achieved("2024: 95,5; 2025: 1.500", 2024, 2025) == {2024: 95.5, 2025: 1500}
    assert tg.parse_achieved("2024: 95.5", 2024, 2025) == {2024: 95.5}
    with pytest.raises(ValidationError, match="ngoài thời gian"):
        tg.parse_achieved("2023: 90", 2024, 2025)
    with pytest.raises(ValidationError, match="không đúng dạng"):
        tg.parse_achieved("năm nay 90", 2024, 2025)
    assert tg.achieved_text({2025: 96.0, 2024: 95.5}) == "2024: 95,5; 2025: 96"

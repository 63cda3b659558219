"""Issue 13, done means: a database loaded only through ``tdkt template area-year`` and
``tdkt import area-year`` from a ward's per-area yearly totals gives a five-year report whose
Gia đình văn hóa sentence states the registration range, achievement range and 39/39 the
totals give. The totals are built from the seed report's own figures: 39 areas in four former
units (An Thượng a xã), households changing year by year, registration 96–100 %, achievement
93–96,3 % of the registered, 39/39 Khu dân cư văn hóa in 2025; 100 % with a tủ sách, 7/39
with a sân thể thao, đội văn nghệ of 10–30 members."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.context import open_app_database
from app.excel.export import HEADER_ROW
from app.reports.labels import percent

UNITS = (("Bình Hàn", "phường"), ("Cẩm Thượng", "phường"), ("Nguyễn Trãi", "phường"),
         ("An Thượng", "xã"))
# year: (share registered, share of the registered achieving, areas not yet Khu dân cư văn hóa)
YEARS = {2021: (1.00, 0.93, 2), 2022: (0.96, 0.95, 1), 2023: (0.98, 0.94, 0),
         2024: (0.99, 0.96, 0), 2025: (1.00, 0.963, 0)}
AREAS = [f"Khu dân cư số {i}" for i in range(1, 40)]


def ward_totals() -> dict[tuple[str, int], tuple]:
    """(area, year) → (households, registered, achieved, kdcvh, tủ sách, sân, đội văn nghệ):
    each area its own households, growing every year; the ward's shares exactly the seed's."""
    out = {}
    for year, (reg_share, ach_share, not_yet) in YEARS.items():
        homes = [180 + (i * 37) % 160 + 3 * (year - 2021) for i in range(39)]
        total = sum(homes)
        registered = _spread(round(total * reg_share), homes)
        achieved = _spread(round(sum(registered) * ach_share), registered)
        pitches = 5 if year < 2024 else 7
        for i, area in enumerate(AREAS):
            out[(area, year)] = (homes[i], registered[i], achieved[i],
                                 "Không đạt" if i < not_yet else "Đạt", "Có",
                                 "Có" if i < pitches else "Không", 10 + (i * 4) % 21)
    return out


def _spread(whole: int, weights: list[int]) -> list[int]:
    """``whole`` shared out in proportion (never above a weight), the rest on the last areas."""
    share = whole / sum(weights)
    parts = [min(w, int(w * share)) for w in weights]
    i = len(parts) - 1
    while sum(parts) < whole:
        if parts[i] < weights[i]:
            parts[i] += 1
        i = i - 1 if i else len(parts) - 1
    return parts


def _fill(path, data):
    wb = load_workbook(path)
    ws = wb["Danh sách"]
    col = {c.value.replace(" (*)", ""): c.column for c in ws[HEADER_ROW] if c.value}
    row = HEADER_ROW + 1
    for (area, year), (homes, reg, ach, kdc, books, pitch, troupe) in sorted(
            data.items(), key=lambda kv: (kv[0][1], AREAS.index(kv[0][0]))):
        unit, kind = UNITS[AREAS.index(area) % 4]
        values = {"STT": row - HEADER_ROW, "Khu dân cư": area, "Năm": year,
                  "Tổng số hộ": homes, "Số hộ đăng ký Gia đình văn hóa": reg,
                  "Số hộ đạt Gia đình văn hóa": ach, "Khu dân cư văn hóa": kdc,
                  "Tủ sách, thư viện": books, "Sân thể thao": pitch,
                  "Đội văn nghệ (thành viên)": troupe, "Địa bàn cũ": unit,
                  "Loại địa bàn cũ": kind}
        for header, value in values.items():
            ws.cell(row, col[header], value)
        row += 1
    wb.save(path)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """The ward's database, made and filled by the command line only."""
    folder = tmp_path_factory.mktemp("khu dân cư")
    db_path, xlsx = folder / "phường.sqlite", folder / "mẫu số liệu khu dân cư.xlsx"
    assert main(["template", "area-year", "-o", str(xlsx), "--db", str(db_path)]) == 0
    data = ward_totals()
    _fill(xlsx, data)
    assert main(["import", "area-year", str(xlsx), "--dry-run", "--db", str(db_path)]) == 0
    assert main(["import", "area-year", str(xlsx), "--db", str(db_path)]) == 0
    db = open_app_database(db_path)
    yield db, data
    db.dispose()


def _expected(data) -> tuple[str, str]:
    """The ranges the totals give, computed here from the file's numbers."""
    reg, ach = [], []
    for year in YEARS:
        rows = [v for (_, y), v in data.items() if y == year]
        homes, registered, achieved = (sum(r[i] for r in rows) for i in range(3))
        reg.append(100 * registered / homes)
        ach.append(100 * achieved / registered)
    return (f"từ {percent(min(reg))} đến {percent(max(reg))}",
            f"từ {percent(min(ach))} đến {percent(max(ach))}")


def _flat(value: str) -> str:
    return re.sub(r"\s+", " ", value)


def test_five_year_report_states_what_the_totals_give(loaded, tmp_path):
    from docx import Document

    from app.reports.summary import build_summary

    db, data = loaded
    reg, ach = _expected(data)
    assert (reg, ach) == ("từ 96% đến 100%", "từ 93% đến 96,3%")  # the seed's own words
    out = build_summary(db, 2021, 2025, "docx", tmp_path / "báo cáo 5 năm.docx")
    doc = Document(out)
    body = _flat("\n".join(p.text for p in doc.paragraphs))
    assert (f"Tỷ lệ gia đình đăng ký xây dựng gia đình văn hóa hằng năm chiếm {reg}, kết quả "
            f"bình xét hằng năm đạt {ach} số gia đình đăng ký.") in body
    assert ("Số thôn, khu dân cư đạt danh hiệu “Khu dân cư văn hóa” hằng năm từ 37/39 đến "
            "39/39; năm 2025, toàn phường có 39/39 thôn, khu dân cư đạt danh hiệu “Khu dân cư "
            "văn hóa”.") in body
    assert "100% thôn, khu dân cư có tủ sách, thư viện" in body
    assert "7/39 thôn, khu dân cư có sân thể thao (các năm 2021–2023: 5/39)" in body
    assert "100% thôn, khu dân cư có đội văn nghệ (từ 10 đến 30 thành viên)" in body
    # Each year over its own households (not today's total for every year).
    table = {r.cells[0].text: [c.text for c in r.cells] for t in doc.tables for r in t.rows}
    homes_2022 = sum(v[0] for (_, y), v in data.items() if y == 2022)
    assert table["2022"][1] == f"{homes_2022:,}".replace(",", ".")
    assert table["2021"][-1] == "37/39" and table["2025"][-1] == "39/39"


def test_every_figure_came_from_the_file(loaded):
    from sqlalchemy import select

    from app.reports.figures import collect
    from db.models import FormerUnit, ResidentialArea

    db, data = loaded
    f = collect(db, 2021, 2025)
    for c in f.culture:
        rows = [v for (_, y), v in data.items() if y == c.year]
        assert (c.households, c.registered, c.achieved) == tuple(
            sum(r[i] for r in rows) for i in range(3))
    assert {a.source for a in _area_rows(db)} == {"entered"}
    with db.read() as s:
        kinds = dict(s.execute(select(FormerUnit.name, FormerUnit.kind)).all())
        assert s.query(ResidentialArea).count() == 39
    assert kinds == dict(UNITS)  # An Thượng keeps its kind: a xã


def _area_rows(db):
    from app.services.emulation.area_years import load_year

    return load_year(db, 2023).rows


def test_same_file_again_changes_nothing_and_update_reports_differences(loaded, tmp_path,
                                                                        capsys):
    from app.excel.importer import preview
    from app.excel.templates import export_kind

    db, _ = loaded
    again = tmp_path / "xuất lại.xlsx"
    assert export_kind(db, "area_year", again) == 39 * 5
    result = preview(db, "area-year", again)
    assert result.ok and result.counts()["skip"] == 39 * 5
    assert all(r.duplicate_text.endswith("(giống hệt)") for r in result.rows)


def test_figures_workbook_has_the_indicators(loaded, tmp_path):
    from app.reports.summary import build_summary

    db, _ = loaded
    out = build_summary(db, 2021, 2025, "xlsx", tmp_path / "số liệu.xlsx")
    ws = load_workbook(out)["Tiêu chí văn hóa"]
    rows = {(r[0], r[1]): r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)}
    assert rows[(2025, "Sân thể thao")][2:4] == (7, 39)
    assert rows[(2025, "Đội văn nghệ")][4:8] == (10, 30, sum(10 + (i * 4) % 21 for i in range(39)),
                                                  "thành viên")

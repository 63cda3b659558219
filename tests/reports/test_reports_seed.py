"""A ward built from the seed report's own numbers; the report must state exactly those.

Seed: "Toàn phường có 39/39 thôn, khu dân cư đạt danh hiệu “Khu dân cư văn hóa” … Tỷ lệ gia đình
đăng ký xây dựng gia đình văn hóa hằng năm chiếm từ 96% đến 100%, kết quả bình xét hằng năm đạt
từ 93% đến 96,3% số gia đình đăng ký."
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.context import open_app_database
from app.reports.summary import build_summary
from db.models import Movement, MovementResult
from tests.reports.conftest import Builder

UNITS = ("Bình Hàn", "Cẩm Thượng", "Nguyễn Trãi", "An Thượng")
HOUSEHOLDS = 300
# year: (registered, achieved) → 100/93, 96/93,75, 98/95,2, 99/96, 100/96,3 (%).
GDVH = {2021: (300, 279), 2022: (288, 270), 2023: (294, 280), 2024: (297, 285), 2025: (300, 289)}


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = open_app_database(tmp_path_factory.mktemp("seed") / "phường Thành Đông.sqlite")
    with db.session() as s:
        b = Builder(s)
        b.organization()
        units = [b.unit(n, i) for i, n in enumerate(UNITS)]
        areas = [b.area(f"Khu dân cư số {i + 1}", units[i % 4]) for i in range(39)]
        homes = [b.household(f"Nguyễn Văn Hộ {i}", areas[i % 39], flush=False)
                 for i in range(HOUSEHOLDS)]
        s.flush()
        for year, (reg, ach) in GDVH.items():
            for i, h in enumerate(homes[:reg]):
                b.registration(h, "GDVH", year, "dat" if i < ach else "khong_dat")
                if i < ach:
                    b.award(h, "GDVH", year, flush=False)
        for a in areas:
            b.award(a, "KDCVH", 2025, 3_510_000, flush=False)
        for i, a in enumerate(areas[:30]):
            b.award(a, "KDCVH", 2024, 3_510_000, flush=False)
        m = Movement(name="Toàn dân đoàn kết xây dựng đời sống văn hóa", name_folded="x",
                     launched_by="Thủ tướng Chính phủ", kind="thường xuyên",
                     start_date=date(2021, 1, 1))
        city = Movement(name="Thi đua tăng thu ngân sách giai đoạn 2019 - 2025", name_folded="y",
                        launched_by="Thành phố", kind="theo đợt", start_date=date(2019, 3, 1),
                        end_date=date(2025, 12, 31))
        s.add_all([m, city])
        s.flush()
        s.add(MovementResult(movement_id=m.id, year=2023,
                             narrative="Phong trào được duy trì, tập trung lãnh đạo."))
        s.add(MovementResult(movement_id=city.id, year=2025,
                             narrative="Thu ngân sách hằng năm đều vượt kế hoạch thành phố giao."))
    yield db
    db.dispose()


def _flat(value: str) -> str:
    return re.sub(r"\s+", " ", value)


SEED_SENTENCES = (
    "toàn phường có 39/39 thôn, khu dân cư đạt danh hiệu “Khu dân cư văn hóa”",
    ("Tỷ lệ gia đình đăng ký xây dựng gia đình văn hóa hằng năm chiếm từ 96% đến 100%, "
     "kết quả bình xét hằng năm đạt từ 93% đến 96,3% số gia đình đăng ký."),
)


def test_docx_states_the_seed_figures(seed_db, tmp_path):
    from docx import Document

    out = build_summary(seed_db, 2021, 2025, "docx", tmp_path / "báo cáo.docx")
    doc = Document(out)
    body = _flat("\n".join(p.text for p in doc.paragraphs))
    for sentence in SEED_SENTENCES:
        assert sentence in body
    assert "BÁO CÁO TỔNG KẾT" in body
    assert "PHẦN THỨ NHẤT" in body and "PHẦN THỨ HAI" in body
    assert "giai đoạn 2026 - 2030" in body
    assert "Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”" in body
    assert "Thu ngân sách hằng năm đều vượt kế hoạch thành phố giao." in body
    assert "Vũ Kim Quang" in _flat("\n".join(c.text for t in doc.tables for r in t.rows
                                             for c in r.cells))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "39/39" in cells and "96,3%" in cells  # the culture table, 2025 row


def test_pdf_text_has_the_figures_with_diacritics(seed_db, tmp_path):
    from pypdf import PdfReader

    out = build_summary(seed_db, 2021, 2025, "pdf", tmp_path / "báo cáo.pdf")
    reader = PdfReader(out)
    body = _flat(" ".join(p.extract_text() for p in reader.pages))
    assert "39/39 thôn, khu dân cư" in body
    assert "từ 96% đến 100%" in body and "từ 93% đến 96,3%" in body
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in body
    assert "Độc lập - Tự do - Hạnh phúc" in body
    fonts = {f for p in reader.pages for f in _fonts(p)}
    assert any("Tinos" in f for f in fonts)


def _fonts(page):
    res = page.get("/Resources") or {}
    return [str(v.get_object().get("/BaseFont")) for v in (res.get("/Font") or {}).values()]


def test_xlsx_holds_the_figures(seed_db, tmp_path):
    from openpyxl import load_workbook

    out = build_summary(seed_db, 2021, 2025, "xlsx", tmp_path / "số liệu.xlsx")
    wb = load_workbook(out)
    ws = wb["Gia đình văn hóa"]
    rows = {r[0]: r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)}
    assert rows[2025][1:3] == (300, 300) and rows[2022][2] == 288
    assert rows[2025][5] == 0.963 and rows[2025][6:8] == (39, 39)  # shown as 96,3 %
    total = next(r for r in wb["Khen thưởng"].iter_rows(values_only=True) if r[0] == "Tổng cộng")
    # every achieved household and 39 + 30 areas, over five years
    assert total[-1] == sum(a for _, a in GDVH.values()) + 69

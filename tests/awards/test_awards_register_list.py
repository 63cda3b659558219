"""The register list: folded search, filters, order, history, Excel, the printed book."""

from __future__ import annotations

from datetime import date

from app.services import register
from app.services.decision_issue import ExternalAward, record_external_decision


def _fill(db, world):
    k = world.kinds
    record_external_decision(db, "5/QĐ-UBND", date(2024, 12, 20), "UBND phường Bình Hàn", "xa",
                             "Khen thưởng", [ExternalAward(p, k["LDTT"], 2024)
                                             for p in world.persons[:4]])
    record_external_decision(db, "123/QĐ-UBND", date(2025, 6, 2), "UBND thành phố Hải Phòng",
                             "tinh", "Bằng khen", [ExternalAward(world.persons[1], k["BK_TP"],
                                                                 2025, money=3_510_000)])
    record_external_decision(db, "9/QĐ-UBND", date(2025, 12, 20), "UBND phường Thành Đông", "xa",
                             "Gia đình văn hóa", [ExternalAward(h, k["GDVH"], 2025)
                                                  for h in world.households])


def test_search_ignores_case_and_diacritics_and_filters_apply(db, world):
    _fill(db, world)
    src = register.register_source(db)
    assert [c.title for c in src.columns][:3] == ["Số vào sổ", "Năm", "Họ và tên / Tên"]
    every = src.ids("", {}, None)
    assert len(every) == 7
    rows = src.rows(every)
    assert rows[0][0] == "2025/0003"  # newest first
    dang = src.rows(src.ids("dang bao", {}, None))
    assert {r[2] for r in dang} == {"Đặng Văn Bảo"} and len(dang) == 2
    assert src.ids("ĐẶNG", {}, None) == src.ids("dang", {}, None)
    assert len(src.ids("", {"year": 2024}, None)) == 4
    assert len(src.ids("", {"subject_type": "household"}, None)) == 2
    assert len(src.ids("", {"area_id": world.area}, None)) == 7  # everyone lives in area 1
    assert src.ids("", {"area_id": world.school}, None) == []
    assert len(src.ids("", {"award_kind_id": world.kinds["BK_TP"]}, None)) == 1
    bk = src.rows(src.ids("", {"award_kind_id": world.kinds["BK_TP"]}, None))[0]
    assert bk[5] == "Cấp tỉnh" and "123/QĐ-UBND ngày 02/06/2025 (UBND thành phố" in bk[6]
    assert bk[9] == "3.510.000"
    by_name = src.rows(src.ids("", {"year": 2024}, (2, True)))
    assert [r[2] for r in by_name] == ["Nguyễn Thị Ánh", "Đặng Văn Bảo", "Lê Thị Cúc",
                                       "Phạm Minh Đức"]  # Vietnamese order: given name first
    assert len(src.ids("", {"revoked": "revoked"}, None)) == 0


def test_history_export_and_book(db, world, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    _fill(db, world)
    hist = register.subject_history(db, world.persons[1])
    assert [(h.year, h.award_name) for h in hist] == [
        (2024, "Lao động tiên tiến"), (2025, "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố")]
    out = register.export_xlsx(db, tmp_path / "sổ 2024.xlsx", year=2024)
    ws = load_workbook(out).active
    assert ws.cell(1, 1).value == "SỔ KHEN THƯỞNG NĂM 2024"
    assert [ws.cell(r, 3).value for r in range(4, 8)].count("Đặng Văn Bảo") == 1
    from app.documents import render

    pdf = render(register.register_book(db, 2025, date(2026, 1, 2)), tmp_path / "so.pdf")
    page = PdfReader(pdf).pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape book
    txt = page.extract_text()
    assert "SỔ KHEN THƯỞNG" in txt and "2025/0001" in txt and "Tổng số: 3 mục" in txt

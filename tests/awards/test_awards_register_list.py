"""The register list: folded search, filters, order, history, Excel, the printed book."""

from __future__ import annotations

from datetime import date

from app.services.awards import register
from app.services.rounds.decision_issue import ExternalAward, record_external_decision


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
    out = tmp_path / "sổ 2024.xlsx"
    register.export_xlsx(db, out, year=2024)
    ws = load_workbook(out).active
    assert ws.cell(1, 1).value == "SỔ KHEN THƯỞNG NĂM 2024"
    assert [ws.cell(r, 3).value for r in range(4, 8)].count("Đặng Văn Bảo") == 1
    from app.documents import render

    pdf = render(register.register_book(db, 2025, date(2026, 1, 2)), tmp_path / "so.pdf")
    page = PdfReader(pdf).pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape book
    txt = page.extract_text()
    assert "SỔ KHEN THƯỞNG" in txt and "2025/0001" in txt and "Tổng số: 3 mục" in txt


_FAMILY = ("Nguyễn", "Đặng", "Đỗ", "Trần", "Lê", "Dương", "Đinh", "Hoàng")
_GIVEN = ("Thị Hoa", "Văn Đức", "Minh Dũng", "Thu Hà", "Đình Nam", "Ngọc Ánh", "Văn Tâm")


def _many(db, world):
    """~70 people with overlapping names (đ and d, shared prefixes) and ~300 register entries
    over three years, so that short searches match a large share of the register."""
    import random

    from tests.awards.awards_world import make_person

    rnd = random.Random(7)
    with db.session() as s:
        people = [make_person(s, f"{f} {g}") for f in _FAMILY for g in _GIVEN]
        ids = [p.id for p in people] + world.households
    kinds = [world.kinds["LDTT"], world.kinds["GDVH"], world.kinds["BK_TP"]]
    for year in (2023, 2024, 2025):
        for n in range(1, 4):
            chosen = rnd.sample(ids, 35)
            record_external_decision(
                db, f"{n}{year}/QĐ-UBND", date(year, 12, 10 + n), "UBND phường Bình Hàn", "xa",
                "Khen thưởng", [ExternalAward(i, rnd.choice(kinds), year) for i in chosen])


def test_large_matches_list_lazily_with_the_same_ids_in_the_same_order(db, world, monkeypatch):
    from app.text import fold_tokens
    from db.queries import register as q

    _many(db, world)
    monkeypatch.setattr(register, "LAZY_FROM", 20)
    monkeypatch.setattr(register, "HEAD", 7)
    src = register.register_source(db)
    lazy = 0
    for search in ("", "d", "đ", "ĐẶNG", "dang v", "ng", "nguyen thi", "t", "th h", "van duc",
                   "do", "xyz"):
        for filters in ({}, {"subject_type": "person"}, {"subject_type": "household"},
                        {"revoked": "valid"}, {"area_id": world.area}, {"year": 2024}):
            for order in (None, (0, True), (0, False), (2, True), (2, False), (4, True)):
                with db.read() as s:
                    plain = q.register_ids(s, fold_tokens(search), filters, order)
                got = src.ids(search, filters, order)
                if isinstance(got, register.LazyIds):
                    lazy += 1
                    # what the table asks first is answered from the head, then the rest
                    assert len(got) == len(plain) and got[0] == plain[0]
                    assert got[0:7] == plain[0:7] and got[2:5] == plain[2:5]
                    assert got._all is None
                    assert got[7:20] == plain[7:20] and got._all is not None
                assert list(got) == plain, (search, filters, order)
    assert lazy >= 50  # the fast path did run, for searches and for subject filters
    d = src.ids("d", {}, (0, True))
    assert isinstance(d, register.LazyIds) and src.ids("đ", {}, (0, True)) == d
    assert d.index(d[len(d) - 1]) == len(d) - 1


def test_small_or_clustered_matches_list_everything_at_once(db, world, monkeypatch):
    _many(db, world)
    monkeypatch.setattr(register, "LAZY_FROM", 20)
    src = register.register_source(db)
    assert isinstance(src.ids("", {}, None), register.LazyIds)
    # a year's entries sit together in register order: walking to them would not pay
    assert isinstance(src.ids("", {"year": 2023}, None), list)
    assert isinstance(src.ids("nguyen thi hoa", {}, None), list)  # few matches
    assert isinstance(src.ids("", {}, (2, False)), register.LazyIds)  # by name: walks names
    assert isinstance(src.ids("", {}, (1, True)), list)  # by year: no index to walk

"""The report states figures the way ward documents do: counts as "01", identical yearly
results once ("Các năm 2021–2025: …"), areas commended upward, former units with their kind,
money that reconciles (decided, paid, revoked by name), targets met or not."""

from __future__ import annotations

from datetime import date

from app.documents import Paragraph
from app.reports import summary_figures as sf
from app.reports.figures import collect
from app.reports.labels import count, group_years, years_label
from db.models import Decision, DecisionLine, FundLine, Movement, MovementResult


def _decision(b, number, year, money, kind="khen_thuong", signed=None, status="issued"):
    return b._add(Decision(number=number, year=year, full_number=f"{number}/QĐ-UBND",
                           signed_on=signed or date(year, 12, 20), title="Về việc khen thưởng",
                           kind=kind, status=status, level="xa", total_money=money))


def _text(blocks) -> list[str]:
    return ["".join(r.text for r in b.runs) for b in blocks if isinstance(b, Paragraph)]


def test_counts_and_years_as_ward_documents_write_them():
    assert [count(n) for n in (0, 1, 9, 10, 1500)] == ["0", "01", "09", "10", "1.500"]
    assert years_label([2023, 2021, 2022]) == "Các năm 2021–2023"
    assert years_label([2021, 2023]) == "Các năm 2021, 2023"
    assert group_years([(2021, "a"), (2022, "b"), (2023, "a")]) == [([2021, 2023], "a"),
                                                                    ([2022], "b")]


def test_same_results_every_year_are_said_once(db, build):
    with db.session() as s:
        m = Movement(name="Chủ nhật xanh", name_folded="chu nhat xanh", launched_by="Phường",
                     kind="thường xuyên", start_date=date(2021, 3, 1))
        other = Movement(name="Vì người nghèo", name_folded="vi nguoi ngheo", launched_by="Phường",
                         kind="thường xuyên", start_date=date(2022, 3, 1))
        s.add_all([m, other])
        s.flush()
        for year in range(2021, 2026):
            s.add(MovementResult(movement_id=m.id, year=year,
                                 narrative="Duy trì đều đặn vào sáng chủ nhật hằng tuần."))
            s.add(MovementResult(movement_id=other.id, year=year,
                                 narrative="Hỗ trợ hộ nghèo." if year != 2024 else
                                 "Xây mới 16 nhà."))
    lines = _text(sf.movement_blocks(collect(db, 2021, 2025), "ward", None))
    assert lines == [
        "Trong 5 năm (2021 – 2025), phường đã phát động 02 phong trào thi đua.",
        ("- Phong trào “Chủ nhật xanh”: Các năm 2021–2025: Duy trì đều đặn vào sáng chủ nhật "
        "hằng tuần."),
        "- Phong trào “Vì người nghèo”:",
        "Các năm 2021, 2022, 2023, 2025: Hỗ trợ hộ nghèo.",
        "Năm 2024: Xây mới 16 nhà."]


def test_areas_commended_upward_and_former_units_by_kind(db, build):
    with build() as b:
        ward_unit, village = b.unit("Bình Hàn", 1), b.unit("An Thượng", 2)
        village_row = b.s.get(type(village), village.id)
        village_row.kind = "xã"
        areas = [b.area(f"Khu {i}", ward_unit if i % 2 else village) for i in range(6)]
        up = b.decision(3, 2023, external=True, title="Tặng Bằng khen")
        for a in areas:
            b.award(a, "BK_TP", 2023, decision=up)
            b.award(a, "KDCVH", 2023, decision=up)  # the ward's own title, recorded by reference
        b.award(areas[0], "BK_TP", 2024, decision=up)
    f = collect(db, 2021, 2025)
    sentences = sf.culture_sentences(f)
    assert [s for s in sentences if "cấp trên" in s] == [
        ("Các thôn, khu dân cư được cấp trên khen thưởng: Bằng khen của Chủ tịch Ủy ban nhân dân "
        "thành phố (06 thôn, khu dân cư, các năm 2023–2024).")]
    awards = sf.award_sentences(f, "UBND phường Thành Đông")
    assert "Theo địa bàn trước sắp xếp: phường Bình Hàn: 06 lượt; xã An Thượng: 07 lượt." \
        in awards
    assert sf.places_table(f).rows[1][1] == "Xã An Thượng"


def test_money_reconciles_with_revocations_named(db, build):
    with build() as b:
        area = b.area("Khu 1")
        people = [b.person(f"Người {i}", area) for i in range(3)]
        d1, d2 = _decision(b, 5, 2024, 3_000_000), _decision(b, 9, 2025, 1_500_000)
        revoke = _decision(b, 12, 2025, 0, "thu_hoi", date(2025, 6, 2), "draft")
        recs = [b.award(p, "LDTT", 2024, 1_000_000, decision=d1) for p in people]
        b.award(people[0], "LDTT", 2025, 1_500_000, decision=d2)
        # Revoked the one way the register allows: an issued revocation naming the entry.
        b._add(DecisionLine(decision_id=revoke.id, subject_id=people[2].id,
                            award_kind_id=b.kind["LDTT"], award_record_id=recs[2].id,
                            achievement_year=2024, printed_name="Người 2"))
        revoke.status = "issued"
        b.s.flush()
        recs[2].revoked, recs[2].revoked_by_decision_id = True, revoke.id
        b.s.flush()
        for year, group, amount, dec in ((2024, "chi_khen_thuong", 3_000_000, d1),
                                         (2025, "chi_khen_thuong", 1_500_000, d2),
                                         (2025, "chi_khen_thuong", 200_000, None),
                                         (2025, "thu_hoi", 1_000_000, revoke)):
            b.s.add(FundLine(year=year, direction="thu" if group == "thu_hoi" else "chi",
                             group=group, amount=amount, description="…",
                             decision_id=dec.id if dec else None))
    f = collect(db, 2024, 2025)
    m = f.money_flow
    assert (m.decisions, m.decided, m.paid, m.revoked, m.in_force) == (
        2, 4_500_000, 4_700_000, 1_000_000, 3_500_000)
    assert sf.money_sentences(f, "2 năm (2024 – 2025)") == [
        ("Tổng số tiền thưởng theo 02 quyết định khen thưởng của Chủ tịch UBND phường ban hành "
        "trong 2 năm (2024 – 2025) là 4.500.000 đồng; đã chi từ Quỹ thi đua, khen thưởng "
        "4.700.000 đồng (trong đó 200.000 đồng chi khen thưởng ngoài các quyết định trên)."),
        ("Trong số đó, 1.000.000 đồng của 01 lượt khen thưởng đã bị thu hồi (Quyết định số "
        "12/QĐ-UBND ngày 02/06/2025: 01 lượt, 1.000.000 đồng); số tiền thưởng còn hiệu lực là "
        "3.500.000 đồng; đã thu hồi về Quỹ 1.000.000 đồng.")]


def test_report_states_targets_met_and_the_next_ones(db, build, tmp_path):
    from docx import Document

    from app.reports.sections import ReportSpec, save_section
    from app.reports.summary import build_summary
    from app.services.emulation import area_years as ay
    from app.services.emulation import targets as tg

    with build() as b:
        area = b.area("Khu 1")
    for year, achieved in ((2024, 95), (2025, 97)):
        ay.save_year(db, year, {area.id: {"households": 100, "registered": 100,
                                          "achieved": achieved}})
    tg.save_target(db, tg.TargetData(2024, 2025, "gdvh_rate", 95))
    tg.save_target(db, tg.TargetData(2026, 2027, "gdvh_rate", 96, "Duy trì tỷ lệ gia đình văn "
                                     "hóa"))

    def body():
        out = build_summary(db, 2024, 2025, "docx", tmp_path / "bc.docx")
        return [p.text for p in Document(out).paragraphs]

    text = body()
    assert "2. Kết quả thực hiện các chỉ tiêu thi đua" in text
    assert ("- Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”: chỉ tiêu hằng năm 95%; các "
            "năm 2024–2025 đạt từ 95% đến 97%, đạt chỉ tiêu.") in text
    part_two = text[text.index("II. Chỉ tiêu cụ thể") + 1]
    assert part_two == "(1) Duy trì tỷ lệ gia đình văn hóa: hằng năm đạt 96%."
    # The officer's own text is kept, the entered targets listed after it.
    save_section(db, ReportSpec(2024, 2025), "targets", "Phấn đấu hoàn thành các chỉ tiêu sau:")
    text = body()
    i = text.index("II. Chỉ tiêu cụ thể")
    assert text[i + 1:i + 3] == ["Phấn đấu hoàn thành các chỉ tiêu sau:",
                                 "(1) Duy trì tỷ lệ gia đình văn hóa: hằng năm đạt 96%."]

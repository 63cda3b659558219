"""The report's sentences from figures built by hand (no database)."""

from __future__ import annotations

from app.documents import Paragraph
from app.reports import summary_figures as sf
from app.reports.figures import AwardCell, CultureYear, Figures, KindInfo, MovementInfo

KINDS = (KindInfo("LDTT", "Lao động tiên tiến", "danh_hieu", "xa", 10),
         KindInfo("GK_CT", "Giấy khen của Chủ tịch Ủy ban nhân dân", "hinh_thuc", "xa", 60),
         KindInfo("BK_TP", "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố", "hinh_thuc", "tinh",
                  140))


def _figures(y0=2025, y1=2025, culture=(), movements=(), awards=()):
    return Figures(y0, y1, KINDS, tuple(awards), (), (), tuple(culture), (), tuple(movements), ())


def _text(blocks) -> list[str]:
    return ["".join(r.text for r in b.runs) for b in blocks if isinstance(b, Paragraph)]


def test_award_sentence_by_level_and_group_and_kind_lines():
    f = _figures(awards=[AwardCell(2025, "LDTT", "person", "here", 40, 28_400_000),
                         AwardCell(2025, "GK_CT", "collective", "here", 3, 4_260_000),
                         AwardCell(2025, "GK_CT", "household", "here", 5, 3_550_000),
                         AwardCell(2025, "BK_TP", "person", "up", 2, 7_020_000)])
    first = sf.award_sentences(f, "UBND phường Thành Đông")[0]
    assert first == ("Trong năm 2025, UBND phường Thành Đông đã khen thưởng và đề nghị cấp trên "
                     "khen thưởng 50 lượt tập thể, cá nhân, hộ gia đình; trong đó phường khen "
                     "thưởng 48 lượt (03 tập thể, 40 cá nhân, 05 hộ gia đình); cấp trên khen "
                     "thưởng 02 lượt (02 cá nhân).")
    assert sf.kind_lines(f) == [
        "- Danh hiệu “Lao động tiên tiến”: 40 cá nhân;",
        "- Giấy khen của Chủ tịch Ủy ban nhân dân: 03 tập thể, 05 hộ gia đình;",
        "- Bằng khen của Chủ tịch Ủy ban nhân dân thành phố: 02 cá nhân.",
    ]
    assert "43.230.000 đồng" in sf.award_sentences(f, "UBND")[1]


def test_no_awards_says_so():
    assert sf.award_sentences(_figures(), "UBND") == [
        "Trong năm 2025, chưa có quyết định khen thưởng nào được ghi vào sổ khen thưởng."]


def test_annual_culture_sentence_and_rate_without_registrations():
    one = _figures(culture=[CultureYear(2025, 1000, 980, 940, 39, 38)])
    assert sf.culture_sentences(one) == [
        "Năm 2025, toàn phường có 38/39 thôn, khu dân cư đạt danh hiệu “Khu dân cư văn hóa”.",
        ("Năm 2025 có 980/1.000 hộ gia đình đăng ký xây dựng gia đình văn hóa (đạt 98%); kết quả "
         "bình xét có 940 hộ đạt danh hiệu “Gia đình văn hóa”, bằng 95,9% số gia đình đăng ký."),
    ]
    period = _figures(2024, 2025, culture=[CultureYear(2024, 200, 0, 180, 0, 0),
                                           CultureYear(2025, 200, 0, 190, 0, 0)])
    assert sf.culture_sentences(period) == [
        "Số hộ gia đình đạt danh hiệu “Gia đình văn hóa” hằng năm chiếm từ 90% đến 95% tổng số hộ."]
    assert sf.culture_table(period).columns[3] == "Tỷ lệ đạt (so với tổng số hộ)"


def test_movements_with_yearly_results_and_culture_under_its_movement():
    culture = MovementInfo("Toàn dân đoàn kết xây dựng đời sống văn hóa", "Thủ tướng Chính phủ",
                           "pm", "thường xuyên", 2021, None, "12/KH-UBND",
                           ((2021, "Kết quả năm đầu."), (2022, "Năm 2022 kết quả\nnăm hai.")))
    other = MovementInfo("Vì người nghèo", "Thủ tướng Chính phủ", "pm", "thường xuyên", 2021,
                         None, "", ())
    f = _figures(2021, 2022, culture=[CultureYear(2021, 10, 10, 9, 2, 2),
                                      CultureYear(2022, 10, 10, 10, 2, 2)],
                 movements=[culture, other])
    host = sf.culture_host(f)
    assert host is culture
    lines = _text(sf.movement_blocks(f, "pm", host))
    assert lines[:3] == [
        "- Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” (Kế hoạch số 12/KH-UBND):",
        "Năm 2021: Kết quả năm đầu.", "Năm 2022: Kết quả năm hai."]  # the year said once
    # Both years the same: said once for both.
    assert ("Các năm 2021–2022, toàn phường có 2/2 thôn, khu dân cư đạt danh hiệu “Khu dân cư "
            "văn hóa”.") in lines
    assert lines[-1] == "- Phong trào “Vì người nghèo”."
    assert _text(sf.movement_blocks(f, "ward", host)) == []


def test_role_models_and_initiatives_are_named():
    from app.reports.figures import InitiativeInfo, RoleModelInfo, YearTotals

    models = tuple(RoleModelInfo(2024, "person", f"Người {i}", "giáo dục", "Tận tụy")
                   for i in range(16)) + (RoleModelInfo(2025, "household", "Lê Văn Tâm", "", ""),)
    f = Figures(2024, 2025, KINDS, (), (), (), (), (), (),
                (YearTotals(2024, 1, 16, 0, 0, 0), YearTotals(2025, 0, 1, 0, 0, 0)),
                role_models=models,
                initiatives=(InitiativeInfo(2024, "Số hóa hồ sơ thi đua", "cơ sở"),))
    lines = _text(sf.initiative_blocks(f))
    assert lines[0] == ("Trong 2 năm (2024 – 2025), có 01 sáng kiến được công nhận; 17 gương điển "
                        "hình tiên tiến, người tốt việc tốt được biểu dương, giới thiệu.")
    assert lines[2] == "- Người 0 (năm 2024): lĩnh vực giáo dục; Tận tụy;"
    assert "- Và 02 gương điển hình khác." in lines
    assert lines[-1] == "- “Số hóa hồ sơ thi đua” (năm 2024, phạm vi cơ sở)."

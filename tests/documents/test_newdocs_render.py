"""Issue 12.8: every new round document renders to PDF and to DOCX from one ward's round, and
says what the records say (names, numbers, diacritics), leaving dotted lines — never invented
text — where the records hold nothing."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from app.documents import registry, render


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def docx_text(path) -> str:
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return " ".join(" ".join(parts).split())


def _args(key: str, w) -> tuple:
    scope = registry.get(key).scope
    return {"decision": (w.decision,), "batch": (w.batch,), "candidate": (w.cstd,),
            "area": (w.culture, w.area), "year": (2025,), "movement": (w.movement,)}[scope]


# What each document must say, in both formats (a new registered kind needs its line here).
EXPECTED = {
    "payment_list": ["DANH SÁCH CHI TIỀN THƯỞNG", "Quyết định số 15/QĐ-UBND ngày 05/12/2025",
                     "Nguyễn Thị Ánh", "Trường Tiểu học Bình Hàn", "Ký nhận", "KẾ TOÁN",
                     "THỦ TRƯỞNG ĐƠN VỊ", "Trần Văn Bình"],
    "decision_notice": ["THÔNG BÁO", "Căn cứ Quyết định số 15/QĐ-UBND ngày 05/12/2025",
                        "DANH SÁCH CÔNG KHAI", "Lê Thị Cúc", "Kèm theo Thông báo số"],
    "batch_notice": ["Công khai danh sách đề nghị khen thưởng để lấy ý kiến Nhân dân",
                     "Đặng Văn Bảo", "Chiến sĩ thi đua thành phố", "(10 ngày)"],
    "achievement_report": ["BÁO CÁO THÀNH TÍCH", "CHIẾN SĨ THI ĐUA CƠ SỞ", "Nguyễn Thị Ánh",
                           "Giáo viên", "Trường Tiểu học Bình Hàn", "Quê quán",
                           "giáo viên dạy giỏi cấp thành phố", "Ứng dụng bảng tương tác",
                           "Quyết định số 31/QĐ-UBND ngày 10/12/2024",
                           "NGƯỜI BÁO CÁO", "THÀNH TÍCH"],
    "brief_list": ["BẢNG TRÍCH NGANG", "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng",
                   "Đặng Văn Bảo", "1981, nam", "Ba năm liền đạt Chiến sĩ thi đua cơ sở",
                   "Trường đạt chuẩn quốc gia mức độ 2"],
    "dossier_list": ["DANH MỤC HỒ SƠ", "Tờ trình đề nghị khen thưởng",
                     "Báo cáo thành tích của Đặng Văn Bảo", "Họp ngày 01/12/2025"],
    "culture_minutes": ["BIÊN BẢN", "Gia đình văn hóa", "Số hộ gia đình trong tổ dân phố", "Lê Văn Chín",
                        "Nguyễn Văn Tám", "Nguyễn Văn Tâm", "CHỦ TRÌ", "THƯ KÝ"],
    "culture_comments": ["BẢNG TỔNG HỢP", "lấy ý kiến Nhân dân", "TỔ TRƯỞNG TỔ DÂN PHỐ",
                         "TRƯỞNG BAN"],
    "culture_proposal": ["VĂN BẢN ĐỀ NGHỊ", "Kính gửi: Ủy ban nhân dân phường Thành Đông",
                         "Nghị định số 86/2023/NĐ-CP ngày 07 tháng 12 năm 2023",
                         "“Khu dân cư văn hóa” năm 2025 cho Khu dân cư số 1",
                         "cho 2 hộ gia đình", "Lê Văn Chín"],
    "fund_report": ["BÁO CÁO THU, CHI", "Quỹ thi đua, khen thưởng năm 2025", "60.000.000",
                    "Tiền thưởng theo Quyết định số 15/QĐ-UBND", "Còn lại", "Năm mươi"],
    "council_setup": ["QUYẾT ĐỊNH", ("Về việc kiện toàn Hội đồng Thi đua - Khen thưởng phường "
                      "Thành Đông"), "Đặng Văn Minh", "Ủy viên, Thư ký", "QUY CHẾ",
                      "ít nhất 2/3 tổng số thành viên", "Chiến sĩ thi đua cơ sở",
                      "Từ 70% trở lên số phiếu đồng ý", "Quyết định này có hiệu lực kể từ ngày ký"],
    "movement_plan": ["KẾ HOẠCH", "Số: 12/KH-UBND", "Thành Đông, ngày 20 tháng 12 năm 2025",
                      "Phát động phong trào thi đua “Chủ nhật xanh”",
                      "Phường sạch, phố xanh, Nhân dân khỏe",
                      "Từ ngày 04/01/2026 đến ngày 27/12/2026", "TM. ỦY BAN NHÂN DÂN"],
    "movement_decision": ["QUYẾT ĐỊNH", "Về việc phát động phong trào thi đua “Chủ nhật xanh”",
                          "Ban hành kèm theo Quyết định số", "KẾ HOẠCH", "Khẩu hiệu thi đua",
                          "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"],
}


def test_every_registered_document_has_its_check():
    assert set(EXPECTED) == {d.key for d in registry.DOCUMENTS}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_document_renders_to_pdf_and_docx_with_its_text(round_ward, key):
    db, w, folder = round_ward
    kind = registry.get(key)
    doc = kind.builder()(db, *_args(key, w))
    pdf = render(doc, folder / f"{key}.pdf")
    docx_path = render(doc, folder / f"{key}.docx")
    for name, got in (("pdf", pdf_text(pdf)), ("docx", docx_text(docx_path))):
        missing = [t for t in EXPECTED[key] if t not in got]
        assert missing == [], f"{key} ({name}) thiếu: {missing}"
        assert unicodedata.is_normalized("NFC", got)


def test_achievement_report_lists_earlier_awards_not_this_rounds(round_ward):
    from app.services.rounds.achievement_reports import report_data

    db, w, _ = round_ward
    r = report_data(db, w.cstd)
    assert [(h.year, h.award) for h in r.titles] == [(2024, "Lao động tiên tiến")]
    assert r.titles[0].decision == "Quyết định số 31/QĐ-UBND ngày 10/12/2024"
    assert r.birth == "1980" and r.gender == "Nữ" and r.upward is False
    assert r.initiatives == (("Năm 2025: sáng kiến “Ứng dụng bảng tương tác trong dạy học Toán "
                             "lớp 5” (phạm vi cơ sở), công nhận tại Quyết định số 7/QĐ-HĐSK "
                             "ngày 02/06/2025"),)


def test_what_the_records_do_not_hold_is_a_dotted_line(round_ward):
    db, w, folder = round_ward
    from app.services.rounds.achievement_reports import achievement_report_document

    text = pdf_text(render(achievement_report_document(db, w.cstd), folder / "bctt.pdf"))
    assert "- Quê quán: ……" in text and "- Trình độ chuyên môn, nghiệp vụ: ……" in text
    assert "- Trú quán: ……" in text  # the records hold no address for her


def test_report_choices_are_cstdcs_upward_and_areas(round_ward):
    from app.services.rounds.achievement_reports import report_choices

    db, w, _ = round_ward
    labels = [c.label for c in report_choices(db, w.batch)]
    assert labels == ["Nguyễn Thị Ánh — Chiến sĩ thi đua cơ sở",
                      "Đặng Văn Bảo — Chiến sĩ thi đua thành phố",
                      ("Trường Tiểu học Bình Hàn — Bằng khen của Chủ tịch Ủy ban nhân dân "
                      "thành phố")]
    assert [c.label for c in report_choices(db, w.culture)] == [
        "Khu dân cư số 1 — Khu dân cư văn hóa"]


def test_payment_list_totals_and_words(round_ward):
    from app.services.awards.payment_list import payment_list_document

    db, w, folder = round_ward
    text = pdf_text(render(payment_list_document(db, w.decision), folder / "chi.pdf"))
    # 3 × 710.000 (LĐTT 0,3) + 2.340.000 (CSTĐCS 1,0) + 1.410.000 (giấy khen tập thể 0,6)
    assert "Tổng cộng 5.880.000" in text
    assert "Năm triệu tám trăm tám mươi nghìn đồng" in text


def test_payment_list_refuses_a_draft(round_ward):
    from app.errors import DomainError
    from app.services.awards.payment_list import payment_list_document
    from app.services.rounds import batches, council, decisions

    db, w, _ = round_ward
    bid = batches.create_batch(db, "Đột xuất 2025", 2025, "dot_xuat")
    batches.add_candidates(db, bid, w.persons[5:6], w.kinds["LDTT"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 20, 8), "Hội trường",
                                 w.members[:8], "Trần Văn Bình", "Đặng Văn Minh")
    council.record_tallies(db, mid, [(c.id, 8, 8, 8) for c in batches.list_candidates(db, bid)])
    draft = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 22))
    with pytest.raises(DomainError, match="đã ban hành"):
        payment_list_document(db, draft)


def test_fund_report_needs_lines(round_ward):
    from app.errors import DomainError
    from app.services.awards.fund_report import fund_report_document

    db, _, _ = round_ward
    with pytest.raises(DomainError, match="Sổ quỹ năm 2019 chưa có dòng thu, chi nào"):
        fund_report_document(db, 2019)

"""The Quyết định as a văn thư signs it (issue 12.3, 12.5 list part, 14.7 document side):
closing articles, Nơi nhận, the award in full, the achievement in Điều 1, lists split by kind of
subject, households grouped by khu dân cư, hệ số "1,0", the signature by who decides, DỰ THẢO."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pdf_layout import read_pages

from app.documents import render
from app.documents.data import DecisionDoc, Entry, Org
from app.documents.decision_doc import build_decision
from app.documents.model import Paragraph, Table

ORG = Org("UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG", "phường Thành Đông",
          "Thành Đông")
GK = "Giấy khen của Chủ tịch Ủy ban nhân dân phường Thành Đông"
EXECUTOR = ("Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường, Thủ trưởng các cơ "
            "quan, đơn vị có liên quan và các tập thể, cá nhân, hộ gia đình có tên tại Điều 1 "
            "chịu trách nhiệm thi hành Quyết định này.")
EFFECT = "Quyết định này có hiệu lực kể từ ngày ký."
DEED = "đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2025"


def _gk(stype, name, money, position="", area="", address="", coef="0,3"):
    return Entry("GK_CT", GK, False, stype, None, name, position, coef, money,
                 area=area, address=address, citation=DEED)


def _decision(entries, **kw) -> DecisionDoc:
    base = DecisionDoc(
        org=ORG, kind="khen_thuong", full_number="170/QĐ-UBND", signed_on=date(2025, 12, 28),
        year=2025, title="Về việc khen thưởng thành tích năm 2025",
        bases=("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",),
        closing=(EFFECT, EXECUTOR), recipients=("Như Điều 4;", "- Lưu: VT."),
        signer_lines=("CHỦ TỊCH",), signer_name="Nguyễn Văn Hùng", base_salary=2_340_000,
        total_money=sum(e.money for e in entries), entries=tuple(entries))
    return replace(base, **kw)


def _texts(doc) -> list[str]:
    return ["".join(r.text for r in b.runs) for b in doc.blocks if isinstance(b, Paragraph)]


def _tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


MIXED = [
    _gk("person", "Nguyễn Thành Trọng Thịnh", 710_000, "Kế toán, Hội Liên hiệp Phụ nữ"),
    _gk("collective", "Ban Chỉ huy Quân sự phường", 1_410_000, coef="0,6"),
    _gk("household", "Trần Minh Sơn", 710_000, area="Khu dân cư số 3", address="Số 7 ngõ 12"),
    _gk("person", "Lê Kim Giang", 710_000, "Trưởng khu dân cư"),
]


def test_articles_close_with_effect_and_executor_and_the_last_ends_with_slash():
    doc = build_decision(_decision(MIXED))
    texts = _texts(doc)
    arts = [t for t in texts if t.startswith("Điều ")]
    assert [a.split(".")[0] for a in arts] == ["Điều 1", "Điều 2", "Điều 3", "Điều 4"]
    assert arts[2] == f"Điều 3. {EFFECT}"
    assert arts[3].startswith("Điều 4. Chánh Văn phòng") and arts[3].endswith("Quyết định này./.")
    assert sum(t.endswith("./.") for t in texts) == 1


def test_missing_effect_article_is_added_and_recipients_follow_the_executor_article():
    doc = build_decision(_decision(MIXED, closing=(EXECUTOR,), recipients=(
        "Như Điều 3;", "Thường trực Đảng ủy, HĐND phường;", "Lưu: VT.")))
    texts = _texts(doc)
    assert f"Điều 3. {EFFECT}" in texts
    assert any(t.startswith("Điều 4. Chánh Văn phòng") for t in texts)
    sig = doc.blocks[next(i for i, b in enumerate(doc.blocks) if type(b).__name__ == "Signatures")]
    assert sig.recipients == ("- Như Điều 4;", "- Thường trực Đảng ủy, HĐND phường;",
                              "- Lưu: VT.")


def test_no_executor_article_means_no_nhu_dieu_line():
    doc = build_decision(_decision(MIXED, closing=(EFFECT,)))
    sig = next(b for b in doc.blocks if type(b).__name__ == "Signatures")
    assert sig.recipients == ("- Lưu: VT.",)
    assert [t for t in _texts(doc) if t.startswith("Điều 3.")] == [f"Điều 3. {EFFECT[:-1]}./."]


def test_article_one_names_the_award_in_full_with_the_achievement_and_the_counts():
    text = next(t for t in _texts(build_decision(_decision(MIXED))) if t.startswith("Điều 1."))
    assert text == (f"Điều 1. Tặng {GK} cho 1 tập thể, 2 cá nhân và 1 hộ gia đình {DEED} "
                    "(có danh sách kèm theo).")


def test_mixed_list_is_split_into_collectives_persons_households_with_coefficient_one_comma_zero():
    entries = [*MIXED, replace(MIXED[0], name="Phạm Văn Chiến", coefficient="1,0",
                               money=2_340_000)]
    table = _tables(build_decision(_decision(entries)))[-1]
    heads = [table.rows[i][0] for i in sorted(table.group_rows)]
    assert heads == ["I. TẬP THỂ (1)", "II. CÁ NHÂN (3)", "III. HỘ GIA ĐÌNH (1)",
                     "Khu dân cư số 3 (1 hộ)"]
    persons = [r for r in table.rows if len(r) > 1 and r[1] in ("Phạm Văn Chiến",)]
    assert persons[0][-2:] == ("1,0", "2.340.000")
    assert table.rows[-1][1] == "Tổng cộng" and table.rows[-1][-1] == "5.880.000"


def test_households_list_gives_address_and_area_grouped_by_area():
    homes = [
        Entry("GDVH", "Gia đình văn hóa", True, "household", "Hộ gia đình", "Nguyễn Văn An",
              "Số 5 ngõ 2, Khu dân cư số 10", area="Khu dân cư số 10", address="Số 5 ngõ 2"),
        Entry("GDVH", "Gia đình văn hóa", True, "household", "Hộ gia đình", "Nguyễn Văn An",
              "Số 9 ngõ 4, Khu dân cư số 2", area="Khu dân cư số 2", address="Số 9 ngõ 4"),
        Entry("GDVH", "Gia đình văn hóa", True, "household", "Hộ gia đình", "Lê Văn Bình",
              "Số 1, Khu dân cư số 2", area="Khu dân cư số 2", address="Số 1"),
    ]
    doc = build_decision(_decision(homes, total_money=0, base_salary=None,
                                   title="Về việc công nhận danh hiệu “Gia đình văn hóa” năm 2025"))
    table = _tables(doc)[-1]
    assert table.columns[:4] == ("STT", "Hộ gia đình (tên chủ hộ)", "Địa chỉ", "Khu dân cư")
    assert [table.rows[i][0] for i in sorted(table.group_rows)] == [
        "Khu dân cư số 2 (2 hộ)", "Khu dân cư số 10 (1 hộ)"]
    assert ("1", "Hộ Nguyễn Văn An", "Số 9 ngõ 4", "Khu dân cư số 2") in table.rows
    assert ("3", "Hộ Nguyễn Văn An", "Số 5 ngõ 2", "Khu dân cư số 10") in table.rows
    art1 = next(t for t in _texts(doc) if t.startswith("Điều 1."))
    assert art1.startswith("Điều 1. Công nhận danh hiệu “Gia đình văn hóa” năm 2025 cho 3 hộ "
                           "gia đình")


def test_signature_follows_who_decides_and_issuing_body_has_no_parent_line(tmp_path):
    pdf = render(build_decision(_decision(MIXED)), tmp_path / "qd.pdf")
    first = read_pages(pdf)[0].text()
    assert "HẢI PHÒNG" not in first
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG" in first
    assert "TM." not in first
    deputy = build_decision(_decision(MIXED, signer_lines=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")))
    sig = next(b for b in deputy.blocks if type(b).__name__ == "Signatures")
    assert sig.right.lines == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    committee = build_decision(_decision(MIXED, decider="ubnd",
                                         signer_lines=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")))
    heads = [t for t in _texts(committee) if t.isupper()]
    assert "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG" in heads


def test_draft_decision_is_marked_on_every_page(tmp_path):
    many = [_gk("person", f"Nguyễn Văn {i}", 710_000, "Giáo viên") for i in range(60)]
    draft = build_decision(_decision(many, status="draft", full_number=None))
    assert draft.draft
    pages = read_pages(render(draft, tmp_path / "dt.pdf"))
    assert len(pages) >= 3 and all("DỰ THẢO" in p.text() for p in pages)
    assert not build_decision(_decision(many)).draft

"""What the officer types for a document is kept (so a reprint says the same), checked, audited,
and printed exactly — a notice's own number and date, an area's votes and comments, a plan's
targets, the council decision's number."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pypdf import PdfReader
from round_world import build_round
from sqlalchemy import select

from app.documents import render
from app.errors import ValidationError
from app.services.system import document_inputs as inputs


@pytest.fixture
def w(db):
    return build_round(db)


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_notice_number_is_kept_suggested_and_audited(db, w, tmp_path):
    from app.services.rounds import notices
    from db.models import AuditLog

    assert notices.suggest_number(db, 2025) == "1/TB-UBND"
    key = notices.input_key(decision_id=w.decision)
    inputs.save(db, key, " 7 / TB-UBND ", date(2025, 12, 8))
    assert inputs.load(db, key).number == "7/TB-UBND"
    assert notices.suggest_number(db, 2025) == "8/TB-UBND"
    assert notices.suggest_number(db, 2026) == "1/TB-UBND"
    text = _text(render(notices.decision_notice_document(db, w.decision), tmp_path / "tb.pdf"))
    assert "Số: 7/TB-UBND" in text and "Thành Đông, ngày 08 tháng 12 năm 2025" in text
    assert "Kèm theo Thông báo số 7/TB-UBND ngày 08/12/2025" in text
    # posted from the notice's own date for 15 days
    assert "từ ngày 08/12/2025 đến ngày 22/12/2025 (15 ngày)" in text
    inputs.save(db, key, "9/TB-UBND", date(2025, 12, 9))
    with db.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.entity == "document_input")).all()
    assert [r.action for r in rows] == ["create", "update"]
    assert rows[1].before == {"number": "7/TB-UBND", "signed_on": "2025-12-08"}


def test_a_bad_number_is_refused_with_a_vietnamese_message(db, w):
    from app.services.rounds import notices

    with pytest.raises(ValidationError, match="chưa đúng dạng “số/ký hiệu”"):
        inputs.save(db, notices.input_key(decision_id=w.decision), "TB số bảy")


def test_area_votes_and_comments_print_as_entered(db, w, tmp_path):
    from app.services.rounds import batches
    from app.services.rounds import culture_review as cr

    homes = [c for c in batches.list_candidates(db, w.culture) if c.subject_type == "household"]
    with pytest.raises(ValidationError, match="từ 0 đến số đại biểu dự họp"):
        cr.save_minutes(db, w.culture, w.area, None, "", "", "", "", 30, None,
                        {homes[0].id: 31})
    cr.save_minutes(db, w.culture, w.area, datetime(2025, 11, 10, 19, 30),
                    "Nhà văn hóa tổ dân phố", "Nguyễn Văn Tâm", "Lê Thị Mai",
                    "Ban công tác Mặt trận, Chi hội Phụ nữ", 42, 120,
                    {homes[0].id: 40, homes[1].id: None})
    minutes = _text(render(cr.culture_minutes_document(db, w.culture, w.area),
                           tmp_path / "bb.pdf"))
    assert "Vào lúc 19 giờ 30 phút, ngày 10 tháng 11 năm 2025" in minutes
    assert "Số hộ gia đình trong tổ dân phố: 120" in minutes
    assert "40 95,2" in minutes  # 40 of 42 present
    assert "- Thư ký: Lê Thị Mai" in minutes

    with pytest.raises(ValidationError, match="bỏ chọn “Không có ý kiến”"):
        cr.save_comments(db, w.culture, w.area, None, None, "", "", True,
                         [("Ông Nam", "", "Ý kiến", "")])
    comments = _text(render(cr.culture_comments_document(db, w.culture, w.area),
                            tmp_path / "yk0.pdf"))
    assert "không có ý kiến phản ánh" not in comments  # nothing entered: rows to fill by hand
    cr.save_comments(db, w.culture, w.area, date(2025, 11, 11), date(2025, 11, 20),
                     "Nhà văn hóa tổ dân phố", "Phạm Thị Hồng", True, [])
    comments = _text(render(cr.culture_comments_document(db, w.culture, w.area),
                            tmp_path / "yk.pdf"))
    assert "từ ngày 11/11/2025 đến ngày 20/11/2025" in comments
    assert "không có ý kiến phản ánh, kiến nghị nào" in comments and "Phạm Thị Hồng" in comments
    proposal = _text(render(cr.culture_proposal_document(db, w.culture, w.area),
                            tmp_path / "dn.pdf"))
    assert "Căn cứ kết quả họp bình xét ngày 10/11/2025" in proposal


def test_area_without_entries_prints_blanks_not_guesses(db, w, tmp_path):
    from app.services.rounds import culture_review as cr

    r = cr.review_data(db, w.culture, w.area)
    # the records hold 2 households of the area: that is not the area's household count
    assert r.households_total is None and r.present is None and r.held_at is None
    minutes = _text(render(cr.culture_minutes_document(db, w.culture, w.area),
                           tmp_path / "bb.pdf"))
    assert "Vào lúc …… giờ …… ngày" in minutes and "- Thư ký: ……" in minutes


def test_movement_plan_prints_targets_and_awards_chosen(db, w, tmp_path):
    from app.services.emulation import movement_plans as mp

    kinds = {label: kid for kid, label in mp.award_choices(db)}
    inputs.save(db, mp.input_key(w.movement), "3/QĐ-UBND", date(2025, 12, 22), {
        "purpose": "Nâng cao ý thức giữ gìn vệ sinh môi trường của Nhân dân.",
        "targets": "100% tổ dân phố ra quân hằng tuần\n90% hộ gia đình tham gia",
        "award_kind_ids": [kinds["Giấy khen của Chủ tịch Ủy ban nhân dân"]],
        "organize": ""})
    plan = _text(render(mp.movement_decision_document(db, w.movement), tmp_path / "kh.pdf"))
    assert "Số: 3/QĐ-UBND" in plan and "- 100% tổ dân phố ra quân hằng tuần" in plan
    assert "- Giấy khen của Chủ tịch Ủy ban nhân dân" in plan
    assert "Ban hành kèm theo Quyết định số 3/QĐ-UBND ngày 22/12/2025" in plan
    assert "V. TỔ CHỨC THỰC HIỆN ……" in plan  # not written: dotted lines


def test_council_decision_number_date_and_replaced_decision(db, w, tmp_path):
    from app.services.rounds import council_setup

    inputs.save(db, council_setup.input_key(2025), "40/QĐ-UBND", date(2025, 3, 2),
                {"replaces": "Quyết định số 5/QĐ-UBND ngày 10/01/2024 của Chủ tịch Ủy ban nhân "
                             "dân phường"})
    text = _text(render(council_setup.council_setup_document(db, 2025), tmp_path / "hd.pdf"))
    assert "Số: 40/QĐ-UBND" in text and "Thành Đông, ngày 02 tháng 3 năm 2025" in text
    assert "thay thế Quyết định số 5/QĐ-UBND ngày 10/01/2024" in text
    assert "Ban hành kèm theo Quyết định số 40/QĐ-UBND ngày 02/03/2025" in text
    assert "(hiện nay là 6/9 thành viên)" in text


def test_inputs_go_with_their_batch(db, w):
    from app.services.rounds import batches
    from app.services.rounds import culture_review as cr
    from db.models import DocumentInput

    cr.save_proposal(db, w.culture, w.area, "2/ĐN-TDP", date(2025, 11, 22))
    for c in batches.list_candidates(db, w.culture):
        batches.withdraw_candidate(db, c.id, "Thử xóa đợt")
    batches.delete_batch(db, w.culture)
    with db.read() as s:
        assert s.scalars(select(DocumentInput)).all() == []


def test_quy_che_states_the_rules_the_ward_set(db, w, tmp_path):
    """A "more than" quorum and vote rule (rule data) print as such in the Quy chế."""
    from app.services.rounds import council_setup, quorum
    from db.models import AwardKind

    quorum.save_share(db, 1, 2, strict=True)
    with db.session() as s:
        kind = s.scalars(select(AwardKind).where(AwardKind.code == "LDTT")).one()
        kind.vote_strict = True
    text = _text(render(council_setup.council_setup_document(db, 2025), tmp_path / "qc.pdf"))
    assert "Hội đồng họp khi có trên 1/2 tổng số thành viên tham dự" in text
    assert "(hiện nay là 5/9 thành viên)" in text
    assert "Trên 50% số phiếu đồng ý, tính trên số thành viên có mặt" in text
    assert "Từ 70% trở lên số phiếu đồng ý, tính trên tổng số thành viên Hội đồng" in text


def test_payment_list_and_notice_name_who_decided(db, w, tmp_path):
    """A decision the rule data gives to the committee itself is "của Ủy ban nhân dân
    phường", not of its Chủ tịch, on the payment list and the notice."""
    from app.services.awards.payment_list import payment_list_document
    from app.services.rounds import notices
    from db.models import DecisionLine, RuleItem

    with db.read() as s:
        kinds = set(s.scalars(select(DecisionLine.award_kind_id).where(
            DecisionLine.decision_id == w.decision)))
    with db.session() as s:
        for k in kinds:
            s.add(RuleItem(topic="decider", qualifier="", award_kind_id=k,
                           effective_from=date(2025, 11, 1), value="Ủy ban nhân dân cấp xã",
                           legal_basis="thử nghiệm", origin="phuong", sort_order=0))
    pay = _text(render(payment_list_document(db, w.decision), tmp_path / "chi.pdf"))
    note = _text(render(notices.decision_notice_document(db, w.decision), tmp_path / "tb.pdf"))
    for got in (pay, note):
        assert "ngày 05/12/2025 của Ủy ban nhân dân phường Thành Đông" in got
        assert "05/12/2025 của Chủ tịch" not in got

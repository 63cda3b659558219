"""The commendation documents built from the database: text, money in words, both formats."""

from __future__ import annotations

from datetime import date, datetime

from pypdf import PdfReader

from app.services.rounds import batches, council, decision_issue, decisions, paperwork


def _issued(db, world):
    k = world.kinds
    bid = batches.create_batch(db, "tổng kết năm 2025", 2025)
    batches.add_candidates(db, bid, world.persons[:3], k["LDTT"])
    batches.add_candidates(db, bid, [world.school], k["GK_CT"])
    present = world.members[:7] + world.members[8:]  # Hoàng Thị Lan is away
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8, 30), "Hội trường",
                                 present, "Trần Văn Bình", "Đặng Văn Minh",
                                 tellers=world.members[2:4], teller_head=world.members[2])
    council.record_tallies(db, mid, [(c.id, 8, 8, 8) for c in batches.list_candidates(db, bid)])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        15, d.signed_on, d.title, d.bases, d.articles, d.recipients, d.signer_name,
        d.signer_title, d.sign_mode))
    decision_issue.issue_decision(db, did)
    return did


def _text(path):
    """All text of a PDF, whitespace (including line breaks) collapsed to single spaces."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_decision_kit_as_pdf(db, world, tmp_path):
    did = _issued(db, world)
    files = {p.name.split("-15-")[0]: p for p in
             paperwork.write_decision_kit(db, did, "pdf", tmp_path / "hồ sơ")}
    assert set(files) == {"Quyet-dinh", "To-trinh", "Bien-ban-hop", "Bien-ban-kiem-phieu",
                          "Phieu-bau"}
    qd = _text(files["Quyet-dinh"])
    assert "Số: 15/QĐ-UBND" in qd and "Thành Đông, ngày 05 tháng 12 năm 2025" in qd
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG" in qd
    assert "Lao động tiên tiến" in qd and "Trường Tiểu học Bình Hàn" in qd
    # 3 × 710.000 + 0,6 × 2.340.000 → 1.410.000 (rounded up)
    assert "3.540.000" in qd and "Ba triệu năm trăm bốn mươi nghìn đồng" in qd
    assert "Kèm theo Quyết định số 15/QĐ-UBND ngày 05/12/2025" in qd
    ballots = _text(files["Phieu-bau"])
    assert "PHIẾU BẦU" in ballots and "Không đồng" in ballots and "Lê Thị Cúc" in ballots
    count = _text(files["Bien-ban-kiem-phieu"])
    assert "BIÊN BẢN KIỂM PHIẾU" in count and "8/8" in count and "100%" in count
    minutes = _text(files["Bien-ban-hop"])
    assert "có mặt 8/9 thành viên" in minutes and "Vắng mặt: Hoàng Thị Lan" in minutes
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân phường Thành Đông" in _text(files["To-trinh"])


def test_decision_as_editable_docx(db, world, tmp_path):
    import docx

    did = _issued(db, world)
    paths = paperwork.write_decision_kit(db, did, "docx", tmp_path)
    qd = docx.Document(str(next(p for p in paths if p.name.startswith("Quyet-dinh"))))
    body = "\n".join(p.text for p in qd.paragraphs)
    assert "Điều 2." in body and "Ba triệu năm trăm bốn mươi nghìn đồng" in body
    listing = qd.tables[-1]
    assert listing.rows[0].cells[1].text == "Họ và tên / Tên tập thể"
    assert listing.rows[-1].cells[-1].text == "3.540.000"


def test_upward_proposal_for_higher_awards(db, world, tmp_path):
    from app.documents import render

    bid = batches.create_batch(db, "tổng kết năm 2025", 2025)
    cid = batches.add_candidate(db, bid, world.persons[0], world.kinds["CSTD_TP"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "UBND", world.members)
    council.record_tally(db, mid, cid, 9, 9, 9)
    assert paperwork.place_of("UBND THÀNH PHỐ HẢI PHÒNG") == "thành phố Hải Phòng"
    txt = _text(render(paperwork.proposal_document(db, bid, upward=True), tmp_path / "tt.pdf"))
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân thành phố Hải Phòng" in txt
    assert "Chiến sĩ thi đua thành phố" in txt and "TM. ỦY BAN NHÂN DÂN" in txt
    # the city's decision, recorded by reference, closes the proposal
    from app.services.rounds.decision_issue import ExternalAward, record_external_decision

    record_external_decision(db, "321/QĐ-UBND", date(2026, 2, 1), "UBND thành phố Hải Phòng",
                             "tinh", "Tặng danh hiệu", [ExternalAward(
                                 world.persons[0], world.kinds["CSTD_TP"], 2025)])
    assert [c.status for c in batches.list_candidates(db, bid)] == ["decided"]


def test_culture_titles_are_recognised_not_given(db, world, tmp_path):
    from app.documents import render

    bid = batches.create_batch(db, "Gia đình văn hóa 2025", 2025)
    res = batches.add_candidates(db, bid, world.households, world.kinds["GDVH"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "UBND", world.members)
    council.approve_without_vote(db, mid, res.added)
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    assert decisions.get_decision(db, did).title == (
        "Về việc công nhận danh hiệu “Gia đình văn hóa” năm 2025")
    txt = _text(render(paperwork.decision_document(db, did), tmp_path / "gdvh.pdf"))
    assert "Công nhận danh hiệu “Gia đình văn hóa” năm 2025 cho 2 hộ gia đình" in txt
    assert "Hộ Lê Văn Chín" in txt and "Số:" in txt


def test_decision_as_a_van_thu_signs_it(db, world, tmp_path):
    """Issue 12.3 from the database: the award in full with the achievement, the list split by
    kind of subject, hệ số "1,0", closing articles, "- Như Điều 4", no superior-body line."""
    from app.documents import render

    k = world.kinds
    bid = batches.create_batch(db, "tổng kết năm 2025", 2025)
    batches.add_candidates(db, bid, world.persons[:2] + [world.school, world.households[0]],
                           k["GK_CT"])
    batches.add_candidates(db, bid, world.persons[2:3], k["CSTDCS"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "Hội trường", world.members,
                                 "Trần Văn Bình", "Đặng Văn Minh")
    council.record_tallies(db, mid, [(c.id, 9, 9, 9) for c in batches.list_candidates(db, bid)])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    txt = _text(render(paperwork.decision_document(db, did), tmp_path / "qd.pdf"))
    assert "UBND THÀNH PHỐ HẢI PHÒNG" not in txt and "DỰ THẢO" in txt
    gk = "Giấy khen của Chủ tịch Ủy ban nhân dân phường Thành Đông"
    assert (f"2. Tặng {gk} cho 1 tập thể, 2 cá nhân và 1 hộ gia đình đã có thành tích xuất "
            "sắc trong phong trào thi đua yêu nước năm 2025.") in txt
    assert ("1. Tặng danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025 cho 1 cá nhân đã hoàn thành "
            "xuất sắc nhiệm vụ năm 2025;") in txt
    assert "Điều 3. Quyết định này có hiệu lực kể từ ngày ký." in txt
    assert "chịu trách nhiệm thi hành Quyết định này./." in txt
    assert "- Như Điều 4;" in txt and "- Lưu: VT." in txt
    assert "1,0 2.340.000" in txt  # CSTĐCS: hệ số 1,0
    for head in ("1. Tập thể (1)", "2. Cá nhân (2)", "3. Hộ gia đình (1)", "Khu dân cư số 1 (1 hộ)"):
        assert head in txt
    assert "TM." not in txt and "CHỦ TỊCH Trần Văn Bình" in txt


def test_deputy_signs_for_the_chair_and_an_issued_decision_has_no_draft_mark(db, world, tmp_path):
    from app.documents import render

    did = _issued(db, world)
    d = decisions.get_decision(db, did)
    assert d.status == "issued"
    txt = _text(render(paperwork.decision_document(db, did), tmp_path / "qd.pdf"))
    assert "DỰ THẢO" not in txt
    bid = batches.create_batch(db, "tổng kết năm 2025 đợt 2", 2025)
    batches.add_candidates(db, bid, world.persons[5:6], world.kinds["LDTT"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 2, 8), "Hội trường", world.members,
                                 "Trần Văn Bình", "Đặng Văn Minh")
    council.record_tallies(db, mid, [(c.id, 9, 9, 9) for c in batches.list_candidates(db, bid)])
    from app.services.system.organization import list_signers

    deputy = next(x for x in list_signers(db) if x.title == "Phó Chủ tịch")
    did2 = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 6), signer_id=deputy.id)
    txt = _text(render(paperwork.decision_document(db, did2), tmp_path / "qd2.pdf"))
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in txt and "TM." not in txt
    d2 = decisions.get_decision(db, did2)  # "TM." chosen for a Chủ tịch's own decision
    decisions.update_draft(db, did2, decisions.DraftEdit(
        16, d2.signed_on, d2.title, d2.bases, d2.articles, d2.recipients, "Trần Văn Bình",
        "Chủ tịch", "TM."))
    txt = _text(render(paperwork.decision_document(db, did2), tmp_path / "qd3.pdf"))
    assert "TM." not in txt and "CHỦ TỊCH Trần Văn Bình" in txt


def test_legacy_decision_without_closing_articles_prints_them(db, world, tmp_path):
    """A decision saved before the closing articles existed (Nơi nhận without "-")."""
    from app.documents import render

    bid = batches.create_batch(db, "tổng kết năm 2025", 2025)
    batches.add_candidates(db, bid, world.persons[:1], world.kinds["LDTT"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "Hội trường", world.members,
                                 "Trần Văn Bình", "Đặng Văn Minh")
    council.record_tallies(db, mid, [(c.id, 9, 9, 9) for c in batches.list_candidates(db, bid)])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(  # as the demo and older drafts hold it
        15, d.signed_on, d.title, d.bases, (), ("Như Điều 3;", "Lưu: VT."), d.signer_name,
        d.signer_title, d.sign_mode))
    txt = _text(render(paperwork.decision_document(db, did), tmp_path / "qd.pdf"))
    assert "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Điều 4. Chánh Văn phòng" in txt
    assert "- Như Điều 4; - Lưu: VT." in txt


def _council_round(db, world, present, secretary="Đặng Văn Minh", **kw):
    bid = batches.create_batch(db, "tổng kết năm 2025", 2025)
    batches.add_candidates(db, bid, world.persons[:2], world.kinds["CSTDCS"])
    batches.add_candidates(db, bid, world.persons[2:3], world.kinds["LDTT"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8, 30), "Hội trường", present,
                                 "Trần Văn Bình", secretary, **kw)
    return bid, mid, [c.id for c in batches.list_candidates(db, bid)]


def test_minutes_are_refused_when_the_secretary_or_chair_is_away(db, world):
    import pytest

    from app.errors import DomainError

    _bid, mid, _c = _council_round(db, world, world.members[:8])  # the secretary is away
    with pytest.raises(DomainError, match="Thư ký “Đặng Văn Minh” không có tên"):
        paperwork.minutes_document(db, mid)
    with pytest.raises(DomainError, match="Thư ký"):
        paperwork.count_minutes_document(db, mid)
    _bid, mid, _c = _council_round(db, world, world.members, secretary="")
    with pytest.raises(DomainError, match="chưa ghi thư ký"):
        paperwork.minutes_document(db, mid)
    _bid, mid, _c = _council_round(db, world, world.members)  # no Ban kiểm phiếu yet
    with pytest.raises(DomainError, match="chưa có Ban kiểm phiếu"):
        paperwork.count_minutes_document(db, mid)


def test_counting_minutes_name_the_tellers_and_give_every_count(db, world, tmp_path):
    from app.documents import render

    m = world.members
    bid, mid, _cids = _council_round(db, world, m[:7] + m[8:], tellers=[m[3], m[4]],
                                     teller_head=m[2], minutes_number="5",
                                     count_number="6/BB-HĐTĐKT")
    by_name = {c.subject_name: c.id for c in batches.list_candidates(db, bid)}
    council.record_tallies(db, mid, [
        council.BallotCount(by_name["Nguyễn Thị Ánh"], 8, 8, 7, 1, 6, 1),  # CSTĐCS: over 9
        council.BallotCount(by_name["Đặng Văn Bảo"], 8, 8, 8, 0, 5, 3),
        council.BallotCount(by_name["Lê Thị Cúc"], 8, 7, 7, 0, 7, 0)])  # LĐTT: over 8 present
    count = _text(render(paperwork.count_minutes_document(db, mid), tmp_path / "kp.pdf"))
    assert "Số: 6/BB-HĐTĐKT" in count
    assert ("Ban kiểm phiếu gồm: Phạm Văn Cường (Trưởng ban); Đỗ Thị Dung; Vũ Văn Em."
            in count)
    assert "Nguyễn Thị Ánh 8 8 7 1 6 1 6/9 thành viên Hội đồng (66,7%) Không đạt" in count
    assert "Lê Thị Cúc 8 7 7 0 7 0 7/8 thành viên có mặt (87,5%) Đạt" in count
    assert "(tỷ lệ tính trên 9 thành viên Hội đồng, cần đạt từ 70%)" in count
    assert count.endswith("TRƯỞNG BAN KIỂM PHIẾU Phạm Văn Cường")
    minutes = _text(render(paperwork.minutes_document(db, mid), tmp_path / "bb.pdf"))
    assert "Số: 5/BB-HĐTĐKT" in minutes and "6/9 thành viên Hội đồng (66,7%)" in minutes
    assert "Ban kiểm phiếu gồm: Phạm Văn Cường (Trưởng ban)" in minutes


def test_ballot_counts_are_checked(db, world):
    import pytest

    from app.errors import ValidationError

    _bid, mid, cids = _council_round(db, world, world.members)
    bad = [((9, 9, 7, 1, 6, 1), "không hợp lệ \\(1\\) phải bằng số phiếu thu vào \\(9\\)"),
           ((8, 9, 8, 1, 6, 1), "thu vào 9 phiếu, nhiều hơn số phát ra"),
           ((9, 9, 9, 0, 6, 4), "đồng ý \\(6\\) \\+ không đồng ý \\(4\\) vượt quá")]
    for counts, message in bad:
        with pytest.raises(ValidationError, match=message):
            council.record_tallies(db, mid, [council.BallotCount(cids[0], *counts)])
    row = council.record_tallies(db, mid, [council.BallotCount(cids[0], 9, 9, 8, 1, 7, 0)])[0]
    assert (row.ballots_returned, row.ballots_invalid, row.disagree) == (9, 1, 0)


def test_ballots_are_one_page_each_without_page_numbers(db, world, tmp_path):
    from app.documents import render

    _bid, mid, _c = _council_round(db, world, world.members)
    pages = PdfReader(render(paperwork.ballots_document(db, mid, copies=3), tmp_path / "p.pdf"))
    assert len(pages.pages) == 3
    for page in pages.pages:
        lines = [ln.strip() for ln in page.extract_text().splitlines() if ln.strip()]
        assert not any(ln.isdigit() for ln in lines[:2])  # no page number at the top


def test_signing_follows_who_decides_in_the_rule_data(db, world, tmp_path):
    """Issue 14.7 with issue 11's data: who decides is dated rule data per award kind; a title
    the data gives to the committee itself is signed "TM. ỦY BAN NHÂN DÂN", and the Chủ tịch's
    own awards are signed "CHỦ TỊCH" (never "TM.")."""
    from app.documents import render
    from db.models import RuleItem

    k = world.kinds
    bid = batches.create_batch(db, "tổng kết năm 2025", 2025)
    batches.add_candidates(db, bid, world.persons[:2], k["LDTT"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "Hội trường", world.members,
                                 "Trần Văn Bình", "Đặng Văn Minh")
    council.record_tallies(db, mid, [(c.id, 9, 9, 9) for c in batches.list_candidates(db, bid)])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    txt = _text(render(paperwork.decision_document(db, did), tmp_path / "chu_tich.pdf"))
    assert "TM." not in txt and "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG" in txt
    with db.session() as s:  # a province that gives Lao động tiên tiến to the committee
        s.add(RuleItem(topic="decider", qualifier="", award_kind_id=k["LDTT"],
                       effective_from=date(2025, 11, 1), value="Ủy ban nhân dân cấp xã",
                       legal_basis="thử nghiệm", origin="phuong", sort_order=0))
    txt = _text(render(paperwork.decision_document(db, did), tmp_path / "ubnd.pdf"))
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Trần Văn Bình" in txt
    assert "năm 2025 ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG Căn cứ" in txt

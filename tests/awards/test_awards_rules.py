"""Each guardrail of the eligibility check: reason, legal basis, advice only."""

from __future__ import annotations

from datetime import date

import pytest
from awards_world import make_person

from app.errors import ValidationError
from app.services.rounds import batches, decision_issue
from app.services.rounds.decision_issue import ExternalAward
from db.models import Initiative, InitiativeAuthor


def _held(db, subject_id, kind_id, *years):
    for y in years:
        decision_issue.record_external_decision(
            db, f"{y}/QĐ-UBND", date(y, 12, 20), "UBND phường Bình Hàn", "xa",
            "Khen thưởng", [ExternalAward(subject_id, kind_id, y)])


def _codes(found, cid):
    return [f.code for f in found[cid]]


def test_same_award_same_year_is_flagged_with_basis(db, world):
    k, p = world.kinds, world.persons[0]
    _held(db, p, k["LDTT"], 2025)
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    cid = batches.add_candidate(db, bid, p, k["LDTT"])
    other = batches.create_batch(db, "Chuyên đề 2025", 2025, "chuyen_de")
    cid2 = batches.add_candidate(db, other, world.persons[1], k["LDTT"])
    batches.add_candidate(db, bid, world.persons[1], k["LDTT"])
    found = batches.check_batch(db, bid)
    dup = [f for f in found[cid] if f.code == "duplicate_award"]
    assert dup and "Đã được tặng “Lao động tiên tiến” năm 2025" in dup[0].message
    assert "2025/QĐ-UBND" in dup[0].message and "Luật Thi đua" in dup[0].legal_basis
    assert "duplicate_award" in _codes(batches.check_batch(db, other), cid2)
    # advice, never a block: the candidate is still there and can go on
    assert [c.status for c in batches.list_candidates(db, bid)] == ["proposed", "proposed"]
    stored = {c.id: c for c in batches.list_candidates(db, bid)}[cid]
    assert stored.warnings >= 1 and stored.findings[0].message


def test_prerequisite_same_year_and_initiative(db, world):
    k, p = world.kinds, world.persons[0]
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    cid = batches.add_candidate(db, bid, p, k["CSTDCS"])
    found = batches.check_batch(db, bid)
    assert {"prerequisite", "initiative"} <= set(_codes(found, cid))
    msg = next(f for f in found[cid] if f.code == "prerequisite")
    assert "Lao động tiên tiến" in msg.message and "Điều 23" in msg.legal_basis  # not Điều 21
    batches.add_candidate(db, bid, p, k["LDTT"])
    with db.session() as s:
        ini = Initiative(title="Ứng dụng phần mềm quản lý", title_folded="ung dung", year=2025,
                         recognized=True, scope="cơ sở")
        s.add(ini)
        s.flush()
        s.add(InitiativeAuthor(initiative_id=ini.id, person_id=p))
    found = batches.check_batch(db, bid)
    assert "prerequisite" not in _codes(found, cid) and "initiative" not in _codes(found, cid)


def test_consecutive_years_chain(db, world):
    k, p = world.kinds, world.persons[0]
    _held(db, p, k["CSTDCS"], 2023, 2024)
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    cid = batches.add_candidate(db, bid, p, k["CSTD_TP"])
    found = batches.check_batch(db, bid)
    chain = next(f for f in found[cid] if f.code == "consecutive")
    assert "Cần 03 năm liên tục" in chain.message and "2023, 2024" in chain.message
    assert "upper_level" in _codes(found, cid)
    batches.add_candidate(db, bid, p, k["CSTDCS"])  # this year's CSTĐCS completes the chain
    assert "consecutive" not in _codes(batches.check_batch(db, bid), cid)


def test_quota_share_across_batch(db, world):
    k = world.kinds
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    batches.add_candidates(db, bid, world.persons[:6], k["LDTT"])
    cst = batches.add_candidate(db, bid, world.persons[0], k["CSTDCS"])
    quota = next(f for f in batches.check_batch(db, bid)[cst] if f.code == "quota")
    assert "vượt tỷ lệ 15%" in quota.message and "tối đa 0" in quota.message
    assert "91/2017" in quota.legal_basis
    batches.add_candidate(db, bid, world.persons[6], k["LDTT"])  # 7 × 15% → 1 allowed
    assert "quota" not in _codes(batches.check_batch(db, bid), cst)


def test_streak_suggests_candidates_and_notes(db, world):
    k, home = world.kinds, world.households[0]
    _held(db, home, k["GDVH"], 2020, 2021, 2022, 2023, 2024)
    _held(db, world.households[1], k["GDVH"], 2021, 2022, 2023, 2024)  # 4 years: not enough
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    sugg = batches.suggestions(db, bid)
    assert [(x.subject_id, x.award_code) for x in sugg] == [(home, "GK_CT")]
    assert "5 năm liền (2020–2024)" in sugg[0].reason and "chưa xác nhận" in sugg[0].legal_basis
    cid = batches.add_candidate(db, bid, world.households[1], k["GDVH"])
    note = next(f for f in batches.check_batch(db, bid)[cid] if f.code == "streak")
    assert note.level == "info" and "5 năm liền (2021–2025)" in note.message
    batches.add_candidate(db, bid, home, k["GK_CT"])
    assert batches.suggestions(db, bid) == []


def _households(db, world, *names):
    from app.services.records.subjects import apply_name
    from db.models import Household

    with db.session() as s:
        rows = []
        for name in names:
            h = Household(address="Số 9", area_id=world.area)
            apply_name(h, name)
            s.add(h)
            rows.append(h)
        s.flush()
        return [h.id for h in rows]


def _held_many(db, kind_id, by_year: dict[int, list[int]]):
    """One external decision per year listing several subjects (faster than one each)."""
    for y, subjects in by_year.items():
        decision_issue.record_external_decision(
            db, f"{y}/QĐ-UBND", date(y, 12, 20), "UBND phường Bình Hàn", "xa", "Khen thưởng",
            [ExternalAward(sid, kind_id, y) for sid in subjects])


def test_streak_shortlist_skips_recent_awards_longest_first_and_capped(db, world):
    from db.models import AwardKind

    k = world.kinds
    six, seven, recent, long_ago, five = _households(
        db, world, "Bùi Văn Sáu", "Lý Thị Bảy", "Cao Văn Gần", "An Văn Xưa", "Đinh Thị Năm")
    starts = {six: 2019, seven: 2018, recent: 2018, long_ago: 2019, five: 2020}
    _held_many(db, k["GDVH"], {y: [s for s, first in starts.items() if y >= first]
                                for y in range(2018, 2025)})
    gk = {2022: [recent], 2016: [long_ago]}  # Giấy khen 2022: within 5 years, skipped
    for y, subjects in gk.items():
        decision_issue.record_external_decision(
            db, f"{y}/GK-UBND", date(y, 12, 21), "UBND phường Bình Hàn", "xa", "Giấy khen",
            [ExternalAward(sid, k["GK_CT"], y) for sid in subjects])
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    sugg = batches.suggestions(db, bid)
    # 7 years, then the two 6-year streaks (never awarded before the one awarded in 2016), 5.
    assert [x.subject_id for x in sugg] == [seven, six, long_ago, five]
    assert "7 năm liền (2018–2024)" in sugg[0].reason
    assert "lần gần nhất năm 2016" in sugg[2].reason and sugg[0].of_total == 4
    with db.session() as s:
        kind = s.get(AwardKind, k["GDVH"])
        kind.prerequisites = {"streak_suggestion": {**kind.prerequisites["streak_suggestion"],
                                                    "max": 2, "years": 6}}
    capped = batches.suggestions(db, bid)
    assert [x.subject_id for x in capped] == [seven, six] and capped[0].of_total == 3
    # The note on a candidate is silent too when the suggested award was given recently.
    cid = batches.add_candidate(db, bid, recent, k["GDVH"])
    assert "streak" not in _codes(batches.check_batch(db, bid), cid)


def test_likely_duplicate_person_and_wrong_subject_type(db, world):
    k = world.kinds
    with db.session() as s:
        twin = make_person(s, "Nguyen Thi Anh", birth_year=1980).id  # typed without accents
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    cid = batches.add_candidate(db, bid, world.persons[0], k["LDTT"])
    wrong = batches.add_candidate(db, bid, world.households[0], k["LDTT"])
    found = batches.check_batch(db, bid)
    dup = next(f for f in found[cid] if f.code == "duplicate_person")
    assert f"mã {twin}" in dup.message and "sinh năm 1980" in dup.message
    kind = next(f for f in found[wrong] if f.code == "subject_type")
    assert "không xét cho hộ gia đình" in kind.message


def test_registrations_become_candidates(db, world):
    from db.models import Registration

    k = world.kinds
    with db.session() as s:
        ok = Registration(year=2025, subject_id=world.persons[0], award_kind_id=k["LDTT"],
                          outcome="dat")
        no = Registration(year=2025, subject_id=world.persons[1], award_kind_id=k["LDTT"],
                          outcome="khong_dat")
        s.add_all([ok, no])
        s.flush()
        ids = [ok.id, no.id]
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    res = batches.add_candidates_from_registrations(db, bid, ids)
    assert len(res.added) == 1 and "chưa được đánh giá đạt" in res.skipped[0]
    again = batches.add_candidates_from_registrations(db, bid, ids[:1])
    assert again.added == [] and "đã có trong đợt xét" in again.skipped[0]


# --- issue 11: the law of 2026 in the guardrails -----------------------------------------------

def _finding(found, cid, code):
    return next((f for f in found[cid] if f.code == code), None)


def test_cstdcs_second_condition_accepts_any_one_of_three(db, world, tmp_path):
    from app.services.rounds import batch_files

    k, (p1, p2, p3) = world.kinds, world.persons[:3]
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    batches.add_candidates(db, bid, [p1, p2, p3], k["LDTT"])
    c1, c2, c3 = (batches.add_candidate(db, bid, p, k["CSTDCS"]) for p in (p1, p2, p3))
    found = batches.check_batch(db, bid)
    missing = _finding(found, c1, "initiative")
    assert "chỉ cần một" in missing.message and "hoàn thành xuất sắc nhiệm vụ" in missing.message
    assert "Điều 23" in missing.legal_basis
    # hoàn thành xuất sắc nhiệm vụ alone is enough (Law Điều 23: "hoặc")
    batches.update_candidate(db, c1, "Hoàn thành xuất sắc nhiệm vụ năm 2025; dạy giỏi cấp tỉnh.",
                             None, None)
    # an accepted research topic, filed as "Sáng kiến / đề tài", is enough too
    proof = tmp_path / "biên bản nghiệm thu đề tài.pdf"
    proof.write_bytes(b"%PDF-1.4 nghiem thu")
    batch_files.attach_file(db, proof, "sang_kien", candidate_id=c2)
    found = batches.check_batch(db, bid)
    assert _finding(found, c1, "initiative") is None
    assert _finding(found, c2, "initiative") is None
    assert _finding(found, c3, "initiative") is not None


def _person_with(db, world, index, **fields):
    from dataclasses import replace

    from app.services.records import records

    pid = world.persons[index]
    records.save_person(db, replace(records.get_person(db, pid), **fields))
    return pid


def test_discipline_inspection_and_complaint_hold_the_award(db, world):
    k = world.kinds
    held = _person_with(db, world, 0, under_discipline=True, pending_complaint=True,
                        hold_note="Đơn thư ngày 02/11/2025")
    served = _person_with(db, world, 1, discipline_until=date(2025, 3, 31))
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    c1 = batches.add_candidate(db, bid, held, k["LDTT"])
    c2 = batches.add_candidate(db, bid, served, k["LDTT"])
    c3 = batches.add_candidate(db, bid, world.persons[2], k["LDTT"])
    found = batches.check_batch(db, bid)
    hold = _finding(found, c1, "on_hold")
    assert hold.level == "warning" and "kỷ luật" in hold.message and "khiếu nại" in hold.message
    assert "Đơn thư ngày 02/11/2025" in hold.message
    assert hold.legal_basis == "Điều 4 khoản 4 Nghị định 152/2025/NĐ-CP"
    assert "chỉ tính từ sau ngày chấp hành xong kỷ luật" in _finding(found, c2, "on_hold").message
    assert _finding(found, c3, "on_hold") is None


def test_maternity_leave_counts_as_working_time(db, world):
    pid = _person_with(db, world, 0, maternity_from=date(2025, 2, 1),
                       maternity_to=date(2025, 7, 31))
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    cid = batches.add_candidate(db, bid, pid, world.kinds["LDTT"])
    note = _finding(batches.check_batch(db, bid), cid, "maternity")
    assert note.level == "info" and "01/02/2025 – 31/07/2025" in note.message
    assert "được tính" in note.message and "Điều 4 khoản 5" in note.legal_basis


def test_women_and_mostly_women_collectives_come_first_when_the_quota_bites(db, world):
    from dataclasses import replace

    from app.services.records import records

    k = world.kinds
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    batches.add_candidates(db, bid, world.persons[:6], k["LDTT"])
    woman = batches.add_candidate(db, bid, world.persons[0], k["CSTDCS"])  # Nguyễn Thị Ánh
    man = batches.add_candidate(db, bid, world.persons[1], k["CSTDCS"])  # Đặng Văn Bảo
    found = batches.check_batch(db, bid)
    hint = _finding(found, woman, "priority")
    assert hint.level == "info" and "cá nhân nữ" in hint.message
    assert "Điều 4 khoản 6" in hint.legal_basis
    assert _finding(found, man, "priority") is None
    # collectives: at least 70 % women
    school = records.get_collective(db, world.school)
    records.save_collective(db, replace(school, members_total=10, women_members=7))
    with pytest.raises(ValidationError, match="lớn hơn tổng số thành viên"):
        records.save_collective(db, replace(school, members_total=10, women_members=11))
    from app.services.awards import award_kinds

    gk = award_kinds.get_award_kind(db, code="GK_CT")
    award_kinds.save_award_kind(db, replace(gk, quota={"max_share": 0.5, "of_award": "GK_CT"}))
    other = batches.create_batch(db, "Khen thưởng chuyên đề 2025", 2025, "chuyen_de")
    col = batches.add_candidate(db, other, world.school, k["GK_CT"])
    batches.add_candidate(db, other, world.persons[1], k["GK_CT"])
    hint = _finding(batches.check_batch(db, other), col, "priority")
    assert hint is not None and "từ 70% nữ" in hint.message


def _issue_in_batch(db, world, kind_code, subject_id, year, batch_kind):
    from datetime import datetime

    from app.services.rounds import council, decisions

    bid = batches.create_batch(db, f"Đợt {batch_kind} {year}", year, batch_kind)
    cid = batches.add_candidate(db, bid, subject_id, world.kinds[kind_code])
    mid = council.create_meeting(db, bid, datetime(year, 12, 10, 8), "UBND", world.members)
    council.approve_without_vote(db, mid, [cid])
    did = decisions.draft_from_batch(db, bid, signed_on=date(year, 12, 20))
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        decisions.suggest_number(db, year), date(year, 12, 20), d.title, d.bases, d.articles,
        d.recipients, d.signer_name, d.signer_title, d.sign_mode))
    decision_issue.issue_decision(db, did)


def test_special_and_themed_awards_are_no_basis_for_a_regular_award_upward(db, world):
    k, p = world.kinds, world.persons[0]
    _held(db, p, k["CSTDCS"], 2023)  # a regular year (recorded from the paper register)
    _issue_in_batch(db, world, "CSTDCS", p, 2024, "chuyen_de")
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    batches.add_candidate(db, bid, p, k["CSTDCS"])
    up = batches.add_candidate(db, bid, p, k["CSTD_TP"])
    found = batches.check_batch(db, bid)
    chain = _finding(found, up, "consecutive")
    assert "không tính năm 2024 (chuyên đề)" in chain.message
    assert "Điều 4 khoản 3 Nghị định 152/2025/NĐ-CP" in chain.legal_basis
    note = _finding(found, up, "special_basis")
    assert "“Chiến sĩ thi đua cơ sở” năm 2024 (chuyên đề)" in note.message


def test_ttldtt_needs_the_provinces_share_of_members_with_ldtt(db, world):
    k = world.kinds
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    team = batches.add_candidate(db, bid, world.school, k["TTLDTT"])
    batches.add_candidates(db, bid, world.persons[:5], k["LDTT"])  # 5 of the 8 teachers
    share = _finding(batches.check_batch(db, bid), team, "ldtt_share")
    assert "Mới có 5/8 thành viên" in share.message and "ít nhất 70%" in share.message
    batches.add_candidates(db, bid, world.persons[5:6], k["LDTT"])  # 6/8 = 75 %
    assert _finding(batches.check_batch(db, bid), team, "ldtt_share") is None

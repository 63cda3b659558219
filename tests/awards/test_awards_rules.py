"""Each guardrail of the eligibility check: reason, legal basis, advice only."""

from __future__ import annotations

from datetime import date

from awards_world import make_person

from app.services import batches, decision_issue
from app.services.decision_issue import ExternalAward
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
    assert "Lao động tiên tiến" in msg.message and "Điều 21" in msg.legal_basis
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
    _held(db, home, k["GDVH"], 2022, 2023, 2024)
    _held(db, world.households[1], k["GDVH"], 2023, 2024)
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    sugg = batches.suggestions(db, bid)
    assert [(x.subject_id, x.award_code) for x in sugg] == [(home, "GK_CT")]
    assert "3 năm liền (2022–2024)" in sugg[0].reason
    cid = batches.add_candidate(db, bid, world.households[1], k["GDVH"])
    note = next(f for f in batches.check_batch(db, bid)[cid] if f.code == "streak")
    assert note.level == "info" and "3 năm liền (2023–2025)" in note.message
    batches.add_candidate(db, bid, home, k["GK_CT"])
    assert batches.suggestions(db, bid) == []


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

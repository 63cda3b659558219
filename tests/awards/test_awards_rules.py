"""Each guardrail of the eligibility check: reason, legal basis, advice only."""

from __future__ import annotations

from datetime import date

from awards_world import make_person

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

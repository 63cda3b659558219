"""Provincial rule packs (Nghị định 152/2025/NĐ-CP Điều 6): the ward chooses its province's
pack; a strict "more than half" vote and quorum are expressible and every tally states its
rule and its base; căn cứ lines and who decides are dated data (issue 11)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from fractions import Fraction

from app.rules import apply, bases, store
from app.services.awards import award_kinds
from app.services.rounds import batches, council, decisions, quorum


def test_bac_ninh_pack_sets_criteria_quorum_votes_deadline_and_its_can_cu(db, world):
    plan = apply.check_update(db, "bac_ninh")
    assert plan is not None and "Bắc Ninh" in plan.to_label
    apply.apply_update(db, province="bac_ninh")
    ldtt = award_kinds.get_award_kind(db, code="LDTT")
    assert (ldtt.vote_strict, ldtt.vote_base, float(ldtt.vote_threshold)) == (True, "all", 50.0)
    assert "Công nhân, nông dân" in ldtt.criteria  # QĐ 86/2025 Điều 4 khoản 1 điểm b
    assert "đất đai, tài sản" in award_kinds.get_award_kind(db, code="GK_CT").criteria
    assert quorum.get_rule(db) == quorum.QuorumRule(Fraction(4, 5))
    with db.read() as s:
        assert "10/12" in store.text_of(store.value_on(s, "deadline", "submission"))
        after = bases.decision_bases(s, date(2025, 12, 20), ["LDTT"], "phường Đại Phúc")
        before = bases.decision_bases(s, date(2025, 12, 1), ["LDTT"], "phường Đại Phúc")
    assert any("86/2025/QĐ-UBND" in x for x in after)
    assert not any("86/2025/QĐ-UBND" in x for x in before)
    assert after[-1] == "Theo đề nghị của Hội đồng Thi đua - Khen thưởng phường Đại Phúc."
    assert apply.check_update(db) is None  # installed: nothing more to offer


def test_back_to_the_neutral_pack_keeps_what_the_ward_edited_meanwhile(db, world):
    apply.apply_update(db, province="bac_ninh")
    gk = award_kinds.get_award_kind(db, code="GK_CT")
    award_kinds.save_award_kind(db, replace(gk, criteria="Tiêu chí riêng của phường"))
    plan = apply.check_update(db, "mac_dinh")
    edited = [c for c in plan.conflicts if c.label.startswith("Giấy khen")]
    assert edited and edited[0].current == "Tiêu chí riêng của phường"
    apply.apply_update(db, province="mac_dinh")
    assert award_kinds.get_award_kind(db, code="GK_CT").criteria == "Tiêu chí riêng của phường"
    ldtt = award_kinds.get_award_kind(db, code="LDTT")
    assert (ldtt.vote_strict, float(ldtt.vote_threshold)) == (False, 50.0)
    assert quorum.get_rule(db) == quorum.QuorumRule(Fraction(2, 3))


def test_more_than_half_is_expressible_and_the_tally_states_its_base(db, world):
    ldtt = award_kinds.get_award_kind(db, code="LDTT")
    award_kinds.save_award_kind(db, replace(ldtt, vote_threshold=50, vote_base="present",
                                            vote_strict=True))
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    cids = batches.add_candidates(db, bid, world.persons[:2], world.kinds["LDTT"]).added
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "UBND", world.members[:8])
    half, more = council.record_tallies(db, mid, [(cids[0], 8, 8, 4), (cids[1], 8, 8, 5)])
    assert (half.passed, more.passed) == (False, True)  # 4/8 is half, not more than half
    assert half.rule_label == "trên 50% thành viên có mặt (8 người)"
    assert half.share_label == "4/8 thành viên có mặt"
    failed = batches.list_candidates(db, bid, status="failed")[0]
    assert "(4/8 thành viên có mặt), chưa trên mức 50%" in failed.outcome_reason
    award_kinds.save_award_kind(db, replace(ldtt, vote_threshold=50, vote_base="present",
                                            vote_strict=False))
    again = council.record_tallies(db, mid, [(cids[0], 8, 8, 4)])[0]
    assert again.passed and again.rule_label == "từ 50% trở lên thành viên có mặt (8 người)"


def test_strict_quorum_more_than_half(db, world):
    assert quorum.save_share(db, 1, 2, strict=True) == Fraction(1, 2)
    rule = quorum.get_rule(db)
    assert rule.label == "trên 1/2" and str(rule) == ">1/2"
    assert (rule.needed(8), rule.needed(9)) == (5, 5)
    assert quorum.QuorumRule(Fraction(1, 2)).needed(8) == 4
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "UBND", world.members[:4])
    m = council.get_meeting(db, mid)
    assert (m.members_total, m.quorum_needed, m.quorum_ok) == (9, 5, False)
    quorum.save_share(db, 2, 3)  # later changes leave the meeting's own rule alone
    assert council.get_meeting(db, mid).quorum_needed == 5


def test_who_decides_and_the_can_cu_lines_follow_the_decision_date(db, world):
    k = world.kinds
    with db.read() as s:
        before = store.decider_on(s, k["CSTDCS"], date(2025, 6, 30))
        after = store.decider_on(s, k["CSTDCS"], date(2025, 7, 1))
        assert before.value == "Chủ tịch Ủy ban nhân dân cấp huyện"
        assert after.value == "Chủ tịch Ủy ban nhân dân cấp xã"
        assert "Điều 59 Nghị định 129/2025/NĐ-CP" in after.legal_basis
        old = bases.decision_bases(s, date(2025, 6, 20), ["LDTT"])
        family = bases.decision_bases(s, date(2025, 12, 5), ["GDVH"])
        person = bases.decision_bases(s, date(2025, 12, 5), ["LDTT"])
    assert not any("152/2025" in x for x in old)
    assert any("86/2023/NĐ-CP" in x for x in family)
    assert not any("86/2023/NĐ-CP" in x for x in person)
    assert any("129/2025/NĐ-CP" in x for x in person)
    # the draft decision prints the same lines
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    cid = batches.add_candidate(db, bid, world.households[0], k["GDVH"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "UBND", world.members)
    council.approve_without_vote(db, mid, [cid])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    printed = decisions.get_decision(db, did).bases
    assert any("86/2023/NĐ-CP" in x for x in printed)
    assert printed[-1] == "Theo đề nghị của Hội đồng Thi đua - Khen thưởng phường Thành Đông."

"""A ward taken through one round, for the documents of issue 12 point 8: an issued decision
with money, candidates proposed to the city and passed, an earlier year's awards, a
recognised initiative, a Gia đình văn hóa batch with its khu dân cư, fund lines, a movement."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from tests.awards.awards_world import build_world


def _issue(db, bid: int, number: int, day: date) -> int:
    from app.services.rounds import decision_issue, decisions

    did = decisions.draft_from_batch(db, bid, signed_on=day)
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        number, d.signed_on, d.title, d.bases, d.articles, d.recipients, d.signer_name,
        d.signer_title, d.sign_mode))
    decision_issue.issue_decision(db, did)
    return did


def build_round(db) -> SimpleNamespace:
    from app import text
    from app.services.awards import fund
    from app.services.emulation import movements
    from app.services.rounds import batches, council
    from db.models import Initiative, InitiativeAuthor, ResidentialArea

    w = build_world(db)
    k = w.kinds
    # 2024: Lao động tiên tiến for the first teacher (an award "already received")
    b24 = batches.create_batch(db, "Tổng kết năm 2024", 2024)
    batches.add_candidates(db, b24, w.persons[:1], k["LDTT"])
    m24 = council.create_meeting(db, b24, datetime(2024, 12, 2, 8), "Hội trường",
                                 w.members[:8], "Trần Văn Bình", "Đặng Văn Minh")
    council.record_tallies(db, m24, [(c.id, 8, 8, 8) for c in batches.list_candidates(db, b24)])
    d24 = _issue(db, b24, 31, date(2024, 12, 10))
    # 2025: the round itself
    bid = batches.create_batch(db, "Xét khen thưởng tổng kết năm 2025", 2025)
    batches.add_candidates(db, bid, w.persons[:3], k["LDTT"])
    batches.add_candidates(db, bid, [w.school], k["GK_CT"])
    cstd = batches.add_candidate(db, bid, w.persons[0], k["CSTDCS"], achievement=(
        "Hoàn thành xuất sắc nhiệm vụ năm học 2024 - 2025; giáo viên dạy giỏi cấp thành phố."))
    up_person = batches.add_candidate(db, bid, w.persons[1], k["CSTD_TP"],
                                      achievement="Ba năm liền đạt Chiến sĩ thi đua cơ sở.")
    up_school = batches.add_candidate(db, bid, w.school, k["BK_TP"],
                                      achievement="Trường đạt chuẩn quốc gia mức độ 2.")
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8, 30), "Hội trường",
                                 w.members[:8], "Trần Văn Bình", "Đặng Văn Minh")
    council.record_tallies(db, mid, [(c.id, 8, 8, 8) for c in batches.list_candidates(db, bid)])
    did = _issue(db, bid, 15, date(2025, 12, 5))
    # Gia đình văn hóa: the khu dân cư's households and its own title
    culture = batches.create_batch(db, "Bình xét Gia đình văn hóa năm 2025", 2025)
    batches.add_candidates(db, culture, w.households, k["GDVH"])
    batches.add_candidate(db, culture, w.area, k["KDCVH"])
    with db.session() as s:
        area = s.get(ResidentialArea, w.area)
        area.leader_name, area.kind = "Nguyễn Văn Tâm", "tổ dân phố"
        idea = Initiative(title="Ứng dụng bảng tương tác trong dạy học Toán lớp 5",
                          title_folded=text.fold("Ứng dụng bảng tương tác"), year=2025,
                          scope="cơ sở", recognized=True, decision_number="7/QĐ-HĐSK",
                          decision_date=date(2025, 6, 2))
        s.add(idea)
        s.flush()
        s.add(InitiativeAuthor(initiative_id=idea.id, person_id=w.persons[0]))
    fund.add_line(db, 2025, "du_toan", 60_000_000, "Dự toán quỹ thi đua, khen thưởng năm 2025",
                  date(2025, 1, 15))
    fund.add_line(db, 2025, "chi_khac", 1_250_000, "In giấy khen, mua khung", date(2025, 12, 10))
    mov = movements.save_movement(db, movements.MovementData(
        "Chủ nhật xanh", "Phường", "theo đợt", "Phường sạch, phố xanh, Nhân dân khỏe",
        date(2026, 1, 4), date(2026, 12, 27), "12/KH-UBND", date(2025, 12, 20),
        "Ra quân vệ sinh đường phố, khơi thông cống rãnh vào sáng Chủ nhật hằng tuần."))
    return SimpleNamespace(**vars(w), batch=bid, meeting=mid, decision=did, decision_2024=d24,
                           cstd=cstd, up_person=up_person, up_school=up_school,
                           culture=culture, movement=mov)

"""Demo data for the year's emulation work: the movements the ward's five-year report names,
Gia đình văn hóa and Khu dân cư văn hóa registrations with the report's rates (96–100 % of
households register, 93–96,3 % of those achieve), staff registrations for Lao động tiên tiến,
initiatives and role models. Called by app.demo after the records exist."""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app import text
from db.models import (
    AwardKind,
    Collective,
    Household,
    Initiative,
    InitiativeAuthor,
    Movement,
    MovementResult,
    Person,
    Registration,
    ResidentialArea,
    RoleModel,
)

# (name, launched by, kind, start year, end year or None, plan, result sentence)
MOVEMENTS = [
    ("Cả nước chung sức xây dựng nông thôn mới", "Thủ tướng Chính phủ", "thường xuyên", 2021,
     None, "KH", "Duy trì các mô hình sản xuất rau màu theo quy trình VietGAP, lúa chất lượng cao."),
    ("Toàn dân đoàn kết xây dựng đời sống văn hóa", "Thủ tướng Chính phủ", "thường xuyên", 2021,
     None, "KH", "Toàn phường có 39/39 thôn, khu dân cư đạt danh hiệu Khu dân cư văn hóa."),
    ("Vì người nghèo - Không để ai bị bỏ lại phía sau", "Thủ tướng Chính phủ", "thường xuyên",
     2021, 2025, "KH", ("Hỗ trợ sửa chữa, xây mới nhà cho hộ nghèo, hộ cận nghèo, gia đình chính "
     "sách.")),
    (("Cả nước đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch "
     "Covid-19"), "Thủ tướng Chính phủ", "chuyên đề", 2021, 2022, "KH",
     "Các tổ Covid cộng đồng hoạt động hiệu quả, hoàn thành mục tiêu kép."),
    (("Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hiện tiết kiệm, chống lãng "
     "phí"), "Thủ tướng Chính phủ", "thường xuyên", 2022, None, "KH", None),
    ("Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở", "Thủ tướng Chính phủ",
     "thường xuyên", 2021, None, "KH", "100% cán bộ, công chức thực hiện tốt văn hóa công sở."),
    ("Cả nước thi đua đổi mới sáng tạo và chuyển đổi số", "Thủ tướng Chính phủ", "chuyên đề",
     2024, None, "KH", None),
    ("Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030",
     "Thủ tướng Chính phủ", "chuyên đề", 2023, 2030, "KH", None),
    ("Bình dân học vụ số", "Thủ tướng Chính phủ", "chuyên đề", 2025, None, "KH",
     "100% cán bộ, công chức, viên chức tham gia học trên nền tảng số."),
    ("Phong trào thi đua tăng thu ngân sách giai đoạn 2019 - 2025", "Thành phố", "theo đợt", 2019,
     2025, "KH", "Thu ngân sách hằng năm đều hoàn thành vượt mức kế hoạch Thành phố giao."),
    ("Toàn dân bảo vệ an ninh Tổ quốc", "Thành phố", "thường xuyên", 2021, None, "KH", None),
    ("Rèn luyện thân thể theo gương Bác Hồ vĩ đại", "Mặt trận & đoàn thể", "thường xuyên", 2021,
     None, "KH", None),
    ("Chủ nhật xanh", "Phường", "theo đợt", 2022, None, "KH",
     "Các khu dân cư ra quân vệ sinh môi trường vào ngày chủ nhật cuối tháng."),
]
CULTURE = "Toàn dân đoàn kết xây dựng đời sống văn hóa"

INITIATIVE_TITLES = [
    ("Ứng dụng Zalo trong tiếp nhận phản ánh của người dân tại khu dân cư", "chuyển đổi số"),
    ("Sắp xếp hồ sơ một cửa theo mã QR để tra cứu nhanh", "quản lý nhà nước"),
    ("Mô hình tổ liên gia phòng cháy, chữa cháy ở khu dân cư", "quốc phòng - an ninh"),
    ("Góc đọc sách cộng đồng tại nhà văn hóa khu dân cư", "văn hóa - xã hội"),
    ("Hướng dẫn người cao tuổi dùng dịch vụ công trực tuyến", "chuyển đổi số"),
    ("Lịch thu gom rác thải theo giờ cố định ở các tuyến phố", "kinh tế"),
    ("Câu lạc bộ kỹ năng sống cho học sinh trong dịp hè", "giáo dục"),
    ("Số hóa sổ theo dõi tiêm chủng cho trẻ em", "y tế"),
]
GROUP_STORIES = [
    ("văn hóa - xã hội", "Tập thể đi đầu trong phong trào xây dựng đời sống văn hóa",
     ("Duy trì sinh hoạt đều đặn, vận động hội viên tham gia vệ sinh môi trường, giúp đỡ các "
     "gia đình khó khăn trên địa bàn.")),
    ("người tốt việc tốt", "Chung tay vì người nghèo",
     "Vận động quyên góp xây nhà đại đoàn kết, tặng quà cho hộ nghèo và học sinh vượt khó."),
]
ROLE_STORIES = [
    ("người tốt việc tốt", "Tận tình giúp đỡ hộ khó khăn trong khu dân cư",
     ("Nhiều năm liền tham gia vận động, giúp đỡ các hộ có hoàn cảnh khó khăn sửa chữa nhà ở, "
     "chăm lo cho học sinh nghèo vượt khó.")),
    ("công tác", "Người cán bộ tận tụy với công việc",
     ("Luôn hoàn thành xuất sắc nhiệm vụ được giao, đi đầu trong ứng dụng công nghệ thông tin, "
     "hướng dẫn người dân nộp hồ sơ trực tuyến.")),
    ("văn hóa - xã hội", "Hạt nhân phong trào văn nghệ quần chúng",
     ("Xây dựng đội văn nghệ khu dân cư hoạt động đều đặn, tham gia giao lưu văn hóa, văn nghệ "
     "của phường và thành phố.")),
    ("lao động sản xuất", "Điển hình trong sản xuất nông nghiệp sạch",
     ("Mạnh dạn chuyển đổi sang trồng rau theo quy trình VietGAP, tạo việc làm cho lao động "
     "địa phương.")),
]


def _movements(s: Session, rng: random.Random, year_from: int, year_to: int) -> dict[str, int]:
    ids = {}
    for n, (name, by, kind, start, end, _, result) in enumerate(MOVEMENTS, start=1):
        first = max(start, year_from - 1)
        m = Movement(name=name, name_folded=text.fold(name), launched_by=by, kind=kind,
                     start_date=date(first, rng.randint(1, 3), rng.randint(1, 28)),
                     end_date=date(end, 12, 31) if end else None,
                     plan_number=f"{rng.randint(5, 90)}/KH-UBND",
                     plan_date=date(first, rng.randint(1, 3), rng.randint(1, 28)),
                     description=f"Phong trào “{name}” triển khai trên địa bàn phường.",
                     status="đã kết thúc" if end and end < year_to else "đang triển khai")
        s.add(m)
        s.flush()
        ids[name] = m.id
        if result:
            for year in range(max(start, year_from), min(end or year_to, year_to) + 1):
                s.add(MovementResult(movement_id=m.id, year=year, narrative=f"Năm {year}: {result}"))
    return ids


def _registrations(s: Session, rng: random.Random, year_from: int, year_to: int,
                   culture_id: int) -> None:
    kinds = dict(s.execute(select(AwardKind.code, AwardKind.id)).all())
    by_area: dict[int, list[int]] = {}
    for hid, aid in s.execute(select(Household.id, Household.area_id)):
        by_area.setdefault(aid, []).append(hid)
    areas = dict(s.execute(select(ResidentialArea.id, ResidentialArea.households_total)).all())
    rows = []
    for year in range(year_from, year_to + 1):
        reg_rate = rng.uniform(0.965, 0.99)  # of the official household count
        ok_rate = rng.uniform(0.935, 0.96)  # of those registered
        on = date(year, 2, rng.randint(10, 28))
        for aid, homes in by_area.items():
            total = areas.get(aid) or len(homes)
            want = min(len(homes), round(total * min(1.0, reg_rate + rng.uniform(-0.01, 0.01))))
            chosen = rng.sample(homes, want)
            achieved = round(want * min(1.0, ok_rate + rng.uniform(-0.01, 0.01)))
            for i, hid in enumerate(chosen):
                rows.append({"year": year, "subject_id": hid, "award_kind_id": kinds["GDVH"],
                             "movement_id": culture_id, "registered_on": on,
                             "outcome": "dat" if i < achieved else "khong_dat"})
        for aid in areas:  # every area registers; the report: 39/39 achieved
            rows.append({"year": year, "subject_id": aid, "award_kind_id": kinds["KDCVH"],
                         "movement_id": culture_id, "registered_on": on, "outcome": "dat"})
    # Officials registered for Lao động tiên tiến this year; the evaluation is still to come
    # (past years' titles are in the register, written by app.demo.awards).
    this_year = max(year_to, date.today().year)
    staff = s.scalars(select(Person.id).where(Person.workplace_id.is_not(None))).all()
    rows += [{"year": this_year, "subject_id": pid, "award_kind_id": kinds["LDTT"],
              "movement_id": None, "registered_on": date(this_year, 1, 20), "outcome": None}
             for pid in staff]
    for start in range(0, len(rows), 5000):
        s.execute(insert(Registration), rows[start:start + 5000])


def _initiatives(s: Session, rng: random.Random, year_from: int, year_to: int) -> None:
    staff = s.scalars(select(Person.id).where(Person.workplace_id.is_not(None))
                      .order_by(Person.id)).all()
    if not staff:
        return
    for year in range(year_from, year_to + 1):
        for title, field in rng.sample(INITIATIVE_TITLES, rng.randint(2, 3)):
            recognised = year < year_to or rng.random() < 0.5
            ini = Initiative(title=title, title_folded=text.fold(title), year=year, field=field,
                             scope="cơ sở", recognized=recognised,
                             effect="Áp dụng hiệu quả tại đơn vị, có thể nhân rộng.",
                             decision_number=f"{rng.randint(100, 400)}/QĐ-UBND" if recognised
                             else None,
                             decision_date=date(year, 11, rng.randint(1, 28)) if recognised
                             else None)
            s.add(ini)
            s.flush()
            for pid in rng.sample(staff, rng.randint(1, 2)):
                s.add(InitiativeAuthor(initiative_id=ini.id, person_id=pid))


def _role_models(s: Session, rng: random.Random, year_from: int, year_to: int) -> None:
    people = s.scalars(select(Person.id).order_by(Person.id).limit(400)).all()
    groups = s.scalars(select(Collective.id).order_by(Collective.id)).all()
    if not people:
        return
    for year in range(year_from, year_to + 1):
        picks = [(p, ROLE_STORIES) for p in rng.sample(people, min(2, len(people)))]
        picks += [(g, GROUP_STORIES) for g in rng.sample(groups, min(1, len(groups)))]
        for sid, stories in picks:
            field, headline, story = rng.choice(stories)
            s.add(RoleModel(subject_id=sid, year=year, field=field, headline=headline,
                            story=story))


def build_emulation_demo(session: Session, rng: random.Random, year_from: int,
                         year_to: int) -> None:
    """Movements, registrations with outcomes, initiatives and role models for the years."""
    if session.scalar(select(func.count()).select_from(Movement)):
        return  # already there: the demo never doubles its data
    ids = _movements(session, rng, year_from, year_to)
    _registrations(session, rng, year_from, year_to, ids[CULTURE])
    _initiatives(session, rng, year_from, year_to)
    _role_models(session, rng, year_from, year_to)

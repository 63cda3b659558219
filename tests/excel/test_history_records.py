"""Issue 16 points 3–5: decisions already in the database, register numbers, subjects matched
or created (a choice where more than one fits), higher levels' awards, the fund, and the
guardrails and history that see the imported years."""

from datetime import date

import pytest
from excel_helpers import seed_ward
from history_helpers import check, kinds, per_row_sheet, save
from sqlalchemy import select, update

from app.errors import ProtectedRowError
from app.excel.history_choices import choose_attach, choose_fund, choose_subject
from app.excel.importer import commit
from app.services.records.subjects import apply_name
from db.models import AwardRecord, Decision, FundLine, Person


@pytest.fixture
def ward(db):
    return seed_ward(db)


def _row(name, award, ref, day, level="Phường", money=0, unit=None):
    return [1, name, unit, award, ref, day, level, money, None]


def test_a_decision_already_imported_is_skipped_or_attached(db, ward, tmp_path):
    first = save({"2022": per_row_sheet(2022, [
        _row("Nguyễn Văn An", "LĐTT", "151/QĐ-UBND", "12/12/2022", money=700_000)])},
        tmp_path / "a.xlsx")
    commit(db, check(db, first))
    fuller = save({"2022": per_row_sheet(2022, [
        _row("Nguyễn Văn An", "LĐTT", "151/QĐ-UBND", "12/12/2022", money=700_000),
        _row("Trần Thị Lan", "LĐTT", "151/QĐ-UB", "12/12/2022", money=700_000)])},
        tmp_path / "b.xlsx")
    result = check(db, fuller)
    [group] = result.plan.decisions
    assert group.existing is not None and not group.attach
    assert [r.action for r in result.rows] == ["skip", "skip"]
    assert "Đã có" in group.state()
    choose_attach(result, group, True)
    assert [r.action for r in result.rows] == ["skip", "create"]  # An is already in it
    assert any("Đã có trong sổ khen thưởng" in p.message for p in result.rows[0].problems)
    done = commit(db, result)
    assert (done.decisions, done.attached, done.entries) == (0, 1, 1)
    with db.read() as s:
        assert len(s.scalars(select(Decision)).all()) == 1
        recs = s.scalars(select(AwardRecord).order_by(AwardRecord.id)).all()
        assert [(r.certificate_no, r.printed_name, r.decision_id) for r in recs] == [
            ("2022/0001", "Nguyễn Văn An", group.existing.id),
            ("2022/0002", "Trần Thị Lan", group.existing.id)]


def test_a_decision_recorded_by_reference_is_found(db, ward, tmp_path):
    from app.services.rounds.external_decisions import ExternalAward, record_external_decision

    with db.session() as s:
        p = Person()
        apply_name(p, "Nguyễn Văn An")
        s.add(p)
        s.flush()
        pid = p.id
    record_external_decision(db, "25/QĐ-UBND", date(2022, 12, 20), "UBND thành phố", "tinh",
                             "Tặng Bằng khen", [ExternalAward(pid, kinds(db)["BK_TP"], 2022)])
    path = save({"2022": per_row_sheet(2022, [
        _row("Nguyễn Văn An", "BK UBND thành phố", "25/QĐ-UBND", "20/12/2022", "Thành phố")])},
        tmp_path / "bk.xlsx")
    result = check(db, path)
    [group] = result.plan.decisions
    assert group.external and group.existing is not None
    assert result.rows[0].action == "skip"


def test_numbers_follow_signing_order_after_the_years_entries(db, ward, tmp_path):
    from app.services.rounds.external_decisions import ExternalAward, record_external_decision

    with db.session() as s:
        p = Person()
        apply_name(p, "Vũ Thị Mai")
        s.add(p)
        s.flush()
        pid = p.id
    record_external_decision(db, "1/QĐ-UBND", date(2022, 12, 30), "UBND thành phố", "tinh",
                             "Tặng Bằng khen", [ExternalAward(pid, kinds(db)["BK_TP"], 2022)])
    path = save({
        "Cuối năm": per_row_sheet(2022, [_row("Nguyễn Văn An", "LĐTT", "151/QĐ-UBND",
                                              "12/12/2022"),
                                         _row("Trần Thị Lan", "LĐTT", "151/QĐ-UBND",
                                              "12/12/2022")]),
        "Giữa năm": per_row_sheet(2022, [_row("Lê Văn Tám", "GK Chủ tịch UBND phường",
                                              "80/QĐ-UBND", "01/06/2022")]),
    }, tmp_path / "so.xlsx")
    result = check(db, path)
    assert any("đã có 1 mục" in n and "2022/0002" in n for n in result.notes)
    commit(db, result)
    with db.read() as s:
        got = s.execute(select(AwardRecord.certificate_no, AwardRecord.printed_name)
                        .order_by(AwardRecord.register_no)).all()
    assert got == [("2022/0001", "Vũ Thị Mai"), ("2022/0002", "Lê Văn Tám"),
                   ("2022/0003", "Nguyễn Văn An"), ("2022/0004", "Trần Thị Lan")]


def test_an_imported_decision_is_read_only(db, ward, tmp_path):
    path = save({"2022": per_row_sheet(2022, [_row("Nguyễn Văn An", "LĐTT", "151/QĐ-UBND",
                                                   "12/12/2022", money=700_000)])},
                tmp_path / "r.xlsx")
    commit(db, check(db, path))
    with pytest.raises(ProtectedRowError), db.session() as s:
        s.execute(update(Decision).values(total_money=1))
    with pytest.raises(ProtectedRowError), db.session() as s:
        s.execute(update(AwardRecord).values(money=1))
    from app.services.rounds.decisions import list_decisions

    assert [d.state_label for d in list_decisions(db)] == ["Nhập từ sổ cũ"]


def test_subjects_are_matched_and_a_choice_is_asked_when_several_fit(db, ward, tmp_path):
    with db.session() as s:
        ids = []
        for year in (1975, 1990):
            p = Person(birth_year=year)
            apply_name(p, "Nguyễn Thị Hoa")
            s.add(p)
            s.flush()
            ids.append(p.id)
        one = Person(workplace_text="Trường TH Bình Hàn")
        apply_name(one, "Nguyễn Văn An")
        s.add(one)
        s.flush()
        an = one.id
    path = save({"2022": per_row_sheet(2022, [
        _row("Nguyễn Thị Hoa", "LĐTT", "151/QĐ-UBND", "12/12/2022"),
        _row("Nguyễn Văn An", "LĐTT", "151/QĐ-UBND", "12/12/2022",
             unit="Giáo viên Trường TH Bình Hàn"),
        _row("Nguyễn Văn An", "LĐTT", "151/QĐ-UBND", "12/12/2022", unit="Trạm Y tế phường"),
    ])}, tmp_path / "ai.xlsx")
    result = check(db, path)
    hoa, an_school, an_clinic = (r.values["_group"] for r in result.rows)
    assert hoa.needs_choice and {c.id for c in hoa.fits} == set(ids)
    assert any("chọn đúng hồ sơ" in p.message for p in result.rows[0].problems)
    assert an_school.record_id == an and an_clinic.is_new  # another unit: another person
    choose_subject(result, hoa, ids[1])
    assert result.ok and result.rows[0].values["_group"].record_id == ids[1]
    done = commit(db, result)
    assert (done.new_subjects, done.matched_subjects) == (1, 2)


def test_higher_levels_awards_are_external_and_never_in_the_wards_fund(db, ward, tmp_path):
    path = save({"2022": per_row_sheet(2022, [
        _row("Nguyễn Văn An", "LĐTT", "151/QĐ-UBND", "12/12/2022", money=700_000),
        _row("Nguyễn Văn An", "Bằng khen Chủ tịch UBND tỉnh", "2345/QĐ-UBND", "28/12/2022",
             "Tỉnh", 2_340_000),
        _row("Nguyễn Văn An", "CSTĐ cấp tỉnh", "2346/QĐ-UBND", "28/12/2022", "", 5_000_000)])},
        tmp_path / "cap.xlsx")
    result = check(db, path)
    own, bk, cstd = result.plan.decisions
    assert (own.external, bk.external, bk.level, cstd.external, cstd.level) == (
        False, True, "tinh", True, "tinh")
    choose_fund(result, 2022, True)
    commit(db, result)
    with db.read() as s:
        lines = s.scalars(select(FundLine)).all()
        assert [(x.amount, x.direction) for x in lines] == [(700_000, "chi")]
        ext = s.scalars(select(AwardRecord).where(AwardRecord.level == "tinh")).all()
        assert {(r.external_decision_ref, r.money) for r in ext} == {
            ("2345/QĐ-UBND", 2_340_000), ("2346/QĐ-UBND", 5_000_000)}
        assert all(r.external_issuer for r in ext)


def test_the_fund_is_left_alone_unless_chosen(db, ward, tmp_path):
    path = save({"2022": per_row_sheet(2022, [
        _row("Nguyễn Văn An", "LĐTT", "151/QĐ-UBND", "12/12/2022", money=700_000)])},
        tmp_path / "q.xlsx")
    commit(db, check(db, path))
    with db.read() as s:
        assert s.scalars(select(FundLine)).all() == []


def test_three_sheets_of_lao_dong_tien_tien_feed_the_guardrails(db, ward, tmp_path):
    """One record with three entries; a CSTĐ thành phố proposal sees three CSTĐCS years."""
    from app.services.awards.register import subject_history
    from app.services.rounds import batches

    sheets = {str(y): per_row_sheet(y, [
        _row("Nguyễn Văn An", "LĐTT", f"{y - 2000}/QĐ-UBND", f"10/12/{y}",
             unit="Trường TH Bình Hàn"),
        _row("Nguyễn Văn An", "CSTĐCS", f"{y - 1990}/QĐ-UBND", f"11/12/{y}",
             unit="Trường TH Bình Hàn")]) for y in (2021, 2022, 2023)}
    commit(db, check(db, save(sheets, tmp_path / "ba.xlsx")))
    with db.read() as s:
        [person] = s.scalars(select(Person).where(Person.name_folded == "nguyen van an")).all()
        ldtt = s.scalars(select(AwardRecord.year).where(
            AwardRecord.subject_id == person.id,
            AwardRecord.award_kind_id == kinds(db)["LDTT"])).all()
    assert sorted(ldtt) == [2021, 2022, 2023]
    history = subject_history(db, person.id)
    assert [e.year for e in history].count(2022) == 2
    assert history[0].source == "Sổ cũ: trang “2021”, dòng 4"
    batch = batches.create_batch(db, "Tổng kết 2024", 2024)
    with db.session() as s:
        other = Person()
        apply_name(other, "Trần Văn Bình")
        s.add(other)
        s.flush()
        other_id = other.id
    mine = batches.add_candidate(db, batch, person.id, kinds(db)["CSTD_TP"])
    theirs = batches.add_candidate(db, batch, other_id, kinds(db)["CSTD_TP"])
    found = batches.check_batch(db, batch)
    assert not [f for f in found[mine] if f.code == "consecutive"]
    assert [f for f in found[theirs] if f.code == "consecutive"]

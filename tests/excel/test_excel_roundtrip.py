"""Templates, export → import round trip, registrations and the command line."""

from datetime import date

from excel_helpers import seed_ward, workbook
from openpyxl import load_workbook
from sqlalchemy import select

from app.cli import main as cli_main
from app.context import open_app_database
from app.excel.importer import commit, preview
from app.excel.kinds import KINDS
from app.excel.templates import export_kind, write_template
from app.services.records.subjects import apply_name
from db.models import AwardKind, Collective, Household, Person, Registration


def _people_and_households(db, ids):
    with db.session() as s:
        rows = [("Nguyễn Văn An", "nam", date(1980, 5, 2), None, "001080000001", ids["school"]),
                ("Trần Thị Bích", "nữ", None, 1975, None, None),
                ("Đỗ Minh Khôi", None, None, None, "036192000111", None)]
        for name, gender, born, year, cccd, work in rows:
            p = Person(gender=gender, birth_date=born, birth_year=year or (born and born.year),
                       cccd=cccd, workplace_id=work, workplace_text=None if work else "Tự do",
                       area_id=ids["Khu dân cư số 1"], position="Cán bộ", phone="0912345678")
            apply_name(p, name)
            s.add(p)
        for i, name in enumerate(["Bùi Văn Cả", "Lê Thị Dậu", "Phan Văn Ếch"]):
            h = Household(area_id=ids["Thôn Đông Giàng"], address=f"Số {i}", members=i + 2)
            apply_name(h, name)
            s.add(h)


def _snapshot(db, model, cols):
    with db.read() as s:
        return sorted(tuple(getattr(o, c) for c in cols) for o in s.scalars(select(model)))


PERSON_COLS = ("name", "gender", "birth_date", "birth_year", "cccd", "position",
               "workplace_text", "phone")
HOUSE_COLS = ("name", "address", "members")


def test_round_trip_export_then_import(db, tmp_path):
    ids = seed_ward(db)
    _people_and_households(db, ids)
    export_kind(db, "person", tmp_path / "người.xlsx")
    export_kind(db, "household", tmp_path / "hộ.xlsx")
    other = open_app_database(tmp_path / "khác.sqlite")
    try:
        seed_ward(other)
        for kind, file in (("person", "người.xlsx"), ("household", "hộ.xlsx")):
            result = preview(other, kind, tmp_path / file)
            assert result.ok, [p.text() for p in result.problems]
            commit(other, result)
        assert _snapshot(other, Person, PERSON_COLS) == _snapshot(db, Person, PERSON_COLS)
        assert _snapshot(other, Household, HOUSE_COLS) == _snapshot(db, Household, HOUSE_COLS)
        with other.read() as s:
            an = s.scalars(select(Person).where(Person.cccd == "001080000001")).one()
            school = s.scalars(select(Collective)).one()
            assert an.workplace_id == school.id
    finally:
        other.dispose()
    # importing the export into the same database finds every row as a duplicate
    again = preview(db, "person", tmp_path / "người.xlsx")
    assert [r.action for r in again.rows] == ["skip"] * 3


def test_template_has_headers_choices_and_guide(tmp_path):
    path = tmp_path / "mẫu.xlsx"
    write_template("registration", path)
    wb = load_workbook(path)
    ws = wb["Danh sách"]
    headers = [c.value for c in ws[3]]
    assert headers[:3] == ["STT", "Năm (*)", "Tên đối tượng (*)"]
    assert len(headers) == len(KINDS["registration"].fields)
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"Đạt,Không đạt"' in formulas
    assert wb["Hướng dẫn"]["A2"].value == "STT"


def test_filled_template_imports(db, tmp_path):
    seed_ward(db)
    path = tmp_path / "mẫu hộ.xlsx"
    write_template("household", path)
    wb = load_workbook(path)
    ws = wb["Danh sách"]
    ws.append([1, "Ngô Văn Tư", "Khu dân cư số 2", "Số 4", 5])
    wb.save(path)
    result = preview(db, "household", path)
    assert result.ok and result.rows[0].values["name"] == "Ngô Văn Tư"
    assert "Hướng dẫn" not in {r.sheet for r in result.rows}


def test_registration_import_resolves_subjects(db, tmp_path):
    ids = seed_ward(db)
    _people_and_households(db, ids)
    path = workbook([
        ["Năm", "Tên đối tượng", "Loại đối tượng", "Ngày sinh", "Khu dân cư", "Danh hiệu",
         "Kết quả"],
        [2025, "Nguyễn Văn An", "Cá nhân", "02/05/1980", None, "Lao động tiên tiến", "Đạt"],
        [2025, "Bùi Văn Cả", None, None, "Thôn Đông Giàng", "Gia đình văn hóa", "không đạt"],
        [2025, "Khu dân cư số 1", None, None, None, "KDCVH", None],
        [2025, "Người Không Có", "Cá nhân", None, None, "Lao động tiên tiến", None],
    ], path=tmp_path / "đk.xlsx")
    result = preview(db, "registration", path)
    assert [p.message for p in result.errors] == [
        "Không tìm thấy cá nhân “Người Không Có” trong Danh mục."]
    result.rows.pop()
    commit(db, result)
    with db.read() as s:
        got = {(r.subject_id, r.outcome) for r in s.scalars(select(Registration))}
        kinds = dict(s.execute(select(AwardKind.code, AwardKind.id)).all())
        regs = s.scalars(select(Registration)).all()
    assert (ids["Khu dân cư số 1"], None) in got
    assert {r.award_kind_id for r in regs} == {kinds["LDTT"], kinds["GDVH"], kinds["KDCVH"]}
    assert {r.outcome for r in regs} == {"dat", "khong_dat", None}


def test_cli_template_import_dry_run_and_errors(db, tmp_path, capsys):
    seed_ward(db)
    db_file = str(db.path)
    tpl = tmp_path / "mẫu.xlsx"
    assert cli_main(["template", "household", "-o", str(tpl)]) == 0
    good = workbook([["Chủ hộ", "Khu dân cư"], ["Vũ Văn Năm", "Khu dân cư số 1"]],
                    path=tmp_path / "tốt.xlsx")
    assert cli_main(["import", "household", str(good), "--db", db_file, "--dry-run"]) == 0
    assert "chưa ghi gì" in capsys.readouterr().out
    bad = workbook([["Chủ hộ", "Khu dân cư"], ["Vũ Văn Sáu", "Khu 99"]], path=tmp_path / "x.xlsx")
    assert cli_main(["import", "household", str(bad), "--db", db_file]) == 1
    err = capsys.readouterr().err
    assert "dòng 2, cột B" in err and "Không nhập dòng nào" in err
    assert cli_main(["import", "household", str(good), "--db", db_file]) == 0
    assert "Đã thêm 1" in capsys.readouterr().out
    with db.read() as s:
        assert s.scalars(select(Household.name)).all() == ["Vũ Văn Năm"]


def test_candidate_import_into_a_batch(db, tmp_path):
    from app.services.rounds import batches

    ids = seed_ward(db)
    _people_and_households(db, ids)
    batch = batches.create_batch(db, "Tổng kết năm 2025", 2025)
    path = workbook([
        ["Họ và tên", "Hình thức khen thưởng", "Thành tích", "Đơn vị đề nghị"],
        ["Trần Thị Bích", "Giấy khen của Chủ tịch Ủy ban nhân dân", "Hoàn thành xuất sắc",
         "Trường Tiểu học Bình Hàn"],
        ["Nguyễn Văn An", "Lao động tiên tiến", None, None],
    ], path=tmp_path / "ứng viên.xlsx")
    result = preview(db, "candidate", path, {"batch_id": batch})
    # Giấy khen fits several subject types: the row must say which
    assert [p.message for p in result.errors] == [
        "Cần ghi loại đối tượng (danh hiệu này dùng cho nhiều loại đối tượng)."]
    result.rows.pop(0)
    commit(db, result)
    got = batches.list_candidates(db, batch)
    assert [(c.subject_name, c.status) for c in got] == [("Nguyễn Văn An", "proposed")]


def test_areas_import_first_then_households(db, tmp_path):
    """A new user brings the areas in (with their former units), then the households."""
    from db.models import FormerUnit, ResidentialArea

    path = workbook([
        ["DANH SÁCH THÔN, KHU DÂN CƯ"],
        ["TT", "Thôn, khu dân cư", "Thuộc phường, xã cũ", "Trưởng thôn", "Số hộ"],
        [1, "Khu dân cư số 1", "Bình Hàn", "Nguyễn Văn Trưởng", 250],
        [2, "Thôn Đông Giàng", "Cẩm Thượng", "Lê Thị Khu", 310],
        [3, "Tổ dân phố 5", "Cẩm Thượng", None, None],
    ], path=tmp_path / "khu.xlsx")
    result = preview(db, "area", path)
    assert result.ok
    assert [p.message for p in result.problems] == [
        "Địa bàn cũ “Bình Hàn” chưa có: sẽ được thêm (phường).",
        "Địa bàn cũ “Cẩm Thượng” chưa có: sẽ được thêm (phường)."]
    assert commit(db, result).created == 3
    with db.read() as s:
        units = dict(s.execute(select(FormerUnit.name, FormerUnit.id)).all())
        areas = {a.name: (a.former_unit_id, a.households_total, a.leader_name)
                 for a in s.scalars(select(ResidentialArea))}
    assert areas["Thôn Đông Giàng"] == (units["Cẩm Thượng"], 310, "Lê Thị Khu")
    assert areas["Tổ dân phố 5"][0] == units["Cẩm Thượng"]
    export_kind(db, "area", tmp_path / "xuất.xlsx")
    again = preview(db, "area", tmp_path / "xuất.xlsx")
    assert [r.duplicate_text for r in again.rows] == ["Đã có khu dân cư này"] * 3
    homes = workbook([["Chủ hộ", "Khu dân cư"], ["Vũ Văn Hộ", "KDC số 1"]], path=tmp_path / "h.xlsx")
    assert commit(db, preview(db, "household", homes)).created == 1


def test_registration_list_with_year_and_title_only_in_the_heading(db, tmp_path):
    """"DANH SÁCH HỘ ĐĂNG KÝ … GIA ĐÌNH VĂN HÓA NĂM 2025": no Năm, no Danh hiệu column."""
    ids = seed_ward(db)
    _people_and_households(db, ids)
    path = workbook([
        ["DANH SÁCH HỘ GIA ĐÌNH ĐĂNG KÝ XÂY DỰNG GIA ĐÌNH VĂN HÓA NĂM 2025"],
        ["Thôn Đông Giàng"],
        ["STT", "Họ và tên chủ hộ", "Khu dân cư", "Kết quả bình xét"],
        [1, "Bùi Văn Cả", "Thôn Đông Giàng", "Đạt"],
        [2, "Lê Thị Dậu", "Thôn Đông Giàng", "Không đạt"],
    ], merges=["A1:D1"], path=tmp_path / "gđvh.xlsx")
    result = preview(db, "registration", path)
    assert result.ok, [p.text() for p in result.problems]
    assert "dùng “2025” cho mọi dòng" in " ".join(result.notes)
    assert "dùng “Gia đình văn hóa” cho mọi dòng" in " ".join(result.notes)
    commit(db, result)
    with db.read() as s:
        regs = s.scalars(select(Registration)).all()
        gdvh = s.scalar(select(AwardKind.id).where(AwardKind.code == "GDVH"))
    assert {(r.year, r.award_kind_id, r.outcome) for r in regs} == {
        (2025, gdvh, "dat"), (2025, gdvh, "khong_dat")}
    # without any year the rows say what is missing
    bare = workbook([["Chủ hộ", "Khu dân cư", "Danh hiệu"],
                     ["Bùi Văn Cả", "Thôn Đông Giàng", "Gia đình văn hóa"]], path=tmp_path / "b.xlsx")
    assert [p.message for p in preview(db, "registration", bare).errors] == ["Thiếu năm."]
    chosen = preview(db, "registration", bare, {"year": 2024})
    assert chosen.ok and chosen.rows[0].values["year"] == 2024


def test_namesakes_told_apart_by_workplace_and_registrations_round_trip(db, tmp_path):
    ids = seed_ward(db)
    with db.session() as s:
        other = Collective(kind="cơ quan")
        apply_name(other, "Công an phường")
        s.add(other)
        s.flush()
        for work in (ids["school"], other.id):
            p = Person(workplace_id=work)
            apply_name(p, "Nguyễn Văn Hùng")
            s.add(p)
    path = workbook([["Năm", "Họ và tên", "Đơn vị", "Danh hiệu"],
                     [2025, "Nguyễn Văn Hùng", "Công an phường", "Lao động tiên tiến"],
                     [2025, "Nguyễn Văn Hùng", None, "Lao động tiên tiến"]],
                    path=tmp_path / "ldtt.xlsx")
    result = preview(db, "registration", path)
    assert [p.message for p in result.errors] == [
        ("Có 2 cá nhân tên “Nguyễn Văn Hùng”: thêm CCCD, ngày sinh, đơn vị công tác hoặc khu dân "
        "cư để phân biệt.")]
    result.rows.pop()
    commit(db, result)
    export_kind(db, "registration", tmp_path / "xuất.xlsx")
    again = preview(db, "registration", tmp_path / "xuất.xlsx")
    assert again.ok and [r.duplicate_text for r in again.rows] == [
        "Đã đăng ký danh hiệu này trong năm"]
    assert again.rows[0].values["workplace"] == "Công an phường"

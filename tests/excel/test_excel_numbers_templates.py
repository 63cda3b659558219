"""Issue 10 points 2 and 3: numbers are whole or an error, counts and texts within bounds;
every template the app writes imports back once filled in."""

from datetime import date

import pytest
from excel_helpers import seed_ward, workbook
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.excel.export import HEADER_ROW
from app.excel.importer import commit, preview
from app.excel.kinds import KINDS
from app.excel.templates import write_template
from db.models import Candidate, Collective, Household, Person, Registration, ResidentialArea


@pytest.fixture
def ward(db):
    return seed_ward(db)


def _messages(result):
    return [p.text() for p in result.errors]


@pytest.mark.parametrize("members,shown", [(2.7, "“2,7”"), ("1,5", "“1,5”"), ("2.5", "“2.5”")])
def test_fraction_in_an_integer_column_is_an_error(db, ward, tmp_path, members, shown):
    path = workbook([["Chủ hộ", "Khu dân cư", "Số nhân khẩu"],
                     ["Hà Văn Một", "Khu dân cư số 1", members]], sheet="Hộ", path=tmp_path / "h.xlsx")
    result = preview(db, "household", path)
    assert _messages(result) == [
        f"Trang “Hộ”, dòng 2, cột C — Lỗi: Số nhân khẩu: {shown} không phải số nguyên."]


def test_whole_numbers_in_their_usual_spellings(db, ward, tmp_path):
    path = workbook([["Tên khu dân cư", "Số hộ"], ["Khu dân cư số 7", "1.250"],
                     ["Khu dân cư số 8", 310.0], ["Khu dân cư số 9", " 42 "]], path=tmp_path / "k.xlsx")
    result = preview(db, "area", path)
    assert not result.errors
    assert [r.values["households_total"] for r in result.rows] == [1250, 310, 42]


def test_counts_have_sane_bounds(db, ward, tmp_path):
    path = workbook([["Tên khu dân cư", "Số hộ"], ["Khu dân cư số 7", 10**15],
                     ["Khu dân cư số 8", -4]], sheet="Khu", path=tmp_path / "k.xlsx")
    result = preview(db, "area", path)
    assert [(p.row, p.column) for p in result.errors] == [(2, "B"), (3, "B")]
    assert "không hợp lý" in result.errors[0].message
    households = workbook([["Chủ hộ", "Khu dân cư", "Số nhân khẩu"],
                           ["Hà Văn Một", "Khu dân cư số 1", 250]], path=tmp_path / "h.xlsx")
    assert "từ 1 đến 99" in preview(db, "household", households).errors[0].message


def test_text_longer_than_its_column_is_an_error(db, ward, tmp_path):
    long_name = "Nguyễn " * 50  # 350 characters; Subject.name is String(300)
    path = workbook([["Họ và tên", "Chức vụ", "Điện thoại"],
                     [long_name.strip(), "Chủ tịch " * 30, "0912345678"]], sheet="CB",
                    path=tmp_path / "p.xlsx")
    result = preview(db, "person", path)
    assert [(p.column, p.message.split(":")[0]) for p in result.errors] == [
        ("A", "Họ và tên dài 349 ký tự, quá 300 ký tự cho phép"),
        ("B", "Chức vụ dài 269 ký tự, quá 200 ký tự cho phép")]


def test_future_birth_year_is_an_error(db, ward, tmp_path):
    path = workbook([["Họ và tên", "Năm sinh"], ["Lò Văn Tới", date.today().year + 3]],
                    path=tmp_path / "p.xlsx")
    assert "chưa tới" in preview(db, "person", path).errors[0].message


# --------------------------------------------------------------------------- templates

def _fill(path, rows):
    wb = load_workbook(path)
    ws = wb["Danh sách"]
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c, value)
    wb.save(path)


def _template(tmp_path, kind, rows):
    path = tmp_path / f"mẫu {kind}.xlsx"
    write_template(kind, path)
    _fill(path, rows)
    return path


FILLED = {  # each template's columns, in order (see app.excel.kinds)
    "area": [["I", "PHƯỜNG CŨ BÌNH HÀN"],
             [1, "Khu dân cư số 9", "Tổ dân phố", "Bình Hàn", "phường", "Phạm Văn Trưởng", 250,
              None],
             ["II", "PHƯỜNG CŨ CẨM THƯỢNG"],
             [2, "Thôn Hà Tây", "Thôn", "Cẩm Thượng", None, None, 180, "Mới lập"]],
    "person": [["A", "CÁN BỘ, CÔNG CHỨC"],
               [1, "Nguyễn Văn An", "Nam", "02/05/1980", "001080000001", "Công chức",
                "Trường Tiểu học Bình Hàn", "Khu dân cư số 1", "0912345678", "Số 1", None],
               ["B", "NGƯỜI LAO ĐỘNG"],
               [2, "Trần Thị Bích", "Nữ", 1975, None, None, None, "Khu dân cư số 2", None, None,
                None]],
    "collective": [[1, "Chi hội Phụ nữ khu 1", "Chi hội", "Xã hội", None, "Khu dân cư số 1",
                    "Nhà văn hóa khu 1", None, None]],
    "household": [["I", "KHU DÂN CƯ SỐ 2"],
                  [1, "Ngô Văn Tư", "Khu dân cư số 2", "Số 4", 1965, "001065000123", 5, None,
                   None]],
    "registration": [[1, 2025, "Ngô Văn Tư", "Hộ gia đình", None, None, "Khu dân cư số 2", None,
                      "Gia đình văn hóa", None, None, None],
                     [2, 2025, "Nguyễn Văn An", "Cá nhân", "001080000001", None, None, None,
                      "Lao động tiên tiến", None, "Đạt", None]],
    "candidate": [[1, "Nguyễn Văn An", "Cá nhân", "001080000001", None, None, None,
                   "Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ", "Trường Tiểu học Bình Hàn",
                   None]],
}
MODELS = {"area": ResidentialArea, "person": Person, "collective": Collective,
          "household": Household, "registration": Registration, "candidate": Candidate}


def test_every_template_imports_back_filled_in(db, ward, tmp_path):
    """In the order a new user works: areas, people, collectives, households, then the
    registrations and candidates that name them."""
    from app.services.rounds import batches

    context = {"candidate": {"batch_id": batches.create_batch(db, "Tổng kết 2025", 2025)}}
    for kind in ("area", "person", "collective", "household", "registration", "candidate"):
        rows = FILLED[kind]
        assert len(max(rows, key=len)) == len(KINDS[kind].fields), kind
        with db.read() as s:
            before = s.scalar(select(func.count()).select_from(MODELS[kind]))
        result = preview(db, kind, _template(tmp_path, kind, rows), context.get(kind))
        assert result.ok, (kind, _messages(result), result.notes)
        assert "Hướng dẫn" not in {r.sheet for r in result.rows}
        assert any("hướng dẫn" in n for n in result.notes)
        data = [r for r in rows if isinstance(r[0], int)]
        assert commit(db, result).created == len(data), kind
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(MODELS[kind])) == before + len(data)


def test_section_rows_in_the_stt_column_are_headings(db, ward, tmp_path):
    result = preview(db, "area", _template(tmp_path, "area", FILLED["area"]))
    assert {(row, why) for _, row, why in result.skipped} == {(4, "Dòng tiêu đề nhóm"),
                                                              (6, "Dòng tiêu đề nhóm")}
    person = preview(db, "person", _template(tmp_path, "person", FILLED["person"]))
    assert person.ok and [r.values["name"] for r in person.rows] == ["Nguyễn Văn An",
                                                                     "Trần Thị Bích"]
    # The heading is not an area: persons get no area from "CÁN BỘ, CÔNG CHỨC" (nor a warning).
    assert not person.problems
    household = preview(db, "household", _template(tmp_path, "household", FILLED["household"]))
    assert household.rows[0].values["area_id"] == ward["Khu dân cư số 2"]


@pytest.mark.parametrize("kind", ["area", "person", "collective", "household", "registration"])
def test_empty_template_says_there_is_no_data(db, ward, tmp_path, kind):
    path = tmp_path / "trống.xlsx"
    write_template(kind, path)
    result = preview(db, kind, path)
    assert not result.rows and not result.ok
    assert any("không có dòng dữ liệu" in n for n in result.notes), result.notes

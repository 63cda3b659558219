"""Issue 10 points 4 and 5: rows repeated inside one file are paired (keep the first / keep
both), namesakes are never merged or skipped without a choice, households keep their head's
birth year and CCCD, and columns nobody reads are named."""

import pytest
from excel_helpers import seed_ward, workbook
from sqlalchemy import select

from app.errors import ValidationError
from app.excel.importer import commit, preview, set_pair_choice
from app.services.records import records
from db.models import Household, Person


@pytest.fixture
def ward(db):
    return seed_ward(db)


def _households(db):
    with db.read() as s:
        return sorted((h.name, h.head_birth_year, h.head_cccd, h.address)
                      for h in s.scalars(select(Household)))


HEAD = ["STT", "Họ và tên chủ hộ", "Khu dân cư", "Địa chỉ", "Năm sinh", "Số CCCD"]


def test_same_household_twice_in_a_file_is_written_once(db, ward, tmp_path):
    path = workbook([["Chủ hộ", "Khu dân cư", "Địa chỉ"],
                     ["Lê Văn Tám", "Khu dân cư số 1", "Số 8, ngõ 2"],
                     ["Bùi Thị Chín", "Khu dân cư số 1", None],
                     ["LÊ VĂN TÁM", "KDC số 1", "số 8 ngõ 2"]], path=tmp_path / "h.xlsx")
    result = preview(db, "household", path)
    assert [r.action for r in result.rows] == ["create", "create", "skip"]
    [pair] = result.pairs
    assert (pair.first.row, pair.second.row, pair.kind, pair.keep_both) == (2, 4, "duplicate",
                                                                            False)
    assert commit(db, result).created == 2
    assert [h[0] for h in _households(db)] == ["Bùi Thị Chín", "Lê Văn Tám"]


def test_keep_both_of_a_pair(db, ward, tmp_path):
    path = workbook([["Chủ hộ", "Khu dân cư"], ["Lê Văn Tám", "Khu dân cư số 1"],
                     ["Lê Văn Tám", "Khu dân cư số 1"]], path=tmp_path / "h.xlsx")
    result = preview(db, "household", path)
    set_pair_choice(result.pairs[0], True)
    assert [r.action for r in result.rows] == ["create", "create"]
    assert commit(db, result).created == 2


def test_household_namesakes_are_kept_both_and_shown(db, ward, tmp_path):
    path = workbook([HEAD,
                     [1, "Nguyễn Văn An", "Khu dân cư số 1", "Số 1", 1965, "001065000001"],
                     [2, "Nguyễn Văn An", "Khu dân cư số 1", "Số 1", 1972, None],
                     [3, "Nguyễn Văn An", "Khu dân cư số 1", "Số 9", None, None],
                     [4, "Nguyễn Văn An", "Khu dân cư số 1", None, None, "001065000002"],
                     [5, "Nguyễn Văn An", "Khu dân cư số 2", "Số 1", 1965, None]],
                    path=tmp_path / "h.xlsx")
    result = preview(db, "household", path)
    assert [r.action for r in result.rows] == ["create"] * 5
    assert [(p.second.row, p.kind) for p in result.pairs] == [
        (3, "namesake"), (4, "namesake"), (5, "possible")]
    assert result.pairs[0].reason == "Cùng tên nhưng khác năm sinh: 1965 / 1972 (dòng 2)"
    assert "khác địa chỉ" in result.pairs[1].reason
    # row 5 differs from row 2 (CCCD) and is like both 3 and 4: which one would be a guess
    assert "giống nhiều dòng khác nhau: dòng 3, 4" in result.pairs[2].reason
    # and the user may still keep only the first of a namesake pair
    set_pair_choice(result.pairs[0], False)
    assert result.rows[1].action == "skip"
    assert commit(db, result).created == 4


def test_household_namesake_already_on_file_is_not_skipped(db, ward, tmp_path):
    records.save_household(db, records.HouseholdData("Nguyễn Văn An", ward["Khu dân cư số 1"],
                                                     head_birth_year=1965))
    path = workbook([HEAD, [1, "Nguyễn Văn An", "Khu dân cư số 1", None, 1972, None],
                     [2, "Nguyễn Văn An", "Khu dân cư số 1", None, 1965, None]],
                    path=tmp_path / "h.xlsx")
    result = preview(db, "household", path)
    assert [(r.action, r.duplicate_kind) for r in result.rows] == [("create", "namesake"),
                                                                  ("skip", "")]
    assert "khác năm sinh: 1965 / 1972" in result.rows[0].duplicate_text


def test_persons_repeated_in_a_file(db, ward, tmp_path):
    path = workbook([["Họ và tên", "Ngày sinh", "CCCD"],
                     ["Đỗ Văn Hải", "02/05/1980", None],
                     ["Đỗ Thị Hoa", None, "001180000009"],
                     ["ĐỖ VĂN HẢI", "02/05/1980", None],  # same name and birth date
                     ["Đỗ Thị Hoa", "1981", "001180000009"],  # same name and CCCD
                     ["Đỗ Văn Hải", "1979", None],  # namesake: another birth year
                     ["Đỗ Thị Hoa", None, None]],  # nothing to compare
                    path=tmp_path / "p.xlsx")
    result = preview(db, "person", path)
    assert not result.errors
    got = [(p.first.row, p.second.row, p.kind, p.keep_both) for p in result.pairs]
    assert got == [(2, 4, "duplicate", False), (3, 5, "duplicate", False),
                   (2, 6, "namesake", True), (3, 7, "possible", True)]
    assert [r.action for r in result.rows] == ["create", "create", "skip", "skip", "create",
                                               "create"]
    with pytest.raises(ValidationError, match="cùng số CCCD"):
        set_pair_choice(result.pairs[1], True)
    assert commit(db, result).created == 4
    with db.read() as s:
        assert s.scalar(select(Person.birth_year).where(Person.cccd == "001180000009")) is None


def test_same_cccd_under_another_name_is_still_an_error(db, ward, tmp_path):
    path = workbook([["Chủ hộ", "Khu dân cư", "CCCD"], ["A Một", "Khu dân cư số 1", "001080000001"],
                     ["B Hai", "Khu dân cư số 1", "001080000001"]], path=tmp_path / "h.xlsx")
    assert [p.message for p in preview(db, "household", path).errors] == [
        "Số CCCD chủ hộ 001080000001 trùng với dòng 2."]


# --------------------------------------------------------------------------- point 5

def test_household_head_birth_year_and_cccd_are_kept(db, ward, tmp_path):
    path = workbook([HEAD + ["Dân tộc", None],
                     [1, "Vi Văn Sáng", "Khu dân cư số 1", "Số 3", 1958, 1058000123, "Tày", "x"],
                     [2, "Lục Thị Hoa", "Khu dân cư số 2", None, "12/03/1962", "001162000456",
                      "Nùng", None]], sheet="Hộ", path=tmp_path / "h.xlsx")
    result = preview(db, "household", path)
    assert result.ok, [p.text() for p in result.problems]
    warnings = [p.text() for p in result.problems]
    assert any("dòng 2, cột F" in w and "số 0 ở đầu" in w for w in warnings)
    assert any("dòng 3, cột E" in w and "Chỉ lưu năm sinh 1962" in w for w in warnings)
    assert result.unused_lines() == [
        "Trang “Hộ”: cột G ‘Dân tộc’ không dùng.",
        "Trang “Hộ”: cột H (không có tiêu đề) có dữ liệu nhưng không dùng."]
    assert "2 cột không dùng" in result.summary()
    commit(db, result)
    assert _households(db) == [("Lục Thị Hoa", 1962, "001162000456", None),
                               ("Vi Văn Sáng", 1958, "001058000123", "Số 3")]


def test_eleven_digit_text_cccd_is_an_error(db, ward, tmp_path):
    path = workbook([HEAD, [1, "Vi Văn Sáng", "Khu dân cư số 1", None, None, "00105800012"]],
                    sheet="Hộ", path=tmp_path / "h.xlsx")
    assert [p.text() for p in preview(db, "household", path).errors] == [
        ("Trang “Hộ”, dòng 2, cột F — Lỗi: Số CCCD chủ hộ: Số CCCD phải có đúng 12 chữ số "
         "(đang có 11).")]


def test_household_service_validates_head_like_a_person(db, ward):
    area = ward["Khu dân cư số 1"]
    with pytest.raises(ValidationError, match="12 chữ số") as err:
        records.save_household(db, records.HouseholdData("Vi Văn Sáng", area,
                                                         head_cccd="00105800012"))
    assert err.value.field == "head_cccd"
    with pytest.raises(ValidationError, match="Năm sinh chủ hộ"):
        records.save_household(db, records.HouseholdData("Vi Văn Sáng", area,
                                                         head_birth_year=2999))
    first = records.save_household(db, records.HouseholdData(
        "Vi Văn Sáng", area, head_birth_year=1958, head_cccd="001058000123"))
    assert records.get_household(db, first).head_cccd == "001058000123"
    with pytest.raises(ValidationError, match="đã là CCCD chủ hộ của hộ Vi Văn Sáng"):
        records.save_household(db, records.HouseholdData("Người Khác", area,
                                                         head_cccd="001058000123"))


def test_registration_tells_namesake_households_apart_by_head(db, ward, tmp_path):
    area = ward["Khu dân cư số 1"]
    older = records.save_household(db, records.HouseholdData("Nguyễn Văn An", area,
                                                             head_birth_year=1950))
    records.save_household(db, records.HouseholdData("Nguyễn Văn An", area, head_birth_year=1985))
    path = workbook([["Năm", "Tên đối tượng", "Loại đối tượng", "Năm sinh", "Khu dân cư",
                      "Danh hiệu"],
                     [2025, "Nguyễn Văn An", "Hộ gia đình", 1950, "Khu dân cư số 1",
                      "Gia đình văn hóa"]], path=tmp_path / "đk.xlsx")
    result = preview(db, "registration", path)
    assert result.ok, [p.text() for p in result.problems]
    assert result.rows[0].values["subject_id"] == older


def test_cli_lists_pairs_and_unused_columns_and_keeps_both_on_request(db, ward, tmp_path,
                                                                      capsys):
    from app.cli import main as cli_main

    path = workbook([["Chủ hộ", "Khu dân cư", "Dân tộc"], ["Lê Văn Tám", "Khu dân cư số 1", "Kinh"],
                     ["Lê Văn Tám", "Khu dân cư số 1", "Kinh"]], sheet="Hộ", path=tmp_path / "h.xlsx")
    args = ["import", "household", str(path), "--db", str(db.path)]
    assert cli_main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Trang “Hộ”: cột C ‘Dân tộc’ không dùng." in out
    assert ("Trang “Hộ”, dòng 3: Trùng tên, không có gì khác nhau (dòng 2) — giữ dòng đầu "
            "(giữ cả hai: --keep-both 3).") in out
    assert "1 thêm mới; 0 cập nhật; 1 bỏ qua" in out
    assert cli_main([*args, "--keep-both", "3"]) == 0
    assert "Đã thêm 2" in capsys.readouterr().out

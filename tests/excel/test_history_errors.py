"""Issue 16 point 3: the errors of an old register — a number seen with two dates, a row with no
decision on it or above it, an award no spelling matches — name sheet, row and column; a dry
run names every error row and writes nothing; nothing is written while any error stands."""

import pytest
from excel_helpers import seed_ward
from history_helpers import check, kinds, per_row_sheet, save
from sqlalchemy import func, select

from app.cli import main as cli_main
from app.errors import ValidationError
from app.excel.history_choices import choose_award, save_award
from app.excel.importer import commit
from db.models import AwardRecord, AwardSpelling, Decision, Subject


@pytest.fixture
def ward(db):
    return seed_ward(db)


def _bad_file(tmp_path):
    head = ["STT", "Họ và tên", "Danh hiệu", "Số quyết định", "Ngày quyết định", "Số tiền"]
    return save({
        "2022": [["SỔ KHEN THƯỞNG NĂM 2022"], head,
                 [1, "Nguyễn Văn An", "LĐTT", "151/QĐ-UBND", "12/12/2022", 700000],
                 [2, "Trần Thị Lan", "LĐTT", "151/QĐ-UBND", "15/12/2022", 700000],  # two dates
                 [3, "Lê Văn Tám", "LĐTT", None, None, 700000],  # no decision, none above
                 [4, "Phạm Thị Hoa", "Lao đông tiên tến", "151/QĐ-UBND", "12/12/2022", 0]],
        "2023": [head, [1, "Đỗ Văn Nam", "LĐTT", "9/QĐ-UBND", "31/02/2023", "7,5"]],
    }, tmp_path / "loi.xlsx")


def test_each_error_names_sheet_row_and_column(db, ward, tmp_path):
    result = check(db, _bad_file(tmp_path))
    errors = {(p.sheet, p.row, p.column): p.message for p in result.errors}
    assert "một số quyết định chỉ có một ngày ký" in errors[("2022", 4, "E")]
    assert "12/12/2022" in errors[("2022", 4, "E")] and "dòng 3" in errors[("2022", 4, "E")]
    assert errors[("2022", 5, "D")].startswith("Dòng này không có quyết định")
    assert "Lao đông tiên tến" in errors[("2022", 6, "C")]
    assert "không có thật" in errors[("2023", 2, "E")]
    assert "Số tiền “7,5”" in errors[("2023", 2, "F")]
    assert not result.ok
    with pytest.raises(ValidationError, match="chưa nhập dòng nào"):
        commit(db, result)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Decision)) == 0


def test_dry_run_names_every_error_row_and_writes_nothing(db, ward, tmp_path, capsys):
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(Subject))
    code = cli_main(["import", "award-history", str(_bad_file(tmp_path)), "--db", str(db.path),
                     "--dry-run"])
    assert code == 1
    err = capsys.readouterr().err
    for where in ("Trang “2022”, dòng 4, cột E", "Trang “2022”, dòng 5, cột D",
                  "Trang “2022”, dòng 6, cột C", "Trang “2023”, dòng 2, cột E",
                  "Trang “2023”, dòng 2, cột F"):
        assert where in err
    assert "--spelling \"Lao đông tiên tến=MÃ\"" in err
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Subject)) == before
        assert s.scalar(select(func.count()).select_from(Decision)) == 0
        assert s.scalar(select(func.count()).select_from(AwardRecord)) == 0


def test_a_section_row_covers_the_rows_below_it_only(db, ward, tmp_path):
    head = ["STT", "Họ và tên", "Danh hiệu"]
    path = save({"2022": [head, [1, "Lê Văn Tám", "LĐTT"],
                          ["Quyết định số 5/QĐ-UBND ngày 01/12/2022 về việc tặng LĐTT"],
                          [1, "Nguyễn Văn An", "LĐTT"]]}, tmp_path / "tren.xlsx")
    result = check(db, path)
    assert [(p.row, p.column) for p in result.errors] == [(2, "")]
    assert result.rows[1].values["decision_no"] == "5/QĐ-UBND"


def test_an_award_spelling_added_in_the_preview_is_kept(db, ward, tmp_path):
    path = save({"2022": per_row_sheet(2022, [
        [1, "Nguyễn Văn An", None, "GK CT phường", "9/QĐ-UBND", "01/12/2022", "Phường", 0,
         None]])}, tmp_path / "gk.xlsx")
    result = check(db, path)
    [gap] = result.plan.unmatched
    assert (gap.text, gap.rows, gap.first) == ("GK CT phường", 1, ("2022", 4, "D"))
    # for this import only (the command line): saved with the import, not before
    choose_award(result, "GK CT phường", kinds(db)["GK_CT"])
    assert result.ok and not result.plan.unmatched
    with db.read() as s:
        assert s.scalar(select(AwardSpelling).where(AwardSpelling.spelling == "GK CT phường")) \
            is None
    commit(db, result)
    with db.read() as s:
        saved = s.scalar(select(AwardSpelling).where(AwardSpelling.spelling == "GK CT phường"))
        assert saved.award_kind_id == kinds(db)["GK_CT"] and saved.origin == "user"
    # the next file with that spelling reads it at once
    again = check(db, save({"2023": per_row_sheet(2023, [
        [1, "Trần Thị Lan", None, "gk ct Phường", "3/QĐ-UBND", "01/12/2023", "Phường", 0, None]])},
        tmp_path / "gk2.xlsx"))
    assert again.ok


def test_the_screen_saves_a_spelling_at_once(db, ward, tmp_path):
    path = save({"2022": per_row_sheet(2022, [
        [1, "Nguyễn Văn An", None, "Danh hiệu LĐ TT", "9/QĐ-UBND", "01/12/2022", "Phường", 0,
         None]])}, tmp_path / "s.xlsx")
    result = check(db, path)
    assert not result.ok
    save_award(db, result, "Danh hiệu LĐ TT", kinds(db)["LDTT"])
    assert result.ok
    with db.read() as s:
        assert s.scalar(select(AwardSpelling.key).where(AwardSpelling.spelling
                                                         == "Danh hiệu LĐ TT")) == "ld tt"
    with pytest.raises(ValidationError, match="đã được hiểu là"):
        save_award(db, result, "LĐTT", kinds(db)["CSTDCS"])


def test_seeded_spellings_are_data(db):
    from app.services.awards.award_spellings import list_spellings, spelling_key

    table = {spelling_key(x.spelling): x.award_name for x in list_spellings(db)}
    assert table[spelling_key("CSTĐCS")] == "Chiến sĩ thi đua cơ sở"
    assert table[spelling_key("Tập thể LĐTT")] == "Tập thể lao động tiên tiến"
    assert table[spelling_key("GK Chủ tịch UBND phường")].startswith("Giấy khen")
    assert spelling_key("Giấy khen của Chủ tịch Ủy ban nhân dân phường") == \
        spelling_key("GK Chủ tịch UBND phường").replace("gk", "giay khen")

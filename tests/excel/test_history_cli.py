"""``tdkt template award-history`` and ``tdkt import award-history`` with the old register's
answers on the command line: spellings, subjects, decisions already on file, the fund."""

from excel_helpers import seed_ward
from history_helpers import per_row_sheet, save
from sqlalchemy import select

from app.cli import main as cli_main
from app.services.records.subjects import apply_name
from db.models import AwardRecord, AwardSpelling, Decision, FundLine, Person


def _run(db, *args) -> int:
    return cli_main(["import", "award-history", *map(str, args), "--db", str(db.path)])


def test_template_and_import_with_answers(db, tmp_path, capsys):
    seed_ward(db)
    assert cli_main(["template", "award-history", "-o", str(tmp_path / "mẫu.xlsx")]) == 0
    with db.session() as s:
        ids = []
        for year in (1975, 1990):
            p = Person(birth_year=year)
            apply_name(p, "Nguyễn Thị Hoa")
            s.add(p)
            s.flush()
            ids.append(p.id)
    path = save({"2021": per_row_sheet(2021, [
        [1, "Nguyễn Thị Hoa", None, "LĐTT", "151/QĐ-UBND", "12/12/2021", "Phường", 700000, None],
        [2, "Lê Văn Tám", None, "GK CT phường", "151/QĐ-UBND", "12/12/2021", "Phường", 300000,
         None]])}, tmp_path / "sổ.xlsx")
    assert _run(db, path, "--dry-run") == 1
    err = capsys.readouterr().err
    assert "--subject \"2021!4=MÃ\"" in err and "--spelling \"GK CT phường=MÃ\"" in err

    answers = [path, "--subject", f"2021!4={ids[0]}", "--spelling", "GK CT phường=GK_CT",
               "--post-fund", "2021"]
    assert _run(db, *answers, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Năm 2021: 1 quyết định mới, 2 mục vào sổ, 1.000.000 đồng, 1 hồ sơ mới, 1 hồ sơ đã " \
           "có." in out
    with db.read() as s:  # a dry run saves no spelling either
        assert s.scalar(select(AwardSpelling).where(AwardSpelling.spelling == "GK CT phường")) \
            is None
    assert _run(db, *answers) == 0
    assert "Đã ghi 1 quyết định nhập từ sổ cũ, 2 mục" in capsys.readouterr().out
    with db.read() as s:
        assert s.scalar(select(AwardRecord.subject_id).where(
            AwardRecord.printed_name == "Nguyễn Thị Hoa")) == ids[0]
        assert [x.amount for x in s.scalars(select(FundLine))] == [1_000_000]
        assert s.scalar(select(AwardSpelling).where(AwardSpelling.spelling == "GK CT phường"))

    # The same file again: the decision is on file; --attach adds only what it lacks.
    fuller = save({"2021": per_row_sheet(2021, [
        [1, "Nguyễn Thị Hoa", None, "LĐTT", "151/QĐ-UBND", "12/12/2021", "Phường", 700000, None],
        [2, "Trần Văn Bình", None, "LĐTT", "151/QĐ-UBND", "12/12/2021", "Phường", 700000,
         None]])}, tmp_path / "đủ.xlsx")
    assert _run(db, fuller, "--subject", f"2021!4={ids[0]}", "--dry-run") == 0
    assert "(gắn vào: --attach \"151/QĐ-UBND\")" in capsys.readouterr().out
    assert _run(db, fuller, "--subject", f"2021!4={ids[0]}", "--attach", "151/QĐ-UBND") == 0
    with db.read() as s:
        assert len(s.scalars(select(Decision)).all()) == 1
        assert s.scalars(select(AwardRecord.certificate_no).order_by(AwardRecord.id)).all() == [
            "2021/0001", "2021/0002", "2021/0003"]

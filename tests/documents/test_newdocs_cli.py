"""tdkt documents --batch / --decision and the commands of the other documents; tdkt --help
says how to get each one."""

from __future__ import annotations

import pytest
from round_world import build_round

from app.cli import build_parser, main
from app.documents import registry


@pytest.fixture
def w(db):
    return build_round(db)


def test_help_lists_how_to_get_every_document():
    text = " ".join(build_parser().format_help().split())
    for d in registry.DOCUMENTS:
        title = " ".join((d.title[0].lower() + d.title[1:]).split())
        assert title in text, d.title
        assert " ".join(d.cli.split()) in text
    for command in ("fund-report", "council-decision", "movement-plan"):
        assert f"tdkt {command}" in text


def test_batch_documents(db, w, tmp_path, capsys):
    out = tmp_path / "đợt xét"
    assert main(["documents", "--batch", str(w.batch), "-o", str(out), "--db", str(db.path)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([
        f"Thong-bao-lay-y-kien-dot-{w.batch}.pdf", f"Trich-ngang-dot-{w.batch}.pdf",
        f"Danh-muc-ho-so-dot-{w.batch}.pdf",
        f"Bao-cao-thanh-tich-nguyen-thi-anh-{w.cstd}.pdf",
        f"Bao-cao-thanh-tich-dang-van-bao-{w.up_person}.pdf",
        f"Bao-cao-thanh-tich-truong-tieu-hoc-binh-han-{w.up_school}.pdf"])
    capsys.readouterr()
    by_name = tmp_path / "khu dân cư"
    assert main(["documents", "--batch", "bình xét gia đình văn hóa năm 2025", "--format", "docx",
                 "-o", str(by_name), "--db", str(db.path)]) == 0
    got = capsys.readouterr().out
    assert "Bỏ qua bảng trích ngang" in got and "chưa có ứng viên đề nghị cấp trên" in got
    assert sorted(p.name for p in by_name.iterdir()) == sorted([
        f"Thong-bao-lay-y-kien-dot-{w.culture}.docx", f"Bao-cao-thanh-tich-khu-dan-cu-so-1-{_area_cand(db, w)}.docx",
        "Bien-ban-binh-xet-khu-dan-cu-so-1.docx", "Tong-hop-y-kien-khu-dan-cu-so-1.docx",
        "Van-ban-de-nghi-khu-dan-cu-so-1.docx"])
    assert main(["documents", "--batch", "không có", "-o", str(out), "--db", str(db.path)]) == 2
    assert "Không tìm thấy đợt xét “không có”" in capsys.readouterr().err


def _area_cand(db, w) -> int:
    from app.services.rounds import batches

    return next(c.id for c in batches.list_candidates(db, w.culture) if c.subject_id == w.area)


def test_the_other_documents(db, w, tmp_path, capsys):
    path = str(db.path)
    assert main(["fund-report", "--year", "2025", "-o", str(tmp_path / "quỹ.pdf"),
                 "--db", path]) == 0
    assert main(["council-decision", "--year", "2025", "-o", str(tmp_path / "hđ.docx"),
                 "--db", path]) == 0
    assert main(["movement-plan", "--movement", "chu nhat xanh", "-o",
                 str(tmp_path / "kh.pdf"), "--db", path]) == 0
    assert main(["movement-plan", "--movement", str(w.movement), "--decision", "-o",
                 str(tmp_path / "qđ.pdf"), "--db", path]) == 0
    assert {p.name for p in tmp_path.iterdir()} >= {"quỹ.pdf", "hđ.docx", "kh.pdf", "qđ.pdf"}
    capsys.readouterr()
    assert main(["fund-report", "--year", "2019", "-o", str(tmp_path / "x.pdf"),
                 "--db", path]) == 2
    assert "Sổ quỹ năm 2019 chưa có dòng thu, chi nào" in capsys.readouterr().err
    assert main(["movement-plan", "--movement", "không có", "-o", str(tmp_path / "x.pdf"),
                 "--db", path]) == 2
    assert "Không xác định được phong trào “không có”" in capsys.readouterr().err

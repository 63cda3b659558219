"""tdkt decision issue / register export / documents, on a real database file."""

from __future__ import annotations

from datetime import date, datetime

from app.cli import main
from app.services.rounds import batches, council, decisions


def _draft(db, world):
    bid = batches.create_batch(db, "Tổng kết năm 2025", 2025)
    res = batches.add_candidates(db, bid, world.persons[:2], world.kinds["LDTT"])
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "UBND", world.members,
                                 "Trần Văn Bình", "Đặng Văn Minh", tellers=world.members[2:4],
                                 teller_head=world.members[2])
    council.record_tallies(db, mid, [(c, 9, 9, 9) for c in res.added])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        15, d.signed_on, d.title, d.bases, d.articles, d.recipients, d.signer_name,
        d.signer_title))
    return did


def test_issue_export_and_documents_from_the_command_line(db, world, tmp_path, capsys):
    did = _draft(db, world)
    path = str(db.path)
    assert main(["decision", "issue", str(did), "--db", path]) == 0
    out = capsys.readouterr().out
    assert "Đã ban hành Quyết định số 15/QĐ-UBND" in out and "2025/0001 … 2025/0002" in out
    assert main(["decision", "issue", str(did), "--db", path]) == 2
    assert "đã ban hành: không sửa" in capsys.readouterr().err
    xlsx = tmp_path / "sổ.xlsx"
    assert main(["register", "export", "--year", "2025", "-o", str(xlsx), "--db", path]) == 0
    assert xlsx.exists() and "Đã xuất 2 mục" in capsys.readouterr().out
    outdir = tmp_path / "văn bản"
    assert main(["documents", "--decision", "15/QĐ-UBND", "--format", "docx", "-o", str(outdir),
                 "--db", path]) == 0
    written = {p.name.split("-15-")[0] for p in outdir.glob("*.docx")}
    assert written == {"Quyet-dinh", "To-trinh", "Bien-ban-hop", "Bien-ban-kiem-phieu",
                       "Phieu-bau", "Danh-sach-chi-tien-thuong", "Thong-bao-ket-qua"}
    assert main(["documents", "--decision", "99/QĐ-UBND", "-o", str(outdir), "--db", path]) == 2
    assert "Không tìm thấy quyết định số “99/QĐ-UBND”" in capsys.readouterr().err

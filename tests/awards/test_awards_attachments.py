"""Scanned documents stored with the database, attached to a batch or a candidate."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.rounds import batch_files, batches


def test_attach_list_export_and_delete(db, world, tmp_path):
    bid = batches.create_batch(db, "Tổng kết 2025", 2025)
    cid = batches.add_candidate(db, bid, world.persons[0], world.kinds["LDTT"])
    scan = tmp_path / "báo cáo thành tích.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned")
    aid = batch_files.attach_file(db, scan, "bao_cao_thanh_tich", candidate_id=cid,
                                  doc_number="12/BC", signer="Nguyễn Thị Ánh")
    info = batch_files.list_attachments(db, batch_id=bid)[0]
    assert info.id == aid and info.batch_id == bid and info.filename == "báo cáo thành tích.pdf"
    assert info.mime == "application/pdf" and info.kind_label == "Báo cáo thành tích"
    out = batch_files.save_attachment_as(db, aid, tmp_path / "mở.pdf")
    assert out.read_bytes() == b"%PDF-1.4 scanned"
    batch_files.delete_attachment(db, aid)
    assert batch_files.list_attachments(db, candidate_id=cid) == []
    with pytest.raises(ValidationError, match="Không tìm thấy tệp"):
        batch_files.attach_file(db, tmp_path / "không có.pdf", batch_id=bid)

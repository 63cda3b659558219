"""Every document and export is written to a temporary name in the same folder and moved into
place: a failure (full disk, a file Word or Excel holds open) never destroys the previous
file, leaves nothing half-written behind, and says what to do in Vietnamese."""

from __future__ import annotations

import errno
import os
from datetime import date

import pytest

from app import files
from app.errors import DomainError, FileInUseError

PREVIOUS = b"the officer's previous file"


def _document(path):
    from app.documents import Document, Title, para, render

    render(Document("Thử").add(Title("QUYẾT ĐỊNH", "Về việc thử"), para("Nội dung.")), path)


def _table(path):
    from app.excel.export import write_table

    assert write_table(path, "DANH SÁCH", ["Họ và tên"], [["Nguyễn Văn An"]]) == 1


def _template(path):
    from app.excel.templates import write_template

    write_template("person", path)


def _calibration(path):
    from app.certificates import blank_models
    from app.certificates.calibration import render_test_grid

    render_test_grid(path, blank_models()[0])


def _certificates(path):
    from app.certificates import CertificateData, render_pdf

    render_pdf([CertificateData(
        template="giay_khen", subject_type="person", salutation="Ông", name="Lê An",
        position_line="Công chức", year=2025, decision_no="15/QĐ-UBND",
        decision_date=date(2025, 12, 20), certificate_no="2025/0001",
        issuer_title="CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG",
        place_date="Thành Đông, ngày 20 tháng 12 năm 2025", sign_mode="KT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH", signer_name="Nguyễn Văn Hùng")], path)


def _role_model(path):
    from app.fonts import register_fonts
    from app.services.emulation.role_model_profile import Profile, build

    register_fonts()
    build(Profile("UBND PHƯỜNG THÀNH ĐÔNG", "Thành Đông", 2025, "Lê Thị Hoa", "Cá nhân",
                  ("Giáo viên",), "Giáo dục", "Tận tụy", "Câu chuyện.", (), None), path)


WRITERS = {"document.pdf": _document, "document.docx": _document, "bảng.xlsx": _table,
           "mẫu.xlsx": _template, "căn chỉnh.pdf": _calibration, "giấy khen.pdf": _certificates,
           "gương.pdf": _role_model}


def _refuse_replace(monkeypatch):
    """Windows refuses to replace a file another program holds open (Word, Excel)."""
    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr(files, "_REPLACE_TRIES", 2)


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_file_open_elsewhere_is_kept_and_named(tmp_path, monkeypatch, name):
    target = tmp_path / "Báo cáo #1" / name
    target.parent.mkdir()
    target.write_bytes(PREVIOUS)
    _refuse_replace(monkeypatch)
    with pytest.raises(FileInUseError) as err:
        WRITERS[name](target)
    assert str(err.value).startswith("Tệp đang mở ở chương trình khác — hãy đóng rồi thử lại")
    assert "Errno" not in str(err.value)
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in target.parent.iterdir()) == [name]  # nothing left behind


@pytest.mark.parametrize("name", list(WRITERS))
def test_every_writer_writes_whole_files(tmp_path, name):
    target = tmp_path / name
    target.write_bytes(PREVIOUS)
    mode = target.stat().st_mode & 0o777
    WRITERS[name](target)
    data = target.read_bytes()
    assert data != PREVIOUS and data[:4] in (b"%PDF", b"PK\x03\x04")
    assert [p.name for p in tmp_path.iterdir()] == [name]
    if os.name == "posix":  # keeps the permissions it had (mkstemp would make it 0600)
        assert target.stat().st_mode & 0o777 == mode


def test_a_full_disk_keeps_the_previous_file(tmp_path):
    target = tmp_path / "sổ.xlsx"
    target.write_bytes(PREVIOUS)
    with pytest.raises(DomainError, match="Ổ đĩa đầy") as err, \
            files.atomic_output(target) as tmp:
        tmp.write_bytes(b"half of it")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert "Tệp cũ (nếu có) vẫn nguyên vẹn" in str(err.value)
    assert target.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["sổ.xlsx"]


def test_an_unrelated_error_is_not_disguised(tmp_path):
    with pytest.raises(FileNotFoundError), files.atomic_output(tmp_path / "a.pdf"):
        raise FileNotFoundError(errno.ENOENT, "photo missing", "ảnh.jpg")
    assert list(tmp_path.iterdir()) == []


def test_an_attachment_saved_as_a_file(db, tmp_path, monkeypatch):
    from app.services.rounds import batch_files, batches

    bid = batches.create_batch(db, "Đợt 1", 2025)
    source = tmp_path / "tờ trình.pdf"
    source.write_bytes("%PDF-1.4 tài liệu".encode())
    aid = batch_files.attach_file(db, source, batch_id=bid)
    target = tmp_path / "lưu" / "bản sao.pdf"
    target.parent.mkdir()
    target.write_bytes(PREVIOUS)
    _refuse_replace(monkeypatch)
    with pytest.raises(FileInUseError):
        batch_files.save_attachment_as(db, aid, target)
    assert target.read_bytes() == PREVIOUS
    monkeypatch.undo()
    assert batch_files.save_attachment_as(db, aid, target) == target
    assert target.read_bytes() == "%PDF-1.4 tài liệu".encode()

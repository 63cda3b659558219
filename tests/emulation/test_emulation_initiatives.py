"""Initiatives with authors; role models with photo, linked awards and the one-page profile."""

import io
from datetime import date

import pytest
from emulation_helpers import small_ward
from pypdf import PdfReader
from sqlalchemy import select

from app.errors import ValidationError
from app.services.emulation import initiatives as ini
from app.services.emulation import role_models as rm
from app.services.emulation.role_model_profile import write_profile
from db.models import AuditLog, AwardKind, AwardRecord


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (120, 160), (200, 150, 100)).save(buf, "PNG")
    return buf.getvalue()


def test_initiative_authors_and_recognition(db):
    ward = small_ward(db)
    an, binh = ward["staff"][:2]
    with pytest.raises(ValidationError, match="tác giả"):
        ini.save_initiative(db, ini.InitiativeData(title="Số hóa hồ sơ", year=2024))
    with pytest.raises(ValidationError, match="số quyết định"):
        ini.save_initiative(db, ini.InitiativeData(title="Số hóa hồ sơ", year=2024,
                                                   author_ids=(an,), recognized=True))
    iid = ini.save_initiative(db, ini.InitiativeData(
        title="Số hóa hồ sơ khen thưởng", year=2024, author_ids=(an, binh), recognized=True,
        decision_number="25/QĐ-UBND", decision_date=date(2024, 11, 20), field="chuyển đổi số"))
    ini.save_initiative(db, ini.InitiativeData(title="Góc đọc sách", year=2025,
                                               author_ids=(binh,)))
    found = ini.recognised_for_person(db, an)
    assert [(f.title, f.decision) for f in found] == [
        ("Số hóa hồ sơ khen thưởng", "QĐ số 25/QĐ-UBND ngày 20/11/2024")]
    assert found[0].authors == ("Nguyễn Văn An", "Trần Thị Bình")
    assert ini.recognised_for_person(db, binh, year=2025) == []  # not recognised yet
    src = ini.InitiativeSource(db)
    assert src.ids("binh", {}, (0, True)) == src.ids("", {}, (0, True))  # author search
    assert src.ids("so hoa", {"recognized": True}, (0, True)) == [iid]
    assert src.rows([iid])[0][1] == "Nguyễn Văn An, Trần Thị Bình"
    data = ini.get_initiative(db, iid)
    ini.save_initiative(db, ini.InitiativeData(**{**data.__dict__, "author_ids": (binh,)}))
    assert ini.recognised_for_person(db, an) == []
    ini.delete_initiative(db, iid)
    assert ini.count_recognised(db, 2024) == 0


def test_role_model_profile_pdf(db, tmp_path):
    ward = small_ward(db)
    an = ward["staff"][0]
    with db.session() as s:
        kind = s.scalars(select(AwardKind).where(AwardKind.code == "LDTT")).one()
        rec = AwardRecord(register_year=2024, register_no=1, certificate_no="2024/0001",
                          subject_id=an, award_kind_id=kind.id, year=2024,
                          external_decision_ref="30/QĐ-UBND", printed_name="Nguyễn Văn An")
        s.add(rec)
        s.flush()
        rec_id = rec.id
    with pytest.raises(ValidationError, match="JPEG hoặc PNG"):
        rm.save_role_model(db, rm.RoleModelData(an, 2025, photo=b"not an image"))
    story = "Đồng chí Nguyễn Văn An luôn tận tụy với công việc, đi đầu trong chuyển đổi số. " * 12
    rid = rm.save_role_model(db, rm.RoleModelData(
        an, 2025, field="công tác", headline="Người cán bộ tận tụy vì nhân dân",
        story=story + "\nĐược nhân dân tin yêu.", photo=_png(), award_record_ids=(rec_id,)))
    got = rm.get_role_model(db, rid)
    assert got.photo_mime == "image/png" and got.award_record_ids == (rec_id,)
    assert rm.for_subjects(db, [an]) == {an: [(2025, "Người cán bộ tận tụy vì nhân dân")]}
    assert rm.RoleModelSource(db).rows([rid])[0][:3] == ("Nguyễn Văn An", "Cá nhân", 2025)
    pdf = write_profile(db, rid, tmp_path / "gương điển hình.pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    page_text = reader.pages[0].extract_text()
    for expected in ("GƯƠNG ĐIỂN HÌNH TIÊN TIẾN", "Nguyễn Văn An", "Trường Tiểu học Bình Hàn",
                     "Người cán bộ tận tụy", "Khen thưởng đã đạt", "Lao động tiên tiến"):
        assert expected in page_text, expected
    fonts = {f["/BaseFont"] for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert all("Tinos" in str(f) for f in fonts)
    with pytest.raises(ValidationError, match="của chính đối tượng"):
        rm.save_role_model(db, rm.RoleModelData(ward["staff"][1], 2025, award_record_ids=(rec_id,)))
    rm.delete_role_model(db, rid)
    with db.read() as s:
        assert s.scalars(select(AuditLog.action).where(AuditLog.entity == "role_model")).all() == [
            "create", "delete"]


def test_author_names_of_a_saved_initiative_in_the_chosen_order(db):
    """Opening a saved initiative lists its authors (it crashed: a Result is not a mapping)."""
    ward = small_ward(db)
    an, binh = ward["staff"][:2]
    names = dict(ini.author_names(db, [binh, an]))
    assert [pid for pid, _ in ini.author_names(db, [binh, an])] == [binh, an]
    assert all(names.values())

"""Records services: validation, NFC, audit, refusing deletes, one transaction."""

import unicodedata

import pytest
from sqlalchemy import select

from app.errors import InUseError, ValidationError
from app.services.records import records
from db.models import AuditLog, AwardKind, Person, Registration


def test_person_is_stored_nfc_title_cased_and_audited(db):
    nfd = unicodedata.normalize("NFD", "nguyễn thị  ánh")
    pid = records.save_person(db, records.PersonData(nfd, gender="Nữ", birth_year=1980))
    p = records.get_person(db, pid)
    assert p.full_name == "Nguyễn Thị Ánh" and p.gender == "nữ"
    with db.read() as s:
        person = s.get(Person, pid)
        assert person.name_folded == "nguyen thi anh"
        log = s.scalars(select(AuditLog).where(AuditLog.entity == "person")).all()
        assert [x.action for x in log] == ["create"]


def test_update_logs_before_and_after(db):
    pid = records.save_person(db, records.PersonData("Lê Văn An", position="Công chức"))
    records.save_person(db, records.PersonData("Lê Văn An", position="Phó Chủ tịch", id=pid))
    with db.read() as s:
        upd = s.scalars(select(AuditLog).where(AuditLog.action == "update")).one()
        assert upd.before == {"position": "Công chức"} and upd.after == {"position": "Phó Chủ tịch"}


@pytest.mark.parametrize("data, field, words", [
    (records.PersonData(""), "full_name", "Chưa nhập họ và tên"),
    (records.PersonData("Lê An", cccd="123"), "cccd", "12 chữ số"),
    (records.PersonData("Lê An", gender="khác"), "gender", "nam"),
    (records.PersonData("Lê An", birth_year=1850), "birth_year", "Năm sinh"),
    (records.PersonData("Lê An", phone="abc"), "phone", "điện thoại"),
])
def test_person_validation_says_what_and_where(db, data, field, words):
    with pytest.raises(ValidationError) as err:
        records.save_person(db, data)
    assert err.value.field == field and words in str(err.value)


def test_cccd_is_unique(db):
    records.save_person(db, records.PersonData("Lê Văn An", cccd="001080001234"))
    with pytest.raises(ValidationError, match="Lê Văn An"):
        records.save_person(db, records.PersonData("Trần Văn Bình", cccd="001080001234"))


def test_area_carries_former_unit_to_its_records(db):
    u1 = records.save_former_unit(db, "Bình Hàn")
    u2 = records.save_former_unit(db, "Cẩm Thượng")
    area = records.save_area(db, records.AreaData("Khu dân cư số 1", former_unit_id=u1))
    hid = records.save_household(db, records.HouseholdData("Phạm Văn Tú", area_id=area))
    with db.read() as s:
        assert s.get(Person, hid) is None
        from db.models import Household
        assert s.get(Household, hid).former_unit_id == u1
    records.save_area(db, records.AreaData("Khu dân cư số 1", former_unit_id=u2, id=area))
    with db.read() as s:
        from db.models import Household
        assert s.get(Household, hid).former_unit_id == u2
    with pytest.raises(ValidationError, match="Đã có khu dân cư"):
        records.save_area(db, records.AreaData("khu dan cu so 1".replace("khu dan cu", "Khu Dân Cư")))


def test_delete_refused_when_registrations_point_at_it(db):
    pid = records.save_person(db, records.PersonData("Lê Văn An"))
    with db.session() as s:
        kind = s.scalars(select(AwardKind).where(AwardKind.code == "LDTT")).one()
        s.add(Registration(year=2025, subject_id=pid, award_kind_id=kind.id))
    with pytest.raises(InUseError, match="1 đăng ký thi đua"):
        records.delete_subject(db, pid)
    assert records.get_person(db, pid).full_name == "Lê Văn An"


def test_delete_free_record_is_audited(db):
    cid = records.save_collective(db, records.CollectiveData("Trạm Y tế phường"))
    records.delete_subject(db, cid)
    with db.read() as s:
        assert s.scalars(select(AuditLog.action).where(AuditLog.entity_id == cid)).all() == [
            "create", "delete"]


def test_failed_save_writes_nothing(db, monkeypatch):
    from app.services.system import audit

    def boom(*a, **k):
        raise RuntimeError("disk error")

    monkeypatch.setattr(audit, "log", boom)
    with pytest.raises(RuntimeError):
        records.save_person(db, records.PersonData("Lê Văn An"))
    with db.read() as s:
        assert s.scalars(select(Person)).all() == []

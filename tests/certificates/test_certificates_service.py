"""The certificate service: gathering from the register, print log, calibration settings."""

from __future__ import annotations

from datetime import date

import pytest
from cert_fixtures import LONG_PERSON, SAMPLE_LINES, make_decision
from pypdf import PdfReader
from sqlalchemy import select

from app.certificates import Offsets, render_pdf
from app.cli import main as cli_main
from app.errors import NotFoundError, ValidationError
from app.services.awards import certificates as svc
from app.services.system import audit
from db.models import AwardRecord, CertificatePrint, Decision, DecisionLine


def test_gather_reads_the_register_and_organisation(db, decision_id):
    certs = svc.gather(db, decision_id)
    assert [c.certificate_no for c in certs] == [f"2025/{i:04d}" for i in range(1, 9)]
    first, household, ldtt = certs[0], certs[2], certs[3]
    assert first.template == "giay_khen" and first.salutation == "Bà"
    assert first.issuer_title == "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG"
    assert first.place_date == "Thành Đông, ngày 20 tháng 12 năm 2025"
    assert (first.sign_mode, first.signer_title) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert first.decision_no == "15/QĐ-UBND" and first.decision_date == date(2025, 12, 20)
    assert household.salutation == "Gia đình ông"
    assert household.position_line == "Số 12, ngõ 5, khu dân cư Đông Giàng"  # from the subject
    assert ldtt.name == LONG_PERSON and ldtt.position_line == "Giáo viên"
    assert {c.template for c in certs} == {"giay_khen", "ldtt", "cstdcs", "ttldtt", "gdvh",
                                          "kdcvh"}


def test_chairman_signs_without_kt(db):
    did = make_decision(db, SAMPLE_LINES[:1], number=3, sign_mode="", signer_title="Chủ tịch")
    c = svc.gather(db, did)[0]
    assert (c.sign_mode, c.signer_title) == ("", "CHỦ TỊCH")


def test_find_decision_folds_and_tells_years_apart(db, decision_id):
    assert svc.find_decision(db, "15/qd-ubnd") == decision_id
    with pytest.raises(NotFoundError, match="16/QĐ-UBND"):
        svc.find_decision(db, "16/QĐ-UBND")
    other = make_decision(db, SAMPLE_LINES[:1], year=2024, signed=date(2024, 12, 1))
    with pytest.raises(ValidationError, match="2025, 2024"):
        svc.find_decision(db, "15/QĐ-UBND")
    assert svc.find_decision(db, "15/QĐ-UBND", year=2024) == other


def test_revoked_entries_are_not_printed(db, decision_id):
    with db.session() as s:
        # The one change the register allows: revoked by a (later) revocation decision that
        # names the entry in its list.
        revoking = Decision(number=20, year=2026, full_number="20/QĐ-UBND", kind="thu_hoi",
                            title="Về việc thu hồi giấy khen", status="draft")
        s.add(revoking)
        s.flush()
        record = s.scalars(select(AwardRecord).where(AwardRecord.register_no == 2)).one()
        s.add(DecisionLine(decision_id=revoking.id, subject_id=record.subject_id,
                           award_kind_id=record.award_kind_id, award_record_id=record.id,
                           achievement_year=record.year, printed_name=record.printed_name))
        s.flush()
        revoking.status = "issued"
        s.flush()
        record.revoked, record.revoked_by_decision_id = True, revoking.id
    assert "2025/0002" not in [c.certificate_no for c in svc.gather(db, decision_id)]
    assert len(svc.decision_lines(db, decision_id)) == 7


def test_print_log_counts_and_marks_reprints_without_touching_the_register(db, decision_id):
    lines = svc.decision_lines(db, decision_id)
    with db.read() as s:
        before = [audit.snapshot(r) for r in s.scalars(select(AwardRecord))]
    svc.log_prints(db, [ln.record_id for ln in lines], "full")
    svc.log_prints(db, [lines[6].record_id], "blank", note="In lại phôi hỏng")
    with db.read() as s:
        rows = s.scalars(select(CertificatePrint).order_by(CertificatePrint.id)).all()
        after = [audit.snapshot(r) for r in s.scalars(select(AwardRecord))]
    assert len(rows) == 9 and not any(r.reprint for r in rows[:8])
    assert rows[8].reprint and rows[8].mode == "blank" and rows[8].note == "In lại phôi hỏng"
    assert before == after
    again = {ln.record_id: ln.prints for ln in svc.decision_lines(db, decision_id)}
    assert again[lines[6].record_id] == 2 and again[lines[0].record_id] == 1


def test_offsets_are_kept_per_printer_and_blank(db):
    assert svc.get_offsets(db, "HP", "phoi_giay_khen") == Offsets()
    svc.save_offsets(db, "HP", "phoi_giay_khen", 1.5, -2)
    svc.save_offsets(db, "Canon", "phoi_giay_khen", -0.5, 0.25)
    svc.save_offsets(db, "HP", "phoi_van_hoa", 3, 3)
    assert svc.get_offsets(db, "HP", "phoi_giay_khen") == Offsets(1.5, -2)
    assert svc.get_offsets(db, "Canon", "phoi_giay_khen") == Offsets(-0.5, 0.25)
    assert svc.get_offsets(db, "HP", "phoi_van_hoa") == Offsets(3, 3)
    with pytest.raises(ValidationError, match="quá lớn"):
        svc.save_offsets(db, "HP", "phoi_giay_khen", 45, 0)


def test_field_overrides_and_underlays_are_saved(db, tmp_path):
    svc.save_field_override(db, "phoi_giay_khen", "person", "name", {"y": 110})
    svc.save_field_override(db, "phoi_giay_khen", "person", "name", {"size": 20})
    assert svc.get_overrides(db) == {"phoi_giay_khen": {"person": {"name": {"y": 110, "size": 20}}}}
    svc.reset_overrides(db, "phoi_giay_khen")
    assert svc.get_overrides(db) == {}
    svc.set_underlay(db, "phoi_giay_khen", str(tmp_path / "phôi.png"))
    assert svc.get_underlays(db) == {"phoi_giay_khen": str(tmp_path / "phôi.png")}
    svc.set_underlay(db, "phoi_giay_khen", None)
    assert svc.get_underlays(db) == {}


def test_rendered_from_the_register(db, decision_id, tmp_path):
    out = tmp_path / "qd15.pdf"
    render_pdf(svc.gather(db, decision_id), out)
    text = PdfReader(out).pages[3].extract_text()
    assert "Số vào sổ: 2025/0004" in text and "Quyết định số 15/QĐ-UBND ngày 20/12/2025" in text


def test_cli_writes_a_pdf_and_logs_it_as_printed_only_when_asked(db, decision_id, tmp_path,
                                                                capsys):
    """A file is not a printed certificate: only --log-printed (the file goes to the
    printer now) adds to the print log."""
    out = tmp_path / "giấy khen.pdf"
    path = str(db.path)

    def prints() -> list[CertificatePrint]:
        with db.read() as s:
            return s.scalars(select(CertificatePrint)).all()

    assert cli_main(["certificates", "--decision", "15/QĐ-UBND", "-o", str(out), "--db", path]) == 0
    assert len(PdfReader(out).pages) == 8 and prints() == []
    assert "Đã ghi 8 giấy" in capsys.readouterr().out
    assert cli_main(["certificates", "--decision", "15/QĐ-UBND", "--log-printed", "-o", str(out),
                     "--db", path]) == 0
    assert len(prints()) == 8
    svc.save_offsets(db, "", "phoi_van_hoa", 2, 0)
    rc = cli_main(["certificates", "--decision", "15/QĐ-UBND", "--blank", "--record", "2025/0007",
                   "--log-printed", "-o", str(out), "--db", path])
    assert rc == 0 and len(PdfReader(out).pages) == 1
    rows = prints()
    assert len(rows) == 9 and [r.reprint for r in rows].count(True) == 1
    rc = cli_main(["certificates", "--decision", "99/QĐ-UBND", "-o", str(out), "--db", path])
    assert rc == 2 and "Không tìm thấy quyết định" in capsys.readouterr().err


def _correct(db, decision_id, register_no, new_name, number=3, signed=date(2026, 1, 10)) -> int:
    """An issued correction (đính chính) decision: a new register entry replacing one."""
    with db.session() as s:
        old = s.scalars(select(AwardRecord).where(AwardRecord.decision_id == decision_id,
                                                  AwardRecord.register_no == register_no)).one()
        d = Decision(number=number, year=signed.year, full_number=f"{number}/QĐ-UBND",
                     signed_on=signed, kind="dinh_chinh", status="issued",
                     title="Về việc đính chính Quyết định khen thưởng", signer_name="Trần Văn Nam",
                     signer_title="Chủ tịch", sign_mode="", related_decision_id=decision_id)
        s.add(d)
        s.flush()
        top = s.scalar(select(AwardRecord.register_no).where(
            AwardRecord.register_year == signed.year).order_by(AwardRecord.register_no.desc()))
        no = (top or 0) + 1
        s.add(AwardRecord(register_year=signed.year, register_no=no,
                          certificate_no=f"{signed.year}/{no:04d}", subject_id=old.subject_id,
                          award_kind_id=old.award_kind_id, year=old.year, decision_id=d.id,
                          printed_name=new_name, salutation=old.salutation,
                          position_line=old.position_line, citation=old.citation,
                          corrects_id=old.id))
        return d.id


def test_a_reprint_after_a_correction_cites_the_original_award_decision(db, decision_id,
                                                                          tmp_path):
    first = _correct(db, decision_id, 1, "Nguyễn Thị Ánh Tuyết")
    second = _correct(db, first, 1, "Nguyễn Thị Ánh Tuyết Mai", number=7,
                      signed=date(2026, 2, 3))  # a correction of the correction
    (c,) = svc.gather(db, second)
    assert c.name == "Nguyễn Thị Ánh Tuyết Mai"
    assert (c.decision_no, c.decision_date) == ("15/QĐ-UBND", date(2025, 12, 20))
    assert c.reissue_note == "Cấp lại theo Quyết định số 7/QĐ-UBND ngày 03/02/2026"
    assert c.place_date == "Thành Đông, ngày 03 tháng 02 năm 2026"  # signed now, by the signer
    assert c.signer_name == "Trần Văn Nam"  # of the correcting decision
    for mode in ("full", "blank"):
        out = tmp_path / f"cấp lại {mode}.pdf"
        render_pdf([c], out, mode=mode)
        text = " ".join(PdfReader(out).pages[0].extract_text().split())
        assert "15/QĐ-UBND ngày 20/12/2025" in text
        assert "Cấp lại theo Quyết định số 7/QĐ-UBND ngày 03/02/2026" in text
    # The superseded entries are no longer printed from their own decisions.
    assert "2025/0001" not in [ln.certificate_no for ln in svc.decision_lines(db, decision_id)]
    assert svc.decision_lines(db, first) == []

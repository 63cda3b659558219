"""Lists that a clerk signs as Người lập biểu (and Kế toán) print their names when the ward has
set them in Cài đặt đơn vị; left blank (to be written by hand) when not."""

from __future__ import annotations

import unicodedata

import pytest
from openpyxl import load_workbook

from app.documents import render
from tests.documents.test_newdocs_render import pdf_text

PREPARER, ACCOUNTANT = "Nguyễn Thị Thanh Hương", "Lê Quốc Khánh"


def test_names_are_kept_and_printed_on_the_money_lists(round_ward):
    from app.services.awards.fund_report import fund_report_document
    from app.services.awards.payment_list import payment_list_document
    from app.services.rounds.upward_dossier import dossier_list_document
    from app.services.system import organization as org

    db, w, folder = round_ward
    before = pdf_text(render(payment_list_document(db, w.decision), folder / "chi-trống.pdf"))
    assert PREPARER not in before
    org.save_staff(db, org.Staff(preparer=unicodedata.normalize("NFD", PREPARER),  # Unikey NFD
                                 accountant=ACCOUNTANT))
    assert org.get_staff(db) == org.Staff(PREPARER, ACCOUNTANT)  # kept NFC
    for name, doc in (("chi", payment_list_document(db, w.decision)),
                      ("quỹ", fund_report_document(db, 2025))):
        text = pdf_text(render(doc, folder / f"{name}.pdf"))
        assert PREPARER in text and ACCOUNTANT in text, name
    text = pdf_text(render(dossier_list_document(db, w.batch), folder / "danh-mục.pdf"))
    assert PREPARER in text


def test_statistical_forms_name_their_preparer(round_ward, tmp_path):
    from app.reports.forms import build_forms
    from app.services.system import organization as org

    db, _, _ = round_ward
    org.save_staff(db, org.Staff(preparer=PREPARER, accountant=""))
    path = tmp_path / "biểu.xlsx"
    build_forms(db, 2025, path)
    cells = {c.value for ws in load_workbook(path).worksheets for row in ws.iter_rows()
             for c in row if c.value}
    assert PREPARER in cells


def test_a_name_too_long_is_refused_and_the_change_is_in_the_audit_trail(round_ward):
    from sqlalchemy import func, select

    from app.errors import ValidationError
    from app.services.system import organization as org
    from db.models import AuditLog

    db, _, _ = round_ward
    with pytest.raises(ValidationError, match="Kế toán"):
        org.save_staff(db, org.Staff(preparer=PREPARER, accountant="A" * 201))
    org.save_staff(db, org.Staff(preparer="Trần Văn Bảy", accountant=ACCOUNTANT))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)
                        .where(AuditLog.entity == "staff")) >= 1

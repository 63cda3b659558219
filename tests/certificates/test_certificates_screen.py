"""The "In giấy khen" screen driven as the officer would, printing to a PDF printer target."""

from __future__ import annotations

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.services.awards import certificates as svc
from db.models import CertificatePrint
from tests.ui.helpers import DialogRecorder
from ui.screens import certificate_print
from ui.screens import certificates as certificates_screen
from ui.screens.certificate_print import PDF_PRINTER
from ui.screens.certificates import CertificatesPage


@pytest.fixture(autouse=True)
def _jobs_finish(jobs_finish):
    """Every background job started by a test has finished before the next one."""


def _page(qtbot, db, monkeypatch):
    monkeypatch.setattr(certificate_print, "PRINT_DPI", 40)  # tests need pages, not sharpness
    page = CertificatesPage(db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)  # loads off the GUI thread
    return page


def _prints(db) -> list[CertificatePrint]:
    with db.read() as s:
        return s.scalars(select(CertificatePrint).order_by(CertificatePrint.id)).all()


OFFICE_PRINTER = "Máy in văn phòng"


def _office_printer(monkeypatch, target) -> None:
    """A real printer in the list, its paper being a PDF file the test can read."""
    monkeypatch.setattr(certificates_screen, "printer_names", lambda: [OFFICE_PRINTER, PDF_PRINTER])
    real = certificate_print.make_printer
    monkeypatch.setattr(certificate_print, "make_printer",
                        lambda name, pdf_target=None: real(PDF_PRINTER, str(target))
                        if name == OFFICE_PRINTER else real(name, pdf_target))


def test_print_a_decision_then_reprint_one_spoiled_blank(qtbot, db, decision_id, monkeypatch,
                                                          tmp_path):
    target = tmp_path / "đã in.pdf"
    rec = DialogRecorder(monkeypatch)
    _office_printer(monkeypatch, target)
    page = _page(qtbot, db, monkeypatch)
    assert page.decision.count() == 1 and "15/QĐ-UBND" in page.decision.currentText()
    assert page.lines.rowCount() == 8
    assert page.lines.text(3, 3) == "Cá nhân" and page.lines.text(3, 4) == "Lao động tiên tiến"
    page.lines.set_checked(1, False)  # this one is not printed now
    assert page.printer.currentText() == OFFICE_PRINTER
    qtbot.mouseClick(page.btn_print, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Đã in 7/7" in page.status.text() or bool(rec.messages),
                    timeout=20000)
    assert rec.messages == [], rec.messages
    assert len(PdfReader(target).pages) == 7
    prints = _prints(db)
    assert len(prints) == 7 and not any(p.reprint for p in prints)
    assert all(p.mode == "full" and OFFICE_PRINTER in p.note for p in prints)
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert page.lines.text(0, 5) == "1" and page.lines.text(1, 5) == ""

    # The blank of line 7 jammed: switch to blank mode and print that one again.
    qtbot.mouseClick(page.blank, Qt.LeftButton)
    page.table.selectRow(6)
    qtbot.mouseClick(page.btn_reprint, Qt.LeftButton)
    assert "2025/0007" in rec.texts("confirm")[0]
    qtbot.waitUntil(lambda: "Đã in 1/1" in page.status.text(), timeout=20000)
    last = _prints(db)[-1]
    assert len(_prints(db)) == 8 and last.reprint and last.mode == "blank"
    assert "In lại" in last.note
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert page.lines.text(6, 5) == "2"
    assert len(PdfReader(target).pages) == 1  # the PDF printer's file now holds that one page


def test_preview_shows_every_checked_certificate(qtbot, db, decision_id, monkeypatch):
    DialogRecorder(monkeypatch)
    page = _page(qtbot, db, monkeypatch)
    qtbot.mouseClick(page.btn_preview, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.preview.page_count() == 8, timeout=20000)
    assert "8 trang" in page.status.text()
    page.check_all(False)
    page.lines.set_checked(4, True)
    qtbot.mouseClick(page.btn_preview, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.preview.page_count() == 1, timeout=20000)


def test_nothing_checked_gets_a_clear_message(qtbot, db, decision_id, monkeypatch):
    rec = DialogRecorder(monkeypatch)
    page = _page(qtbot, db, monkeypatch)
    page.check_all(False)
    qtbot.mouseClick(page.btn_print, Qt.LeftButton)
    assert rec.texts("warn") == ["Hãy đánh dấu ít nhất một giấy để in."]
    assert _prints(db) == []


def test_saving_a_pdf_is_not_logged_as_printed(qtbot, db, decision_id, monkeypatch, tmp_path):
    """A file is not a certificate on paper: "Lưu thành PDF" and the PDF printer leave the
    print log (and the "Đã in" column) as they were."""
    target = tmp_path / "giấy khen.pdf"
    DialogRecorder(monkeypatch, save_path=str(target))
    page = _page(qtbot, db, monkeypatch)
    qtbot.mouseClick(page.btn_save, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Đã lưu 8 giấy" in page.status.text(), timeout=20000)
    assert len(PdfReader(target).pages) == 8
    assert _prints(db) == [] and "chưa ghi là đã in" in page.status.text()
    printed_pdf = tmp_path / "máy in PDF.pdf"
    DialogRecorder(monkeypatch, save_path=str(printed_pdf))
    page.printer.setCurrentText(PDF_PRINTER)
    qtbot.mouseClick(page.btn_print, Qt.LeftButton)
    qtbot.waitUntil(lambda: "8 giấy" in page.status.text() and "PDF" in page.status.text()
                    and printed_pdf.exists(), timeout=20000)
    assert len(PdfReader(printed_pdf).pages) == 8
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert _prints(db) == [] and page.lines.text(0, 5) == ""


def test_calibration_wizard_saves_offsets_for_the_printer_and_blank(qtbot, db, decision_id,
                                                                      monkeypatch, tmp_path):
    DialogRecorder(monkeypatch, save_path=str(tmp_path / "lưới.pdf"))
    page = _page(qtbot, db, monkeypatch)
    page.printer.setCurrentText(PDF_PRINTER)
    page.open_calibration()
    dialog = page.calibration
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 1)
    dialog.x.setValue(1.5)
    dialog.y.setValue(-2.0)
    qtbot.mouseClick(dialog.btn_print, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Đã in trang căn chỉnh" in dialog.status.text(), timeout=20000)
    assert (tmp_path / "lưới.pdf").exists()
    qtbot.mouseClick(dialog.btn_save, Qt.LeftButton)
    blank = dialog.blank.currentData()
    assert svc.get_offsets(db, PDF_PRINTER, blank) == svc.Offsets(1.5, -2.0)
    dialog.reject()
    qtbot.mouseClick(page.blank, Qt.LeftButton)
    label = page.offsets_label.text()
    assert "Phôi Giấy khen: X +1.5, Y -2.0 mm" in label  # the blank just calibrated
    assert "Phôi danh hiệu văn hóa: X +0.0, Y +0.0 mm" in label


def test_field_positions_are_adjusted_over_a_scanned_blank(qtbot, db, decision_id, monkeypatch,
                                                           tmp_path):
    scan = tmp_path / "phôi quét.png"
    Image.new("RGB", (297, 210), "#F5E6C8").save(scan)
    DialogRecorder(monkeypatch, open_path=str(scan))
    page = _page(qtbot, db, monkeypatch)
    page.open_fields()
    dialog = page.fields_dialog
    keys = [dialog.table.item(r, 0).data(Qt.UserRole + 1) for r in range(dialog.table.rowCount())]
    row = keys.index("name")
    dialog.table.item(row, 2).setText("110")  # Y of the name
    blank, subject = dialog.blank_name(), dialog.subject_type()
    assert svc.get_overrides(db)[blank][subject]["name"] == {"y": 110.0}
    dialog.table.item(row, 2).setText("chín")  # not a number: refused, value restored
    assert dialog.table.item(row, 2).text() == "110"
    dialog.choose_image()
    assert svc.get_underlays(db) == {blank: str(scan)}
    assert dialog.preview.page_count() == 1
    dialog.accept()


def test_cancel_while_printing_keeps_and_counts_the_pages_already_printed(qtbot, tmp_path):
    from cert_fixtures import every_certificate

    from app.certificates import render_pdf

    source, target = tmp_path / "nguồn.pdf", tmp_path / "đã in.pdf"
    render_pdf(every_certificate()[:5], source)
    seen = []
    printed = certificate_print.print_pdf(
        str(source), PDF_PRINTER, str(target), dpi=30,
        progress=lambda done, total, msg: seen.append(done), cancelled=lambda: len(seen) >= 2)
    assert printed == 2 and len(PdfReader(target).pages) == 2


def test_the_screen_is_in_the_main_window_and_explains_an_empty_register(qtbot, db):
    from ui.main_window import MainWindow

    win = MainWindow(db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    page = win.show_screen("certificates")
    assert isinstance(page, CertificatesPage)
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert page.decision.count() == 0 and page.lines.rowCount() == 0
    assert "Chưa có quyết định khen thưởng" in page.status.text()

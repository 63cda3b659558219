"""Sổ khen thưởng screen: search as you type, filters, history, export, revocation and
correction as new decisions, higher-level decisions, the printed book."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from app.services.rounds import decisions
from tests.ui.helpers import DialogRecorder, type_text
from ui.screens.decision_editor import DecisionEditor
from ui.screens.decision_external import ExternalDecisionDialog
from ui.screens.register_dialogs import CorrectDialog, HistoryDialog, RevokeDialog
from ui.widgets.subject_picker import SubjectPicker


def _names(page):
    col = [c.title for c in page.source.columns].index("Họ và tên / Tên")
    return sorted(r[col] for r in page.source.rows(page.model.all_ids()))


def _filter(page, key, value):
    box = page.filter_boxes[key]
    box.setCurrentIndex(box.findData(value))


def _click(page, name):
    page.findChild(QPushButton, name).click()


def test_search_filters_history_and_export(qtbot, window, issued, when_dialog, monkeypatch,
                                           tmp_path):
    answers = DialogRecorder(monkeypatch, save_path=str(tmp_path / "sổ.xlsx"))
    page = window.show_screen("register")
    assert _names(page) == ["Nguyễn Thị Ánh", "Nguyễn Văn Cường", "Đặng Văn Bảo"]
    type_text(page.search_box, "DANG VAN")  # case and diacritics ignored, đ = d
    qtbot.waitUntil(lambda: _names(page) == ["Đặng Văn Bảo"], timeout=3000)
    page.search_box.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)

    _filter(page, "year", 2025)
    assert page.model.rowCount() == 3
    box = page.filter_boxes["award_kind_id"]
    box.setCurrentIndex(box.findText("Chiến sĩ thi đua cơ sở"))
    assert page.model.rowCount() == 0
    _filter(page, "award_kind_id", issued.ldtt)
    _filter(page, "subject_type", "household")
    assert page.model.rowCount() == 0
    _filter(page, "subject_type", "person")
    _filter(page, "decision_id", issued.decision)
    assert page.model.rowCount() == 3

    page.btn_export.click()
    qtbot.waitUntil(lambda: any("Đã ghi 3 dòng" in t for t in answers.texts("info")),
                    timeout=10000)
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "sổ.xlsx").active
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value}
    assert {"Nguyễn Thị Ánh", "Đặng Văn Bảo", "2025/0001"} <= cells

    seen = {}

    def history(d: HistoryDialog):
        seen["rows"] = [(r.year, r.award_name, r.certificate_no) for r in d.model.items]
        monkeypatch.setattr("ui.dialogs.save_file", lambda *a, **k: str(tmp_path / "xn.pdf"))
        d.certificate()  # giấy xác nhận quá trình khen thưởng
        d.accept()

    page.select_id(page.model.id_at(0))
    when_dialog(HistoryDialog, history)
    page.btn_edit.click()
    assert seen["rows"] and seen["rows"][0][:2] == (2025, "Lao động tiên tiến")
    assert (tmp_path / "xn.pdf").stat().st_size > 1000


def test_revoke_and_correct_become_new_issued_decisions(qtbot, window, issued, when_dialog,
                                                        monkeypatch):
    answers = DialogRecorder(monkeypatch)
    page = window.show_screen("register")
    type_text(page.search_box, "cuong")
    qtbot.waitUntil(lambda: _names(page) == ["Nguyễn Văn Cường"], timeout=3000)
    page.select_id(page.model.id_at(0))

    def revoke(d: RevokeDialog):
        type_text(d.fields["reason"], "Kê khai thành tích không đúng")
        d.fields["signed_on"].set_value(date(2026, 2, 1))
        d.buttons.button(QDialogButtonBox.Save).click()

    def check_draft(e: DecisionEditor):
        assert e.f["number"].text() == "1"  # first decision of 2026, suggested
        qtbot.waitUntil(lambda: not e.busy, timeout=10000)  # the list loads off the GUI thread
        assert e.d.kind == "thu_hoi" and len(e.lines_model.items) == 1
        e.save_button.click()
        e.reject()

    when_dialog(RevokeDialog, revoke)
    when_dialog(DecisionEditor, check_draft)
    _click(page, "register_revoke")
    assert "không sửa, không xóa" in answers.texts("confirm")[-1]
    qtbot.waitUntil(lambda: any("Đã ban hành" in t for t in answers.texts("info")), timeout=10000)
    _filter(page, "revoked", "revoked")
    assert _names(page) == ["Nguyễn Văn Cường"]

    _filter(page, "revoked", None)
    page.search_box.clear()
    type_text(page.search_box, "anh")
    qtbot.waitUntil(lambda: _names(page) == ["Nguyễn Thị Ánh"], timeout=3000)
    page.select_id(page.model.id_at(0))

    def correct(d: CorrectDialog):
        d.fields["printed_name"].setText("")
        type_text(d.fields["printed_name"], "Nguyễn Thị Ngọc Ánh")
        type_text(d.fields["reason"], "Ghi thiếu tên đệm")
        d.fields["signed_on"].set_value(date(2026, 2, 2))
        d.buttons.button(QDialogButtonBox.Save).click()
        assert d.saved_id, d.error_label.text()

    def save_draft(e: DecisionEditor):
        assert e.d.kind == "dinh_chinh" and e.f["number"].text() == "2"
        e.save_button.click()
        e.reject()

    when_dialog(CorrectDialog, correct)
    when_dialog(DecisionEditor, save_draft)
    _click(page, "register_correct")
    # The correction is a new entry linked to the old one; both stay in the register.
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    issued_2026 = decisions.list_decisions(issued.db, year=2026, status="issued")
    assert sorted(d.full_number for d in issued_2026) == ["1/QĐ-UBND", "2/QĐ-UBND"]


def test_higher_level_decision_and_register_book(qtbot, window, issued, when_dialog,
                                                 monkeypatch):
    DialogRecorder(monkeypatch, text="2025")
    page = window.show_screen("decisions")

    def pick(p: SubjectPicker):
        type_text(p.search_box, "dung")
        qtbot.waitUntil(lambda: p.model.rowCount() == 1, timeout=3000)
        p.buttons.button(QDialogButtonBox.Ok).click()

    def external(d: ExternalDecisionDialog):
        type_text(d.fields["reference"], "2345/QĐ-UBND")
        d.fields["signed_on"].set_value(date(2025, 12, 20))
        box = d.fields["award"]
        box.setCurrentIndex(box.findText("Chiến sĩ thi đua thành phố (Cấp tỉnh)"))
        assert box.currentIndex() >= 0
        when_dialog(SubjectPicker, pick)
        d.findChild(QPushButton, "pick").click()
        d.buttons.button(QDialogButtonBox.Save).click()

    when_dialog(ExternalDecisionDialog, external)
    _click(page, "decisions_external")
    register = window.show_screen("register")
    type_text(register.search_box, "le thi dung")
    qtbot.waitUntil(lambda: register.model.rowCount() == 1, timeout=3000)

    register.search_box.clear()
    _click(register, "register_book")
    qtbot.waitUntil(lambda: getattr(register, "_preview", None) is not None, timeout=15000)
    assert register._preview.page_count() >= 1

"""Danh hiệu và mức thưởng: a decree change is an edit of data, with clear messages; the fund
takes a budget line and shows the balance."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from app.services.awards import award_kinds, fund
from tests.ui.helpers import type_text, wait_for_jobs
from ui.screens.award_kinds import AwardKindDialog, SalaryDialog
from ui.screens.fund import FundLineDialog


def _save(d):
    d.buttons.button(QDialogButtonBox.Save).click()


def test_edit_award_kind_coefficient_threshold_and_rules(qtbot, window, when_dialog):
    page = window.show_screen("award_kinds")
    row = next(i for i, k in enumerate(page.kinds.items) if k.code == "LDTT")
    page.kind_table.selectRow(row)

    def edit(d: AwardKindDialog):
        f = d.fields
        f["coef_person"].setText("0,35")
        f["vote_threshold"].setText("abc")
        _save(d)
        assert "Tỷ lệ phiếu phải là số" in d.error_label.text()
        f["vote_threshold"].setText("60")
        f["quota"].setPlainText('{"max_share": 0.5,')
        _save(d)
        assert "JSON ở dòng 1" in d.error_label.text()
        f["quota"].setPlainText('{"max_share": 0.5, "of_award": "LDTT"}')
        f["legal_basis"].setPlainText("")
        type_text(f["legal_basis"], "Nghị định mới số 999/2026/NĐ-CP")
        f["active"].setChecked(False)
        _save(d)
        assert d.saved_id

    when_dialog(AwardKindDialog, edit)
    page.edit_kind()
    k = award_kinds.get_award_kind(window.db, code="LDTT")
    assert (str(k.coef_person), float(k.vote_threshold)) == ("0.350", 60.0)
    assert k.quota == {"max_share": 0.5, "of_award": "LDTT"} and not k.active
    assert k.legal_basis == "Nghị định mới số 999/2026/NĐ-CP"
    shown = page.kinds.items[row]
    assert shown.code == "LDTT" and page.kinds.index(row, 5).data().startswith("0,35")
    assert page.kinds.index(row, 7).data() == "Không"


def test_add_base_salary_and_fund_budget(qtbot, window, when_dialog):
    page = window.show_screen("award_kinds")

    def salary(d: SalaryDialog):  # 01/07/2026 ships with the rule pack: a later decree
        type_text(d.fields["effective_from"], "01/07/2027")
        type_text(d.fields["amount"], "2.700.000")
        type_text(d.fields["legal_basis"], "Nghị định mới")
        _save(d)

    when_dialog(SalaryDialog, salary)
    page._open_salary(None)
    assert page.salaries.items[0].amount == 2_700_000
    assert page.salaries.items[0].effective_from == date(2027, 7, 1)

    fund_page = window.show_screen("fund")
    fund_page.year.setValue(2025)

    def budget(d: FundLineDialog):
        type_text(d.fields["amount"], "80.000.000")
        type_text(d.fields["description"], "Dự toán được giao năm 2025")
        _save(d)

    when_dialog(FundLineDialog, budget)
    fund_page.action_new()
    assert fund.balance(window.db, 2025).income == 80_000_000
    assert "còn lại 80.000.000 đồng" in fund_page.balance.text()


def test_attach_a_scanned_report_to_a_candidate(qtbot, window, issued, when_dialog, monkeypatch,
                                                tmp_path):
    from tests.ui.helpers import DialogRecorder
    from ui.screens.batch_files import AttachDialog, AttachmentsDialog

    scan = tmp_path / "Báo cáo thành tích Ánh.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned")
    out = tmp_path / "lấy ra.pdf"
    DialogRecorder(monkeypatch, open_path=str(scan), save_path=str(out))
    page = window.show_screen("batches")
    wait_for_jobs(qtbot)  # the candidates load off the GUI thread
    page.candidates.table.selectRow(0)

    def attach(d: AttachDialog):
        d.fields["kind"].setCurrentIndex(d.fields["kind"].findData("bao_cao_thanh_tich"))
        type_text(d.fields["doc_number"], "01/BC")
        _save(d)

    def files(d: AttachmentsDialog):
        when_dialog(AttachDialog, attach)
        d.add()
        assert [a.filename for a in d.model.items] == ["Báo cáo thành tích Ánh.pdf"]
        d.table.selectRow(0)
        d.save_as()
        d.reject()

    when_dialog(AttachmentsDialog, files)
    page.candidates.action_files()
    assert out.read_bytes() == b"%PDF-1.4 scanned"

"""One whole commendation round through the screens, as the officer does it: batch →
candidates picked by searching → guardrails → meeting → ballots → tally → decision drafted,
numbered, previewed → issued → the register and the fund show it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from app.services.awards import fund
from app.services.rounds import decisions
from tests.ui.helpers import type_text, wait_for_jobs
from ui.screens.batch_add import AddCandidatesDialog
from ui.screens.batch_meeting import MeetingDialog
from ui.screens.batch_tally import AGREE, RESULT
from ui.screens.batches import BatchDialog
from ui.screens.decision_actions import DraftDialog
from ui.screens.decision_editor import DecisionEditor
from ui.widgets.subject_picker import SubjectPicker


def _click(page, name):
    from PySide6.QtWidgets import QPushButton

    button = page.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    button.click()


def _save(dialog):
    dialog.buttons.button(QDialogButtonBox.Save).click()


def _batch_and_candidates(qtbot, window, when_dialog):
    page = window.show_screen("batches")

    def new_batch(d: BatchDialog):
        d.fields["name"].setText("")
        type_text(d.fields["name"], "Tổng kết năm 2025")
        d.fields["year"].setValue(2025)
        _save(d)

    when_dialog(BatchDialog, new_batch)
    _click(page, "new_batch")
    assert page.current().name == "Tổng kết năm 2025"

    def pick(p: SubjectPicker):
        type_text(p.search_box, "nguyen")  # no diacritics: finds Nguyễn Thị Ánh, Nguyễn Văn Cường
        qtbot.waitUntil(lambda: p.model.rowCount() == 2, timeout=3000)
        p.table.selectAll()
        p.add_selected()
        p.search_box.clear()
        type_text(p.search_box, "dang van")
        qtbot.waitUntil(lambda: p.model.rowCount() == 1, timeout=3000)
        p.table.selectRow(0)
        p.buttons.button(QDialogButtonBox.Ok).click()  # highlighted rows join the basket

    def add(d: AddCandidatesDialog):
        box = d.fields["award"]
        box.setCurrentIndex(box.findText("Lao động tiên tiến"))
        type_text(d.fields["proposing_unit"], "Trường Tiểu học Bình Hàn")
        when_dialog(SubjectPicker, pick)
        d.pick_button.click()
        assert d.chosen_label.text().startswith("3:")
        _save(d)

    when_dialog(AddCandidatesDialog, add)
    _click(page.candidates, "cand_add")
    wait_for_jobs(qtbot)  # added, then listed, off the GUI thread
    return page


def test_whole_round_through_the_screens(qtbot, window, ward, when_dialog, answers, tmp_path,
                                         monkeypatch):
    page = _batch_and_candidates(qtbot, window, when_dialog)
    names = [c.subject_name for c in page.candidates.model.items]
    assert sorted(names) == ["Nguyễn Thị Ánh", "Nguyễn Văn Cường", "Đặng Văn Bảo"]
    assert "Đã thêm 3 ứng viên." in answers.texts("info")[-1]

    _click(page.candidates, "cand_check")  # guardrails: advice per candidate, shown with basis
    wait_for_jobs(qtbot)
    assert "Đã kiểm tra 3 ứng viên" in answers.texts("info")[-1]
    assert "Chưa kiểm tra" not in page.candidates.findings.toPlainText()

    page.tabs.setCurrentWidget(page.council)

    def meeting(d: MeetingDialog):
        d.fields["day"].set_value(date(2025, 12, 1))
        box = d.fields["attendees"]
        # Phạm Văn Sơn is away (the chair and the secretary must attend: they sign)
        box.item(2).setCheckState(box.item(2).checkState().__class__.Unchecked)
        assert "Có mặt 3/4" in d.quorum_label.text()
        _save(d)

    when_dialog(MeetingDialog, meeting)
    _click(page.council, "council_new_meeting")
    wait_for_jobs(qtbot)
    council = page.council
    assert "Có mặt 3/4 thành viên, cần 3" in council.quorum.text()

    _click(council, "council_ballots")  # secret ballots: one per member present
    qtbot.waitUntil(lambda: getattr(council, "_preview", None) is not None, timeout=15000)
    assert council._preview.page_count() == 3
    temp = council._preview.pdf_path
    council._preview.close()
    assert not temp.exists()  # the preview's temporary file goes with it

    _click(council, "council_fill")
    agree = {"Nguyễn Thị Ánh": 3, "Nguyễn Văn Cường": 2, "Đặng Văn Bảo": 1}
    for r in range(council.model.rowCount()):
        council.model.set_text(r, AGREE, str(agree[council.model.text(r, 0)]))
    _click(council, "council_save_tally")
    wait_for_jobs(qtbot)
    results = {council.model.text(r, 0): council.model.text(r, RESULT)
               for r in range(council.model.rowCount())}
    # 2 of 3 present is 66,7 % ≥ 50 %: passes; 1 of 3 fails.
    assert results == {"Nguyễn Thị Ánh": "Đạt", "Nguyễn Văn Cường": "Đạt", "Đặng Văn Bảo": "Không đạt"}
    _click(council, "council_close")
    assert page.current().status == "council"

    page.tabs.setCurrentWidget(page.decisions)

    def draft(d: DraftDialog):
        d.fields["signed_on"].set_value(date(2025, 12, 5))
        _save(d)

    def editor(e: DecisionEditor):
        assert e.f["number"].text() == "1"  # the next free number of 2025, suggested
        assert "Nguyễn Văn Hùng" == e.f["signer_name"].text()
        qtbot.waitUntil(lambda: not e.busy, timeout=10000)  # the list loads off the GUI thread
        assert len(e.lines_model.items) == 2
        assert "Một triệu bốn trăm hai mươi nghìn đồng" in e.total_label.text()
        e.save_button.click()
        e.reject()

    when_dialog(DraftDialog, draft)
    when_dialog(DecisionEditor, editor)
    _click(page.decisions, "dec_draft")
    qtbot.waitUntil(lambda: page.decisions.current() is not None, timeout=15000)
    wait_for_jobs(qtbot)
    d = page.decisions.current()
    assert d.full_number == "1/QĐ-UBND" and d.total_money == 1_420_000

    saved = tmp_path / "quyết định.docx"
    monkeypatch.setattr("ui.dialogs.save_file", lambda *a, **k: str(saved))
    _click(page.decisions, "dec_preview")
    qtbot.waitUntil(lambda: getattr(page.decisions, "_preview", None) is not None, timeout=15000)
    assert page.decisions._preview.page_count() >= 2  # the decision, then the attached list
    page.decisions._preview.save_docx()
    assert saved.exists()

    _click(page.decisions, "dec_issue")
    assert "chỉ đọc" in answers.texts("confirm")[-1]
    qtbot.waitUntil(lambda: decisions.get_decision(ward.db, d.id).status == "issued",
                    timeout=15000)
    qtbot.waitUntil(lambda: page.decisions.current().status == "issued", timeout=5000)
    assert "ghi 2 mục vào Sổ khen thưởng (số vào sổ 2025/0001 – 2025/0002)" in \
        answers.texts("info")[-1]

    _click(page.decisions, "dec_register")  # straight to the entries just written
    register = window.page("register")
    assert window.stack.currentWidget() is register and register.model.rowCount() == 2
    assert register.filter_boxes["decision_id"].currentData() == d.id
    type_text(register.search_box, "anh")
    qtbot.waitUntil(lambda: register.model.rowCount() == 1, timeout=3000)
    row = dict(zip([c.title for c in register.source.columns],
                   register.source.rows(register.model.all_ids())[0]))
    assert row["Số vào sổ"] == "2025/0001" and row["Năm"] == 2025
    assert "Nguyễn Thị Ánh" in row.values() and "Lao động tiên tiến" in row.values()
    assert fund.balance(ward.db, 2025).spending == 1_420_000
    window.show_screen("fund").year.setValue(2025)
    assert "chi 1.420.000 đồng" in window.page("fund").balance.text()

"""Initiatives and role models screens: pick authors / the subject as a user would, save,
find, print the profile."""

from emulation_helpers import small_ward
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from app.services.emulation import initiatives as ini
from app.services.emulation import role_models as rm
from tests.ui.helpers import DialogRecorder, type_text
from ui.main_window import MainWindow
from ui.widgets.subject_picker import SubjectPicker


def when_open(kind, callback, attempts=100):
    """Run callback(dialog) once a modal dialog of ``kind`` is the active one."""

    def poll(remaining=attempts):
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            callback(dialog)
        elif remaining:
            QTimer.singleShot(20, lambda: poll(remaining - 1))

    QTimer.singleShot(0, poll)


def _pick(name):
    def pick(picker):
        picker.search_box.setText(name)
        picker.reload()
        picker.table.selectRow(0)
        picker.accept()
    return pick


def _window(qtbot, db):
    win = MainWindow(db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    return win


def test_add_initiative_with_two_authors(qtbot, org_db, monkeypatch):
    from ui.screens.initiatives import InitiativeDialog

    DialogRecorder(monkeypatch)
    small_ward(org_db)
    win = _window(qtbot, org_db)
    page = win.show_screen("initiatives")

    def fill(dialog):
        type_text(dialog.fields["title"], "Số hóa hồ sơ một cửa")
        for name in ("nguyen van an", "tran thi binh"):
            when_open(SubjectPicker, _pick(name))
            dialog.fields["authors"].findChild(QPushButton, "add_author").click()
        dialog.fields["year"].setValue(2024)
        dialog.fields["recognized"].setChecked(True)
        type_text(dialog.fields["decision_number"], "25/QĐ-UBND")
        dialog.buttons.button(QDialogButtonBox.Save).click()

    when_open(InitiativeDialog, fill)
    page.action_new()
    rows = page.source.rows(page.model.all_ids())
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("Số hóa hồ sơ một cửa", "Nguyễn Văn An, Trần Thị Bình", 2024)]
    assert rows[0][5] == "QĐ số 25/QĐ-UBND"
    type_text(page.search_box, "binh")  # authors are searchable
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert len(ini.recognised_for_person(org_db, page_person(org_db, "Nguyễn Văn An"))) == 1


def page_person(db, name):
    from sqlalchemy import select

    from db.models import Subject

    with db.read() as s:
        return s.scalar(select(Subject.id).where(Subject.name == name))


def test_role_model_form_and_profile(qtbot, org_db, monkeypatch, tmp_path):
    from ui.screens.role_models import RoleModelDialog

    pdf = tmp_path / "hồ sơ.pdf"
    recorder = DialogRecorder(monkeypatch, save_path=str(pdf))
    small_ward(org_db)
    win = _window(qtbot, org_db)
    page = win.show_screen("role_models")

    def fill(dialog):
        when_open(SubjectPicker, _pick("pham thi dung"))
        dialog.findChild(QPushButton, "choose_subject").click()
        type_text(dialog.fields["headline"], "Tận tụy với học sinh nghèo")
        type_text(dialog.fields["story"], "Cô luôn giúp đỡ học sinh có hoàn cảnh khó khăn.")
        assert dialog.counter.text().startswith("47/")
        dialog.buttons.button(QDialogButtonBox.Save).click()

    when_open(RoleModelDialog, fill)
    page.action_new()
    assert page.model.rowCount() == 1
    assert page.source.rows(page.model.all_ids())[0][:2] == ("Phạm Thị Dung", "Cá nhân")
    page.table.selectRow(0)
    page.btn_profile.click()
    assert recorder.texts("info")[-1].startswith("Đã lưu hồ sơ")
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Phạm Thị Dung" in text and "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG" in text
    assert rm.for_subjects(org_db, [page_person(org_db, "Phạm Thị Dung")])

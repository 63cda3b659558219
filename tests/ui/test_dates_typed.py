"""Dates typed the quick way (12031985, no slashes) are accepted wherever a date is typed."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox

from app.services.records import records
from tests.ui.helpers import type_text
from ui.widgets.form import DateEdit, FormDialog


def test_birth_date_typed_without_slashes_is_saved(qtbot, org_db):
    from ui.screens.records_persons import PersonDialog

    dialog = PersonDialog(org_db, None)
    qtbot.addWidget(dialog)
    type_text(dialog.fields["full_name"], "Đỗ Thị Lan")
    qtbot.keyClicks(dialog.fields["birth_date"], "12031985")
    dialog.buttons.button(QDialogButtonBox.Save).click()
    assert dialog.saved_id is not None, dialog.error_label.text()
    assert records.get_person(org_db, dialog.saved_id).birth_date == date(1985, 3, 12)


def test_date_field_shows_the_date_it_understood(qtbot):
    edit = DateEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    qtbot.keyClicks(edit, "05012026")
    qtbot.keyClick(edit, Qt.Key_Tab)
    edit.editingFinished.emit()
    assert edit.text() == "05/01/2026" and edit.value() == date(2026, 1, 5)
    for typed, expected in (("5/1/2026", date(2026, 1, 5)), ("05.01.2026", date(2026, 1, 5)),
                            (" 31122025 ", date(2025, 12, 31)), ("", None)):
        edit.setText(typed)
        assert edit.value() == expected, typed


def test_impossible_or_short_dates_are_refused_with_a_message(qtbot):
    dialog = FormDialog("Thử")
    qtbot.addWidget(dialog)
    edit = dialog.add_row("d", "Ngày", DateEdit())
    for typed in ("31022025", "1203198", "120385"):
        edit.setText(typed)
        try:
            edit.value()
        except ValueError as exc:
            assert "Ngày" in str(exc)
        else:
            raise AssertionError(f"{typed} accepted")


def test_every_date_box_of_the_screens_takes_typed_digits(qtbot, org_db):
    """The audit and report screens use Qt's date boxes: digits advance day → month → year."""
    from ui.main_window import MainWindow

    win = MainWindow(org_db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    for key in ("audit", "reports"):
        page = win.show_screen(key)
        for box in page.findChildren(QDateEdit):
            box.setEnabled(True)
            box.setFocus()
            box.setSelectedSection(QDateEdit.DaySection)
            qtbot.keyClicks(box, "12031985")
            assert box.date().toPython() == date(1985, 3, 12), (key, box.objectName())

"""The first-run screen takes both people who sign: the Chủ tịch (signing directly) and a
Phó Chủ tịch (signing "KT. CHỦ TỊCH")."""

from app.services.system.organization import list_signers
from tests.ui.helpers import type_text


def _org(dialog):
    org = dialog.org.edits
    type_text(org["parent_body"], "UBND thành phố Hải Phòng")
    type_text(org["body_name"], "Ủy ban nhân dân phường Thành Đông")
    type_text(org["short_name"], "phường Thành Đông")
    type_text(org["place_name"], "Thành Đông")


def test_first_run_takes_the_chairman_and_a_deputy(qtbot, db):
    from ui.screens.first_run import FirstRunDialog

    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.deputy.isVisible() and dialog.deputy.title.text() == "Phó Chủ tịch"
    _org(dialog)
    type_text(dialog.chair.name, "Nguyễn Văn Hùng")
    type_text(dialog.deputy.name, "Trần Thị Mai")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    signers = [(s.full_name, s.title, s.sign_mode) for s in list_signers(db)]
    assert signers == [("Nguyễn Văn Hùng", "Chủ tịch", ""),
                       ("Trần Thị Mai", "Phó Chủ tịch", "KT.")]


def test_the_deputy_may_be_left_for_later(qtbot, db):
    from ui.screens.first_run import FirstRunDialog

    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    _org(dialog)
    type_text(dialog.chair.name, "Nguyễn Văn Hùng")
    dialog.accept()
    assert [s.title for s in list_signers(db)] == ["Chủ tịch"]


def test_a_deputy_without_a_name_is_explained(qtbot, db):
    from ui.screens.first_run import FirstRunDialog

    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    _org(dialog)
    type_text(dialog.chair.name, "Nguyễn Văn Hùng")
    dialog.deputy.title.setText("Phó Chủ tịch phụ trách văn hóa")
    dialog.accept()
    assert "họ tên" in dialog.error.text() and list_signers(db) == []

"""The award spellings of old registers get a screen of their own: listed, searched, added,
corrected and taken out of use (audited), from Danh hiệu và mức thưởng and from the import
screen, where a change is read at once by the old register being previewed."""

from __future__ import annotations

import pytest
from history_helpers import per_row_sheet, save
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from app.errors import ValidationError
from app.services.awards import award_spellings as sp
from app.services.awards.reference import seed_reference_data
from db.models import AuditLog, AwardKind
from tests.ui.helpers import DialogRecorder, type_text
from ui.screens.award_spellings import AwardSpellingsDialog, SpellingDialog

GK_CT = "Giấy khen của Chủ tịch Ủy ban nhân dân"


def _kind(db, code: str) -> int:
    with db.read() as s:
        return s.scalar(select(AwardKind.id).where(AwardKind.code == code))


def _row(db, spelling: str) -> sp.SpellingInfo:
    return next(x for x in sp.list_spellings(db) if x.spelling == spelling)


def _index(db) -> dict[str, int]:
    with db.read() as s:
        return sp.spelling_index(s)


def _audit(db) -> list[tuple[str, str | None]]:
    with db.read() as s:
        return s.execute(select(AuditLog.action, AuditLog.note).where(
            AuditLog.entity == "award_spelling").order_by(AuditLog.id)).all()


def when_open(cls, callback, attempts: int = 150) -> None:
    """``callback(dialog)`` once a modal dialog of class ``cls`` shows (an outer one is
    passed over until the inner one opens); the dialog is closed if the callback fails."""

    def poll(remaining=attempts):
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls):
            try:
                callback(dialog)
            except BaseException:
                dialog.reject()
                raise
        elif remaining:
            QTimer.singleShot(20, lambda: poll(remaining - 1))
        elif dialog is not None:
            dialog.reject()

    QTimer.singleShot(0, poll)


# ------------------------------------------------------------------ the service
def test_a_spelling_is_corrected_or_taken_out_of_use_audited(db):
    gk, ldtt = _kind(db, "GK_CT"), _kind(db, "LDTT")
    sid = sp.save_spelling(db, "GK CT phuong", ldtt)  # typed wrong twice
    sp.update_spelling(db, sid, "GK CT phường", gk)
    assert _row(db, "GK CT phường").award_kind_id == gk
    assert _index(db)[sp.spelling_key("gk ct phuong")] == gk
    sp.remove_spelling(db, sid)
    assert not _row(db, "GK CT phường").active
    assert sp.spelling_key("GK CT phường") not in _index(db)
    sp.update_spelling(db, sid, "GK CT phường", gk, active=True)  # switched on again
    assert _index(db)[sp.spelling_key("GK CT phường")] == gk
    actions = _audit(db)
    assert [a for a, _ in actions] == ["create", "update", "delete", "update"]
    assert actions[2][1] == "Bỏ cách viết “GK CT phường”"


def test_a_seeded_spelling_taken_out_stays_out(db):
    seeded = _row(db, "LĐTT")
    assert seeded.origin == "seed"
    sp.remove_spelling(db, seeded.id)
    with db.session() as s:
        seed_reference_data(s)  # every start of the app
    assert not _row(db, "LĐTT").active


def test_a_spelling_meaning_something_else_is_refused(db):
    gk, ldtt = _kind(db, "GK_CT"), _kind(db, "LDTT")
    sid = sp.save_spelling(db, "GK CT phường", gk)
    with pytest.raises(ValidationError, match="đã có trong bảng .“LĐTT”.: sửa dòng đó"):
        sp.update_spelling(db, sid, "lđtt", ldtt)  # the seeded LĐTT, in other letters
    with pytest.raises(ValidationError, match="đã được hiểu là “Lao động tiên tiến”"):
        sp.update_spelling(db, sid, "Lao động tiên tiến", gk)  # an award kind's own name
    with pytest.raises(ValidationError, match="đang trống"):
        sp.update_spelling(db, sid, " – ", gk)
    sp.update_spelling(db, sid, "GK CT phường Thành Đông", gk)  # its own row: fine
    assert _row(db, "GK CT phường Thành Đông").id == sid


# ------------------------------------------------------------------ the dialog
def _fill(spelling: str, kind_name: str, active: bool | None = None):
    def fill(form: SpellingDialog) -> None:
        form.fields["spelling"].clear()
        type_text(form.fields["spelling"], spelling)
        box = form.fields["award_kind"]
        box.setCurrentIndex(box.findText(kind_name))
        if active is not None:
            form.fields["active"].setChecked(active)
        form.accept()
    return fill


def test_the_table_is_listed_searched_added_to_edited_and_emptied_of_a_row(
        qtbot, db, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    table = AwardSpellingsDialog(db)
    qtbot.addWidget(table)
    total = table.model.rowCount()
    assert total >= 60 and table.count.text() == f"{total}/{total} cách viết"
    type_text(table.search, "lao dong tt")  # no accents, any case
    assert [x.spelling for x in table.model.items] == ["Lao động TT", "Tập thể lao động TT"]
    table.search.clear()

    when_open(SpellingDialog, _fill("GK CT phường", GK_CT))
    table.add()
    assert table.changed and table.model.rowCount() == total + 1
    [picked] = {i.row() for i in table.table.selectionModel().selectedRows()}
    added = table.model.items[picked]
    assert (added.spelling, added.award_name, added.origin) == ("GK CT phường", GK_CT, "user")

    when_open(SpellingDialog, _fill("GK Chủ tịch phường", GK_CT))
    table.edit()  # the row just added is the selected one
    assert _row(db, "GK Chủ tịch phường").id == added.id

    table.delete()
    assert "Xóa cách viết “GK Chủ tịch phường”" in recorder.texts("confirm")[0]
    assert table.count.text().endswith("(1 đã xóa)")
    assert table.model.items[picked].active is False
    assert table.model.data(table.model.index(picked, 3)) == "Không (đã xóa)"
    assert [a for a, _ in _audit(db)] == ["create", "update", "delete"]


def test_a_refused_edit_says_why_in_the_form(qtbot, db):
    table = AwardSpellingsDialog(db)
    qtbot.addWidget(table)
    table.table.selectRow(0)
    first = table.model.items[0]
    seen = {}

    def refused(form: SpellingDialog) -> None:
        _fill("Lao động tiên tiến", GK_CT)(form)  # stays open: the name of another award
        seen["error"] = form.error_label.text()
        form.reject()

    when_open(SpellingDialog, refused)
    table.edit()
    assert seen["error"] == "Cách viết “Lao động tiên tiến” đã được hiểu là “Lao động tiên tiến”."
    assert _row(db, first.spelling).award_kind_id == first.award_kind_id and not table.changed


def test_reached_from_the_award_kinds_screen(qtbot, db):
    from ui.screens.award_kinds import AwardKindsPage

    page = AwardKindsPage(db)
    qtbot.addWidget(page)
    button = next(b for b in page.findChildren(QPushButton)
                  if b.text() == "Cách viết trong sổ cũ…")
    opened = {}
    when_open(AwardSpellingsDialog, lambda d: (opened.setdefault("rows", d.model.rowCount()),
                                               d.reject()))
    button.click()
    assert opened["rows"] >= 60


def test_from_the_import_screen_a_new_spelling_is_read_by_the_preview(
        qtbot, org_db, monkeypatch, tmp_path):
    from excel_helpers import seed_ward

    from ui.main_window import MainWindow

    seed_ward(org_db)
    rows = [[1, "Lê Văn Tám", "Trạm Y tế phường", "GK CT phường", "151/QĐ-UBND", "12/12/2021",
             "Phường", "300.000", None]]
    path = save({"2021": per_row_sheet(2021, rows)}, tmp_path / "sổ cũ.xlsx")
    DialogRecorder(monkeypatch, open_path=str(path))
    win = MainWindow(org_db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    page = win.show_screen("excel_import")
    history_pages = [p for p, _title in page.details.history.pages]
    assert not any(p.isVisible() for p in history_pages)  # not drawn over the other tabs
    assert not page.btn_spellings.isVisible()  # only for the old register
    page.kind.setCurrentIndex(page.kind.findData("award_history"))
    assert page.btn_spellings.isVisible()
    page.btn_open.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    details = page.details
    assert history_pages[0].isVisible()
    assert details.tabText(3) == "Cách viết danh hiệu (1, 1 chưa hiểu)"
    assert not page.btn_import.isEnabled()

    def add_it(table: AwardSpellingsDialog) -> None:
        when_open(SpellingDialog, _fill("GK CT phường", GK_CT))
        table.add()
        table.reject()

    when_open(AwardSpellingsDialog, add_it)
    page.btn_spellings.click()
    qtbot.waitUntil(lambda: details.tabText(3) == "Cách viết danh hiệu (1)", timeout=5000)
    assert page.btn_import.isEnabled()

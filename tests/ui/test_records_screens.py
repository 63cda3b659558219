"""The records screens driven as a user would: type, click, see the row."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services.records import records
from tests.ui.helpers import type_text, when_modal
from ui.main_window import MainWindow


def _window(qtbot, db):
    win = MainWindow(db, "phường Thành Đông")
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def _save(dialog):
    dialog.buttons.button(QDialogButtonBox.Save).click()


def _texts(page):
    m = page.model
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def test_add_person_through_the_form_and_find_it_without_diacritics(qtbot, org_db, dialogs):
    area = records.save_area(org_db, records.AreaData("Khu dân cư số 5"))
    win = _window(qtbot, org_db)
    page = win.show_screen("persons")

    def fill(dialog):
        type_text(dialog.fields["full_name"], "Đặng Thị Ánh")
        dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("nữ"))
        type_text(dialog.fields["birth_date"], "05/01/1980")
        type_text(dialog.fields["cccd"], "001180004567")
        dialog.fields["area_id"].setCurrentIndex(dialog.fields["area_id"].findData(area))
        _save(dialog)

    when_modal(fill)
    qtbot.keyClick(win, Qt.Key_N, Qt.ControlModifier)
    assert _texts(page) == ["Đặng Thị Ánh"]
    row = page.source.rows(page.model.all_ids())[0]
    assert row[1:4] == ("nữ", "05/01/1980", "001180004567") and row[6] == "Khu dân cư số 5"

    records.save_person(org_db, records.PersonData("Nguyễn Văn Bình"))
    page.reload()
    type_text(page.search_box, "dang thi")
    qtbot.waitUntil(lambda: _texts(page) == ["Đặng Thị Ánh"], timeout=2000)


def test_bad_cccd_is_explained_in_the_form_and_nothing_saved(qtbot, org_db):
    from ui.screens.records_persons import PersonDialog

    dialog = PersonDialog(org_db, None)
    qtbot.addWidget(dialog)
    type_text(dialog.fields["full_name"], "Lê Văn Cường")
    type_text(dialog.fields["cccd"], "12345")
    _save(dialog)
    assert dialog.error_label.isVisibleTo(dialog)
    assert "12 chữ số" in dialog.error_label.text()
    assert dialog.saved_id is None
    dialog.fields["birth_date"].setText("31/02/1990")
    dialog.fields["cccd"].clear()
    _save(dialog)
    assert "không có thật" in dialog.error_label.text()


def test_persons_sort_the_vietnamese_way(qtbot, org_db):
    for name in ["Đào Văn An", "Dương Thị Bình", "Nguyễn Văn Đào", "Lê Thị Dương", "Trần An"]:
        records.save_person(org_db, records.PersonData(name))
    win = _window(qtbot, org_db)
    page = win.show_screen("persons")
    # Given name first (An < Bình < Dương < Đào), then family and middle names (Đ < T).
    assert _texts(page) == ["Đào Văn An", "Trần An", "Dương Thị Bình", "Lê Thị Dương",
                            "Nguyễn Văn Đào"]
    page.table.sortByColumn(0, Qt.DescendingOrder)
    assert _texts(page)[0] == "Nguyễn Văn Đào"


def test_area_filter_and_delete_refused_while_in_use(qtbot, org_db, dialogs):
    unit = records.save_former_unit(org_db, "Bình Hàn")
    a1 = records.save_area(org_db, records.AreaData("Khu dân cư số 1", former_unit_id=unit))
    a2 = records.save_area(org_db, records.AreaData("Khu dân cư số 2"))
    records.save_household(org_db, records.HouseholdData("Phạm Văn Tú", area_id=a1))
    records.save_household(org_db, records.HouseholdData("Hoàng Thị Mai", area_id=a2))
    win = _window(qtbot, org_db)
    page = win.show_screen("households")
    assert len(_texts(page)) == 2
    combo = page.filter_boxes["former_unit_id"]
    combo.setCurrentIndex(combo.findData(unit))
    assert _texts(page) == ["Phạm Văn Tú"]

    areas = win.show_screen("areas")
    areas.select_id(a1)
    areas.action_delete()
    assert any("Không thể xóa" in t and "1 hồ sơ thuộc khu dân cư" in t for t in dialogs.texts("warn"))
    assert len(_texts(areas)) == 2


def test_edit_collective_keeps_id_and_updates_row(qtbot, org_db):
    cid = records.save_collective(org_db, records.CollectiveData("Trường Tiểu học Bình Hàn",
                                                                 kind="trường học"))
    win = _window(qtbot, org_db)
    page = win.show_screen("collectives")
    page.select_id(cid)

    def rename(dialog):
        dialog.fields["name"].clear()
        type_text(dialog.fields["name"], "Trường Tiểu học Cẩm Thượng")
        _save(dialog)

    when_modal(rename)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_Return)
    assert _texts(page) == ["Trường Tiểu học Cẩm Thượng"]
    assert records.get_collective(org_db, cid).kind == "trường học"


def test_first_run_dialog_requires_the_organisation(qtbot, db):
    from app.services.system.organization import get_org, list_signers
    from ui.screens.first_run import FirstRunDialog

    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "Chưa nhập" in dialog.error.text() and get_org(db) is None
    org = dialog.org.edits
    type_text(org["parent_body"], "UBND thành phố Hải Phòng")
    type_text(org["body_name"], "Ủy ban nhân dân phường Thành Đông")
    type_text(org["short_name"], "phường Thành Đông")
    type_text(org["place_name"], "Thành Đông")
    type_text(dialog.chair.name, "Nguyễn Văn Hùng")
    dialog.accept()
    assert get_org(db).body_name == "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG"
    assert list_signers(db)[0].title == "Chủ tịch"


def test_open_other_database_switches_window(qtbot, org_db, tmp_path, monkeypatch):
    from app.context import open_app_database
    from app.services.system.organization import OrgData, save_org
    from tests.ui.helpers import DialogRecorder

    other = tmp_path / "bản sao.sqlite"
    db2 = open_app_database(other)
    save_org(db2, OrgData("UBND TỈNH X", "ỦY BAN NHÂN DÂN XÃ AN THƯỢNG", "xã An Thượng", "An Thượng"))
    records.save_person(db2, records.PersonData("Vũ Thị Lan"))
    db2.dispose()
    DialogRecorder(monkeypatch, open_path=str(other))
    win = _window(qtbot, org_db)
    new = win.open_other_database()
    qtbot.addWidget(new)
    assert "xã An Thượng" in new.windowTitle()
    assert _texts(new.show_screen("persons")) == ["Vũ Thị Lan"]
    new.db.dispose()


def test_open_foreign_file_is_refused_with_reason(qtbot, org_db, tmp_path, monkeypatch):
    from tests.ui.helpers import DialogRecorder

    junk = tmp_path / "ảnh.db"
    junk.write_bytes(b"\x89PNG not a database" * 50)
    rec = DialogRecorder(monkeypatch, open_path=str(junk))
    win = _window(qtbot, org_db)
    assert win.open_other_database() is None
    assert "không phải" in rec.texts("error")[0]


def test_first_run_on_a_new_pc_restores_the_usb_backup(qtbot, tmp_path, monkeypatch):
    from app.backup import backup_database
    from app.context import open_app_database
    from app.services.system.organization import OrgData, get_org, save_org
    from tests.ui.helpers import DialogRecorder
    from ui.screens.first_run import FirstRunDialog

    old = open_app_database(tmp_path / "máy cũ.sqlite")
    save_org(old, OrgData("UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG",
                          "phường Thành Đông", "Thành Đông"))
    records.save_person(old, records.PersonData("Vũ Thị Lan"))
    usb = tmp_path / "USB"
    usb.mkdir()
    result = backup_database(old, usb)
    old.dispose()

    new = open_app_database(tmp_path / "máy mới" / "thiduakhenthuong.sqlite")
    DialogRecorder(monkeypatch, open_path=str(result.path))
    dialog = FirstRunDialog(new)
    qtbot.addWidget(dialog)
    dialog.btn_restore.click()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=15000)
    assert get_org(new).short_name == "phường Thành Đông"
    assert [p.full_name for p in [records.get_person(new, pid) for pid in
            new_ids(new)]] == ["Vũ Thị Lan"]
    new.dispose()


def new_ids(db):
    from app.services.records.record_lists import PersonSource

    return PersonSource(db).ids("", {}, (0, True))

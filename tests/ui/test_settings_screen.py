"""Cài đặt đơn vị: change the body, signers and former units through the screen."""

from app.services.records import records
from app.services.system.organization import Staff, get_org, get_staff, list_signers
from tests.ui.helpers import DialogRecorder, type_text
from ui.screens.settings_org import OrgSettingsPage


def test_change_signers_and_org(qtbot, org_db, dialogs):
    page = OrgSettingsPage(org_db)
    qtbot.addWidget(page)
    assert page.signers[0].name.text() == "Nguyễn Văn Hùng"
    type_text(page.signers[1].name, "Trần Thị Thu Hà")
    type_text(page.signers[1].title, "Phó Chủ tịch")
    page.signers[1].mode.setCurrentIndex(page.signers[1].mode.findData("KT."))
    page.org.edits["place_name"].clear()
    type_text(page.org.edits["place_name"], "Thành Đông")
    type_text(page.preparer, "Nguyễn Thị Thanh Hương")
    page.btn_save.click()
    assert dialogs.texts("info") == [
        "Đã lưu thông tin đơn vị, người ký, người lập biểu và kế toán."]
    assert [(s.full_name, s.sign_mode) for s in list_signers(org_db)] == [
        ("Nguyễn Văn Hùng", ""), ("Trần Thị Thu Hà", "KT.")]
    assert get_staff(org_db) == Staff("Nguyễn Thị Thanh Hương", "")
    again = OrgSettingsPage(org_db)  # shown again as saved
    qtbot.addWidget(again)
    assert again.preparer.text() == "Nguyễn Thị Thanh Hương" and again.accountant.text() == ""

    page.org.edits["body_name"].clear()
    page.btn_save.click()
    assert "tên cơ quan ban hành" in dialogs.texts("warn")[-1]
    assert get_org(org_db).body_name == "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG"


def test_former_units_added_and_refused_delete(qtbot, org_db, monkeypatch):
    recorder = DialogRecorder(monkeypatch, text="Bình Hàn")
    page = OrgSettingsPage(org_db)
    qtbot.addWidget(page)
    page.add_unit()
    assert page.units.count() == 1 and page.units.item(0).text() == "Bình Hàn"
    unit_id = records.former_unit_choices(org_db)[0].id
    records.save_area(org_db, records.AreaData("Khu dân cư số 1", former_unit_id=unit_id))
    page.units.setCurrentRow(0)
    page.delete_unit()
    assert "còn 1 hồ sơ" in recorder.texts("warn")[-1]
    assert page.units.count() == 1

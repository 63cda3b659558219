"""The subject picker: switch type, filter by area, search folded, take all shown rows."""

from __future__ import annotations

from app.services.records import records
from tests.ui.helpers import type_text
from ui.widgets.subject_picker import SubjectPicker


def test_pick_every_household_of_one_area_and_one_person(qtbot, org_db):
    north = records.save_area(org_db, records.AreaData("Khu dân cư Bắc"))
    south = records.save_area(org_db, records.AreaData("Khu dân cư Nam"))
    for i, area in enumerate([north, north, north, south]):
        records.save_household(org_db, records.HouseholdData(f"Trần Văn Hộ {i}", area_id=area))
    records.save_person(org_db, records.PersonData("Đỗ Thị Hằng"))
    picker = SubjectPicker(org_db, types=("household", "person"))
    qtbot.addWidget(picker)
    assert picker.subject_type() == "household" and picker.model.rowCount() == 4
    box = picker.filter_boxes["area_id"]
    box.setCurrentIndex(box.findData(north))
    assert picker.model.rowCount() == 3
    picker.add_all()
    picker.type_box.setCurrentIndex(1)
    type_text(picker.search_box, "do thi hang")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=3000)
    picker.table.selectRow(0)
    picker.accept()
    names = [n for _, n in picker.chosen()]
    assert names == ["Trần Văn Hộ 0", "Trần Văn Hộ 1", "Trần Văn Hộ 2", "Đỗ Thị Hằng"]

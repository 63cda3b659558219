"""Issue 10 point 5: the household form and the database keep the head's birth year and CCCD
(migration 0004), checked like a person's."""

import sqlite3

from PySide6.QtWidgets import QDialogButtonBox

from app.services.records import records
from tests.ui.helpers import type_text


def _dialog(qtbot, db, household_id=None):
    from ui.screens.records_households import HouseholdDialog

    dialog = HouseholdDialog(db, household_id)
    qtbot.addWidget(dialog)
    return dialog


def _save(dialog):
    dialog.buttons.button(QDialogButtonBox.Save).click()


def test_household_form_keeps_head_birth_year_and_cccd(qtbot, org_db):
    area = records.save_area(org_db, records.AreaData("Khu dân cư số 5"))
    dialog = _dialog(qtbot, org_db)
    type_text(dialog.fields["head_name"], "Hà Văn Quý")
    dialog.fields["area_id"].setCurrentIndex(dialog.fields["area_id"].findData(area))
    type_text(dialog.fields["head_birth_year"], "1958")
    type_text(dialog.fields["head_cccd"], "00105800012")  # 11 digits
    _save(dialog)
    assert dialog.saved_id is None and "12 chữ số" in dialog.error_label.text()
    dialog.fields["head_cccd"].setText("001058000123")
    _save(dialog)
    assert dialog.saved_id is not None, dialog.error_label.text()
    saved = records.get_household(org_db, dialog.saved_id)
    assert (saved.head_birth_year, saved.head_cccd) == (1958, "001058000123")
    again = _dialog(qtbot, org_db, dialog.saved_id)
    assert again.fields["head_birth_year"].text() == "1958"
    assert again.fields["head_cccd"].text() == "001058000123"


def test_migration_0004_keeps_existing_households(tmp_path, tmp_data_dir):
    from db.migrate import open_database
    from tests.migration_helpers import migrate_to

    path = tmp_path / "cũ.sqlite"
    migrate_to(path, "0003_protect")
    con = sqlite3.connect(path)
    con.execute("INSERT INTO subject (id, type, name, name_folded, sort_key, created_at, "
                "updated_at) VALUES (1, 'household', 'Lê Văn Cũ', 'le van cu', 'cu', "
                "'2025-01-01', '2025-01-01')")
    con.execute("INSERT INTO household (id, address, members) VALUES (1, 'Số 2', 4)")
    con.commit()
    con.close()
    db = open_database(path)
    try:
        got = records.get_household(db, 1)
        assert (got.head_name, got.address, got.members) == ("Lê Văn Cũ", "Số 2", 4)
        assert (got.head_birth_year, got.head_cccd) == (None, None)
        records.save_household(db, records.HouseholdData("Lê Văn Cũ", id=1, address="Số 2",
                                                         members=4, head_birth_year=1940))
        assert records.get_household(db, 1).head_birth_year == 1940
    finally:
        db.dispose()

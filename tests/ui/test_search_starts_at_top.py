"""A new search shows its first results: the list is back at the top, not where the previous
search was scrolled to."""

from app.services.records import records
from app.services.records.subjects import apply_name
from db.models import Person
from tests.ui.helpers import type_text
from ui.main_window import MainWindow


def _many_people(db, n=400):
    with db.session() as s:
        for i in range(n):
            p = Person()
            apply_name(p, f"{'Nguyễn' if i % 2 else 'Trần'} Văn Người {i:03d}")
            s.add(p)


def _window(qtbot, db):
    win = MainWindow(db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_records_search_starts_at_the_top(qtbot, org_db):
    _many_people(org_db)
    win = _window(qtbot, org_db)
    page = win.show_screen("persons")
    bar = page.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # the officer scrolled to the end of the list
    page.table.selectRow(page.model.rowCount() - 1)
    type_text(page.search_box, "nguyen")
    qtbot.waitUntil(lambda: page.model.rowCount() == 200, timeout=3000)
    assert bar.value() == 0
    assert page.table.rowAt(0) == 0  # the first match is the first row shown
    type_text(page.search_box, " van nguoi 1")
    qtbot.waitUntil(lambda: page.model.rowCount() == 50, timeout=3000)
    assert bar.value() == 0


def test_registrations_search_starts_at_the_top(qtbot, org_db, dialogs):
    from app.services.emulation import registrations as reg

    area = records.save_area(org_db, records.AreaData("Khu dân cư số 1"))
    homes = [records.save_household(org_db, records.HouseholdData(
        f"{'Nguyễn' if i % 2 else 'Trần'} Thị Hộ {i:03d}", area_id=area)) for i in range(300)]
    gdvh = next(a for a, label in reg.award_choices(org_db) if "Gia đình" in label)
    reg.register(org_db, 2025, gdvh, homes)
    win = _window(qtbot, org_db)
    page = win.show_screen("registrations")
    page.year.setValue(2025)
    qtbot.waitUntil(lambda: not page.loader.busy and page.model.rowCount() == 300, timeout=5000)
    bar = page.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    type_text(page.search, "tran")
    qtbot.waitUntil(lambda: page.model.rowCount() == 150, timeout=3000)
    assert bar.value() == 0

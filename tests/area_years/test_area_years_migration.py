"""Migration 0009 (area figures) on a database made before it: existing records untouched, the area figures
tables added empty, the culture indicators seeded once (a deleted one stays deleted)."""

from __future__ import annotations

import sqlite3

from app.context import open_app_database
from app.services.emulation import culture_indicators as ci
from db.migrate import current_revision, head_revision
from tests.migration_helpers import migrate_to


def test_upgrade_keeps_the_ward_and_seeds_the_indicators_once(tmp_path):
    path = tmp_path / "trước 0009.sqlite"
    migrate_to(path, "0004_household_head")
    con = sqlite3.connect(path)
    con.execute("INSERT INTO former_unit (id, name, kind, sort_order) VALUES (1, 'An Thượng', "
                "'xã', 1)")
    con.execute("INSERT INTO subject (id, type, name, name_folded, sort_key, former_unit_id) "
                "VALUES (7, 'area', 'Thôn Trác Châu', 'thon trac chau', 'thon', 1)")
    con.execute("INSERT INTO residential_area (id, kind, households_total) "
                "VALUES (7, 'thôn', 250)")
    con.commit()
    con.close()

    db = open_app_database(path)
    assert current_revision(db) == head_revision()
    con = sqlite3.connect(path)
    assert con.execute("SELECT name, kind FROM former_unit").fetchall() == [("An Thượng", "xã")]
    assert con.execute("SELECT households_total FROM residential_area").fetchall() == [(250,)]
    assert con.execute("SELECT count(*) FROM area_year").fetchone() == (0,)
    con.close()
    names = [i.name for i in ci.list_indicators(db)]
    assert len(names) == 5 and names[0] == "Tủ sách, thư viện"
    ci.delete_indicator(db, ci.list_indicators(db)[0].id)
    db.dispose()
    again = open_app_database(path)  # reopening never seeds again
    assert len(ci.list_indicators(again)) == 4
    again.dispose()

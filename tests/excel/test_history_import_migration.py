"""Migration 0010 (old register import) on a database of the previous version: existing decisions are not marked as
imported, issued ones stay locked, the spelling table is filled when the app opens it, and the
downgrade keeps the decision triggers."""

from __future__ import annotations

import sqlite3

import pytest

from app.context import open_app_database
from tests.migration_helpers import KIND_AND_PERSON, migrate_to, revision_before

PREVIOUS = revision_before("0010")


def _old_database(path) -> None:
    migrate_to(path, PREVIOUS)
    con = sqlite3.connect(path, isolation_level=None)
    con.executescript(KIND_AND_PERSON + """
        INSERT INTO decision (id, number, year, symbol, full_number, kind, title, level, external,
            status, total_money) VALUES
            (1, 7, 2024, 'QĐ-UBND', '7/QĐ-UBND', 'khen_thuong', 'Về việc khen thưởng', 'xa', 0,
             'draft', 0);
        INSERT INTO decision_line (id, decision_id, subject_id, award_kind_id, achievement_year,
            printed_name, money, sort_order) VALUES (1, 1, 1, 1, 2024, 'Nguyễn Thị Ánh', 0, 0);
        UPDATE decision SET status = 'issued' WHERE id = 1;
    """)
    con.close()


def test_upgrade_keeps_existing_decisions_and_their_protection(tmp_path):
    path = tmp_path / "cũ.sqlite"
    _old_database(path)
    db = open_app_database(path)  # migrates, then seeds the spellings
    db.dispose()
    con = sqlite3.connect(path, isolation_level=None)
    assert con.execute("SELECT id, source FROM decision").fetchall() == [(1, None)]
    spellings = dict(con.execute("SELECT spelling, award_kind_id FROM award_spelling"))
    assert spellings["LĐTT"] == 1
    with pytest.raises(sqlite3.DatabaseError, match="không được sửa"):
        con.execute("UPDATE decision SET title = 'khác' WHERE id = 1")
    con.close()


def test_downgrade_keeps_the_decision_triggers(tmp_path):
    path = tmp_path / "về.sqlite"
    _old_database(path)
    migrate_to(path, "head")
    migrate_to(path, PREVIOUS, down=True)
    con = sqlite3.connect(path, isolation_level=None)
    columns = {r[1] for r in con.execute("PRAGMA table_info(decision)")}
    assert "source" not in columns
    with pytest.raises(sqlite3.DatabaseError, match="không được sửa"):
        con.execute("UPDATE decision SET title = 'khác' WHERE id = 1")
    con.close()

"""Migration 0005 on a database of the previous version: award names filled from today's names
(issued lists and register only), the new triggers in place, nothing else changed."""

from __future__ import annotations

import sqlite3

from db.migrate import current_revision, head_revision, open_database
from tests.migration_helpers import KIND_AND_PERSON, migrate_to


def _fill_old(path) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    con.executescript(KIND_AND_PERSON + """
        INSERT INTO decision (id, number, year, symbol, full_number, kind, title, level, external,
            status, total_money) VALUES
            (1, 7, 2024, 'QĐ-UBND', '7/QĐ-UBND', 'khen_thuong', 'Về việc khen thưởng', 'xa', 0,
             'draft', 0),
            (2, NULL, 2025, 'QĐ-UBND', NULL, 'khen_thuong', 'Dự thảo', 'xa', 0, 'draft', 0);
        INSERT INTO decision_line (id, decision_id, subject_id, award_kind_id, achievement_year,
            printed_name, money, sort_order) VALUES
            (1, 1, 1, 1, 2024, 'Nguyễn Thị Ánh', 0, 0),
            (2, 2, 1, 1, 2025, 'Nguyễn Thị Ánh', 0, 0);
        UPDATE decision SET status = 'issued' WHERE id = 1;
        INSERT INTO award_record (id, register_year, register_no, certificate_no, subject_id,
            award_kind_id, year, decision_id, level, printed_name, money, revoked)
        VALUES (1, 2024, 1, '2024/0001', 1, 1, 2024, 1, 'xa', 'Nguyễn Thị Ánh', 0, 0);
    """)
    con.close()


def test_upgrade_fills_the_names_of_issued_lines_and_entries_and_locks_them(tmp_path):
    path = tmp_path / "cũ.sqlite"
    migrate_to(path, "0004_household_head")
    _fill_old(path)
    db = open_database(path)
    assert current_revision(db) == head_revision()
    db.dispose()
    con = sqlite3.connect(path, isolation_level=None)
    assert con.execute("SELECT award_name FROM award_record").fetchall() == [
        ("Lao động tiên tiến",)]
    assert con.execute("SELECT id, award_name FROM decision_line ORDER BY id").fetchall() == [
        (1, "Lao động tiên tiến"), (2, None)]  # the draft keeps following the award kind
    triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {"award_record_no_delete", "award_record_only_revoke", "decision_issued_no_update",
            "decision_line_issued_no_update", "award_record_revoke_by_decision"} <= triggers
    con.execute("UPDATE award_kind SET name = 'Tên mới' WHERE id = 1")  # renaming is allowed
    assert con.execute("SELECT award_name FROM award_record").fetchone() == ("Lao động tiên tiến",)
    con.close()


def test_downgrade_restores_the_previous_protection(tmp_path):
    path = tmp_path / "xuống.sqlite"
    open_database(path).dispose()
    _fill_old_head(path)
    migrate_to(path, "0004_household_head", down=True)
    con = sqlite3.connect(path, isolation_level=None)
    triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {"award_record_no_delete", "award_record_only_revoke"} <= triggers
    try:
        con.execute("DELETE FROM award_record")
    except sqlite3.IntegrityError as exc:
        assert "Không được xóa" in str(exc)
    else:
        raise AssertionError("the register lost its protection on downgrade")
    con.close()


def _fill_old_head(path) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    con.executescript(KIND_AND_PERSON + """
        INSERT INTO award_record (id, register_year, register_no, certificate_no, subject_id,
            award_kind_id, year, level, printed_name, money, revoked)
        VALUES (1, 2024, 1, '2024/0001', 1, 1, 2024, 'xa', 'Nguyễn Thị Ánh', 0, 0);
    """)
    con.close()

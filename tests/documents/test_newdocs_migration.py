"""Migration 0012 on a database made before it: the document_input table appears empty, the
rows already there stay, and an input follows its batch when the batch is deleted."""

from __future__ import annotations

from sqlalchemy import text

from db.engine import Database
from db.migrate import upgrade
from tests.migration_helpers import migrate_to, revision_before


def test_document_inputs_on_an_existing_database(tmp_path):
    path = tmp_path / "cũ.sqlite"
    migrate_to(path, revision_before("0012"))
    db = Database(path)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO batch (id, name, year, kind, status, created_at, "
                          "updated_at) VALUES (1, 'Tổng kết 2025', 2025, 'tong_ket_nam', "
                          "'draft', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
    upgrade(db)
    with db.engine.begin() as conn:
        assert conn.execute(text("SELECT name FROM batch")).scalar() == "Tổng kết 2025"
        assert conn.execute(text("SELECT count(*) FROM document_input")).scalar() == 0
        conn.execute(text("INSERT INTO document_input (kind, batch_id, number, data, updated_at) "
                          "VALUES ('thong_bao', 1, '3/TB-UBND', '{}', CURRENT_TIMESTAMP)"))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        conn.execute(text("DELETE FROM batch WHERE id = 1"))
        assert conn.execute(text("SELECT count(*) FROM document_input")).scalar() == 0
    db.dispose()

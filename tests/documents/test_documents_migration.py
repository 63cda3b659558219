"""Migration 0008 (council documents) on a database made before
it: existing ballots get their returned, invalid and "không đồng ý" counts from what they hold;
meetings and attendees gain empty columns."""

from __future__ import annotations

from sqlalchemy import text

from db.engine import Database
from db.migrate import upgrade
from tests.migration_helpers import migrate_to, revision_before


def test_existing_ballots_are_completed(tmp_path):
    path = tmp_path / "cũ.sqlite"
    migrate_to(path, revision_before("0008"))
    db = Database(path)
    with db.engine.begin() as conn:
        x = conn.execute
        x(text("INSERT INTO batch (id, name, year, kind, status, created_at, updated_at) "
               "VALUES (1, 'Tổng kết 2025', 2025, 'tong_ket_nam', 'council', "
               "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        x(text("INSERT INTO subject (id, type, name, name_folded, sort_key, created_at, "
               "updated_at) VALUES (1, 'person', 'An', 'an', 'an', CURRENT_TIMESTAMP, "
               "CURRENT_TIMESTAMP)"))
        x(text("INSERT INTO person (id) VALUES (1)"))
        kind = x(text("SELECT id FROM award_kind WHERE code = 'CSTDCS'")).scalar()
        if kind is None:  # reference data are seeded on open, not by the migrations
            x(text("INSERT INTO award_kind (id, code, name, category, subject_types, level, "
                   "awarded_here, vote_base, secret_ballot, annual, active, sort_order, "
                   "created_at, updated_at) VALUES (1, 'CSTDCS', 'Chiến sĩ thi đua cơ sở', "
                   "'danh_hieu', 'person', 'xa', 1, 'all', 1, 1, 1, 0, CURRENT_TIMESTAMP, "
                   "CURRENT_TIMESTAMP)"))
            kind = 1
        x(text("INSERT INTO candidate (id, batch_id, subject_id, award_kind_id, status, "
               "sort_order, created_at, updated_at) VALUES (1, 1, 1, :k, 'passed', 0, "
               "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"), {"k": kind})
        x(text("INSERT INTO meeting (id, batch_id, members_total, status, created_at, "
               "updated_at) VALUES (1, 1, 9, 'held', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        x(text("INSERT INTO ballot (meeting_id, candidate_id, ballots_issued, ballots_valid, "
               "agree, passed) VALUES (1, 1, 8, 7, 6, 0)"))
    upgrade(db)
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT ballots_issued, ballots_returned, ballots_valid, "
                                "ballots_invalid, agree, disagree FROM ballot")).one()
        meeting = conn.execute(text("SELECT minutes_number, count_number FROM meeting")).one()
    assert tuple(row) == (8, 8, 7, 1, 6, 1)
    assert tuple(meeting) == (None, None)
    db.dispose()

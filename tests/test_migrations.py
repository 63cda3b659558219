import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.context import open_app_database
from app.errors import DatabaseVersionError
from db.migrate import current_revision, head_revision, integrity_check, open_database
from db.models import AwardKind, Base, BaseSalary


def test_migrations_from_empty_match_the_models(tmp_path):
    db = open_database(tmp_path / "a.sqlite")
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # FTS5 tables are made by hand in a migration and ignored by the models.
    diff = [d for d in diff if "subject_fts" not in repr(d)]
    assert diff == [], diff
    assert integrity_check(db) == "ok"
    db.dispose()


def test_pragmas_on_every_connection(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_reference_data_seeded_once(db, tmp_path):
    with db.read() as s:
        n_kinds = s.query(AwardKind).count()
        assert n_kinds >= 10 and s.query(BaseSalary).count() >= 5
    db.dispose()
    again = open_app_database(db.path)
    with again.read() as s:
        assert s.query(AwardKind).count() == n_kinds
    again.dispose()


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    open_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseVersionError, match="phiên bản mới hơn"):
        open_database(path)


def test_foreign_and_random_files_are_refused(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(DatabaseVersionError, match="không phải"):
        open_database(junk)
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE customers(id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseVersionError, match="không phải"):
        open_database(other)


def test_older_database_is_upgraded_after_a_backup(tmp_path, tmp_data_dir):
    from tests.migration_helpers import migrate_to

    path = tmp_path / "old.sqlite"
    migrate_to(path, "0001_initial")
    db = open_app_database(path)
    assert current_revision(db) == head_revision()
    db.dispose()
    backups = list((tmp_data_dir / "backups" / "truoc-nang-cap").glob("*.sqlite"))
    assert len(backups) == 1


def test_head_read_from_files_matches_alembic():
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {r.revision for r in script.walk_revisions()}


def test_trigger_refusal_arrives_as_its_vietnamese_sentence(db):
    from datetime import date

    from sqlalchemy import update

    from app.errors import ProtectedRowError
    from db.models import Decision

    with db.session() as s:
        d = Decision(year=2025, number=1, full_number="1/QĐ-UBND", title="Về việc khen thưởng",
                     status="issued", signed_on=date(2025, 12, 1))
        s.add(d)
    with pytest.raises(ProtectedRowError) as err, db.session() as s:
        s.execute(update(Decision).values(title="Sửa lén"))
    assert str(err.value).startswith("Quyết định đã ban hành không được sửa")

"""Databases as an older version of the program left them, for the migration tests."""

from __future__ import annotations

from alembic import command

from db.engine import Database
from db.migrate import MIGRATIONS_DIR, alembic_config

# One award kind (LĐTT) and one person, as every older schema holds them: the start of the
# rows the migration tests put in a database of a previous version.
KIND_AND_PERSON = """
        INSERT INTO award_kind (id, code, name, category, subject_types, level, awarded_here,
            vote_base, secret_ballot, annual, active, sort_order)
        VALUES (1, 'LDTT', 'Lao động tiên tiến', 'danh_hieu', 'person', 'xa', 1, 'present', 1,
                1, 1, 1);
        INSERT INTO subject (id, type, name, name_folded, sort_key) VALUES
            (1, 'person', 'Nguyễn Thị Ánh', 'nguyen thi anh', 'anh');
"""


def migrate_to(path, revision: str, down: bool = False) -> None:
    """Bring the file (made if missing) up — or down — to this revision, and close it."""
    db = Database(path)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)
    db.dispose()


def revision_before(number: str) -> str:
    """The revision the migration numbered ``number`` ("0012") is chained after."""
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    scripts = ScriptDirectory.from_config(cfg)
    name = next(MIGRATIONS_DIR.glob(f"versions/{number}_*.py")).stem
    return scripts.get_revision(name).down_revision

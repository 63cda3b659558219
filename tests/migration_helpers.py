"""Databases as an older version of the program left them, for the migration tests."""

from __future__ import annotations

from alembic import command

from db.engine import Database
from db.migrate import MIGRATIONS_DIR, alembic_config


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

"""Opening the application's database: migrate (backup first), seed reference data."""

from __future__ import annotations

from pathlib import Path

# A verified copy with SQLite's backup API before any schema migration (app/backup/local.py).
from app.backup.local import pre_migration_backup
from app.backup.secret import move_plain_password
from app.backup.startup import refuse_if_damaged
from db.engine import Database
from db.migrate import open_database


def open_app_database(path: str | Path) -> Database:
    """Open or create the database file, upgraded to this version, with reference data."""
    from app.services.awards.reference import seed_reference_data

    refuse_if_damaged(Path(path))  # quick integrity check: never write into a damaged file
    db = open_database(path, before_upgrade=pre_migration_backup)
    with db.session() as s:
        seed_reference_data(s)
    move_plain_password(db)  # an older version's readable backup password: out of the file
    return db

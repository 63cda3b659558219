"""Opening the application's database: migrate (backup first), seed reference data."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from app.paths import data_dir
from db.engine import Database
from db.migrate import open_database

log = logging.getLogger(__name__)


def pre_migration_backup(path: Path, old_revision: str | None) -> Path:
    """Copy the database with SQLite's online backup API before a schema migration."""
    folder = data_dir() / "backups" / "truoc-nang-cap"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{old_revision or 'cu'}-{stamp}.sqlite"
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    log.info("Pre-migration backup written to %s", target)
    return target


def open_app_database(path: str | Path) -> Database:
    """Open or create the database file, upgraded to this version, with reference data."""
    from app.services.reference import seed_reference_data

    db = open_database(path, before_upgrade=pre_migration_backup)
    with db.session() as s:
        seed_reference_data(s)
    return db

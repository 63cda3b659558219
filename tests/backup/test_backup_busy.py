"""A backup that succeeded is reported and logged as such even when its last step — the line
in the database's own backup history — meets a file another program keeps busy."""

from __future__ import annotations

import logging
import sqlite3

import db.engine as engine_module
from app.backup import backup_database, backups_in
from app.backup.manifest import read_journal, read_manifest


def test_a_verified_backup_stands_when_its_history_line_meets_a_lock(filled_db, tmp_path,
                                                                     monkeypatch, caplog):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    usb = tmp_path / "USB"
    usb.mkdir()
    other = sqlite3.connect(filled_db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing, for longer than we wait
    try:
        with caplog.at_level(logging.INFO, logger="app.backup.make"):
            result = backup_database(filled_db, usb)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.path.exists() and backups_in(usb) == [result.path]
    assert [e.file for e in read_manifest(usb)] == [result.path.name]
    assert str(result.path.resolve()) in [e.file for e in read_journal()]
    logged = caplog.text
    assert "Backup written and verified" in logged and "not noted in the database" in logged

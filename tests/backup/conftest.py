"""Fixtures of the data-safety tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.backup.backup_helpers import add_people, issue_decision


@pytest.fixture
def filled_db(db):
    add_people(db, 50)
    issue_decision(db)
    return db


@pytest.fixture
def usb(tmp_path) -> Path:
    folder = tmp_path / "USB KINGSTON" / "Sao lưu"
    folder.mkdir(parents=True)
    return folder

"""Fixtures of the data-safety tests."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.backup.backup_helpers import add_people, issue_decision


@pytest.fixture
def filled_db(db):
    add_people(db, 50)
    issue_decision(db)
    return db


@pytest.fixture
def password_store():
    """An in-memory OS password store (as Windows Credential Manager would be)."""
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.kept: dict[tuple[str, str], str] = {}

        def set_password(self, service, username, password):
            self.kept[(service, username)] = password

        def get_password(self, service, username):
            return self.kept.get((service, username))

        def delete_password(self, service, username):
            self.kept.pop((service, username))

    store = Memory()
    keyring.set_keyring(store)
    return store


@pytest.fixture
def usb(tmp_path) -> Path:
    folder = tmp_path / "USB KINGSTON" / "Sao lưu"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def root_log():
    """The scheduled run adds a log file handler; take it away again after the test."""
    before = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers[:]:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()

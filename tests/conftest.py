"""Shared fixtures: every test gets its own temporary data folder and database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from app import paths  # noqa: E402


@pytest.fixture(autouse=True)
def tmp_data_dir(tmp_path, monkeypatch):
    """Keep the user data folder (logs, backups, settings) inside the test's temp folder."""
    folder = tmp_path / "dữ liệu người dùng"  # a Vietnamese path, as on real Windows PCs
    paths.set_data_dir(folder)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture
def db(tmp_path):
    from app.context import open_app_database

    database = open_app_database(tmp_path / "thử nghiệm.sqlite")
    yield database
    database.dispose()

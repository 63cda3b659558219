"""The demo ward (small), built once per test session and copied for each test that uses it:
what a new officer sees after `tdkt demo`."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    from app import paths
    from app.context import open_app_database
    from app.demo import build_demo

    folder = tmp_path_factory.mktemp("phường mẫu")
    paths.set_data_dir(folder / "dữ liệu")
    try:
        db = open_app_database(folder / "phường mẫu.sqlite")
        build_demo(db, scale="small", seed=2025)
        db.dispose()
    finally:
        paths.set_data_dir(None)
    return folder / "phường mẫu.sqlite"


@pytest.fixture
def demo_db(demo_template, tmp_path, tmp_data_dir):
    from app.context import open_app_database

    path = tmp_path / demo_template.name
    shutil.copy(demo_template, path)
    database = open_app_database(path)
    yield database
    database.dispose()


@pytest.fixture
def recorder(qapp):
    """Notes every text Qt looks up for translation (tests/ui/english.py)."""
    from tests.ui.english import Recorder

    rec = Recorder()
    qapp.installTranslator(rec)
    yield rec
    qapp.removeTranslator(rec)

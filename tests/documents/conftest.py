"""Fixtures of the document tests."""

from __future__ import annotations

import pytest
from round_world import build_round


@pytest.fixture(scope="module")
def round_ward(tmp_path_factory):
    """One ward's round (tests/documents/round_world.py) on its own database, per module:
    (database, the round's ids, a folder to write documents into)."""
    from app.context import open_app_database

    folder = tmp_path_factory.mktemp("vòng xét")
    db = open_app_database(folder / "phường.sqlite")
    w = build_round(db)
    yield db, w, folder
    db.dispose()

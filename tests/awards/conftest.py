"""Fixtures of the commendation tests (the ward itself is built in awards_world.py)."""

from __future__ import annotations

import pytest
from awards_world import build_world


@pytest.fixture
def world(db):
    return build_world(db)

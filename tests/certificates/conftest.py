"""Fixtures of the certificate tests (helpers live in cert_fixtures.py)."""

from __future__ import annotations

import pytest
from cert_fixtures import SAMPLE_LINES, make_decision


@pytest.fixture
def decision_id(db):
    return make_decision(db, SAMPLE_LINES)

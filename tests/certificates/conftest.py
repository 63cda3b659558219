"""Fixtures of the certificate tests (helpers live in cert_fixtures.py)."""

from __future__ import annotations

import pytest
from cert_fixtures import SAMPLE_LINES, make_decision


@pytest.fixture
def decision_id(db):
    return make_decision(db, SAMPLE_LINES)


@pytest.fixture
def jobs_finish(qtbot, monkeypatch):
    """Every background job started by a test has finished before the next one (a QThread
    still running when Python exits makes Qt abort the whole test run)."""
    from ui import workers

    started, real_start = [], workers.start

    def start(job):
        thread = real_start(job)
        started.append(thread)
        return thread

    monkeypatch.setattr(workers, "start", start)
    yield
    qtbot.waitUntil(lambda: all(t.isFinished() for t in started), timeout=20000)

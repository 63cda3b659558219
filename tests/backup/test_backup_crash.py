"""A process killed in the middle of a large import or a decision issue leaves a sound database
holding all or none of that transaction. Killed for real on both systems: Popen.kill() sends
SIGKILL on POSIX and calls TerminateProcess on Windows (no handler, no clean-up runs)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.backup import startup_check

ROOT = Path(__file__).resolve().parents[2]
ROWS = 1500
# TerminateProcess(handle, 1) on Windows; death by signal 9 elsewhere.
KILLED = 1 if os.name == "nt" else -signal.SIGKILL


def _run_and_kill(db_path: Path, job: str, stop: str, wait_for: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("crash_child.py")), str(db_path), job,
         str(ROWS), stop],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT, env=env,
    )
    try:
        seen = []
        for line in child.stdout:
            seen.append(line.strip())
            if line.strip() == wait_for:
                break
        assert wait_for in seen, child.stderr.read()
        child.kill()
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        for stream in (child.stdin, child.stdout, child.stderr):
            stream.close()
    assert child.returncode == KILLED
    return " ".join(seen)


def _state(path: Path) -> tuple[str, int, int, int]:
    assert startup_check(path).ok  # read only, with the killed process's -wal still there
    con = sqlite3.connect(path)  # opening recovers from the WAL, as the app would
    try:
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        people = con.execute("SELECT count(*) FROM person").fetchone()[0]
        records = con.execute("SELECT count(*) FROM award_record").fetchone()[0]
        issued = con.execute("SELECT count(*) FROM decision WHERE status='issued'").fetchone()[0]
    finally:
        con.close()
    return check, people, records, issued


@pytest.mark.parametrize("job", ["import", "issue"])
def test_killed_inside_the_transaction_leaves_none_of_it(db, job):
    path = db.path
    db.dispose()
    _run_and_kill(path, job, "block", "INSIDE")
    assert _state(path) == ("ok", 0, 0, 0)


@pytest.mark.parametrize("job", ["import", "issue"])
def test_killed_during_the_commit_leaves_all_or_none(db, job):
    path = db.path
    db.dispose()
    _run_and_kill(path, job, "commit", "COMMITTING")
    check, people, records, issued = _state(path)
    assert check == "ok"
    if job == "import":
        assert people in (0, ROWS) and records == 0
    else:
        assert (people, records, issued) in ((0, 0, 0), (ROWS, ROWS, 1))

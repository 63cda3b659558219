"""One writer at a time: a second copy of the app (a window or a writing command) on the same
database file is refused with a sentence naming who has it; a restore is refused while
another copy has the file open; a crashed copy never leaves the file "in use"."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.context import open_app_database
from app.errors import DatabaseInUseError, DomainError

ROOT = Path(__file__).resolve().parent.parent
HOLDER = r"""
import sys
from app.context import open_app_database
db = open_app_database(sys.argv[1])
print("HELD", flush=True)
sys.stdin.readline()  # until the test says so (or kills this process)
db.close()
print("RELEASED", flush=True)
"""


class Holder:
    """Another copy of the app, in its own process, holding the database open."""

    def __init__(self, path: Path, data_dir: Path):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TDKT_DATA_DIR": str(data_dir)}
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        line = self.proc.stdout.readline().strip()
        assert line == "HELD", line + self.proc.stderr.read()

    def release(self) -> None:
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "RELEASED"
        self.proc.wait(30)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL if os.name == "posix" else signal.SIGTERM)
        self.proc.wait(30)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(30)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            stream.close()


@pytest.fixture
def held(tmp_path, tmp_data_dir):
    path = tmp_path / "Phường Thành Đông" / "dữ liệu.sqlite"
    open_app_database(path).close()
    holder = Holder(path, tmp_data_dir)
    yield path, holder
    holder.close()


def test_a_second_copy_is_refused_with_who_has_the_file(held):
    path, _holder = held
    with pytest.raises(DatabaseInUseError) as err:
        open_app_database(path)
    text = str(err.value)
    assert isinstance(err.value, DomainError)
    assert f"“{path.name}” đang được mở bởi" in text and "tiến trình" in text
    assert "hãy dùng cửa sổ đang mở, hoặc đóng nó rồi thử lại" in text


def test_the_lock_is_released_on_close_and_stale_after_a_crash(held):
    path, holder = held
    holder.release()
    open_app_database(path).close()  # released on close
    again = Holder(path, path.parent)
    try:
        again.kill()  # a crash: the lock file stays behind, nobody holds it
        db = open_app_database(path)
        db.close()
    finally:
        again.close()


def test_a_writing_command_is_refused_and_a_reading_one_runs(held, capsys):
    path, _holder = held
    assert main(["demo", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "đang được mở bởi" in err and "Traceback" not in err
    # Reports, exports, checks and backups read beside the open window.
    assert main(["check", "--db", str(path)]) == 0
    assert main(["decision", "list", "--db", str(path)]) == 0


def test_restore_is_refused_while_another_copy_has_the_file(held, tmp_path):
    from app.backup import backup_database, restore_database

    path, holder = held
    source_db = open_app_database(tmp_path / "nguồn.sqlite")
    try:
        made = backup_database(source_db, tmp_path)
    finally:
        source_db.close()
    before = path.read_bytes()
    with pytest.raises(DomainError, match="đang được mở bởi"):
        restore_database(made.path, path)
    assert path.read_bytes() == before  # nothing replaced under the running copy
    holder.release()
    assert restore_database(made.path, path).db_path == path.resolve()


def test_the_same_process_shares_its_hold(tmp_path):
    """The window and the restore it starts (or a test opening a file twice) are one holder;
    the lock file goes when the last one closes."""
    from app.lock import lock_path, read_holder

    path = tmp_path / "một.sqlite"
    first = open_app_database(path)
    second = open_app_database(path)
    assert read_holder(path).pid == os.getpid()
    first.close()
    assert lock_path(path).exists()
    second.close()
    assert not lock_path(path).exists() or os.name == "nt"

"""Database files and paths: URIs built from parts (a folder named "Hồ sơ #1", names with
'?', '%', spaces, Vietnamese letters), foreign files refused wherever they are, and a healthy
database that cannot be written opened read-only — never called damaged."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.context import open_app_database
from app.errors import DatabaseReadOnlyError, DatabaseVersionError, DomainError
from db.models import Organization

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ("Hồ sơ #1", "a?b%c d ế #2.sqlite")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> set[str]:
    return {p.name for p in folder.rglob("*")}


def test_a_foreign_file_under_a_hash_folder_is_refused_and_untouched(tmp_path):
    """Today the check opens "…/Hồ sơ " (the URI stops at '#'), finds an empty file there,
    calls it ours and writes the app's tables into the foreign file."""
    folder = tmp_path / HOSTILE[0]
    folder.mkdir()
    foreign = folder / "khách hàng.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO customers(name) VALUES ('Công ty A')")
    con.commit()
    con.close()
    before, files = _sha(foreign), _listing(folder)
    with pytest.raises(DatabaseVersionError, match="không phải"):
        open_app_database(foreign)
    assert _sha(foreign) == before
    assert _listing(folder) == files
    assert not (tmp_path / "Hồ sơ ").exists()  # no stray file where the URI used to stop


def test_a_database_with_hostile_characters_in_its_path_works(tmp_path, capsys):
    from app.backup import backup_database, restore_database
    from app.cli import main

    path = tmp_path / HOSTILE[0] / HOSTILE[1]
    db = open_app_database(path)
    with db.session() as s:
        s.add(Organization(id=1, parent_body="UBND", body_name="UBND PHƯỜNG", short_name="x",
                           place_name="Thành Đông"))
    made = backup_database(db, tmp_path)
    db.close()
    assert {p.name for p in (tmp_path / HOSTILE[0]).iterdir()} <= {HOSTILE[1], HOSTILE[1] + "-wal",
                                                                  HOSTILE[1] + "-shm"}
    assert not (tmp_path / "Hồ sơ ").exists() and not (tmp_path / "a").exists()
    again = open_app_database(path)
    with again.read() as s:
        assert s.scalar(select(Organization.place_name)) == "Thành Đông"
    again.close()
    restore_database(made.path, path)
    assert main(["check", "--db", str(path)]) == 0
    assert "Kiểm tra toàn vẹn: ok" in capsys.readouterr().out


def _forced_read_only(monkeypatch) -> None:
    """Root may write anywhere: force what a read-only folder or file would report."""
    monkeypatch.setattr("app.context.file_writable", lambda p: False)


def test_a_read_only_file_opens_read_only(tmp_path, monkeypatch, capsys):
    from app.backup import backup_database
    from app.cli import main
    from app.services.system.organization import OrgData, save_org

    path = tmp_path / "chỉ đọc.sqlite"
    db = open_app_database(path)
    save_org(db, OrgData("UBND", "UBND PHƯỜNG", "phường Thành Đông", "Thành Đông"))
    db.close()
    _forced_read_only(monkeypatch)
    ro = open_app_database(path)
    try:
        assert ro.read_only
        with ro.read() as s:  # view
            assert s.scalar(select(Organization.short_name)) == "phường Thành Đông"
        with pytest.raises(DatabaseReadOnlyError) as err:  # writes refused politely
            save_org(ro, OrgData("UBND", "UBND PHƯỜNG", "phường khác", "Khác"))
        assert isinstance(err.value, DomainError) and "chỉ đọc" in str(err.value)
        assert "hỏng" not in str(err.value)
        usb = tmp_path / "usb"
        usb.mkdir()
        made = backup_database(ro, usb)  # back up: allowed, verified (its log line cannot be)
        assert made.path.exists() and made.rows > 0
    finally:
        ro.close()
    assert main(["check", "--db", str(path)]) == 0
    assert "(chỉ đọc)" in capsys.readouterr().out


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a user whom permissions bind (root writes anywhere)")
@pytest.mark.parametrize("where", ["folder", "file"])
def test_a_really_read_only_database_is_never_called_damaged(tmp_path, where):
    path = tmp_path / "kho" / "lưu trữ.sqlite"
    open_app_database(path).close()
    target = path.parent if where == "folder" else path
    mode = target.stat().st_mode
    target.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        db = open_app_database(path)
        try:
            assert db.read_only
            with pytest.raises(DatabaseReadOnlyError, match="chỉ đọc"):
                from app.services.system.organization import OrgData, save_org

                save_org(db, OrgData("UBND", "UBND PHƯỜNG", "phường", "Nơi"))
        finally:
            db.close()
    finally:
        target.chmod(mode)


def test_writes_are_held_until_the_check_passes_and_refused_after_damage(db):
    import threading

    db.hold_writes()
    threading.Timer(0.2, db.allow_writes).start()
    with db.session() as s:  # waits, then writes
        s.add(Organization(id=1, parent_body="UBND", body_name="UBND PHƯỜNG", short_name="x",
                           place_name="y"))
    db.refuse_writes("Tệp dữ liệu bị hỏng.")
    with db.read() as s:
        assert s.scalar(select(Organization.short_name)) == "x"
    with pytest.raises(DatabaseReadOnlyError, match="bị hỏng"), db.session() as s:
        s.get(Organization, 1).short_name = "z"


def test_the_engine_url_is_built_from_parts():
    from db.engine import sqlite_url

    url = sqlite_url(Path("/tmp") / HOSTILE[0] / HOSTILE[1])
    assert url.database.startswith("file:///") and "#" not in url.database
    assert "?" not in url.database and url.query == {"uri": "true"}


def test_the_read_only_uri_of_a_read_only_folder_is_immutable(tmp_path, monkeypatch):
    import db.sqlite_file as sf

    path, backup = tmp_path / "a.sqlite", tmp_path / "bản sao.sqlite"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")  # as the app keeps its database
    con.close()
    sqlite3.connect(backup).close()  # backups are in rollback-journal mode
    assert sf.ro_uri(path).endswith("?mode=ro")
    monkeypatch.setattr(sf, "folder_writable", lambda folder: False)
    assert sf.ro_uri(path).endswith("?mode=ro&immutable=1")
    assert sf.ro_uri(backup).endswith("?mode=ro")  # needs no -shm: read as it is


def test_subprocess_sees_the_same_file(tmp_path):
    """The path reaches a fresh process (as the packaged app gets it) intact."""
    path = tmp_path / HOSTILE[0] / HOSTILE[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TDKT_DATA_DIR": str(tmp_path / "dữ liệu")}
    out = subprocess.run([sys.executable, "-m", "app", "check", "--db", str(path)],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
                         check=False)
    assert out.returncode == 0, out.stderr
    assert path.exists() and not (tmp_path / "Hồ sơ ").exists()

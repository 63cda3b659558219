"""The command line works without a display."""

import subprocess
import sys

import pytest

from app import __version__
from app.cli import main


def test_version_and_help(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert __version__ in capsys.readouterr().out
    try:
        main(["--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    assert "check" in out and "demo" in out


def test_check_creates_and_reports(tmp_path, capsys):
    target = tmp_path / "Phường Thành Đông" / "dữ liệu.sqlite"
    assert main(["check", "--db", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Phiên bản lược đồ" in out and "Kiểm tra toàn vẹn: ok" in out
    assert target.exists()


def test_demo_small_fills_every_kind_of_record(tmp_path, capsys):
    from sqlalchemy import func, select

    from app.context import open_app_database
    from db.models import AwardRecord, Household, Person, ResidentialArea

    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    db = open_app_database(path)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ResidentialArea)) == 39
        assert s.scalar(select(func.count()).select_from(Person)) >= 300
        assert s.scalar(select(func.count()).select_from(Household)) >= 1000
        years = set(s.scalars(select(AwardRecord.year).distinct()))
        assert {2021, 2025} <= years
    db.dispose()
    assert main(["demo", "--db", str(path)]) == 2  # refused on a database that has records
    assert "đã có hồ sơ" in capsys.readouterr().err


def test_module_entry_point_runs_headless(tmp_path):
    out = subprocess.run([sys.executable, "-m", "app", "--version"], capture_output=True,
                         text=True, timeout=60, check=False)
    assert out.returncode == 0 and __version__ in out.stdout


def test_no_display_opens_or_creates_the_database(tmp_path, monkeypatch, capsys):
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    target = tmp_path / "mới.sqlite"
    assert main(["--db", str(target)]) == 0
    assert target.exists() and "sẵn sàng" in capsys.readouterr().out


# ------------------------------------------------------------------ tdkt check (issue 10.10)
def _fresh(tmp_path, name="kiểm tra.sqlite"):
    from app.context import open_app_database

    path = tmp_path / name
    open_app_database(path).close()
    return path


def _sql(path, *statements):
    import sqlite3

    con = sqlite3.connect(path)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()


def test_check_finds_a_dropped_protecting_trigger(tmp_path, capsys):
    path = _fresh(tmp_path)
    _sql(path, "DROP TRIGGER award_record_no_delete")
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Đã bị gỡ cơ chế chống sửa, xóa sổ khen thưởng (“award_record_no_delete”)" in out
    assert "Kiểm tra toàn vẹn: ok" in out  # SQLite's own check sees nothing wrong


def test_check_finds_rows_pointing_at_nothing(tmp_path, capsys):
    path = _fresh(tmp_path)
    _sql(path, "PRAGMA foreign_keys=OFF",
         "INSERT INTO subject(id, type, name, name_folded, sort_key, area_id) "
         "VALUES (1, 'person', 'An', 'an', 'an', 999)")
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Liên kết giữa các bảng: 1 vấn đề" in out
    assert "Bảng “subject”, dòng 1: trỏ tới một dòng không còn trong bảng “residential_area”" in out


def test_check_finds_a_schema_that_is_not_the_head(tmp_path, capsys):
    path = _fresh(tmp_path)
    _sql(path, "CREATE TABLE ghi_chu_rieng(id INTEGER)", "DROP INDEX ix_subject_sort_key")
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "thiếu chỉ mục “ix_subject_sort_key”" in out
    assert "Có thêm bảng lạ “ghi_chu_rieng”" in out


def test_check_of_a_sound_file_exits_zero(tmp_path, capsys):
    path = _fresh(tmp_path)
    assert main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Liên kết giữa các bảng: ok" in out
    assert "Cấu trúc dữ liệu và cơ chế chống sửa: ok" in out


# ------------------------------------------------------------------ log file, pipes (10.11)
def test_commands_write_a_log_file(tmp_path, tmp_data_dir, capsys):
    from app.backup import backup_database
    from app.context import open_app_database

    path = tmp_path / "nhật ký.sqlite"
    open_app_database(path).close()
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["backup", "--db", str(path), "--to", str(usb), "--password", "Bí-mật-2025!"]) == 0
    log = (tmp_data_dir / "logs" / "tdkt-cli.log").read_text(encoding="utf-8")
    assert f"tdkt backup --db {path} --to {usb} --password ***" in log
    assert "Bí-mật-2025!" not in log  # a password never reaches the log
    assert "Đã sao lưu và kiểm tra:" in log and "Kết thúc, mã thoát 0" in log
    assert backup_database  # (the scheduled backup is this same command)


def test_a_failing_command_leaves_its_sentence_in_the_log(tmp_path, tmp_data_dir, capsys):
    junk = tmp_path / "rác.sqlite"
    junk.write_bytes(b"not a database" * 100)
    assert main(["check", "--db", str(junk)]) == 2
    log = (tmp_data_dir / "logs" / "tdkt-cli.log").read_text(encoding="utf-8")
    assert "Lỗi: Tệp “rác.sqlite” không phải là cơ sở dữ liệu" in log
    assert "Kết thúc, mã thoát 2" in log


@pytest.mark.parametrize("args", [["check", "--db", "{db}"], ["decision", "list", "--db", "{db}"]])
def test_output_into_a_closed_pipe_ends_quietly(tmp_path, args):
    """``tdkt … | head``: the reader is gone before the command writes; no BrokenPipeError
    traceback, and the command still does its work."""
    import os

    db = tmp_path / "ống.sqlite"
    env = {**os.environ, "TDKT_DATA_DIR": str(tmp_path / "dữ liệu")}
    proc = subprocess.Popen([sys.executable, "-m", "app", *[a.format(db=db) for a in args]],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.close()  # like `head` that has read its lines
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0, err
    assert "BrokenPipe" not in err and "Traceback" not in err and err == ""
    if "check" in args:
        assert db.exists()


# ------------------------------------------------------------------ busy database (10.9)
def test_a_busy_database_is_a_sentence_not_a_traceback(tmp_path, capsys, monkeypatch):
    import sqlite3

    import db.engine as engine_module

    path = tmp_path / "bận.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing (DB Browser, sqlite3 shell)
    try:
        code = main(["decision", "issue", "--db", str(path), "1"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "Cơ sở dữ liệu đang bận" in err and "thử lại" in err

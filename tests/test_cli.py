"""The command line works without a display."""

import subprocess
import sys

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

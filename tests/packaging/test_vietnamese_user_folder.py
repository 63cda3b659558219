"""A user whose Windows account name has Vietnamese letters (C:\\Users\\Nguyễn Văn A): the
default data folder, the database, the log file, a scheduled backup and a restore all live
under that name. Faked on Linux as a home folder with those letters, with the console in a
code page that cannot print them (cp1252, as a Windows console may be), run as separate
processes the way Task Scheduler and the officer run the program."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tdkt(home: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("XDG_") and k != "TDKT_DATA_DIR"}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               PYTHONIOENCODING="cp1252", PYTHONUTF8="0")
    if sys.platform == "win32":  # Windows asks the shell for AppData, not HOME: say it here
        env["TDKT_DATA_DIR"] = str(home / "AppData" / "Local" / "ThiDuaKhenThuong")
    done = subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, env=env,
                          cwd=home, timeout=180, check=False)
    out = done.stdout.decode("utf-8") + done.stderr.decode("utf-8")
    assert done.returncode == 0, out
    return out


def test_everything_lives_under_a_vietnamese_user_name(tmp_path):
    home = tmp_path / "Users" / "Nguyễn Văn A"
    home.mkdir(parents=True)
    usb = tmp_path / "USB Ổ E"
    usb.mkdir()
    out = _tdkt(home, "check")  # the default database, in the default data folder
    [db] = home.rglob("thiduakhenthuong.sqlite")
    assert f"Tệp: {db}" in out and "Kiểm tra toàn vẹn: ok" in out
    assert "Nguyễn Văn A" in str(db.relative_to(tmp_path))

    out = _tdkt(home, "backup", "--scheduled", "--to", str(usb / "TDKT-sao-luu"))
    [copy] = (usb / "TDKT-sao-luu").glob("TDKT-sao-luu-*.sqlite")
    assert f"Đã sao lưu và kiểm tra: {copy}" in out
    [log] = home.rglob("tdkt.log")
    assert "Scheduled backup written and verified" in log.read_text(encoding="utf-8")

    out = _tdkt(home, "restore", str(copy))
    assert f"Đã khôi phục “{db}”" in out
    assert "Kiểm tra toàn vẹn: ok" in _tdkt(home, "check")

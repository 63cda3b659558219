"""packaging/smoke.sh, run here against stand-ins for the built executables that start the
source tree's app: on Linux as it is, and as Git Bash on Windows runs it (uname says MINGW,
paths go through cygpath, the programs end their lines with CRLF)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# On Windows the workflow runs smoke.sh (in Git Bash) against the real build instead.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="stand-ins are bash scripts")
ROOT = Path(__file__).resolve().parents[2]
SMOKE = ROOT / "packaging" / "smoke.sh"


def _script(path: Path, text: str) -> None:
    path.write_text("#!/usr/bin/env bash\n" + text, encoding="utf-8")
    path.chmod(0o755)


def _fake_app(folder: Path, suffix: str, crlf: bool) -> Path:
    folder.mkdir()
    tail = " | sed 's/$/\\r/'" if crlf else ""
    for name in ("tdkt", "tdkt-cli"):
        _script(folder / f"{name}{suffix}",
                f'set -o pipefail\n"{sys.executable}" -m app "$@"{tail}\n')
    return folder


def _run(tmp_path: Path, app_dir: Path, bin_dir: Path | None = None):
    env = {**os.environ, "APP_DIR": str(app_dir), "PYTHONPATH": str(ROOT),
           "SMOKE_SKIP_SELFTEST": "1"}  # selftest has its own tests (test_selftest_cli)
    env.pop("TDKT_DATA_DIR", None)
    if bin_dir:
        env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    return subprocess.run(["bash", str(SMOKE)], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=300, check=False)


@pytest.mark.parametrize("platform", ["linux", "windows"])
def test_smoke_script_backs_up_and_restores_under_a_vietnamese_user_folder(tmp_path, platform):
    windows = platform == "windows"
    app_dir = _fake_app(tmp_path / "tdkt", ".exe" if windows else "", crlf=windows)
    bin_dir = None
    if windows:
        bin_dir = tmp_path / "git-bash"
        bin_dir.mkdir()
        _script(bin_dir / "uname", 'echo "MINGW64_NT-10.0-19045"\n')
        calls = tmp_path / "cygpath.log"
        # Stands in for the conversion to C:\...: records what was converted, keeps it usable.
        _script(bin_dir / "cygpath", f'[[ "$1" == -w ]] && printf "%s\\n" "$2" >> "{calls}"\n'
                                     'printf "%s\\n" "$2"\n')
    result = _run(tmp_path, app_dir, bin_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "smoke: OK" in out
    for step in ("--- check (tạo mới", "--- backup", "--- restore", "--- check (sau khôi phục"):
        assert step in out
    assert "Users/Nguyễn Văn A/Tài liệu/Dữ liệu thi đua" in out
    if windows:
        converted = calls.read_text(encoding="utf-8").splitlines()
        assert any(p.endswith("Nguyễn Văn A/AppData/Local/ThiDuaKhenThuong") for p in converted)
        assert any(p.endswith("USB KINGSTON/Sao lưu") for p in converted)
        assert any(p.endswith("khen thưởng phường Thành Đông.sqlite") for p in converted)


def test_smoke_script_fails_when_the_restore_does_not_happen(tmp_path):
    app_dir = _fake_app(tmp_path / "tdkt", "", crlf=False)
    cli = app_dir / "tdkt-cli"
    # An app whose restore command silently does nothing must not pass the smoke test.
    _script(cli, f'[[ "$1" == restore ]] && exit 0\nexec "{sys.executable}" -m app "$@"\n')
    result = _run(tmp_path, app_dir)
    assert result.returncode != 0
    assert "smoke: restore did not say it restored" in result.stderr

"""The CI workflows for hosted runners (.github/workflows): linted with actionlint (with
shellcheck for the bash steps), and doing what issue 15 asks on Windows and Linux."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
SCRIPTS = Path(sys.executable).parent  # actionlint and shellcheck come from requirements.lock


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(SCRIPTS)) or shutil.which(name)
    assert found, f"{name} is missing: it is a dev dependency, installed by make test"
    return found


def _actionlint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_tool("actionlint"), "-no-color", "-shellcheck", _tool("shellcheck"), *map(str, files)],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)


def test_workflows_pass_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"windows.yml", "linux.yml"}
    result = _actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    text = (WORKFLOWS / "linux.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on: ubuntu-latest", "runs-on: ${{ matrix.os }}")
                      .replace("run: bash packaging/smoke.sh", 'run: echo "$((1+)"'),
                      encoding="utf-8")
    result = _actionlint(broken)
    assert result.returncode != 0
    assert "matrix" in result.stdout  # actionlint's own check of expressions
    assert "[shellcheck]" in result.stdout  # the bash steps are checked too


@pytest.mark.parametrize("name", ["windows.yml", "linux.yml"])
def test_each_workflow_installs_from_the_lock_tests_builds_and_smoke_tests(name):
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    assert 'python-version: "3.11"' in text and "architecture: x64" in text
    assert "cache-dependency-path: requirements.lock" in text
    assert "packaging/build.py --zip" in text
    assert "run: bash packaging/smoke.sh" in text
    assert "actions/upload-artifact@" in text and "if-no-files-found: error" in text


def test_windows_workflow_runs_everything_and_keeps_the_installer():
    text = (WORKFLOWS / "windows.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text
    assert "python -m pip install --require-hashes -r requirements.lock" in text
    assert "python -m pip install --no-deps --no-build-isolation -e ." in text
    assert "run: python -m pytest" in text  # the whole suite, as make test runs it
    assert "shell: bash" in text  # smoke.sh under Git Bash, against dist\tdkt
    assert 'ISCC.exe"' in text and "packaging\\tdkt.iss" in text
    assert "dist/tdkt-setup-*.exe" in text
    # installed, upgraded and uninstalled: the data folder must survive all three
    assert "unins000.exe" in text and "the uninstaller removed the data" in text


def test_linux_workflow_runs_what_ci_runs():
    text = (WORKFLOWS / "linux.yml").read_text(encoding="utf-8")
    assert "runs-on: ubuntu-latest" in text
    assert "run: make test PY=python" in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "bash packaging/smoke.sh" in ci

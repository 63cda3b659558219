"""Refresh requirements.lock from pyproject.toml: ``make lock`` (or ``python packaging/lock.py``).

One lock for every platform: uv resolves "universally", so Windows-only packages (PyInstaller's
pefile and pywin32-ctypes, pytest's colorama) are pinned with their markers and every wheel's
hash of each pinned version is listed (Windows, Linux, macOS). Pins already in the lock are kept;
``--upgrade`` (``make lock UPGRADE=1``) moves everything to the newest allowed versions.
Install from it with ``pip install --require-hashes -r requirements.lock``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

import lockfile

PYTHON = "3.11"  # the oldest Python the app supports; the Windows build uses it


def compile_command(upgrade: bool = False) -> list[str]:
    cmd = [sys.executable, "-m", "uv", "pip", "compile", lockfile.PYPROJECT.name, "--all-extras",
           "--universal", "--generate-hashes", "--python-version", PYTHON,
           "--custom-compile-command", lockfile.REFRESH,
           "--output-file", lockfile.LOCK.name, "--quiet"]
    return [*cmd, "--upgrade"] if upgrade else cmd


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upgrade", action="store_true",
                        help="newest allowed versions instead of keeping the current pins")
    args = parser.parse_args(argv)
    subprocess.run(compile_command(args.upgrade), check=True, cwd=lockfile.ROOT)
    problems = lockfile.disagreements(lockfile.read_lock(), lockfile.declared_requirements())
    if problems:  # uv should never leave one; say so rather than commit a bad lock
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"{lockfile.LOCK.name}: {len(lockfile.read_lock())} pins. Commit it with pyproject.toml.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

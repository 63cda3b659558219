"""Build the one-folder application with PyInstaller: ``python packaging/build.py [--zip]``.

Output: dist/tdkt/ (tdkt, tdkt-cli and _internal/). Works the same on Windows and Linux;
see packaging/README.md for the Windows steps. The environment must hold exactly what
requirements.lock pins (``pip install --require-hashes -r requirements.lock``): a build never
freezes whatever versions happened to be newest that day.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import bundle
import lockfile

DIST = bundle.ROOT / "dist"
WORK = bundle.ROOT / "build" / "pyinstaller"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(clean: bool) -> None:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(bundle.PACKAGING / "tdkt.spec")]
    if clean:
        cmd.insert(3, "--clean")
    # collect_submodules imports ui/ in a helper process: no display needed.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(cmd, check=True, cwd=bundle.ROOT, env=env)


def verify(app_dir: Path, datas: list[tuple[str, str]]) -> None:
    """Fail the build when a part the app loads from files at run time is missing."""
    internal = app_dir / "_internal"
    must_exist = [app_dir / (bundle.GUI_NAME + EXE_SUFFIX), app_dir / (bundle.CLI_NAME + EXE_SUFFIX)]
    must_exist += [internal / Path(dest) / Path(src).name for src, dest in datas]
    # A library kept only as a dangling link would fail at start-up, far from the cause.
    must_exist += [p for p in internal.rglob("*") if p.is_symlink()]
    missing = [str(p.relative_to(app_dir)) for p in must_exist if not p.exists()]
    if missing:
        raise SystemExit("Build incomplete, missing: " + ", ".join(missing))


def make_zip(app_dir: Path) -> Path:
    arch = {"amd64": "x64", "x86_64": "x64"}.get(platform.machine().lower(), platform.machine())
    system = "windows" if sys.platform == "win32" else sys.platform
    base = DIST / f"tdkt-{bundle.app_version()}-{system}-{arch}"
    return Path(shutil.make_archive(str(base), "zip", root_dir=DIST, base_dir=app_dir.name))


def utf8_output() -> None:
    """Print UTF-8 whatever the console's code page (cp1252 or cp1258 on a Windows PC): paths
    under C:\\Users\\Nguyễn… and the Vietnamese descriptions must not crash the build."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def check_locked_environment() -> None:
    """Refuse to freeze libraries other than the locked ones."""
    problems = lockfile.environment_mismatches(lockfile.read_lock())
    if problems:
        raise SystemExit(
            "This environment differs from requirements.lock:\n  " + "\n  ".join(problems)
            + "\nInstall it with: python -m pip install --require-hashes -r requirements.lock")
    print(f"Environment matches {lockfile.LOCK.name}.")


def main(argv: list[str] | None = None) -> int:
    utf8_output()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    parser.add_argument("--zip", action="store_true", help="also pack dist/tdkt into a .zip")
    parser.add_argument("--dry-run", action="store_true",
                        help="check the environment and write the version resources only")
    args = parser.parse_args(argv)

    check_locked_environment()
    for name in (bundle.GUI_NAME, bundle.CLI_NAME):
        print(f"{name} {bundle.app_version()} — {bundle.DESCRIPTIONS[name]}: version resource "
              f"{bundle.write_version_info(name)}")
    if args.dry_run:
        return 0
    datas = bundle.datas()  # before the build: files others add meanwhile are not expected
    started = time.perf_counter()
    run_pyinstaller(args.clean)
    app_dir = DIST / bundle.DIST_NAME
    verify(app_dir, datas)
    elapsed = time.perf_counter() - started
    print(f"Built {app_dir} in {elapsed:.0f} s, {folder_size(app_dir) / 1e6:.0f} MB")
    if args.zip:
        archive = make_zip(app_dir)
        print(f"Archive {archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

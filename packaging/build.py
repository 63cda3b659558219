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
# Size goals (issue 17): the one-folder application and the installer made from it.
GOAL_FOLDER_MB = 120
GOAL_INSTALLER_MB = 60
# Inno Setup's loader and wizard, added to the compressed files (measured: about 1.5 MB).
INSTALLER_STUB_MB = 1.5


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def installer_estimate(app_dir: Path) -> tuple[float, str]:
    """(MB, how) of the installer: the folder compressed as tdkt.iss asks Inno Setup to
    (lzma2/max, solid), with 7-Zip's LZMA2 "maximum" level when 7z is installed, else
    Python's lzma at the same level; plus Inno Setup's loader."""
    import tempfile

    seven = shutil.which("7z") or shutil.which("7za") or shutil.which("7zz")
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "tdkt.7z"
        if seven:
            subprocess.run([seven, "a", "-t7z", "-m0=lzma2", "-mx=7", "-ms=on", "-bd", "-bso0",
                            str(archive), str(app_dir)], check=True)
            how = "7-Zip LZMA2 -mx=7, solid (as Inno Setup lzma2/max)"
        else:
            archive = Path(tmp) / "tdkt.tar.xz"
            import tarfile

            with tarfile.open(archive, "w:xz", preset=7) as tar:
                tar.add(app_dir, arcname=app_dir.name)
            how = "Python lzma preset 7, tar.xz (as Inno Setup lzma2/max)"
        size = archive.stat().st_size / 1e6
    return size + INSTALLER_STUB_MB, f"{how} + {INSTALLER_STUB_MB} MB Inno Setup loader"


def report_size(app_dir: Path, estimate: bool) -> bool:
    """Print the folder's size (and the installer's estimate) against the goals."""
    folder = folder_size(app_dir) / 1e6
    ok = folder < GOAL_FOLDER_MB
    print(f"Packaged size: {folder:.1f} MB in {sum(p.is_file() for p in app_dir.rglob('*'))} files "
          f"(goal < {GOAL_FOLDER_MB} MB: {'met' if ok else 'NOT MET'})")
    if sys.platform != "win32":
        print("  (this build carries Linux-only parts the Windows one has not: Qt's ICU, X11, "
              "CUPS and GLib libraries; `python packaging/windows_estimate.py` estimates the "
              "Windows folder from the Windows wheels)")
    if estimate:
        installer, how = installer_estimate(app_dir)
        met = installer < GOAL_INSTALLER_MB
        ok = ok and met
        print(f"Installer estimate: {installer:.1f} MB [{how}] "
              f"(goal < {GOAL_INSTALLER_MB} MB: {'met' if met else 'NOT MET'})")
    return ok


def run_pyinstaller(clean: bool) -> None:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(bundle.PACKAGING / "tdkt.spec")]
    if clean:
        cmd.insert(3, "--clean")
    # collect_submodules imports ui/ in a helper process: no display needed.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(cmd, check=True, cwd=bundle.ROOT, env=env)


def compile_translations() -> Path:
    """Qt's own texts in Vietnamese: resources/i18n/qt_vi.ts compiled to the .qm the build
    ships (generated here, never committed; ui/i18n.py)."""
    subprocess.run([sys.executable, "-m", "ui.i18n", "--force"], check=True, cwd=bundle.ROOT)
    return bundle.RESOURCES / "i18n" / "qt_vi.qm"


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
    parser.add_argument("--no-installer-estimate", action="store_true",
                        help="skip compressing the folder to estimate the installer's size")
    args = parser.parse_args(argv)

    check_locked_environment()
    for name in (bundle.GUI_NAME, bundle.CLI_NAME):
        print(f"{name} {bundle.app_version()} — {bundle.DESCRIPTIONS[name]}: version resource "
              f"{bundle.write_version_info(name)}")
    if args.dry_run:
        return 0
    print(f"Qt translation {compile_translations()}")
    datas = bundle.datas()  # before the build: files others add meanwhile are not expected
    started = time.perf_counter()
    run_pyinstaller(args.clean)
    app_dir = DIST / bundle.DIST_NAME
    verify(app_dir, datas)
    elapsed = time.perf_counter() - started
    print(f"Built {app_dir} in {elapsed:.0f} s")
    report_size(app_dir, estimate=not args.no_installer_estimate)
    if args.zip:
        archive = make_zip(app_dir)
        print(f"Archive {archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

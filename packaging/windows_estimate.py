"""Estimate the Windows one-folder size from a Linux build, when no Windows machine is at hand.

    python packaging/windows_estimate.py [dist/tdkt]

PyInstaller cannot build for Windows on Linux, and the Linux folder carries what Windows does
not (Qt's 37 MB ICU, which Windows Qt takes from the system; X11, CUPS and GLib libraries;
the Secret Service keyring's cryptography). This maps every file of the Linux build to its
Windows counterpart in the win_amd64 wheels of the locked versions (downloaded once with
pip), keeps the Windows DLLs the kept modules and plugins link to (read with pefile, as
PyInstaller does), drops what exists only on Linux, and counts data, the executables and
the Python runtime at their Linux size (python311.dll and the stdlib .pyd files are not on
PyPI: the stripped Linux ones stand in). The Windows workflow's build.py prints the real figure.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import bundle
import lockfile

CACHE = bundle.ROOT / "build" / "windows-wheels"
# Packages whose files in the bundle come from a platform wheel.
WHEELS = ("pyside6-essentials", "pyside6-addons", "pyside6-pdf", "shiboken6", "lxml", "pillow",
          "pycryptodomex", "sqlalchemy", "psutil", "markupsafe")
PACKAGE_DIRS = ("PySide6", "shiboken6", "lxml", "PIL", "Cryptodome", "sqlalchemy", "psutil",
                "markupsafe")
# Linux-only dependencies (the lock's markers): the Secret Service keyring and its crypto.
LINUX_ONLY = ("cryptography", "cryptography-", "_cffi_backend", "jeepney", "secretstorage",
              "pillow.libs")
# Python runtime: counted at the size of the Linux files (no Windows wheel to read).
RUNTIME = re.compile(r"^(libpython3|python3\.\d+/lib-dynload/|lib(crypto|ssl|sqlite3|ffi)\b)")
# Modules and plugins only the Windows build has (on Linux: xcb, _psutil_linux).
WINDOWS_ONLY = re.compile(r"^(PySide6/plugins/(platforms/qwindows|styles/|printsupport/)"
                          r"|psutil/_psutil_windows)", re.IGNORECASE)


def download(dest: Path) -> list[Path]:
    """The win_amd64 wheels of the locked versions (and pefile to read them)."""
    pins = {p.name: p.version for p in lockfile.read_lock()}
    dest.mkdir(parents=True, exist_ok=True)
    wanted = [f"{name}=={pins[name]}" for name in WHEELS] + [f"pefile=={pins['pefile']}"]
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    "--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.11",
                    "-d", str(dest), *wanted], check=True)
    return sorted(dest.glob("*.whl"))


def windows_name(linux: str) -> str | None:
    """Where a file of the Linux build sits in a Windows wheel (None: no such file)."""
    p = linux
    if p.startswith("PySide6/Qt/lib/"):
        m = re.match(r"PySide6/Qt/lib/lib(Qt6\w+)\.so", p)
        return f"PySide6/{m.group(1)}.dll" if m else None
    if p.startswith("PySide6/Qt/plugins/"):
        m = re.match(r"PySide6/Qt/plugins/(\w[\w-]*)/libq?(\w+)\.so$", p)
        return f"PySide6/plugins/{m.group(1)}/q{m.group(2)}.dll" if m else None
    if p.startswith("PySide6/Qt/translations/"):
        return p.replace("PySide6/Qt/translations/", "PySide6/translations/")
    p = re.sub(r"lib(pyside6|shiboken6)\.abi3\.so\.[\d.]+$", r"\1.abi3.dll", p)
    p = re.sub(r"\.cpython-311-x86_64-linux-gnu\.so$", ".cp311-win_amd64.pyd", p)
    return re.sub(r"\.abi3\.so$", ".pyd", p)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("app_dir", nargs="?", default=str(bundle.ROOT / "dist" / bundle.DIST_NAME))
    args = ap.parse_args(argv)
    app_dir = Path(args.app_dir)
    internal = app_dir / "_internal"
    wheels = download(CACHE)
    sys.path.insert(0, str(next(w for w in wheels if w.name.startswith("pefile"))))
    import pefile

    members: dict[str, tuple[Path, int]] = {}
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as z:
            for info in z.infolist():
                members.setdefault(info.filename.lower(), (wheel, info.file_size))

    same = runtime = 0
    linux_only = 0
    roots: set[str] = set()
    for f in sorted(app_dir.rglob("*")):
        if not f.is_file() or f.is_symlink():
            continue
        rel = f.relative_to(internal).as_posix() if internal in f.parents else f.name
        size = f.stat().st_size
        top = PurePosixPath(rel).parts[0]
        if f.parent == app_dir or RUNTIME.match(rel):
            runtime += size  # executables (bootloader + the same archive), Python runtime
        elif top.startswith(LINUX_ONLY) or (top.startswith("lib") and "/" not in rel):
            linux_only += size  # Linux system libraries and Linux-only packages
        elif top in PACKAGE_DIRS and re.search(r"\.(so|dll|pyd)(\.[\d.]+)?$", rel):
            name = windows_name(rel)
            if name and name.lower() in members and bundle.keep_binary(name):
                if not bundle.is_library(name):
                    roots.add(name.lower())
            else:
                linux_only += size
        else:
            same += size  # data: resources, migrations, templates, translations, archives
    roots |= {m for m in members if WINDOWS_ONLY.match(m) and m.endswith((".dll", ".pyd"))
              and bundle.keep_binary(m)}
    by_base = {PurePosixPath(m).name: m for m in members if m.endswith((".dll", ".pyd"))}
    reached, todo = set(roots), list(roots)
    while todo:
        for dep in _links(pefile, todo.pop(), members, by_base):
            if dep not in reached:
                reached.add(dep)
                todo.append(dep)
    windows = sum(members[m][1] for m in reached)
    total = same + runtime + windows
    linux_total = sum(f.stat().st_size for f in app_dir.rglob("*")
                      if f.is_file() and not f.is_symlink())
    print(f"Linux build: {linux_total / 1e6:.1f} MB")
    print(f"  Linux-only (ICU, system libraries, Secret Service crypto, Linux-only Qt): "
          f"{linux_only / 1e6:.1f} MB")
    print(f"Windows estimate: {total / 1e6:.1f} MB = data {same / 1e6:.1f} + executables and "
          f"Python runtime (Linux sizes) {runtime / 1e6:.1f} + {len(reached)} DLL/PYD from the "
          f"Windows wheels {windows / 1e6:.1f} (goal < 120 MB)")
    for m in sorted(reached, key=lambda m: -members[m][1])[:12]:
        print(f"  {members[m][1] / 1e6:6.2f} MB  {m}")
    return 0


def _links(pefile, member: str, members, by_base) -> list[str]:
    """The wheel files a DLL/PYD links to (its PE import table)."""
    wheel, _size = members[member]
    with zipfile.ZipFile(wheel) as z:
        name = next(i.filename for i in z.infolist() if i.filename.lower() == member)
        pe = pefile.PE(data=z.read(name), fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"],
                                           pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT"]])
    names = [e.dll.decode().lower() for attr in ("DIRECTORY_ENTRY_IMPORT", "DIRECTORY_ENTRY_DELAY_IMPORT")
             for e in getattr(pe, attr, [])]
    # A DLL the package also has next to the module wins (PySide6/msvcp140.dll before
    # shiboken6's copy, as PyInstaller collects one of them).
    folder = member.rsplit("/", 1)[0]
    return [f"{folder}/{n}" if f"{folder}/{n}" in members else by_base[n]
            for n in names if f"{folder}/{n}" in members or n in by_base]


if __name__ == "__main__":
    raise SystemExit(main())

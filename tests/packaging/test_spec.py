"""The PyInstaller spec, checked without building: it runs against stand-ins for PyInstaller's
build classes and we look at what it would put in the bundle."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import ClassVar

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


@pytest.fixture
def bundle(monkeypatch):
    monkeypatch.syspath_prepend(str(PACKAGING))
    monkeypatch.delitem(sys.modules, "bundle", raising=False)
    import bundle as module

    return module


class Recorder:
    """Stand-in for Analysis / PYZ / EXE / COLLECT: keeps its arguments."""

    made: ClassVar[list[Recorder]] = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        Recorder.made.append(self)


class FakeAnalysis(Recorder):
    # What PyInstaller's hooks would collect, including parts the spec must drop, and what each
    # binary links to (LINKS, by source path).
    BINARIES = (
        ("PySide6/QtGui.abi3.so", "/x/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/QtPdf.abi3.so", "/x/QtPdf.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", "/x/libQt6Pdf.so.6", "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/x/libicuuc.so.73", "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/x/libQt6Quick.so.6", "BINARY"),
        ("PySide6/Qt6Qml.dll", "C:/x/Qt6Qml.dll", "BINARY"),
        ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", "C:/x", "BINARY"),
        ("PySide6/plugins/platforms/qwindows.dll", "C:/x/qwindows.dll", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "/x/libqwayland.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/x/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/x/libcups.so", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", "/x/libqtiff.so", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "/x/libqjpeg.so", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libcups.so.2", "/usr/lib/libcups.so.2", "BINARY"),
        ("libdbus-1.so.3", "/usr/lib/libdbus-1.so.3", "BINARY"),
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
        ("PySide6/opengl32sw.dll", "C:/x/opengl32sw.dll", "BINARY"),
        ("Cryptodome/Cipher/_raw_aes.abi3.so", "/x/_raw_aes.abi3.so", "BINARY"),
        ("Cryptodome/PublicKey/_ec_ws.abi3.so", "/x/_ec_ws.abi3.so", "BINARY"),
    )
    LINKS: ClassVar[dict[str, list[str]]] = {
        "/x/QtGui.abi3.so": ["libQt6Gui.so.6", "libpython3.11.so.1.0"],
        "/x/QtPdf.abi3.so": ["libQt6Pdf.so.6"],
        "/x/libQt6Gui.so.6": ["libicuuc.so.73", "libc.so.6"],
        "/x/libqxcb.so": ["libQt6Gui.so.6"],
        "/x/libqgtk3.so": ["libgtk-3.so.0", "libcairo.so.2", "libQt6Gui.so.6"],
        "/usr/lib/libgtk-3.so.0": ["libcairo.so.2", "libdbus-1.so.3"],
        "/x/libcups.so": ["libcups.so.2"],
        "/usr/lib/libcups.so.2": ["libdbus-1.so.3"],
    }
    DATAS = (("PySide6/translations/qtbase_vi.qm", "/x", "DATA"),
             ("PySide6/translations/qtbase_de.qm", "/x", "DATA"),
             # on Linux the links to libraries in subfolders are listed among data files
             ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
             ("libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "SYMLINK"),
             ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
             ("libgtk-3.so", "libgtk-3.so.0", "SYMLINK"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.binaries, self.datas = list(self.BINARIES), list(self.DATAS)
        self.datas += [(dest + "/" + Path(src).name, src, "DATA") for src, dest in kwargs["datas"]]
        self.pure, self.scripts = ["pure"], ["scripts"]


class FakeExe(Recorder):
    pass


@pytest.fixture
def run_spec(bundle, monkeypatch):
    """Run packaging/tdkt.spec as PyInstaller would, with recording stand-ins."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    def collect_submodules(package, filter=None):
        names = [f"{package}.everything", f"{package}.migrations.versions.0001_initial"]
        return [name for name in names if filter(name)]

    hooks.collect_submodules = collect_submodules
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda src: {(name, None) for name in FakeAnalysis.LINKS.get(src, [])}
    depend = types.ModuleType("PyInstaller.depend")
    depend.bindepend = bindepend
    monkeypatch.setitem(sys.modules, "PyInstaller.depend", depend)
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)
    Recorder.made = []
    namespace = {"SPECPATH": str(PACKAGING), "Analysis": FakeAnalysis, "PYZ": Recorder,
                 "EXE": FakeExe, "COLLECT": Recorder, "__name__": "__main__"}
    source = (PACKAGING / "tdkt.spec").read_text(encoding="utf-8")

    def run():
        exec(compile(source, "tdkt.spec", "exec"), namespace)  # noqa: S102 - our own spec
        return namespace

    return run


@pytest.fixture
def spec(run_spec):
    return run_spec()


def test_spec_is_valid_python():
    ast.parse((PACKAGING / "tdkt.spec").read_text(encoding="utf-8"))


def test_bundles_every_resource_and_migration(spec, bundle):
    analysis = spec["a"]
    shipped = {Path(dest).as_posix() for dest, _src, _kind in analysis.datas}
    for folder in (ROOT / "resources", ROOT / "db" / "migrations"):
        for path in folder.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                assert path.relative_to(ROOT).as_posix() in shipped
    for name in ("resources/fonts/Tinos-Regular.ttf", "resources/fonts/LICENSE-Tinos.txt",
                 "resources/rules/award_kinds.json", "resources/icons/app.ico",
                 "db/migrations/env.py", "db/migrations/versions/0001_initial.py"):
        assert name in shipped


def test_migration_imports_are_hidden_imports(spec, bundle):
    hidden = set(spec["a"].kwargs["hiddenimports"])
    assert {"alembic.op", "sqlalchemy", "db.models", "sqlalchemy.dialects.sqlite"} <= hidden
    for path in (ROOT / "db" / "migrations" / "versions").glob("*.py"):
        assert bundle.imports_of(path) <= hidden, path.name
    # our packages are collected whole: commands and screens are imported by name
    assert {"app.everything", "db.everything", "ui.everything"} <= hidden
    assert "db.migrations.versions.0001_initial" not in hidden  # run from files, not the PYZ


def test_heavy_qt_modules_are_excluded_and_used_ones_kept(spec):
    analysis = spec["a"]
    excludes = set(analysis.kwargs["excludes"])
    for name in ("QtWebEngineCore", "QtWebEngineWidgets", "QtQml", "QtQuick", "Qt3DCore",
                 "QtMultimedia"):
        assert "PySide6." + name in excludes
    for name in ("QtPdf", "QtPdfWidgets", "QtCharts", "QtPrintSupport", "QtSvg", "QtWidgets"):
        assert "PySide6." + name not in excludes
        assert "PySide6." + name in analysis.kwargs["hiddenimports"]
    translations = [dest for dest, _s, _k in analysis.datas
                    if dest.endswith(".qm") and dest.startswith("PySide6/")]
    assert translations == ["PySide6/translations/qtbase_vi.qm"]


def test_unused_plugins_go_with_the_libraries_only_they_needed(spec):
    kept = [dest for dest, _src, _kind in spec["a"].binaries]
    assert kept == [
        "PySide6/QtGui.abi3.so", "PySide6/QtPdf.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/Qt/lib/libicuuc.so.73",
        "PySide6/plugins/platforms/qwindows.dll", "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "libcups.so.2", "libdbus-1.so.3",  # printing on Linux still links them
        "libpython3.11.so.1.0", "Cryptodome/Cipher/_raw_aes.abi3.so"]
    # GTK went with the GTK theme plugin, cairo with both; links to dropped libraries too
    links = [dest for dest, _s, kind in spec["a"].datas if kind == "SYMLINK"]
    assert links == ["libQt6Gui.so.6"]


def test_every_exclusion_says_why(bundle):
    """What the package leaves out, and why: bundle.py keeps it as data."""
    for table in (bundle.EXCLUDED_MODULES, bundle.DROPPED_FILES, bundle.LIBRARY_FOLDERS):
        for entry, why in table.items():
            assert isinstance(why, str) and len(why) >= 12, entry
    assert bundle.EXCLUDES == list(bundle.EXCLUDED_MODULES)
    assert bundle.DROP_BINARIES == list(bundle.DROPPED_FILES)
    for pattern in bundle.DROPPED_FILES:
        re.compile(pattern)
    for name in ("PySide6.QtWebEngineCore", "PySide6.QtNetwork", "PIL._avif", "pygments",
                 "reportlab.graphics", "lxml.objectify"):
        assert name in bundle.EXCLUDED_MODULES
    used = ("plugins/platforms/qwindows.dll", "PySide6/Qt/plugins/platforms/libqxcb.so",
            "PySide6/Qt/plugins/platforms/libqoffscreen.so",
            "PySide6/Qt/plugins/imageformats/libqjpeg.so",
            "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/plugins/iconengines/qsvgicon.dll",
            "PySide6/plugins/printsupport/windowsprintersupport.dll",
            "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
            "PySide6/plugins/styles/qmodernwindowsstyle.dll", "Cryptodome/Cipher/_raw_aes.pyd",
            "Cryptodome/Hash/_SHA1.abi3.so", "Cryptodome/Protocol/_scrypt.abi3.so")
    assert [p for p in used if not bundle.keep_binary(p)] == []


def test_libraries_and_roots(bundle):
    for library in ("libQt6Gui.so.6", "PySide6/Qt6Core.dll", "shiboken6/libshiboken6.abi3.so.6.12",
                    "pillow.libs/libjpeg-6dc8d115.so.62.4.0", "libicudata.so.73", "MSVCP140.dll"):
        assert bundle.is_library(library), library
    extension = "-x86_64-linux-gnu.so"
    for root in ("PySide6/QtCore.abi3.so", "PySide6/QtCore.pyd", f"PIL/_imaging.cpython-311{extension}",
                 f"python3.11/lib-dynload/_ssl.cpython-311{extension}",
                 "libpython3.11.so.1.0", "python311.dll", "python3.dll",
                 "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/plugins/platforms/qwindows.dll",
                 "Cryptodome/Util/_cpuid_c.abi3.so", "tdkt.exe"):
        assert not bundle.is_library(root), root


def test_one_folder_with_windowed_app_and_console_companion(spec):
    exes = [r for r in Recorder.made if isinstance(r, FakeExe)]
    by_name = {e.kwargs["name"]: e.kwargs for e in exes}
    assert by_name["tdkt"]["console"] is False
    assert by_name["tdkt-cli"]["console"] is True
    for options in by_name.values():
        assert options["exclude_binaries"] is True  # one-folder, not one-file
        assert options["upx"] is False
    collect = spec["coll"]
    assert collect.kwargs["name"] == "tdkt"
    assert all(e in collect.args for e in exes)


def test_windows_executables_get_icon_and_their_own_version_resource(
        run_spec, bundle, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    write = bundle.write_version_info  # version files go to tmp_path/build, not the tree's
    monkeypatch.setattr(bundle, "write_version_info",
                        lambda name: write(name, out_dir=tmp_path / "build"))
    run_spec()
    exes = {r.kwargs["name"]: r.kwargs for r in Recorder.made if isinstance(r, FakeExe)}
    for name, options in exes.items():
        assert options["icon"] == str(ROOT / "resources" / "icons" / "app.ico")
        version_file = Path(options["version"])
        assert version_file == tmp_path / "build" / f"version_info-{name}.txt"
        assert f"StringStruct('OriginalFilename', '{name}.exe')" in version_file.read_text(
            encoding="utf-8")


def test_version_resource_follows_app_version(bundle, monkeypatch, tmp_path):
    # PyInstaller's own reader; its Windows-only imports are not needed to parse the text.
    from PyInstaller import compat

    from app import __version__

    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

    major, minor, patch, build = bundle.version_tuple(__version__)
    for exe in ("tdkt", "tdkt-cli"):
        info = load_version_info_from_text_file(str(bundle.write_version_info(exe, tmp_path)))
        assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == (
            major << 16 | minor, patch << 16 | build)
        strings = {s.name: s.val for s in info.kids[0].kids[0].kids}
        assert strings["ProductVersion"] == __version__
        assert strings["ProductName"] == "Thi đua – Khen thưởng"
        assert strings["OriginalFilename"] == f"{exe}.exe"
        assert strings["FileDescription"].startswith("Thi đua – Khen thưởng")
    assert bundle.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert bundle.version_tuple("2.0") == (2, 0, 0, 0)


def test_application_icon():
    from PIL import Image

    ico = Image.open(ROOT / "resources" / "icons" / "app.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    svg = ET.parse(ROOT / "resources" / "icons" / "app.svg").getroot()
    assert svg.get("viewBox") == "0 0 256 256"
    assert Image.open(ROOT / "resources" / "icons" / "app.png").size == (256, 256)


def test_smoke_script_is_valid_bash():
    subprocess.run(["bash", "-n", str(PACKAGING / "smoke.sh")], check=True)


def test_every_qt_module_the_code_imports_is_bundled(bundle):
    """A screen importing a Qt module the spec excludes would fail only in the packaged app."""
    used = set()
    for folder in ("app", "db", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            used |= {m for m in bundle.imports_of(path) if m.startswith("PySide6.")}
    assert "PySide6.QtWidgets" in used
    missing = used - set(bundle.QT_KEEP)
    assert not missing, f"add to QT_KEEP in packaging/bundle.py: {sorted(missing)}"
    assert not used & set(bundle.EXCLUDES)


def test_installer_script_keeps_its_bom_and_points_at_real_files(bundle):
    raw = (PACKAGING / "tdkt.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # without it ISCC reads the diacritics as ANSI
    text = raw.decode("utf-8-sig")
    assert "SetupIconFile=resources\\icons\\app.ico" in text
    assert (ROOT / "resources" / "icons" / "app.ico").is_file()
    assert f'Source: "dist\\{bundle.DIST_NAME}\\*"' in text
    assert f'Filename: "{{app}}\\{bundle.GUI_NAME}.exe"' in text
    assert "Thi đua – Khen thưởng" in text


BLOCKING_RUN = """
import importlib.abc, sys
BLOCKED = {blocked!r}
class Missing(importlib.abc.MetaPathFinder):
    # As in the package: an excluded module cannot be found.
    def find_spec(self, name, path=None, target=None):
        if any(name == b or name.startswith(b + ".") for b in BLOCKED):
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
sys.meta_path.insert(0, Missing())
from app.cli import main
code = main(["selftest"])
used = sorted(n for n in sys.modules if any(n == b or n.startswith(b + ".") for b in BLOCKED))
print("EXCLUDED BUT LOADED:", used)
raise SystemExit(code)
"""


def test_selftest_passes_without_the_excluded_modules(bundle, tmp_path):
    """Every module the spec leaves out is one the app does without: the selftest (every
    module of ours, documents, Excel, Word, backup libraries, Qt, every screen) passes with
    them all unimportable, as in the package."""
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TDKT_DATA_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", BLOCKING_RUN.format(blocked=bundle.EXCLUDES)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=110,
                          check=False)
    assert "Tự kiểm tra: đạt." in done.stdout, done.stdout + done.stderr[-3000:]
    assert "EXCLUDED BUT LOADED: []" in done.stdout
    assert done.returncode == 0


def test_no_module_of_ours_imports_an_excluded_one(bundle):
    """Even inside a function (which the selftest may not reach): say why in bundle.py, or
    take the module out of EXCLUDED_MODULES."""
    found = []
    for folder in ("app", "db", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            found += [(path.relative_to(ROOT).as_posix(), m) for m in bundle.imports_of(path)
                      if any(m == e or m.startswith(e + ".") for e in bundle.EXCLUDES)]
    assert found == []

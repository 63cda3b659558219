"""What goes into the frozen application: data files, hidden imports, exclusions, version info.

Shared by tdkt.spec, build.py and tests/packaging, so the spec stays declarative and the lists
can be checked without running PyInstaller. Nothing here imports PyInstaller or Qt.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
MIGRATIONS = ROOT / "db" / "migrations"
RESOURCES = ROOT / "resources"
ICON_ICO = RESOURCES / "icons" / "app.ico"
VERSION_TEMPLATE = PACKAGING / "version_info.txt"
DIST_NAME = "tdkt"  # dist/tdkt/ holds tdkt(.exe), tdkt-cli(.exe) and _internal/
GUI_NAME, CLI_NAME = "tdkt", "tdkt-cli"

# Qt modules the app uses (widgets, PDF preview, charts, printing, SVG icons). Listed as hidden
# imports so they are in the bundle even before a screen imports them.
QT_KEEP = [
    "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtPdf",
    "PySide6.QtPdfWidgets", "PySide6.QtCharts", "PySide6.QtPrintSupport", "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
]

# What the package leaves out, each with the reason (issue 17: what the app never loads, found
# with packaging/runtime_use.py: the selftest, every screen and a year's commands run with
# sys.modules dumped, and the built app run under strace). tests/packaging/test_spec.py runs
# the selftest with every excluded module made unimportable.
_NEVER_USED_QT = "a Qt module no screen uses; it would bring its libraries and plugins"
QT_EXCLUDE: dict[str, str] = {"PySide6." + m: _NEVER_USED_QT for m in (
    "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel",
    "QtWebSockets", "QtWebView", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuickWidgets",
    "QtQuickControls2", "QtQuickTest", "QtQuick3D", "Qt3DCore", "Qt3DRender", "Qt3DInput",
    "Qt3DLogic", "Qt3DAnimation", "Qt3DExtras", "QtMultimedia", "QtMultimediaWidgets",
    "QtSpatialAudio", "QtTextToSpeech", "QtBluetooth", "QtNfc", "QtPositioning",
    "QtLocation", "QtSensors", "QtSerialPort", "QtSerialBus", "QtRemoteObjects", "QtScxml",
    "QtStateMachine", "QtDataVisualization", "QtGraphs", "QtGraphsWidgets", "QtHttpServer",
    "QtNetworkAuth", "QtDesigner", "QtHelp", "QtUiTools", "QtTest", "QtSql", "QtXml",
    "QtConcurrent", "QtCanvasPainter", "QtLabsStyleKit", "QtAxContainer", "QtAsyncio",
)} | {
    # Qt libraries the kept modules link to (Network for Pdf, OpenGL* for Charts, DBus for Gui
    # on Linux) stay as libraries; their Python bindings are never imported.
    "PySide6.QtNetwork": "binding never imported (libQt6Network stays: QtPdf links it)",
    "PySide6.QtOpenGL": "binding never imported (libQt6OpenGL stays: QtCharts links it)",
    "PySide6.QtOpenGLWidgets": "binding never imported (the library stays: QtCharts links it)",
    "PySide6.QtDBus": "binding never imported (libQt6DBus stays: QtGui links it on Linux)",
}
# Python packages the build would collect but the app never imports at run time (or imports
# only inside a try that does without them).
_DEV_ONLY = "developer tool (tests, lint, build) present in the build's environment"
PY_EXCLUDE: dict[str, str] = {
    "tkinter": "no Tk user interface", "_tkinter": "no Tk user interface",
    "PIL._imagingtk": "Pillow's Tk bridge: no Tk user interface",
    "PIL.ImageTk": "Pillow's Tk bridge: no Tk user interface",
    "PIL.ImageQt": "Pillow's Qt bridge: the screens load images with Qt itself",
    "PIL._avif": "AVIF decoder (4.8 MB with libavif): designs are PNG or JPEG only",
    "PIL._webp": "WebP codec (with libwebp*): designs are PNG or JPEG only",
    "PIL._imagingcms": "colour management (with liblcms2): images are only checked and drawn",
    "pytest": _DEV_ONLY, "_pytest": _DEV_ONLY, "pytestqt": _DEV_ONLY,
    "pypdf": "reads PDFs back in the tests and benches only", "ruff": _DEV_ONLY,
    "IPython": _DEV_ONLY, "setuptools": _DEV_ONLY, "pip": _DEV_ONLY, "PyInstaller": _DEV_ONLY,
    "pygments": "Mako's optional highlighter (340 modules), used when writing migrations",
    "pydoc": "help() pages; nothing calls help() in the app",
    "pydoc_data": "help() pages; nothing calls help() in the app",
    "doctest": "tests of docstrings: never run in the app",
    "unittest": "test framework: never run in the app",
    "reportlab.graphics": "ReportLab charts, barcodes and drawings: documents and certificates "
                          "draw on the canvas",
    "charset_normalizer": "ReportLab imports it only to guess the encoding of XML bytes "
                          "(rparsexml); the app hands it text",
    "lxml.html": "HTML parsing and diff: python-docx and openpyxl use lxml.etree only",
    "lxml.objectify": "lxml.objectify (2.8 MB): python-docx and openpyxl use lxml.etree only",
    "lxml.isoschematron": "Schematron validation: never validated",
    "lxml.sax": "SAX bridge: never used",
    "ssl": "the app is offline: asyncio and urllib import it in a try and do without",
    "_ssl": "the app is offline (with libssl): asyncio and urllib do without",
    "cffi": "pycryptodomex falls back to ctypes; nothing else needs a C compiler bridge",
    **{m: "Chinese, Japanese and Korean text codecs: files are Unicode, Windows-1258 or the "
          "Vietnamese legacy fonts" for m in ("_codecs_jp", "_codecs_kr", "_codecs_cn",
                                              "_codecs_tw", "_codecs_hk", "_codecs_iso2022",
                                              "_multibytecodec")},
    "pycparser": "only cffi's C parser needs it",
}
EXCLUDED_MODULES: dict[str, str] = {**QT_EXCLUDE, **PY_EXCLUDE}
EXCLUDES = list(EXCLUDED_MODULES)

# Loaded by name at run time, so the import scan cannot see them: SQLAlchemy's dialect,
# alembic's proxies, ReportLab's optional C accelerators (imported inside exec(); bundled when
# the rl_accel package is installed, otherwise PyInstaller warns and ReportLab uses Python).
STATIC_HIDDEN = ["sqlalchemy.dialects.sqlite", "alembic.op", "alembic.context",
                 "alembic.ddl.sqlite", "logging.handlers", "sqlite3", "_rl_accel"]

# Files Qt's and other libraries' hooks collect that the app never loads. Patterns match the
# destination path with "/" separators; libraries only these needed go too (see
# unreachable_libraries).
DROPPED_FILES: dict[str, str] = {
    r"(^|/)(lib)?Qt6(Qml|Quick|VirtualKeyboard)\w*\.(so|dll|dylib)":
        "QtQml/QtQuick: only the virtual keyboard plugin drags them in (~17 MB)",
    r"plugins/platforminputcontexts/[^/]*virtualkeyboard": "virtual keyboard: a desktop PC",
    r"plugins/(networkinformation|tls)/": "network status and TLS: the app is offline",
    r"plugins/platformthemes/": "GTK3 and portal themes (Linux): libqgtk3 alone drags in GTK, "
                                "cairo, pango (~15 MB); the app sets its own style and fonts",
    r"plugins/platforms/(lib)?q(eglfs|linuxfb|minimal|minimalegl|vkkhrdisplay|vnc|wayland|direct2d)":
        "other windowing systems: the app runs on Windows (qwindows), X11 (qxcb) and "
        "offscreen (selftest, tests)",
    r"plugins/(wayland-[^/]+|egldeviceintegrations|xcbglintegrations)/":
        "Wayland, EGL and GLX integrations: widgets are drawn without OpenGL",
    r"(^|/)(lib)?Qt6(WaylandClient|WlShellIntegration|EglFSDeviceIntegration|EglFsKmsSupport)\w*\.":
        "libraries of the dropped Wayland and EGL platform plugins",
    r"plugins/generic/": "touch screen and evdev input: a desktop PC with mouse and keyboard",
    r"plugins/imageformats/(lib)?q(gif|icns|tga|tiff|wbmp|webp|pdf)\w*\.":
        "image formats never read: icons are SVG and PNG, photos and designs PNG or JPEG "
        "(qjpeg, qsvg, qico stay)",
    r"(^|/)opengl32sw\.dll$": "software OpenGL (20 MB, Windows): widgets are drawn without OpenGL",
    r"(^|/)d3dcompiler_\d+\.dll$": "Direct3D shader compiler for OpenGL ES: no OpenGL",
    r"(^|/)lib(EGL|GLESv2)\.dll$": "ANGLE OpenGL ES (Windows): no OpenGL",
    r"Cryptodome/(PublicKey|Math|Signature|IO)/": "public-key crypto of pycryptodomex: the "
                                                  "backup zip uses AES, SHA-1 and PBKDF2 only",
}
DROP_BINARIES = list(DROPPED_FILES)

# Qt translations kept: Vietnamese (the user's language) and English (Qt's fallback).
QT_TRANSLATION_LANGS = ("vi", "en")

# Loaded by the app or by Python itself, never reached through another binary's links:
# extension modules, Qt plugins, libraries loaded with ctypes, the Python library. Any other
# shared library the build collected stays only if one of these links to it.
_EXTENSION = re.compile(r"(\.cpython-[^/]*|\.abi3)\.(so|pyd)$|\.pyd$")
_SHARED_LIBRARY = re.compile(r"\.(so(\.[\d.]+)?|dll|dylib)$", re.IGNORECASE)
_ROOTS = re.compile(r"(^|/)(plugins|Cryptodome)/|(^|/)(lib)?python3\d*(\.\d+)?\.(so|dll|dylib)",
                    re.IGNORECASE)


def is_library(dest: str) -> bool:
    """A shared library kept only while some kept binary links to it."""
    path = dest.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    return bool(_SHARED_LIBRARY.search(name)) and not _EXTENSION.search(name) \
        and not _ROOTS.search(path)


def unreachable_libraries(binaries, imports_of) -> set[str]:
    """Destinations of the collected shared libraries no kept binary needs, directly or
    through another library: what the dropped plugins and modules alone linked to.

    ``binaries`` are PyInstaller TOC entries (dest, src, kind); ``imports_of(src)`` gives the
    names a binary links to (PyInstaller's bindepend.get_imports)."""
    by_name: dict[str, list[tuple[str, str]]] = {}
    for dest, src, _kind in binaries:
        by_name.setdefault(Path(dest.replace("\\", "/")).name.lower(), []).append((dest, src))
    todo = [(dest, src) for dest, src, _kind in binaries if not is_library(dest)]
    reached = {dest for dest, _src in todo}
    while todo:
        _dest, src = todo.pop()
        for name in imports_of(src):
            for dep in by_name.get(Path(name).name.lower(), ()):
                if dep[0] not in reached:
                    reached.add(dep[0])
                    todo.append(dep)
    return {dest for dest, _src, _kind in binaries if dest not in reached}


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def resource_datas() -> list[tuple[str, str]]:
    """Every file under resources/ (fonts with their licences, rules, icons…), same layout."""
    return [(str(p), str(p.parent.relative_to(ROOT))) for p in _files(RESOURCES)]


def migration_files() -> list[Path]:
    """Alembic reads env.py and versions/*.py as files (not from the PYZ archive)."""
    return [p for p in _files(MIGRATIONS) if p.suffix in (".py", ".mako")]


def migration_datas() -> list[tuple[str, str]]:
    return [(str(p), str(p.parent.relative_to(ROOT))) for p in migration_files()]


# Folders a library reaches through ".." from a module's folder: python-docx opens
# docx/parts/../templates/default-header.xml, which Linux resolves only if docx/parts exists
# on disk (its modules live in the PYZ archive), so writing a DOCX with a page header failed
# in the Linux build. A marker file makes the folder.
LIBRARY_FOLDERS = {"docx/parts": "python-docx reads ../templates/*.xml from there"}
FOLDER_MARKER = PACKAGING / "folder-marker.txt"


def datas() -> list[tuple[str, str]]:
    return (resource_datas() + migration_datas()
            + [(str(FOLDER_MARKER), folder) for folder in LIBRARY_FOLDERS])


def imports_of(path: Path) -> set[str]:
    """Modules a source file imports (absolute imports only)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def hidden_imports() -> list[str]:
    """Qt modules kept, run-time-loaded modules and whatever the migration files import
    (they are data to PyInstaller, so their imports must be declared)."""
    found: set[str] = set()
    for path in migration_files():
        if path.suffix == ".py":
            found |= imports_of(path)
    return sorted(set(QT_KEEP) | set(STATIC_HIDDEN) | found)


def is_bundled_module(name: str) -> bool:
    """Filter for collect_submodules over app, db and ui."""
    return not name.startswith("db.migrations") and ".tests" not in name


def keep_data(dest: str) -> bool:
    """Drop Qt translation files of languages the user never sees, and the symbolic links
    PyInstaller lists among data files for libraries dropped by keep_binary."""
    if not keep_binary(dest):
        return False
    path = Path(dest)
    match = re.search(r"_([a-z]{2,3})(?:_[A-Z]{2})?\.qm$", path.name)
    if "translations" in path.parts and match:
        return match.group(1) in QT_TRANSLATION_LANGS
    return True


def keep_binary(dest: str) -> bool:
    path = dest.replace("\\", "/")
    return not any(re.search(p, path) for p in DROP_BINARIES)


def app_version() -> str:
    """app.__version__, read from the source without importing the app."""
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise RuntimeError("app/__init__.py has no __version__")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """"1.2.3rc1" → (1, 2, 3, 0): Windows wants four 16-bit numbers."""
    nums = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    nums += [0] * (4 - len(nums))
    return tuple(min(n, 65535) for n in nums)  # type: ignore[return-value]


# What Explorer shows as each executable's description (Properties › Details).
DESCRIPTIONS = {
    GUI_NAME: "Thi đua – Khen thưởng: công tác thi đua, khen thưởng cấp xã, phường",
    CLI_NAME: "Thi đua – Khen thưởng (dòng lệnh)",
}


def render_version_info(version: str, exe_name: str = GUI_NAME) -> str:
    t = version_tuple(version)
    return Template(VERSION_TEMPLATE.read_text(encoding="utf-8")).substitute(
        version=version, version_tuple=repr(t), version_dotted=".".join(map(str, t)),
        exe_name=exe_name, description=DESCRIPTIONS[exe_name],
    )


def write_version_info(exe_name: str = GUI_NAME, out_dir: Path | None = None) -> Path:
    """Fill packaging/version_info.txt with app.__version__ into build/version_info-NAME.txt."""
    out_dir = out_dir or ROOT / "build"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"version_info-{exe_name}.txt"
    out.write_text(render_version_info(app_version(), exe_name), encoding="utf-8")
    return out

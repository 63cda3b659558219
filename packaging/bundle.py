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
# Qt libraries those need (Qt6Network for Pdf, Qt6OpenGL* for Charts) are collected as
# library dependencies; their Python bindings (~10 MB) are never imported, so they go.
QT_UNUSED_BINDINGS = ["PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"]
# Qt modules never used: each would bring tens of MB of libraries and plugins.
QT_EXCLUDE = [
    "PySide6." + m for m in (
        "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel",
        "QtWebSockets", "QtWebView", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuickWidgets",
        "QtQuickControls2", "QtQuickTest", "QtQuick3D", "Qt3DCore", "Qt3DRender", "Qt3DInput",
        "Qt3DLogic", "Qt3DAnimation", "Qt3DExtras", "QtMultimedia", "QtMultimediaWidgets",
        "QtSpatialAudio", "QtTextToSpeech", "QtBluetooth", "QtNfc", "QtPositioning",
        "QtLocation", "QtSensors", "QtSerialPort", "QtSerialBus", "QtRemoteObjects", "QtScxml",
        "QtStateMachine", "QtDataVisualization", "QtGraphs", "QtGraphsWidgets", "QtHttpServer",
        "QtNetworkAuth", "QtDesigner", "QtHelp", "QtUiTools", "QtTest", "QtSql", "QtXml",
        "QtConcurrent", "QtCanvasPainter", "QtLabsStyleKit", "QtAxContainer", "QtAsyncio",
    )
] + QT_UNUSED_BINDINGS
# Python packages present in the dev venv but never needed at run time. Pygments (340
# modules) comes only through Mako's optional highlighter, used when writing migrations.
PY_EXCLUDE = ["tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "pypdf", "ruff",
              "IPython", "setuptools", "pip", "PyInstaller", "pygments"]
EXCLUDES = QT_EXCLUDE + PY_EXCLUDE

# Loaded by name at run time, so the import scan cannot see them: SQLAlchemy's dialect,
# alembic's proxies, ReportLab's optional C accelerators (imported inside exec(); bundled when
# the rl_accel package is installed, otherwise PyInstaller warns and ReportLab uses Python).
STATIC_HIDDEN = ["sqlalchemy.dialects.sqlite", "alembic.op", "alembic.context",
                 "alembic.ddl.sqlite", "logging.handlers", "sqlite3", "_rl_accel"]

# Libraries and plugins Qt's hooks collect that the app never loads: the virtual keyboard
# input plugin (it alone drags in QtQml and QtQuick, ~17 MB) and network status / TLS plugins
# (the app is offline). Patterns match the destination path with "/" separators.
DROP_BINARIES = [
    r"(^|/)(lib)?Qt6(Qml|Quick|VirtualKeyboard)\w*\.(so|dll|dylib)",
    r"plugins/platforminputcontexts/[^/]*virtualkeyboard",
    r"plugins/(networkinformation|tls)/",
]

# Qt translations kept: Vietnamese (the user's language) and English (Qt's fallback).
QT_TRANSLATION_LANGS = ("vi", "en")


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


def datas() -> list[tuple[str, str]]:
    return resource_datas() + migration_datas()


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

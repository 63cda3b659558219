"""The dependency direction db ← app ← ui, checked by parsing imports."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI_MODULES = ("PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtPrintSupport",
               "PySide6.QtPdfWidgets", "PySide6.QtCharts")


def _imports(path: Path) -> set[str]:
    return _imported_names(path.read_text(encoding="utf-8"))


def _imported_names(source: str) -> set[str]:
    """Every module a source imports. ``from PySide6 import QtWidgets`` counts as
    PySide6.QtWidgets (the module it loads), not just the package PySide6."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if "." not in node.module:  # from a package: its submodules ("from app import text")
                names.update(f"{node.module}.{a.name}" for a in node.names if a.name != "*")
    return names


def _qt_gui(names: set[str]) -> set[str]:
    return {n for n in names if n.startswith(GUI_MODULES)}


def test_the_import_check_sees_every_way_of_importing_qt():
    """``from PySide6 import QtWidgets`` and ``import PySide6.QtGui as g`` load the GUI as
    surely as ``from PySide6.QtWidgets import QLabel``; the checks must see all three."""
    for source in ("from PySide6 import QtWidgets", "from PySide6 import QtCore, QtGui",
                   "import PySide6.QtWidgets as w", "from PySide6.QtCharts import QChart",
                   "def later():\n    from PySide6 import QtPrintSupport"):
        assert _qt_gui(_imported_names(source)), source
    assert not _qt_gui(_imported_names("from PySide6 import QtCore"))
    assert {n.split(".")[0] for n in _imported_names("import shiboken6")} == {"shiboken6"}


def _files(package: str):
    return sorted((ROOT / package).rglob("*.py"))


def test_db_imports_neither_app_nor_ui_nor_qt():
    for f in _files("db"):
        bad = {n for n in _imports(f)
               if n.split(".")[0] in ("app", "ui", "PySide6", "shiboken6")}
        assert not bad, f"{f.relative_to(ROOT)} imports {bad}"


# The allowed edges: the ``tdkt`` entry point starts the GUI, and ``tdkt selftest`` checks
# that the packaged GUI loads (both import ui lazily, inside the command).
ENTRY_POINTS = {"app/cli/__init__.py": {"ui.app"},
                "app/cli/selftest.py": {"ui", "ui.app", "ui.main_window", "ui.workers"}}


def test_app_never_imports_ui_or_qt_widgets():
    for f in _files("app"):
        bad = {n for n in _imports(f) if n.split(".")[0] == "ui"} | _qt_gui(_imports(f))
        bad -= ENTRY_POINTS.get(str(f.relative_to(ROOT)), set())
        assert not bad, f"{f.relative_to(ROOT)} imports {bad}"


def test_ui_holds_no_sql():
    for f in _files("ui"):
        bad = {n for n in _imports(f) if n.split(".")[0] in ("sqlalchemy", "sqlite3", "db")}
        bad -= {"db.engine"}  # the Database handle may be passed around, never queried
        assert not bad, f"{f.relative_to(ROOT)} imports {bad}"


def test_sqlite_only_sql_stays_in_db():
    """A later version serves several officers from PostgreSQL: SQLite-only SQL lives in db/."""
    import re

    pattern = re.compile(r"\bPRAGMA\s+\w+|sqlite_master|ATTACH DATABASE|MATCH :|fts5")
    for package in ("app", "ui"):
        for f in _files(package):
            hits = [n for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
                    if pattern.search(line) and not line.lstrip().startswith("#")]
            assert not hits, f"{f.relative_to(ROOT)} lines {hits}"


def test_no_module_borrows_another_modules_private_names():
    """A helper two modules need is made public where it belongs, not imported as ``_name``."""
    for package in ("app", "ui", "db"):
        for f in _files(package):
            tree = ast.parse(f.read_text(encoding="utf-8"))
            bad = [f"{node.module}.{a.name}" for node in ast.walk(tree)
                   if isinstance(node, ast.ImportFrom) and node.module
                   and node.module.split(".")[0] in ("app", "ui", "db")
                   for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
            assert not bad, f"{f.relative_to(ROOT)} imports private names {bad}"

"""The dependency direction db ← app ← ui, checked by parsing imports."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI_MODULES = ("PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtPrintSupport",
               "PySide6.QtPdfWidgets", "PySide6.QtCharts")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _files(package: str):
    return sorted((ROOT / package).rglob("*.py"))


def test_db_imports_neither_app_nor_ui_nor_qt():
    for f in _files("db"):
        bad = {n for n in _imports(f) if n.split(".")[0] in ("app", "ui", "PySide6")}
        assert not bad, f"{f.relative_to(ROOT)} imports {bad}"


# The allowed edges: the ``tdkt`` entry point starts the GUI, and ``tdkt selftest`` checks
# that the packaged GUI loads (both import ui lazily, inside the command).
ENTRY_POINTS = {"app/cli/__init__.py": {"ui.app"},
                "app/cli/selftest.py": {"ui", "ui.app", "ui.main_window"}}


def test_app_never_imports_ui_or_qt_widgets():
    for f in _files("app"):
        bad = {n for n in _imports(f) if n.split(".")[0] == "ui" or n.startswith(GUI_MODULES)}
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

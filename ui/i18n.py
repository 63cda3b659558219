"""Vietnamese for Qt's own widgets and the Vietnamese locale.

Qt ships no Vietnamese translation, so the project carries one for the Qt strings the app shows
(resources/i18n/qt_vi.ts), compiled to qt_vi.qm at build time: ``python -m ui.i18n`` (make
run/test/build and packaging/build.py call it). The .qm is generated, never committed, so it
can never drift from its source.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from app.paths import resource_path

log = logging.getLogger(__name__)

TS_NAME, QM_NAME = "qt_vi.ts", "qt_vi.qm"
TRANSLATOR_NAME = "tdkt_qt_vi"


def ts_path() -> Path:
    return resource_path("i18n", TS_NAME)


def qm_path() -> Path:
    return resource_path("i18n", QM_NAME)


def install_vietnamese(app) -> bool:
    """Vietnamese locale (month and day names, "8.000") and the translation of Qt's own
    texts (OK/Cancel, the right-click menu of text boxes, file dialogs). False, logged, when
    the compiled translation is missing: the program still works, in part in English."""
    from PySide6.QtCore import QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
    if app.findChild(QTranslator, TRANSLATOR_NAME) is not None:
        return True  # already installed (a second make_application)
    translator = QTranslator(app)  # owned by the application: lives as long as it
    translator.setObjectName(TRANSLATOR_NAME)
    if not translator.load(str(qm_path())):
        log.warning("Qt translation %s missing: run `python -m ui.i18n`", qm_path())
        return False
    app.installTranslator(translator)
    return True


def lrelease() -> Path:
    """Qt's translation compiler, shipped inside the PySide6 package."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).resolve().parent / name


def compile_translations(force: bool = False) -> Path:
    """qt_vi.ts → qt_vi.qm, when the .qm is missing or older than its source."""
    ts, qm = ts_path(), qm_path()
    if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


if __name__ == "__main__":
    print(compile_translations(force="--force" in sys.argv))

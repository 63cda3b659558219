"""How fast the record lists open and answer a folded search, on the large demo database.

    .venv/bin/python bench/records.py [--db FILE]

Makes the large demo (``tdkt demo --scale large``) in a temporary folder when no file is given.
Goal (issue 2): first rows shown in under 0.3 s; each keystroke's search answered in under 0.1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from large_demo import ensure_db


def first_rows(page) -> None:
    model = page.model
    for r in range(min(30, model.rowCount())):
        model.index(r, 0).data()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    args = parser.parse_args()
    path = ensure_db(args.db)

    from PySide6.QtWidgets import QApplication

    from app.context import open_app_database
    from ui.screens.records_households import HouseholdsPage
    from ui.screens.records_persons import PersonsPage

    app = QApplication.instance() or QApplication([])
    db = open_app_database(path)
    import gc

    gc.freeze()  # as ui.app.run_gui does once the main window is up
    for label, cls, word in (("Cá nhân", PersonsPage, "nguyen thi anh"),
                             ("Hộ gia đình", HouseholdsPage, "tran thi thu")):
        t = time.perf_counter()
        page = cls(db)
        page.resize(1200, 800)
        page.show()
        first_rows(page)
        app.processEvents()
        opened = time.perf_counter() - t
        total = page.model.rowCount()
        times = []
        for i in range(1, len(word) + 1):
            t = time.perf_counter()
            page.model.refresh(word[:i])
            first_rows(page)
            times.append(time.perf_counter() - t)
        print(f"{label}: {total} rows; list opened with first rows in {opened * 1000:.0f} ms; "
              f"search per keystroke ({len(times)} keys of '{word}'): median "
              f"{statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms; "
              f"{page.model.rowCount()} matches at the end")
        page.close()
    db.dispose()


if __name__ == "__main__":
    main()

"""Start-up time: from process start to the main window shown with its first screen.

    .venv/bin/python bench/startup.py --db FILE

Runs the app's own start-up path (ui.app) offscreen in a fresh process, three times, and
prints each phase: imports, opening the database, the first screen shown."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = r"""
import time, json, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from ui.app import make_application, open_main_window
from app.context import open_app_database
t1 = time.perf_counter()
app = make_application()
db = open_app_database(sys.argv[1])
t2 = time.perf_counter()
win = open_main_window(db)
win.show()
app.processEvents()
t3 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "database": t2 - t1, "window": t3 - t2, "total": t3 - t0}),
      flush=True)
import os
os._exit(0)  # the dashboard may still be computing in the background: no teardown
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", CHILD, args.db], capture_output=True,
                             text=True, env=env, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    for key in ("imports", "database", "window", "total"):
        values = [r[key] for r in runs]
        print(f"{key:9s} median {statistics.median(values) * 1000:6.0f} ms "
              f"(runs: {', '.join(f'{v * 1000:.0f}' for v in values)})")


if __name__ == "__main__":
    main()

"""Start-up time: from process start to the main window shown with its first screen.

    .venv/bin/python bench/startup.py --db FILE [--runs 3]

Runs the app's own start-up path (ui.app.start_gui, as ``tdkt`` does) offscreen in a fresh
process, several times, and prints each phase from the timeline ui.app records:

  python    interpreter start until the bench's first line (measured by the parent)
  imports   PySide6 and ui.app
  qt        logging, QApplication, the integrity check started on its thread
  database  lock, open, schema and reference data (SQLAlchemy loads here)
  window    main window built with its first screen and painted
  total     process start → window on screen (the goal: under 0.6 s)
  checked   when the background integrity check had reported (writes held until then)
  preloaded when the heavy libraries had loaded in idle moments after the window

and, for comparison, a bare PySide6 QMainWindow shown the same way."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = r"""
import time, json, sys
t0 = time.perf_counter()
from ui import app as gui
from PySide6.QtWidgets import QApplication
t1 = time.perf_counter()
for name in ("confirm", "info", "warn", "error"):  # the backup reminder would wait for a click
    setattr(gui.dialogs, name, lambda *a, **k: False)
started = gui.start_gui(sys.argv[1])
assert not isinstance(started, int), started
app = QApplication.instance()
app.processEvents()
t2 = time.perf_counter()
print("SHOWN", flush=True)
while "checked" not in gui.MARKS or "preloaded" not in gui.MARKS:
    app.processEvents()
    time.sleep(0.005)
m = gui.MARKS
print(json.dumps({"imports": t1 - t0, "qt": m["qt"] - t1, "database": m["database"] - m["qt"],
                  "window": t2 - m["database"], "in_process": t2 - t0,
                  "checked": m["checked"] - t0, "preloaded": m["preloaded"] - t0,
                  "check_seconds": started.check.seconds}), flush=True)
import os
os._exit(0)  # the dashboard may still be computing in the background: no teardown
"""
BARE = r"""
import time, json
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1366, 768)
w.show()
app.processEvents()
print("SHOWN", flush=True)
print(json.dumps({"in_process": time.perf_counter() - t0}), flush=True)
import os
os._exit(0)
"""


def run_child(code: str, *args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    began = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    first = child.stdout.readline()
    shown = time.perf_counter() - began
    rest, err = child.communicate(timeout=120)
    if first.strip() != "SHOWN" or child.returncode:
        raise SystemExit(f"start-up failed:\n{first}{rest}{err}")
    out = json.loads(rest.strip().splitlines()[-1])
    out["total"] = shown
    out["python"] = shown - out["in_process"]
    return out


def show(label: str, values: list[float]) -> None:
    print(f"{label:10s} median {statistics.median(values) * 1000:6.0f} ms "
          f"(runs: {', '.join(f'{v * 1000:.0f}' for v in values)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [run_child(CHILD, args.db) for _ in range(args.runs)]
    print(f"Start-up on {args.db} ({Path(args.db).stat().st_size / 2**20:.0f} MB), "
          f"load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
    for key in ("python", "imports", "qt", "database", "window", "total", "check_seconds",
                "checked", "preloaded"):
        show(key, [r[key] for r in runs])
    bare = [run_child(BARE) for _ in range(args.runs)]
    show("bare Qt", [r["total"] for r in bare])


if __name__ == "__main__":
    main()

"""Start-up time: from process start to the main window shown, then with its first screen.

    .venv/bin/python bench/startup.py --db FILE [--runs 3]

Runs the app's own start-up path (ui.app.start_gui, as ``tdkt`` does) offscreen in a fresh
process, several times, and prints each phase from the timeline ui.app records:

  python          interpreter start until the bench's first line (measured from outside)
  imports         PySide6 and ui.app
  qt              logging, QApplication, the integrity check started on its thread
  window shown    lock, the organisation's name read, the window painted (navigation, title)
  database        SQLAlchemy and the models load, the file opens (schema, reference data)
  first screen    the first screen built and painted
  to window       process start (inside) → window on screen; "window total" adds python
  to first screen the same up to the first screen; "total" measured from outside
  checked         when the background integrity check had reported (writes held until then)
  preloaded       when the heavy libraries had loaded in idle moments after the window

With each in-process phase, the GUI thread's CPU time (close to the wall time on a quiet
machine; on a busy one the wall stretches, CPU much less). Then, for comparison, a bare
PySide6 QMainWindow shown the same way. Goal (issue 14): window under 0.6 s.
"""

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
t0, c0 = time.perf_counter(), time.thread_time()
from ui import app as gui
from PySide6.QtWidgets import QApplication
t1, c1 = time.perf_counter(), time.thread_time()
for name in ("confirm", "info", "warn", "error"):  # the backup reminder would wait for a click
    setattr(gui.dialogs, name, lambda *a, **k: False)
started = gui.start_gui(sys.argv[1])
assert not isinstance(started, int), started
app = QApplication.instance()
app.processEvents()
t2, c2 = time.perf_counter(), time.thread_time()
print("SHOWN", flush=True)
while "checked" not in gui.MARKS or "preloaded" not in gui.MARKS:
    app.processEvents()
    time.sleep(0.005)
m, c = gui.MARKS, gui.CPU_MARKS
shown = "shown" if "shown" in m else "window"  # a file not set up yet: no early window
print(json.dumps({
    "imports": [t1 - t0, c1 - c0], "qt": [m["qt"] - t1, c["qt"] - c1],
    "window shown": [m[shown] - m["qt"], c[shown] - c["qt"]],
    "database": [m["database"] - m[shown], c["database"] - c[shown]] if shown == "shown"
    else [0, 0],
    "first screen": [t2 - m["database"], c2 - c["database"]],
    "to window": [m[shown] - t0, c[shown] - c0], "to first screen": [t2 - t0, c2 - c0],
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
    rest = child.stdout.read()  # (communicate() would skip what readline() buffered)
    err = child.stderr.read()
    child.wait(120)
    if first.strip() != "SHOWN" or child.returncode or not rest.strip():
        raise SystemExit(f"start-up failed:\n{first}{rest}{err}")
    out = json.loads(rest.strip().splitlines()[-1])
    out["total"] = shown  # process start → first screen, measured from outside
    inside = out["in_process"] if "in_process" in out else out["to first screen"][0]
    out["python"] = shown - inside
    out["window total"] = out["python"] + (out["to window"][0] if "to window" in out else inside)
    return out


def show(label: str, values: list) -> None:
    """Median and runs; for [wall, cpu] pairs the GUI thread's CPU time beside the wall."""
    if values and isinstance(values[0], list):
        walls, cpus = [v[0] for v in values], [v[1] for v in values]
        print(f"{label:13s} median {statistics.median(walls) * 1000:6.0f} ms wall, "
              f"{statistics.median(cpus) * 1000:5.0f} ms CPU "
              f"(runs: {', '.join(f'{v * 1000:.0f}' for v in walls)})")
        return
    print(f"{label:13s} median {statistics.median(values) * 1000:6.0f} ms "
          f"(runs: {', '.join(f'{v * 1000:.0f}' for v in values)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [run_child(CHILD, args.db) for _ in range(args.runs)]
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"Start-up on {args.db} ({Path(args.db).stat().st_size / 2**20:.0f} MB){load}")
    for key in ("python", "imports", "qt", "window shown", "database", "first screen",
                "to window", "to first screen", "window total", "total", "check_seconds",
                "checked", "preloaded"):
        show(key, [r[key] for r in runs])
    bare = [run_child(BARE) for _ in range(args.runs)]
    show("bare Qt total", [r["total"] for r in bare])


if __name__ == "__main__":
    main()

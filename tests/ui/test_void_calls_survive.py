"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call; importing
``ui`` must keep the interpreter alive through a long session (a subprocess, since the
failure is an abort of the whole interpreter)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import ui  # the guard
from PySide6.QtWidgets import QApplication, QLabel, QTableWidgetItem
app = QApplication([])
label = QLabel()
for i in range(30000):  # one large certificate list: 14,000 rows x a few calls
    label.setText("x")
    QTableWidgetItem().setToolTip("y")
print("ok")
"""


def test_thirty_thousand_void_calls_do_not_abort():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env,
                         timeout=120, check=False)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "ok"

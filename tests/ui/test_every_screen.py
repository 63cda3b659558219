"""Every screen and every dialog the officer can reach, on a 1366×768 screen at 100 % and at
125 % scaling: no English (issue 14.5) and nothing clipped (issue 14.6).

Each screen of SCREENS opens in the main window on the demo ward (maximised, as the program
opens it the first time); every tab is shown, every button pressed (message boxes and file
choosers patched), every dialog that opens is read as it opens and its own buttons pressed
too; the text boxes' right-click menus, the window's menus and the messages shown are read.

- English: any word Qt's widgets or argparse use, any of Qt's English strings left as is, any
  Qt text looked up that resources/i18n/qt_vi.ts does not translate.
- Clipping: a column header narrower than its text (room for the sort arrow included), a
  label, button or filter box narrower than its text, a wrapped label or header cut, a
  navigation item elided, a window or dialog larger than the screen.

Qt reads the screen and the scaling once, at start: each scale runs the walk in a child
process on Qt's offscreen platform given a 1366×768 screen (at 125 % Qt lays out 1093×614)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from tests.ui.clipping import clipped
from tests.ui.english import Findings, untranslated
from tests.ui.helpers import wait_for_jobs
from tests.ui.walk import Walker, patch_dialogs
from ui.screens import SCREENS

ROOT = Path(__file__).resolve().parents[2]
CHILD = os.environ.get("TDKT_WALK_SCALE")  # set in the child process only
SCREEN = {"name": "bureau", "x": 0, "y": 0, "width": 1366, "height": 768,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}


def _too_big(widget, free) -> list[str]:
    frame = widget.frameGeometry()  # (1 px: 1366 / 1.25 is 1092.8)
    if frame.width() > free.width() + 1 or frame.height() > free.height() + 1:
        return [f"{frame.width()}×{frame.height()} lớn hơn màn hình {free.width()}×{free.height()}"]
    return []


def _report(lines: list[str]) -> None:
    if lines and os.environ.get("TDKT_WALK_REPORT"):
        with open(os.environ["TDKT_WALK_REPORT"], "a", encoding="utf-8") as report:
            report.write("".join(line + "\n" for line in lines))


@pytest.mark.skipif(CHILD is None, reason="run by test_every_screen_at_1366x768")
@pytest.mark.parametrize("key", [s.key for s in SCREENS])
def test_screen_and_its_dialogs(qtbot, demo_db, monkeypatch, recorder, key):
    from ui.main_window import MainWindow

    messages = patch_dialogs(monkeypatch)
    free = QApplication.primaryScreen().availableGeometry()
    window = MainWindow(demo_db, "Thành Đông")
    qtbot.addWidget(window)
    window.show()
    page = window.show_screen(key)
    wait_for_jobs(qtbot)
    assert window.windowState() & Qt.WindowMaximized
    clip = [f"{key}: {p}" for p in [*clipped(window), *_too_big(window, free)]]
    for tabs in page.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            wait_for_jobs(qtbot)
            clip += [f"{key} › {tabs.tabText(i)}: {p}" for p in clipped(window)]

    def check(widget, place):
        clip.extend(f"{place}: {p}" for p in [*clipped(widget), *_too_big(widget, free)])

    findings = Findings()
    walker = Walker(qtbot, findings, on_open=check)
    walker.read(window, key)
    walker.press_all(page, key)
    window.show_screen(key)  # back on the page (a button may have switched screens)
    wait_for_jobs(qtbot)
    walker.read(window, key)
    walker.stop()
    for kind, title, text in messages.messages:
        findings(f"{key} › hộp thông báo ({kind})", f"{title}: {text}")
    problems = sorted({f"Bị cắt chữ — {p}" for p in clip}
                      | {f"Chữ tiếng Anh — {w}: {words}" for w, words in findings.english.items()}
                      | {f"Chưa dịch — {key}: {m}" for m in untranslated(recorder.asked)})
    _report(problems)
    assert findings.count > 20  # the walk did read the screen
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(CHILD is not None, reason="this is the child process")
@pytest.mark.parametrize("scale", ["1", "1.25"], ids=["100%", "125%"])
def test_every_screen_at_1366x768(tmp_path, scale):
    (tmp_path / "screen.json").write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen:configfile=screen.json",  # (no drive
               QT_SCALE_FACTOR=scale, TDKT_WALK_SCALE=scale,  # colon: Qt splits on ":")
               TDKT_WALK_REPORT=str(tmp_path / "report.txt"),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run(
        [sys.executable, "-m", "pytest", str(Path(__file__)), "-q", "-p", "no:cacheprovider",
         "--rootdir", str(ROOT), "-k", "test_screen_and_its_dialogs"],
        cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8", timeout=900,
        check=False)
    report = tmp_path / "report.txt"
    found = report.read_text(encoding="utf-8") if report.exists() else ""
    assert out.returncode == 0, found or out.stdout[-5000:] + out.stderr[-2000:]

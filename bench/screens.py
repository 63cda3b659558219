"""Every screen of the main window on a large database: opening it, coming back to it, each
of its tabs, and every filter it shows changed once, measured as the officer feels it.

    .venv/bin/python bench/screens.py --db large.sqlite
    .venv/bin/python bench/screens.py                # builds the large demo in a temp file

For each step it prints the longest GUI-thread stall (the longest gap between two ticks of a
10 ms heartbeat timer, plus the step's own synchronous call) and the time until the screen
settled (background jobs finished, nothing queued), with the GUI thread's own CPU time over
the step (what the code costs, apart from a busy machine's scheduling). Goal (issue 14.3): no
stall over 0.3 s; steps over it are flagged "CHẬM". Runs offscreen at 1366×768 on a temporary
copy of the file (nothing the bench does reaches the original). The demo builds its register
without rounds, so the copy also gets the round the officer runs each year for Gia đình văn
hóa: one batch of every achieving household (~14,000 candidates) before its council meeting
(--no-big-batch leaves it out); the batch screen then selects it and opens each tab.

    --screen KEY   only that screen (repeatable);  -v   each step's own call and later stalls"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# A shipped build imports compiled bytecode: compile once into a cache outside the repo, even
# where PYTHONDONTWRITEBYTECODE is set, so opening a screen is not timed compiling Python.
sys.pycache_prefix = str(Path(tempfile.gettempdir()) / "tdkt-bench-pyc")
sys.dont_write_bytecode = False
from large_demo import ensure_db

LIMIT = 0.3  # seconds: the longest freeze the officer may feel
HEARTBEAT_MS = 10
QUIET_S = 0.15  # settled: no background job and this long without a stall
MAX_WAIT_S = 60
VERBOSE = False


@dataclass
class Step:
    screen: str
    what: str
    stall: float
    settle: float
    cpu: float  # the GUI thread's own CPU time over the step (machine load aside)


class Heartbeat:
    """A timer ticking on the GUI thread; the largest gap between ticks is the longest stall."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - HEARTBEAT_MS / 1000)
        self.last = now

    def reset(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0


def _busy() -> bool:
    from ui import workers

    return bool(workers.running())


def measure(app, beat: Heartbeat, action) -> tuple[float, float, float]:
    """(longest stall, time to settle, GUI-thread CPU) of ``action()``, run from the event
    loop, which then
    runs until nothing is left to do (a nested QEventLoop: calling processEvents from Python
    in a loop is what the PySide6 bug below punishes most)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    state = {"start": 0.0, "call": 0.0, "quiet": 0.0, "cpu": 0.0}

    def go() -> None:
        beat.reset()
        state["cpu"] = time.thread_time()
        state["start"] = time.perf_counter()
        action()
        state["call"] = time.perf_counter() - state["start"]
        state["quiet"] = beat.last = time.perf_counter()
        poll.start()

    def check() -> None:
        now = time.perf_counter()
        if _busy() or now - beat.last > 3 * HEARTBEAT_MS / 1000:
            state["quiet"] = now
        elif now - state["quiet"] >= QUIET_S or now - state["start"] > MAX_WAIT_S:
            poll.stop()
            state["cpu"] = time.thread_time() - state["cpu"]
            loop.quit()

    poll = QTimer()
    poll.setInterval(HEARTBEAT_MS * 2)
    poll.timeout.connect(check)
    QTimer.singleShot(0, go)
    loop.exec()
    if VERBOSE:
        print(f"    (lệnh {state['call'] * 1000:.0f} ms, khựng sau đó {beat.worst * 1000:.0f} ms)")
    return max(state["call"], beat.worst), state["quiet"] - state["start"], state["cpu"]


def _immortal_singletons() -> None:
    """PySide6 6.12 on Python 3.11 releases one reference to None (and True/False) too many
    on every call of a method returning void; a long run of steps would abort
    ("none_dealloc"). Python 3.12 makes these objects immortal: do the same here."""
    import ctypes

    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40


def _close_modals(app) -> None:
    """Dialogs a step opens (suggestions, pickers) are closed as soon as they show."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    def poll():
        modal = app.activeModalWidget()
        if isinstance(modal, QDialog):
            modal.reject()
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def _quiet_dialogs() -> None:
    """Message boxes answer themselves (no modal box waits for a click)."""
    import ui.dialogs as d

    for name in ("info", "warn", "error"):
        setattr(d, name, lambda *a, **k: None)
    d.confirm = lambda *a, **k: False
    for name in ("save_file", "open_file", "choose_directory", "ask_text", "ask_password"):
        setattr(d, name, lambda *a, **k: None)


def filters_of(page):
    """The page's own filters: combo boxes, spin boxes (years) and search boxes, visible on
    the page itself (not inside dialogs)."""
    from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

    found = []
    for w in page.findChildren(QWidget):
        if not isinstance(w, (QComboBox, QSpinBox, QLineEdit)):
            continue
        if not w.isVisibleTo(page) or not w.isEnabled() or w.window() is not page.window():
            continue
        if isinstance(w, QLineEdit):
            if w.parent() is not None and isinstance(w.parent(), (QComboBox, QSpinBox)):
                continue  # the edit inside an editable combo / spin box
            if not w.isClearButtonEnabled():
                continue  # a form field, not a search box
        found.append(w)
    return found


def _label(w) -> str:
    from PySide6.QtWidgets import QComboBox, QLineEdit

    if isinstance(w, QComboBox):
        return f"lọc “{w.itemText(min(1, w.count() - 1))[:30]}”"
    if isinstance(w, QLineEdit):
        return f"tìm “{SEARCH}” ({w.objectName() or w.placeholderText()[:20]})"
    return f"năm ↑ ({w.objectName() or w.prefix().strip()})"


SEARCH = "ng"


def change(w):
    """One change of a filter, as the officer would make it."""
    from PySide6.QtWidgets import QComboBox, QLineEdit

    if isinstance(w, QComboBox):
        return lambda: w.setCurrentIndex(1 if w.currentIndex() != 1 and w.count() > 1 else 0)
    if isinstance(w, QLineEdit):
        return lambda: w.setText(SEARCH)
    return lambda: w.stepBy(-1)


def tabs_of(page):
    from PySide6.QtWidgets import QTabWidget

    return [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page)]


def nav_row(window, key: str) -> int:
    from ui.main_window import KeyRole

    return next(i for i in range(window.nav.count())
                if window.nav.item(i).data(KeyRole) == key)


def click_nav(window, key: str) -> None:
    """What a click on the screen's name in the navigation does."""
    window.nav.setCurrentRow(nav_row(window, key))


def leave(window) -> None:
    """Move the navigation away without opening anything (unmeasured)."""
    window.nav.blockSignals(True)
    window.nav.setCurrentRow(0)
    window.nav.blockSignals(False)


def steps_for(window, key: str):
    """(what, action) pairs for one screen, built lazily (the page exists once opened)."""
    yield "mở màn hình", lambda: click_nav(window, key)
    page = window.pages[key]
    done = set()
    for tabs in tabs_of(page):
        for i in list(range(1, tabs.count())) + [0]:
            yield f"thẻ “{tabs.tabText(i)}”", lambda t=tabs, i=i: t.setCurrentIndex(i)
            for w in filters_of(page):  # the filters this tab shows
                if id(w) not in done:
                    done.add(id(w))
                    yield _label(w), change(w)
    for w in filters_of(page):
        if id(w) not in done:
            yield _label(w), change(w)
    yield from extra_steps(window, key, page)
    leave(window)
    yield "quay lại màn hình", lambda: click_nav(window, key)


def extra_steps(window, key: str, page):
    """Buttons the issue names (the streak suggestions of a round) and the largest choices."""
    if key == "certificates" and hasattr(page, "decision"):
        box = page.decision
        sizes = [int(re.search(r"\((\d+) giấy\)", box.itemText(i)).group(1))
                 for i in range(box.count())]
        if sizes:
            biggest = sizes.index(max(sizes))
            yield f"quyết định lớn nhất ({max(sizes)} giấy)", lambda: box.setCurrentIndex(biggest)
    if key == "batches" and hasattr(page, "candidates"):
        button = page.candidates.buttons.get("suggest")
        if button is not None and button.isEnabled():
            yield "Gợi ý (nhiều năm liền)", button.click
        rows = [i for i, b in enumerate(page.model.items) if b.name == BIG_BATCH]
        if rows:
            big = page.model.items[rows[0]]
            yield (f"chọn đợt xét lớn ({big.candidates} ứng viên)",
                   lambda: page.table.selectRow(rows[0]))
            for i in list(range(1, page.tabs.count())) + [0]:
                yield (f"đợt lớn: thẻ “{page.tabs.tabText(i)}”",
                       lambda i=i: page.tabs.setCurrentIndex(i))


BIG_BATCH = "Công nhận Gia đình văn hóa năm 2025 (bench)"


def add_big_batch(db_path: Path) -> None:
    """The round the demo skips: every household achieving Gia đình văn hóa in 2025 as a
    candidate of one batch, before a council meeting (inserted in bulk: the bench's set-up)."""
    from datetime import datetime

    from sqlalchemy import insert, select

    from app.context import open_app_database
    from app.services.rounds import batches, council
    from db.models import AwardKind, Candidate, Registration

    db = open_app_database(db_path)
    bid = batches.create_batch(db, BIG_BATCH, 2025)
    with db.session() as s:
        gdvh = s.scalar(select(AwardKind.id).where(AwardKind.code == "GDVH"))
        regs = s.execute(select(Registration.id, Registration.subject_id).where(
            Registration.year == 2025, Registration.award_kind_id == gdvh,
            Registration.outcome == "dat")).all()
        s.execute(insert(Candidate), [
            {"batch_id": bid, "subject_id": sid, "award_kind_id": gdvh, "registration_id": rid,
             "status": "proposed", "sort_order": i} for i, (rid, sid) in enumerate(regs)])
    members = [m.id for m in council.list_members(db)] or [
        council.save_member(db, council.MemberInfo(name, role, sort_order=i))
        for i, (name, role) in enumerate((("Nguyễn Văn Hùng", "Chủ tịch Hội đồng"),
                                          ("Trần Thị Mai", "Phó Chủ tịch Hội đồng"),
                                          ("Lê Văn Sơn", "Ủy viên"),
                                          ("Phạm Thị Thu", "Ủy viên, Thư ký")))]
    council.create_meeting(db, bid, datetime(2025, 12, 10, 8), "Hội trường", members)
    print(f"(đã thêm đợt xét “{BIG_BATCH}”: {len(regs)} ứng viên, một cuộc họp)", flush=True)
    db.dispose()


def run(db_path: Path, only: list[str]) -> list[Step]:
    from app import paths
    from app.context import open_app_database
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.screens import ordered_screens

    paths.set_data_dir(tempfile.mkdtemp(prefix="tdkt-bench-"))
    _immortal_singletons()
    app = make_application()
    _quiet_dialogs()
    _close_modals(app)
    db = open_app_database(db_path)
    window = MainWindow(db, "bench")
    window.resize(1366, 768)
    window.show()
    beat = Heartbeat()
    measure(app, beat, lambda: None)  # the first screen's own start
    import gc

    gc.freeze()  # as ui.app.run_gui does once the window is up
    results = []
    for spec in ordered_screens():
        if only and spec.key not in only:
            continue
        leave(window)
        for what, action in steps_for(window, spec.key):
            stall, settle, cpu = measure(app, beat, action)
            results.append(Step(spec.title, what, stall, settle, cpu))
            flag = "  CHẬM" if stall > LIMIT else ""
            print(f"{spec.title[:28]:28s} {what[:40]:40s} {stall * 1000:6.0f} ms "
                  f"(CPU giao diện {cpu * 1000:4.0f} ms, xong sau {settle * 1000:5.0f} ms){flag}",
                  flush=True)
    return results


def summary(results: list[Step]) -> int:
    print("\nChậm nhất từng màn hình (khựng giao diện lâu nhất; mục tiêu dưới 300 ms):")
    worst: dict[str, Step] = {}
    for r in results:
        if r.screen not in worst or r.stall > worst[r.screen].stall:
            worst[r.screen] = r
    for screen, r in worst.items():
        flag = "  CHẬM" if r.stall > LIMIT else ""
        print(f"  {screen[:28]:28s} {r.stall * 1000:6.0f} ms  (CPU giao diện "
              f"{r.cpu * 1000:4.0f} ms; {r.what}){flag}")
    slow = [r for r in results if r.stall > LIMIT]
    print(f"\n{len(results)} bước, {len(slow)} bước khựng quá {LIMIT * 1000:.0f} ms.")
    return 1 if slow else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database file (large demo)")
    parser.add_argument("--screen", action="append", default=[],
                        help="only this screen key (repeatable), e.g. registrations")
    parser.add_argument("--no-big-batch", action="store_true",
                        help="do not add the Gia đình văn hóa round of 14,000 candidates")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="the step's own call and the later stalls apart")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    import compileall

    for package in ("app", "db", "ui"):
        compileall.compile_dir(ROOT / package, quiet=1)
    source = ensure_db(args.db)
    folder = Path(tempfile.mkdtemp(prefix="tdkt-bench-screens-"))
    copy = folder / "bench.sqlite"
    shutil.copyfile(source, copy)
    if not args.no_big_batch and (not args.screen or "batches" in args.screen):
        add_big_batch(copy)
    code = summary(run(copy, args.screen))
    sys.stdout.flush()
    os._exit(code)  # background jobs may still hold Qt objects: no teardown


if __name__ == "__main__":
    main()

"""Background jobs: progress reaches the GUI thread, cancel stops the work, threads end."""

import threading

from PySide6.QtCore import QObject, QThread

from ui import workers


def _count(n, progress=None, cancelled=None):
    done = 0
    for i in range(n):
        if cancelled():
            return ("cancelled", done)
        progress(i + 1, n, f"{i + 1}/{n}")
        done += 1
    return ("done", done)


def test_job_reports_progress_on_the_gui_thread_and_finishes(qtbot):
    seen, results, threads = [], [], []
    relay = workers.Relay(
        on_progress=lambda d, t, m: (seen.append((d, t)),
                                     threads.append(QThread.currentThread())),
        on_success=results.append)
    job = workers.Job(_count, 50)
    relay.attach(job)
    thread = workers.start(job)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [("done", 50)] and seen[-1] == (50, 50)
    assert all(t is QThread.currentThread() for t in threads)  # GUI thread
    qtbot.waitUntil(lambda: thread not in workers._running, timeout=5000)


def test_cancel_stops_the_job(qtbot):
    gate = threading.Event()

    def slow(progress=None, cancelled=None):
        gate.wait(5)
        return "cancelled" if cancelled() else "finished"

    results = []
    relay = workers.Relay(on_success=results.append)
    job = workers.Job(slow)
    relay.attach(job)
    workers.start(job)
    job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == ["cancelled"]


def test_failure_reaches_the_callback(qtbot):
    errors = []

    def boom(progress=None, cancelled=None):
        raise ValueError("Tệp không đọc được")

    relay = workers.Relay(on_failure=errors.append)
    job = workers.Job(boom)
    relay.attach(job)
    workers.start(job)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "Tệp không đọc được"


def test_a_refusal_is_logged_as_a_line_and_a_fault_with_its_traceback(qtbot, caplog):
    """A DomainError is the program saying no in Vietnamese (shown to the officer): one line
    in the log, not an ERROR with a traceback that would hide the real faults."""
    from app.errors import ValidationError

    def refuse(progress=None, cancelled=None):
        raise ValidationError("Chưa có ứng viên nào được Hội đồng thông qua.")

    def fault(progress=None, cancelled=None):
        raise KeyError("x")

    caplog.set_level("INFO", logger="ui.workers")
    for fn in (refuse, fault):
        errors = []
        relay = workers.Relay(on_failure=errors.append)
        job = workers.Job(fn)
        relay.attach(job)
        workers.start(job)
        qtbot.waitUntil(lambda errors=errors: bool(errors), timeout=5000)
    refused, failed = ([r for r in caplog.records if text in r.getMessage()]
                       for text in ("Chưa có ứng viên", "KeyError"))
    assert [r.levelname for r in refused] == ["INFO"] and "Traceback" not in refused[0].getMessage()
    assert [r.levelname for r in failed] == ["ERROR"] and "Traceback" in failed[0].getMessage()


def test_wait_all_ends_running_threads(qtbot):
    gate = threading.Event()
    job = workers.Job(lambda progress=None, cancelled=None: gate.wait(2))
    thread = workers.start(job)
    gate.set()
    workers.wait_all()
    assert thread.isFinished() and not workers._running


def test_loader_applies_only_the_newest_request_and_runs_one_at_a_time(qtbot):
    gate = threading.Event()
    started, applied = [], []

    def load(n):
        started.append(n)
        if n == 1:
            gate.wait(5)  # the first load is slow: 2, 3, 4 are asked meanwhile
        return n

    parent = QObject()
    loader = workers.Loader(parent, applied.append)
    for n in (1, 2, 3, 4):
        loader.request(load, n)
    assert loader.busy
    gate.set()
    qtbot.waitUntil(lambda: not loader.busy, timeout=5000)
    assert started == [1, 4]  # 2 and 3 were replaced while 1 ran
    assert applied == [4]  # 1's result was stale when it came


def test_loader_reports_the_newest_failure(qtbot):
    errors, applied = [], []

    def boom():
        raise ValueError("Không đọc được cơ sở dữ liệu")

    parent = QObject()
    loader = workers.Loader(parent, applied.append, errors.append)
    loader.request(boom)
    qtbot.waitUntil(lambda: not loader.busy, timeout=5000)
    assert [str(e) for e in errors] == ["Không đọc được cơ sở dữ liệu"] and applied == []

"""Background jobs with progress and cancel, off the GUI thread.

A job is a plain function ``fn(*args, progress=callable, cancelled=callable)`` from app/;
``progress(done, total, message)`` may be called from the worker thread; ``cancelled()`` says
whether the user pressed Hủy. Database work inside opens its own session (never share ORM
objects across threads)."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import DomainError

log = logging.getLogger(__name__)


class Job(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    done = Signal()

    def __init__(self, fn: Callable, *args, **kwargs):
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(*self.args, progress=self._report, cancelled=self._cancel.is_set,
                             **self.kwargs)
        except DomainError as exc:  # a refusal the officer reads, not a fault
            log.info("Background job refused: %s", exc)
            self.failed.emit(exc)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread
            log.error("Background job failed:\n%s", traceback.format_exc())
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            self.done.emit()

    def _report(self, done: int, total: int, message: str = "") -> None:
        self.progress.emit(int(done), int(total), message)


_running: set[QThread] = set()  # keep threads alive until they finish


class Relay(QObject):
    """Lives in the GUI thread, so the job's signals reach the callbacks there (queued)."""

    def __init__(self, on_progress=None, on_success=None, on_failure=None, on_done=None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._cb = (on_progress, on_success, on_failure, on_done)

    def attach(self, job: Job) -> None:
        job.progress.connect(self.progress)
        job.succeeded.connect(self.succeeded)
        job.failed.connect(self.failed)
        job.done.connect(self.done)
        self._job = job

    @Slot(int, int, str)
    def progress(self, done, total, message):
        if self._cb[0]:
            self._cb[0](done, total, message)

    @Slot(object)
    def succeeded(self, result):
        if self._cb[1]:
            self._cb[1](result)

    @Slot(object)
    def failed(self, exc):
        if self._cb[2]:
            self._cb[2](exc)

    @Slot()
    def done(self):
        if self._cb[3]:
            self._cb[3]()


class _Reaper(QObject):
    """Lives in the GUI thread: forgets a thread only once it has really ended (a QThread
    destroyed while running aborts the whole process)."""

    @Slot()
    def reap(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread):
            thread.wait()
            _running.discard(thread)


_reaper: _Reaper | None = None


def start(job: Job) -> QThread:
    """Run ``job`` on its own QThread; connect to its signals before calling. Call from the
    GUI thread."""
    global _reaper
    if _reaper is None:
        _reaper = _Reaper()
    thread = QThread()
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.done.connect(thread.quit)
    thread.finished.connect(_reaper.reap)  # queued to the GUI thread
    thread._job = job  # the thread owns the job's lifetime
    _running.add(thread)
    thread.start()
    return thread


def running() -> int:
    """How many background jobs are still running (benches wait for them to settle)."""
    return len(_running)


def wait_all(timeout_ms: int = 30000) -> None:
    """At exit: ask running jobs to stop and wait for their threads to end."""
    for thread in list(_running):
        job = getattr(thread, "_job", None)
        if job is not None:
            job.cancel()
        thread.quit()
        thread.wait(timeout_ms)
    _running.clear()


def run_in_background(parent: QObject, fn: Callable, *args, on_success=None, on_failure=None,
                      on_done=None, **kwargs) -> Job:
    """Run ``fn`` off the GUI thread without a dialog (screens that refresh themselves);
    callbacks arrive in the GUI thread. ``wait_all`` ends it at exit."""
    job = Job(fn, *args, **kwargs)
    relay = Relay(None, on_success, on_failure, on_done, parent=parent)
    relay.attach(job)
    job.relay = relay
    start(job)
    return job


def run_with_progress(
    parent: QWidget | None,
    title: str,
    fn: Callable,
    *args,
    on_success: Callable[[object], None] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
    **kwargs,
) -> Job:
    """Run ``fn`` in the background behind a progress dialog with a Hủy (cancel) button."""
    dialog = QProgressDialog(title, "Hủy", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(fn, *args, **kwargs)

    def on_progress(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if message:
            dialog.setLabelText(message)

    relay = Relay(on_progress, on_success, on_failure, dialog.close, parent=dialog)
    relay.attach(job)
    dialog.canceled.connect(job.cancel)
    start(job)
    job.relay = relay
    return job


class Loader(QObject):
    """A screen's data loads, off the GUI thread and one at a time: asking again while a load
    runs queues only the newest request (a year arrow held down runs two loads, not ten), and
    only the newest request's result reaches ``on_success`` (older ones are stale)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject, on_success: Callable[[object], None],
                 on_failure: Callable[[Exception], None] | None = None):
        super().__init__(parent)
        self._on_success, self._on_failure = on_success, on_failure
        self._running: Job | None = None
        self._waiting: tuple | None = None
        self._latest = 0

    @property
    def busy(self) -> bool:
        """A load is running or waiting: the screen shows the previous data meanwhile."""
        return self._running is not None or self._waiting is not None

    def request(self, fn: Callable, *args, **kwargs) -> None:
        """Load ``fn(*args, **kwargs)`` (a plain function of app/) in the background."""
        self._latest += 1
        self._waiting = (self._latest, fn, args, kwargs)
        was_busy = self._running is not None
        if not was_busy:
            self._start_waiting()
            self.busy_changed.emit(True)

    def _start_waiting(self) -> None:
        number, fn, args, kwargs = self._waiting
        self._waiting = None

        def call(progress=None, cancelled=None):
            return fn(*args, **kwargs)

        self._running = run_in_background(
            self, call, on_success=lambda result: self._succeeded(number, result),
            on_failure=lambda exc: self._failed(number, exc), on_done=self._done)

    def _succeeded(self, number: int, result) -> None:
        if number == self._latest:
            self._on_success(result)

    def _failed(self, number: int, exc: Exception) -> None:
        if number == self._latest and self._on_failure is not None:
            self._on_failure(exc)

    def _done(self) -> None:
        self._running = None
        if self._waiting is not None:
            self._start_waiting()
        else:
            self.busy_changed.emit(False)

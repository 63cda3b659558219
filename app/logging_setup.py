"""Rotating log files in the user data folder (never overwritten on start).

The window writes ``tdkt.log``; the commands (``tdkt backup`` run by the Task Scheduler, an
import, a report) write ``tdkt-cli.log`` beside it — a separate file, so the two never rotate
one file at the same time (Windows cannot rename a file another process has open)."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler

from app.paths import log_dir

GUI_LOG = "tdkt.log"
CLI_LOG = "tdkt-cli.log"
FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO, file_name: str = GUI_LOG) -> str:
    """Log to ``file_name`` in the log folder; returns its path ("" if it cannot be written:
    a log must never stop the work)."""
    root = logging.getLogger()
    root.setLevel(level)
    try:
        path = log_dir() / file_name
    except OSError:
        return ""
    for h in list(root.handlers):
        if isinstance(h, RotatingFileHandler):
            if h.baseFilename == os.path.abspath(path):
                return h.baseFilename
            if os.path.dirname(h.baseFilename) != os.path.abspath(path.parent):
                root.removeHandler(h)  # another data folder (--data-dir, tests): log there
                h.close()
    # (the same folder, another file: both get the lines — a scheduled backup run from the
    # command line also goes to the window's log, where the officer's helper looks first)
    try:
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8",
                                      delay=True)
    except OSError:
        return ""
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return str(path)

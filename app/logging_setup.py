"""Rotating log file in the user data folder (never overwritten on start)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from app.paths import log_dir


def setup_logging(level: int = logging.INFO) -> str:
    path = log_dir() / "tdkt.log"
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    return str(path)

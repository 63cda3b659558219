"""Where things live: user data folder, default database, bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_DIR_NAME = "ThiDuaKhenThuong"
_data_dir_override: Path | None = None


def set_data_dir(path: str | os.PathLike | None) -> None:
    """Override the user data folder (``--data-dir``, tests)."""
    global _data_dir_override
    _data_dir_override = Path(path) if path else None


def data_dir() -> Path:
    env = os.environ.get("TDKT_DATA_DIR")
    base = _data_dir_override or (Path(env) if env else user_data_path(APP_DIR_NAME, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_db_path() -> Path:
    return data_dir() / "thiduakhenthuong.sqlite"


def log_dir() -> Path:
    d = data_dir() / "logs" if _data_dir_override or os.environ.get("TDKT_DATA_DIR") else user_log_path(
        APP_DIR_NAME, appauthor=False
    )
    d.mkdir(parents=True, exist_ok=True)
    return d


def project_root() -> Path:
    """The folder holding app/, db/, resources/ (sys._MEIPASS when frozen by PyInstaller)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)

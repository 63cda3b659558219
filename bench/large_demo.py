"""The large demo database the benches measure on: the file given with --db (made there when
missing), else one made once by ``build_demo(scale="large")`` and kept in the temporary
folder for later runs."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
CACHE = Path(tempfile.gettempdir()) / "tdkt-bench-large.sqlite"


def ensure_db(path: str | Path | None) -> Path:
    target = Path(path) if path else CACHE
    if target.exists():
        return target
    from app.context import open_app_database
    from app.demo import build_demo

    db = open_app_database(target)
    t = time.perf_counter()
    build_demo(db, "large")
    print(f"large demo built in {time.perf_counter() - t:.1f} s ({target})", flush=True)
    db.dispose()
    return target

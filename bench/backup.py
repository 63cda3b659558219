"""How long a verified backup of the large demo database takes (goal, issue 5: under 5 s).

    .venv/bin/python bench/backup.py [--db FILE] [--runs 3]

Makes the large demo (``tdkt demo --scale large``) in a temporary folder when no file is
given (or reuses /tmp/tdkt-bench-backup-large.sqlite from an earlier run). Prints, per run:
the whole backup (online copy, fsync, integrity check, row counts, SHA-256, rename, log), the
same with a password (AES ZIP), the verification alone, and a restore of the backup.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from large_demo import ensure_db


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from app import paths
    from app.backup import backup_database, restore_database, verify_file
    from app.context import open_app_database

    work = Path(tempfile.mkdtemp(prefix="tdkt-bench-backup-"))
    paths.set_data_dir(work / "data")
    source = ensure_db(args.db)
    db = open_app_database(source)
    size_mb = source.stat().st_size / 1024 / 1024
    plain, zipped, verify, restore = [], [], [], []
    for run in range(args.runs):
        target = work / f"usb{run}"
        target.mkdir()
        seconds, result = timed(backup_database, db, target)
        plain.append(seconds)
        zipped.append(timed(backup_database, db, target, password="mật khẩu")[0])
        verify.append(timed(verify_file, result.path)[0])
        copy = work / f"restored{run}.sqlite"
        restore.append(timed(restore_database, result.path, copy)[0])
    db.dispose()
    print(f"database: {source} ({size_mb:.1f} MB, {result.rows:,} rows)")
    for label, values in (("backup + verify (plain)", plain), ("backup + verify (AES ZIP)", zipped),
                          ("verify only", verify), ("restore (verify, copy, replace)", restore)):
        print(f"{label:34s} median {statistics.median(values):6.2f} s   "
              f"runs: {', '.join(f'{v:.2f}' for v in values)}")
    goal = statistics.median(plain) < 5.0
    print(f"goal (plain backup + verify under 5 s): {'met' if goal else 'NOT met'}")
    return 0 if goal else 1


if __name__ == "__main__":
    sys.exit(main())

"""Rule packs: what they cost at start-up and when an update is offered.

    .venv/bin/python bench/rules.py --db FILE

On a copy of FILE (never the file itself): opening an up-to-date database (the start-up
check is one settings read), the "is a newer pack shipped?" check the window runs after it
shows, the rules in force listed for the screen, and — with the copy made to look like a
database of the previous version (pack 2025.1) — planning and applying the update. Prints
the median of five runs of each, in milliseconds."""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path


def _ms(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a demo database (copied, not changed)")
    args = parser.parse_args()
    from app.context import open_app_database
    from app.rules import apply, in_force, update
    from db.models import Setting

    work = Path(tempfile.mkdtemp()) / "copy.sqlite"
    shutil.copy(args.db, work)
    open_app_database(work).dispose()  # migrate once, outside the timings

    def reopen():
        open_app_database(work).dispose()

    print(f"mở cơ sở dữ liệu đã cập nhật quy định: {_ms(reopen):.1f} ms")
    db = open_app_database(work)
    print(f"kiểm tra có gói mới (sau khi cửa sổ hiện): {_ms(lambda: apply.check_update(db)):.1f} ms")
    print(f"liệt kê quy định đang áp dụng: "
          f"{_ms(lambda: in_force.list_rules(db, date.today())):.1f} ms")

    def as_previous_version():
        with db.session() as s:
            s.get(Setting, "rules.installed").value = {
                "national": "2025.1", "province": "mac_dinh", "province_version": "2025.1"}

    as_previous_version()
    with db.read() as s:
        print(f"lập kế hoạch cập nhật: {_ms(lambda: update.plan(s)):.1f} ms")

    def apply_again():
        as_previous_version()
        apply.apply_update(db)

    print(f"áp dụng (kể cả ghi nhật ký): {_ms(apply_again):.1f} ms")
    db.dispose()


if __name__ == "__main__":
    main()

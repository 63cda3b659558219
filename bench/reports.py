"""How long the five-year summary report takes on the large demo database (goal, issue 7:
under 3 s for all three formats together).

    .venv/bin/python bench/reports.py [--db FILE] [--from 2021] [--to 2025] [--runs 3]

Makes the large demo (``tdkt demo --scale large``, about 200,000 register entries) in the
temp folder when no file is given (or reuses /tmp/tdkt-bench-reports-large.sqlite). Prints,
per run: the figures alone; each format built alone the way “Xuất Word/PDF/Excel” builds it
(figures included); the three together as “Xuất cả ba” builds them (figures computed once);
then the statistical forms of the last year.
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--from", dest="year_from", type=int, default=2021)
    ap.add_argument("--to", dest="year_to", type=int, default=2025)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from app.context import open_app_database
    from app.reports.figures import collect
    from app.reports.forms import build_forms
    from app.reports.summary import build_summaries, build_summary

    db = open_app_database(ensure_db(args.db))
    out = Path(tempfile.mkdtemp(prefix="tdkt-bench-reports-"))
    build_summary(db, args.year_from, args.year_to, "pdf", out / "warm.pdf")  # imports, fonts
    totals, cpus = [], []
    for run in range(1, args.runs + 1):
        t, c = time.perf_counter(), time.process_time()
        f = collect(db, args.year_from, args.year_to)
        figures, figures_cpu = time.perf_counter() - t, time.process_time() - c
        times = {}
        for fmt in ("pdf", "docx", "xlsx"):
            t = time.perf_counter()
            build_summary(db, args.year_from, args.year_to, fmt, out / f"bao-cao.{fmt}")
            times[fmt] = time.perf_counter() - t
        t, c = time.perf_counter(), time.process_time()
        build_summaries(db, args.year_from, args.year_to, out)  # the screen's "Xuất cả ba"
        together, cpu = time.perf_counter() - t, time.process_time() - c
        totals.append(together)
        cpus.append(cpu)
        print(f"run {run}: figures {figures:.2f} s (CPU {figures_cpu:.2f} s, {f.count():,} "
              "awards); each alone: "
              + ", ".join(f"{k} {v:.2f} s" for k, v in times.items())
              + f" (sum {sum(times.values()):.2f} s); all three together {together:.2f} s "
              f"(CPU {cpu:.2f} s)")
    t = time.perf_counter()
    build_forms(db, args.year_to, out / "bieu.xlsx")
    print(f"statistical forms {args.year_to}: {time.perf_counter() - t:.2f} s")
    print(f"median, all three formats together: {statistics.median(totals):.2f} s (goal < 3 s); "
          f"CPU {statistics.median(cpus):.2f} s (less sensitive to other load on the machine)")
    print(f"files in {out}")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

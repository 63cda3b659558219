"""Register (sổ khen thưởng) speed on a large database: time to first rows and per-keystroke
search, through the same RegisterSource the screen uses.

    .venv/bin/python bench/register.py --db large.sqlite
    .venv/bin/python bench/register.py            # builds the large demo in a temp file first

Goals (issue 3): under 0.3 s to first rows, under 0.1 s per search keystroke."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from large_demo import ensure_db

PAGE = 200  # rows the lazy table fetches for its first page (ui/widgets/lazy_table.PAGE)
TYPED = ("nguyen thi hoa", "dang van", "tran minh duc", "le", "hoang", "vu thi")


def _first_rows(source, search: str, filters: dict, order=None) -> tuple[float, int]:
    start = time.perf_counter()
    ids = source.ids(search, filters, order)
    source.rows(ids[:PAGE])
    return time.perf_counter() - start, len(ids)


def _scroll_to_end(source, search: str) -> tuple[float, int]:
    """A large match lists its first rows only; the rest comes when the user scrolls past them."""
    ids = source.ids(search, {}, (0, True))
    source.rows(ids[:PAGE])
    start = time.perf_counter()
    last = len(ids) - 1
    source.rows(ids[last - last % PAGE:])
    return time.perf_counter() - start, len(ids)


def _typing(source, filters: dict, order=(0, True)) -> list[tuple[float, str, int]]:
    times = []
    for phrase in TYPED:
        for i in range(1, len(phrase) + 1):
            if phrase[i - 1] == " ":
                continue  # the same search as the keystroke before
            t, n = _first_rows(source, phrase[:i], filters, order)
            times.append((t, phrase[:i], n))
    return times


def _report_typing(label: str, times: list[tuple[float, str, int]]) -> None:
    ms = sorted(t * 1000 for t, *_ in times)
    worst = max(times)
    print(f"{label} ({len(times)} phím): trung vị {statistics.median(ms):.0f} ms, "
          f"90% dưới {ms[int(len(ms) * 0.9)]:.0f} ms, chậm nhất {worst[0] * 1000:.0f} ms "
          f"(“{worst[1]}”, {worst[2]} mục)")


def _open(path: Path | None):
    from app.context import open_app_database

    return open_app_database(ensure_db(path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database file (large demo)")
    args = parser.parse_args()
    from app import paths

    paths.set_data_dir(tempfile.mkdtemp())
    db = _open(args.db)
    from app.services.awards.register import register_source

    source = register_source(db)
    cold, total = _first_rows(source, "", {})
    warm = min(_first_rows(source, "", {})[0] for _ in range(3))
    print(f"Sổ khen thưởng: {total} mục")
    print(f"Mở sổ (id + {PAGE} dòng đầu): lần đầu {cold * 1000:.0f} ms, các lần sau {warm * 1000:.0f} ms")
    for label, filters, order in (("theo số vào sổ, tăng dần (mặc định của bảng)", {}, (0, True)),
                                  ("lọc năm mới nhất", {"year": max(source._years())}, None),
                                  ("sắp xếp theo tên", {}, (2, True)),
                                  ("lọc hộ gia đình", {"subject_type": "household"}, None)):
        t, n = _first_rows(source, "", filters, order)
        print(f"{label}: {t * 1000:.0f} ms ({n} mục)")
    _report_typing("Tìm khi gõ", _typing(source, {}))
    _report_typing("Tìm khi gõ, sắp xếp theo tên", _typing(source, {}, (2, True)))
    _report_typing("Tìm khi gõ, lọc cá nhân", _typing(source, {"subject_type": "person"}))
    _report_typing("Tìm khi gõ, lọc năm mới nhất",
                   _typing(source, {"year": max(source._years())}))
    t, n = _scroll_to_end(source, "t")
    print(f"Cuộn xuống cuối sau khi gõ “t” (lấy đủ {n} id + trang cuối): {t * 1000:.0f} ms")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Time to preview and import 10,000 household rows with the head's birth year (goal: under
5 s for both together). Prints wall-clock and CPU time: on a busy machine the CPU figure is the
one to compare.

Run: .venv/bin/python bench/import.py [ROWS]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hương", "Lan", "Long", "Mai",
         "Nam", "Phương", "Quang", "Sơn", "Thảo", "Trang", "Tuấn", "Yến"]
AREAS = 39


def make_file(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(6)
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "DANH SÁCH HỘ GIA ĐÌNH NĂM 2025"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["STT", "Họ và tên chủ hộ", "Năm sinh", "Khu dân cư", "Địa chỉ", "Số nhân khẩu",
               "Điện thoại"])
    for i in range(1, rows + 1):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        ws.append([i, name, rng.randint(1940, 2000), f"Khu dân cư số {rng.randint(1, AREAS)}",
                   f"Số {i}, ngõ {i % 50}", rng.randint(1, 7),
                   f"09{rng.randint(10_000_000, 99_999_999)}"])
    wb.save(path)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    from app.context import open_app_database
    from app.excel.importer import commit, preview
    from app.paths import set_data_dir
    from app.services.records.subjects import apply_name
    from db.models import ResidentialArea

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        set_data_dir(folder / "data")
        db = open_app_database(folder / "bench.sqlite")
        with db.session() as s:
            for n in range(1, AREAS + 1):
                area = ResidentialArea()
                apply_name(area, f"Khu dân cư số {n}")
                s.add(area)
        xlsx = folder / "ho.xlsx"
        make_file(xlsx, rows)
        c0, t0 = time.process_time(), time.perf_counter()
        result = preview(db, "household", xlsx)
        t1 = time.perf_counter()
        done = commit(db, result)
        t2 = time.perf_counter()
        cpu = time.process_time() - c0
        db.dispose()
    assert not result.errors, result.errors[:3]
    print(f"{rows} dòng hộ gia đình: xem trước {t1 - t0:.2f} s, nhập {t2 - t1:.2f} s, "
          f"tổng {t2 - t0:.2f} s (mục tiêu < 5 s); thời gian CPU {cpu:.2f} s. {done.text()}")


if __name__ == "__main__":
    main()

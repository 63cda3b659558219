"""Time to preview and import 10,000 household rows with the head's birth year (goal: under
5 s for both together), then 10,000 rows of an old commendation register (issue 16: ten yearly
sheets, decisions on section rows, the same people year after year; goal: seconds, not
minutes). Prints wall-clock and CPU time: on a busy machine the CPU figure is the one to
compare.

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


UNITS = ["Trường TH Bình Hàn", "Trường THCS Lê Lợi", "Trường MN Hoa Sen", "UBND phường",
         "Trạm Y tế phường", "Công an phường", "Hội Phụ nữ phường", "Đoàn Thanh niên phường"]


def make_history_file(path: Path, rows: int) -> None:
    """Ten sheets (2016–2025), each with the ward's LĐTT / Giấy khen decisions on section rows,
    the households' Gia đình văn hóa, and a city decision; ~rows/4 people, so each appears on
    several sheets."""
    from openpyxl import Workbook

    rng = random.Random(16)
    people = sorted({(f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                      rng.choice(UNITS)) for _ in range(rows // 4)})  # one name per unit
    wb = Workbook()
    wb.remove(wb.active)
    per_sheet = rows // 10
    for year in range(2016, 2026):
        ws = wb.create_sheet(str(year))
        ws.append([f"SỔ KHEN THƯỞNG NĂM {year}"])
        ws.append(["STT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu", "Số tiền", "Ghi chú"])
        blocks = [("LĐTT", 150, "Chủ tịch UBND phường"), ("GK Chủ tịch UBND phường", 151,
                                                          "Chủ tịch UBND phường"),
                  ("GĐVH", 152, "Chủ tịch UBND phường"), ("BK UBND thành phố", 25,
                                                          "Chủ tịch UBND thành phố")]
        sizes = [per_sheet * 6 // 10, per_sheet // 10, per_sheet * 25 // 100]
        sizes.append(per_sheet - sum(sizes))
        for (award, number, issuer), size in zip(blocks, sizes, strict=True):
            ws.append([(f"Quyết định số {number}/QĐ-UBND ngày 15/12/{year} của {issuer} về việc "
                       f"khen thưởng năm {year}")])
            chosen = iter(rng.sample(people, min(size, len(people))))
            for i in range(1, size + 1):
                if award == "GĐVH":
                    ws.append([i, (f"Hộ ông {rng.choice(FAMILY)} {rng.choice(MIDDLE)} "
                                  f"{rng.choice(GIVEN)} {rng.randint(1, 9999)}"),
                               f"Khu dân cư số {rng.randint(1, AREAS)}", award, None, None])
                    continue
                name, unit = next(chosen)  # once per decision, several years running
                ws.append([i, name, f"Viên chức {unit}", award, "710.000", None])
        ws.append([])
        ws.append(["", "", "", "Thành Đông, ngày 20 tháng 12 năm " + str(year)])
    wb.save(path)


def bench_history(db, folder: Path, rows: int) -> None:
    from app.excel.importer import commit, preview

    xlsx = folder / "so-cu.xlsx"
    make_history_file(xlsx, rows)
    c0, t0 = time.process_time(), time.perf_counter()
    result = preview(db, "award-history", xlsx)
    t1 = time.perf_counter()
    errors = [p.text() for p in result.errors]
    assert not errors, errors[:3]
    done = commit(db, result)
    t2 = time.perf_counter()
    cpu = time.process_time() - c0
    print(f"{len(result.rows)} dòng sổ khen thưởng cũ ({len(result.plan.decisions)} quyết định, "
          f"{len(result.plan.subjects)} đối tượng): xem trước {t1 - t0:.2f} s, nhập "
          f"{t2 - t1:.2f} s, tổng {t2 - t0:.2f} s; thời gian CPU {cpu:.2f} s. {done.text()}")


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
        assert not result.errors, result.errors[:3]
        print(f"{rows} dòng hộ gia đình: xem trước {t1 - t0:.2f} s, nhập {t2 - t1:.2f} s, "
              f"tổng {t2 - t0:.2f} s (mục tiêu < 5 s); thời gian CPU {cpu:.2f} s. {done.text()}")
        bench_history(db, folder, rows)
        db.dispose()


if __name__ == "__main__":
    main()

"""The whole-ward Gia đình văn hóa round on a large database: every achieved registration of
a year made a candidate at once, then the council's tally read (the council tab).

    .venv/bin/python bench/round.py --db large.sqlite
    .venv/bin/python bench/round.py                # builds the large demo in a temp file first

Runs on a temporary copy of the file (nothing reaches the original). Goals (follow-ups of
issue 14): under 5 s for the 14,000 candidates; the tally of the round well under 0.3 s."""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from large_demo import ensure_db

YEAR = 2025


def _registrations(db) -> list[int]:
    """Every Gia đình văn hóa registration of the year, achieved or not (the officer selects
    the whole list on the registrations screen)."""
    from sqlalchemy import select

    from db.models import AwardKind, Registration

    with db.read() as s:
        gdvh = s.scalar(select(AwardKind.id).where(AwardKind.code == "GDVH"))
        return list(s.scalars(select(Registration.id).where(
            Registration.year == YEAR, Registration.award_kind_id == gdvh)
            .order_by(Registration.id)))


def _meeting(db, batch_id: int) -> int:
    from app.services.rounds import council

    members = [m.id for m in council.list_members(db)] or [
        council.save_member(db, council.MemberInfo(name, role, sort_order=i))
        for i, (name, role) in enumerate((("Nguyễn Văn Hùng", "Chủ tịch Hội đồng"),
                                          ("Trần Thị Mai", "Phó Chủ tịch Hội đồng"),
                                          ("Lê Văn Sơn", "Ủy viên")))]
    return council.create_meeting(db, batch_id, datetime(YEAR, 12, 10, 8), "Hội trường", members)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database file (large demo)")
    args = parser.parse_args()
    from app import paths
    from app.context import open_app_database
    from app.services.rounds import batches, council

    paths.set_data_dir(tempfile.mkdtemp(prefix="tdkt-bench-"))
    folder = Path(tempfile.mkdtemp(prefix="tdkt-bench-round-"))
    copy = folder / "round.sqlite"
    shutil.copyfile(ensure_db(args.db), copy)
    db = open_app_database(copy)
    try:
        ids = _registrations(db)
        bid = batches.create_batch(db, f"Công nhận Gia đình văn hóa năm {YEAR} (bench)", YEAR)
        cpu, start = time.process_time(), time.perf_counter()
        result = batches.add_candidates_from_registrations(db, bid, ids)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"Tạo ứng viên từ {len(ids)} đăng ký: thêm {len(result.added)}, bỏ qua "
              f"{len(result.skipped)} — {wall:.2f} s (CPU {cpu:.2f} s; mục tiêu dưới 5 s)")
        start = time.perf_counter()
        again = batches.add_candidates_from_registrations(db, bid, ids)
        print(f"Chạy lại (tất cả đã có): bỏ qua {len(again.skipped)} — "
              f"{time.perf_counter() - start:.2f} s")
        mid = _meeting(db, bid)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            rows = council.tally(db, mid)
            times.append(time.perf_counter() - start)
        print(f"Kết quả bỏ phiếu (thẻ Hội đồng): {len(rows)} dòng — trung vị "
              f"{statistics.median(times) * 1000:.0f} ms, nhanh nhất {min(times) * 1000:.0f} ms")
    finally:
        db.close()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

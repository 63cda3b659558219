"""``tdkt demo``: a realistic demo ward so every screen and report can be tried at once.

small: 39 areas, ~400 people, ~1,200 households, register 2021–2025 (a few seconds).
large: ~8,000 people, ~15,000 households, register 2015–2025 (≥ 100,000 entries)."""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select

from app.services.system.organization import OrgData, SignerData, get_org, save_org, save_signers
from db.engine import Database
from db.models import AwardRecord, Subject

SCALES = {
    "small": {"persons": 400, "households": 1200, "years": (2021, 2025)},
    "large": {"persons": 8000, "households": 15000, "years": (2015, 2025)},
}
# Optional parts written by other modules: (module, function(session, rng, year_from, year_to)).
EXTRA_PARTS = [("app.demo.emulation", "build_emulation_demo"),
               ("app.demo.area_years", "build_area_years_demo")]


def _org(db: Database) -> None:
    if get_org(db) is None:
        save_org(db, OrgData("UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG",
                             "phường Thành Đông", "Thành Đông", "UBND",
                             "Số 1 đường Nguyễn Trãi, phường Thành Đông", "0220 3850 000"))
        save_signers(db, [SignerData("Nguyễn Văn Hùng", "Chủ tịch", ""),
                          SignerData("Trần Thị Thu Hà", "Phó Chủ tịch", "KT."),
                          SignerData("Lê Minh Đức", "Phó Chủ tịch", "KT.")])


def build_demo(db: Database, scale: str = "small", seed: int = 2025,
               progress: Callable[[str], None] | None = None) -> list[str]:
    """Fill an empty database with the demo ward (refused when records already exist)."""
    from app.demo.awards import build_awards, build_open_batch
    from app.demo.records import build_records
    from app.errors import DomainError

    conf = SCALES[scale]
    rng = random.Random(seed)
    with db.read() as s:
        if s.scalar(select(func.count()).select_from(Subject)):
            raise DomainError("Cơ sở dữ liệu đã có hồ sơ; chỉ tạo dữ liệu mẫu vào tệp mới, trống.")
    _org(db)
    year_from, year_to = conf["years"]
    with db.session() as s:
        rec = build_records(s, rng, conf["persons"], conf["households"], progress)
        for module_name, fn_name in EXTRA_PARTS:
            try:
                fn = getattr(importlib.import_module(module_name), fn_name)
            except (ImportError, AttributeError):
                continue
            fn(s, rng, year_from, year_to)
        n = build_awards(s, rng, rec, year_from, year_to, progress)
        build_open_batch(s, rng, rec, date.today().year)
    with db.read() as s:
        entries = s.scalar(select(func.count()).select_from(AwardRecord))
    return [
        (f"Đã tạo dữ liệu mẫu ({scale}): {len(rec.areas)} khu dân cư, "
         f"{len(rec.collectives)} tập thể, {len(rec.persons)} cá nhân, "
         f"{len(rec.households)} hộ gia đình."),
        f"Sổ khen thưởng {year_from}–{year_to}: {entries} mục (mới ghi {n}).",
    ]

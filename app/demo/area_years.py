"""Demo part: the areas' culture indicators every year, yearly totals for the two years before
the per-household records start (as a ward that kept only totals then), and targets for the
demo period and the next one. Its own random generator: the rest of the demo stays as it was."""

from __future__ import annotations

import random
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AreaYear, CultureIndicator, ResidentialArea, Target

TARGETS = (  # (period or year, metric, label, value, unit, how)
    ("now", "gdvh_rate", "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”", 90, "%", "each_year"),
    ("now", "kdcvh_count", "Số thôn, khu dân cư đạt danh hiệu “Khu dân cư văn hóa”", 39, "", "end"),
    ("now", "initiatives", "Số sáng kiến được công nhận", 10, "", "total"),
    ("next", "gdvh_rate", "Duy trì tỷ lệ gia đình văn hóa", 96, "%", "each_year"),
    ("next", "kdcvh_share", "Tổ dân phố, khu dân cư văn hóa", 100, "%", "each_year"),
    ("next", "frontline_share", "Khen thưởng người trực tiếp lao động, công tác", 50, "%",
     "each_year"),
)


def build_area_years_demo(s: Session, rng: random.Random, year_from: int, year_to: int) -> None:
    local = random.Random(year_to * 7919)  # not the shared generator (see the docstring)
    indicators = {name: (iid, kind) for iid, name, kind in s.execute(
        select(CultureIndicator.id, CultureIndicator.name, CultureIndicator.kind)).all()}
    areas = list(s.execute(select(ResidentialArea.id, ResidentialArea.households_total)
                           .order_by(ResidentialArea.id)).all())
    now = datetime.now()
    rows, next_id = [], 1
    for year in range(year_from - 2, year_to + 1):
        for i, (area_id, homes) in enumerate(areas):
            values = _indicators(indicators, local, i, year - year_from)
            row = {"id": next_id, "area_id": area_id, "year": year, "indicators": values,
                   "households": None, "registered": None, "achieved": None, "kdcvh": None,
                   "notes": None, "created_at": now, "updated_at": now}
            if year < year_from:  # totals only, before the per-household lists
                total = (homes or 300) - 6 * (year_from - year)
                registered = total - local.randint(0, total // 20)
                row.update(households=total, registered=registered,
                           achieved=registered - local.randint(registered // 25,
                                                               registered // 12),
                           kdcvh="dat" if local.random() < 0.9 else "khong_dat")
            rows.append(row)
            next_id += 1
    from sqlalchemy import insert

    s.execute(insert(AreaYear), rows)
    for when, metric, label, value, unit, how in TARGETS:
        y0, y1 = (year_from, year_to) if when == "now" else (year_to + 1, year_to + 5)
        s.add(Target(year_from=y0, year_to=y1, metric=metric, label=label, value=value,
                     unit=unit, how=how, sort_order=len(s.new) + 1))


def _indicators(indicators: dict, rng: random.Random, i: int, step: int) -> dict:
    """Tủ sách everywhere; a nhà văn hóa in nearly all; sân thể thao in a growing few;
    đội văn nghệ of 10–30 members; one to three clubs."""
    out = {}
    wanted = {"Tủ sách, thư viện": 1, "Nhà văn hóa": int(i < 37 + min(step, 2)),
              "Sân thể thao": int(i < 4 + max(step, 0) * 3 // 4),
              "Đội văn nghệ": 10 + (i * 7 + step) % 21, "Câu lạc bộ": 1 + (i + step) % 3}
    for name, value in wanted.items():
        if name in indicators:
            out[str(indicators[name][0])] = value
    rng.random()  # keeps the generator's use the same whatever the indicator set
    return out

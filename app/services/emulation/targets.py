"""Chỉ tiêu thi đua: targets of a year or a period (as a report's Part II sets them), entered by
the officer and compared with what was achieved (app.reports.figures_targets)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import func, select

from app import text
from app.errors import NotFoundError, ValidationError
from app.reports.figures_targets import HOW_LABELS, METRICS, TargetResult, evaluate
from app.services.system import audit
from db.engine import Database
from db.models import Target


@dataclass(frozen=True)
class TargetData:
    year_from: int
    year_to: int
    metric: str
    value: float
    label: str = ""  # empty: the metric's own wording
    unit: str | None = None  # None: the metric's unit
    how: str | None = None  # None: the metric's usual way
    achieved: dict = field(default_factory=dict)  # manual: year → value
    notes: str | None = None
    id: int | None = None


def _validate(d: TargetData) -> TargetData:
    if d.metric not in METRICS:
        raise ValidationError("Chọn loại chỉ tiêu trong danh sách.", "metric")
    m = METRICS[d.metric]
    d = replace(d, label=text.nfc(d.label) or (m.label if d.metric != "manual" else ""),
                unit=text.nfc(d.unit if d.unit is not None else m.unit),
                how=d.how or m.how, notes=text.nfc_or_none(d.notes))
    if not d.label:
        raise ValidationError("Cần ghi nội dung chỉ tiêu.", "label")
    if len(d.label) > 400:
        raise ValidationError("Nội dung chỉ tiêu dài quá 400 ký tự.", "label")
    if not (1900 <= d.year_from <= 2100 and 1900 <= d.year_to <= 2100):
        raise ValidationError("Năm của chỉ tiêu không hợp lệ.", "year_from")
    if d.year_to < d.year_from:
        raise ValidationError("Năm kết thúc phải từ năm bắt đầu trở đi.", "year_to")
    if d.year_to - d.year_from > 9:
        raise ValidationError("Một giai đoạn chỉ tiêu dài tối đa 10 năm.", "year_to")
    if d.how not in HOW_LABELS:
        raise ValidationError("Cách đánh giá không hợp lệ.", "how")
    if d.value is None or float(d.value) < 0:
        raise ValidationError("Mức chỉ tiêu phải là số không âm.", "value")
    if d.unit == "%" and float(d.value) > 100:
        raise ValidationError("Chỉ tiêu tỷ lệ không quá 100%.", "value")
    achieved = {}
    for year, value in (d.achieved or {}).items():
        if value in (None, ""):
            continue
        if not d.year_from <= int(year) <= d.year_to:
            raise ValidationError(f"Năm {year} nằm ngoài thời gian của chỉ tiêu.", "achieved")
        if float(value) < 0:
            raise ValidationError(f"Kết quả năm {year} phải là số không âm.", "achieved")
        achieved[str(int(year))] = float(value)
    return replace(d, value=float(d.value), achieved=achieved)


def save_target(db: Database, data: TargetData) -> int:
    d = _validate(data)
    with db.session() as s:
        t = s.get(Target, d.id) if d.id else Target()
        if t is None:
            raise NotFoundError("Chỉ tiêu này không còn trong cơ sở dữ liệu.")
        before = audit.snapshot(t) if d.id else None
        for key in ("year_from", "year_to", "metric", "label", "value", "unit", "how", "notes"):
            setattr(t, key, getattr(d, key))
        t.achieved = d.achieved if d.metric == "manual" else None
        if d.id is None:
            t.sort_order = (s.scalar(select(func.max(Target.sort_order))) or 0) + 1
            s.add(t)
        s.flush()
        audit.log(s, "update" if before else "create", "target", t.id, before,
                  audit.snapshot(t))
        return t.id


def delete_target(db: Database, target_id: int) -> None:
    with db.session() as s:
        t = s.get(Target, target_id)
        if t is None:
            raise NotFoundError("Chỉ tiêu này không còn trong cơ sở dữ liệu.")
        audit.log(s, "delete", "target", t.id, audit.snapshot(t), None)
        s.delete(t)


def get_target(db: Database, target_id: int) -> TargetData:
    with db.read() as s:
        t = s.get(Target, target_id)
        if t is None:
            raise NotFoundError("Chỉ tiêu này không còn trong cơ sở dữ liệu.")
        return TargetData(t.year_from, t.year_to, t.metric, float(t.value), t.label, t.unit,
                          t.how, {int(k): v for k, v in (t.achieved or {}).items()}, t.notes,
                          t.id)


def parse_achieved(value: str, year_from: int, year_to: int) -> dict[int, float]:
    """"2024: 95,5; 2025: 96" (a manual target's results typed in) → {2024: 95.5, 2025: 96}."""
    out = {}
    for part in (value or "").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        year, sep, number = part.partition(":")
        try:
            y = int(year.strip())
            v = parse_number(number) if sep else None
        except ValueError:
            v = None
        if v is None:
            raise ValidationError(f"“{part.strip()}” không đúng dạng năm: kết quả (ví dụ "
                                  "2025: 96,5).", "achieved")
        if not year_from <= y <= year_to:
            raise ValidationError(f"Năm {y} nằm ngoài thời gian của chỉ tiêu.", "achieved")
        out[y] = v
    return out


def parse_number(value: str) -> float:
    """96,5 or 96.5 → 96.5; 1.500 (a dot before three digits: thousands) → 1500."""
    raw = value.strip().replace(" ", "")
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif raw.count(".") >= 1 and all(len(p) == 3 for p in raw.split(".")[1:]):
        raw = raw.replace(".", "")
    return float(raw)


def show_number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")


def achieved_text(achieved: dict) -> str:
    return "; ".join(f"{y}: {show_number(v)}" for y, v in sorted(achieved.items()))


def period_label(year_from: int, year_to: int) -> str:
    return f"Năm {year_from}" if year_from == year_to else f"{year_from} – {year_to}"


def results(db: Database, year_from: int, year_to: int) -> list[TargetResult]:
    """Every target overlapping the years, each against the figures of its own years."""
    from app.reports.figures import collect
    from app.reports.figures_extra import targets as load_targets

    with db.read() as s:
        wanted = [t for t in load_targets(s, year_from, year_to)
                  if t.year_from <= year_to and t.year_to >= year_from]
    if not wanted:
        return []
    f = collect(db, min(t.year_from for t in wanted), max(t.year_to for t in wanted))
    return [evaluate(t, f) for t in wanted]

"""Tổng quan: the counts, chart series and reminders of the dashboard, in one read."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select

from app.reports.figures import collect
from db.engine import Database
from db.models import AwardRecord, Batch, Candidate, Decision, Registration, Subject

log = logging.getLogger(__name__)
CHART_YEARS = 5
TOP_KINDS = 5  # more kinds than this are summed as "Khác" so the chart stays readable
OTHER = "Khác"


@dataclass(frozen=True)
class Reminder:
    key: str  # backup / registrations / drafts / council
    text: str
    screen: str  # the screen that deals with it ("" when none)
    urgent: bool = False


@dataclass(frozen=True)
class Dashboard:
    year: int
    counts: tuple[tuple[str, int], ...]  # (label, value) tiles
    years: tuple[int, ...]
    # (award kind name, counts per year in ``years``) — the stacked bar chart
    awards_by_kind: tuple[tuple[str, tuple[int, ...]], ...]
    # (area name, Gia đình văn hóa rate in % (figures.gdvh_rate), latest year with data)
    gdvh_by_area: tuple[tuple[str, float], ...]
    gdvh_year: int | None
    staff_share: tuple[tuple[str, int], ...]  # awards to persons by staff class
    reminders: tuple[Reminder, ...]
    targets: tuple[TargetLine, ...] = ()  # the targets of the working year or its period


@dataclass(frozen=True)
class TargetLine:
    """A target (chỉ tiêu) running in the working year, with what is achieved so far."""

    period: str  # "2021 – 2025" / "Năm 2025"
    label: str
    wanted: str  # "96%"
    achieved: str  # "96,3%" / "–"
    verdict: str  # vuot / dat / chua_dat / "" (no figures, or the period still running)
    verdict_text: str


def load(db: Database, today: date | None = None) -> Dashboard:
    today = today or date.today()
    year = _working_year(db, today)
    first = year - CHART_YEARS + 1
    f = collect(db, first, year)
    with db.read() as s:
        counts = _counts(s, year)
        reminders = _reminders(s, year)
    backup = _backup_reminder(db, today)
    years = tuple(f.years)
    gdvh_year, gdvh = _gdvh_areas(f)
    return Dashboard(
        year=year, counts=counts, years=years, awards_by_kind=_kind_series(f, years),
        gdvh_by_area=gdvh, gdvh_year=gdvh_year,
        staff_share=tuple(f.staff_classes), reminders=tuple(([backup] if backup else []) + reminders),
        targets=_targets(f, year),
    )


def _targets(f, year: int) -> tuple[TargetLine, ...]:
    """Targets whose year or period includes the working year, against the same figures as
    the report (app.reports.figures_targets)."""
    from app.reports.figures_targets import format_value, running

    out = []
    for r in running(f, year):
        t = r.target
        period = f"Năm {t.year_from}" if t.year_from == t.year_to else \
            f"{t.year_from} – {t.year_to}"
        achieved = r.achieved_text()
        text = r.verdict_text if r.verdict else ("đang thực hiện" if r.values else
                                                 "chưa có số liệu")
        out.append(TargetLine(period, t.label, format_value(t.value, t.unit), achieved,
                              r.verdict, text))
    return tuple(out)


def _working_year(db: Database, today: date) -> int:
    """The latest achievement year in the register (in January the officer still closes last
    year), never later than this year; this year when the register is empty."""
    with db.read() as s:
        latest = s.scalar(select(func.max(AwardRecord.year)).where(AwardRecord.year <= today.year))
    return latest or today.year


def _counts(s, year: int) -> tuple[tuple[str, int], ...]:
    by_type = dict(s.execute(select(Subject.type, func.count()).group_by(Subject.type)).all())
    awards = s.scalar(select(func.count()).select_from(AwardRecord).where(
        AwardRecord.year == year, AwardRecord.revoked.is_(False))) or 0
    decisions = s.scalar(select(func.count()).select_from(Decision).where(
        Decision.year == year, Decision.status == "issued", Decision.external.is_(False))) or 0
    return (("Cá nhân", by_type.get("person", 0)), ("Tập thể", by_type.get("collective", 0)),
            ("Hộ gia đình", by_type.get("household", 0)), ("Khu dân cư", by_type.get("area", 0)),
            (f"Lượt khen thưởng năm {year}", awards), (f"Quyết định đã ban hành năm {year}", decisions))


def _kind_series(f, years) -> tuple[tuple[str, tuple[int, ...]], ...]:
    kinds = sorted(f.used_kinds(), key=lambda k: -f.count(kind=k.code))
    series = [(k.name, tuple(f.count(kind=k.code, year=y) for y in years))
              for k in kinds[:TOP_KINDS]]
    rest = kinds[TOP_KINDS:]
    if rest:
        series.append((OTHER, tuple(sum(f.count(kind=k.code, year=y) for k in rest)
                                    for y in years)))
    return tuple(series)


def _gdvh_areas(f) -> tuple[int | None, tuple[tuple[str, float], ...]]:
    """Rates of the latest year that has any Gia đình văn hóa result — the same rate per area
    as the registrations' rates tab and the report (app.reports.figures.gdvh_rate)."""
    with_data = [c.year for c in f.culture if c.achieved]
    if not with_data:
        return None, ()
    year = max(with_data)
    rows = [(a.area, round(a.rate, 1)) for a in f.area_culture
            if a.year == year and a.households and a.rate is not None]
    return year, tuple(rows)


def _reminders(s, year: int) -> list[Reminder]:
    out = []
    open_regs = s.scalar(select(func.count()).select_from(Registration).where(
        Registration.year <= year, Registration.year >= year - 1,
        Registration.outcome.is_(None))) or 0
    if open_regs:
        out.append(Reminder("registrations", f"{open_regs} đăng ký thi đua chưa có kết quả "
                            "đánh giá.", "registrations"))
    drafts = s.scalar(select(func.count()).select_from(Decision).where(
        Decision.status == "draft")) or 0
    if drafts:
        out.append(Reminder("drafts", f"{drafts} quyết định đang là dự thảo, chưa ban hành.",
                            "decisions"))
    has_candidates = exists().where(Candidate.batch_id == Batch.id)
    waiting = s.execute(select(Batch.name).where(Batch.status == "draft", has_candidates)
                        .order_by(Batch.year.desc(), Batch.id)).scalars().all()
    if waiting:
        names = "; ".join(waiting[:3]) + ("; …" if len(waiting) > 3 else "")
        out.append(Reminder("council", f"{len(waiting)} đợt xét chờ họp Hội đồng Thi đua - "
                            f"Khen thưởng: {names}.", "batches"))
    return out


def _backup_reminder(db: Database, today: date) -> Reminder | None:
    try:
        from app.backup import backup_due
    except ImportError:  # the backup engine is optional in trimmed builds
        return None
    try:
        message = backup_due(db, today)
    except Exception:  # a reminder must never break the dashboard
        log.exception("Backup reminder failed")
        return None
    return Reminder("backup", message, "backup", urgent=True) if message else None

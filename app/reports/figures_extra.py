"""The figures a report states besides the awards: culture indicators of the areas, areas
commended by a higher level, the money reconciliation (decided, paid, revoked) and the
targets (chỉ tiêu). Small queries (tens to hundreds of rows), one read transaction with
app.reports.figures.collect."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app import text
from app.reports import figures_queries as q
from db.models import (
    AreaYear,
    AwardKind,
    AwardRecord,
    CultureIndicator,
    Decision,
    DecisionLine,
    FormerUnit,
    FundLine,
    Target,
)


@dataclass(frozen=True)
class IndicatorYear:
    """One culture indicator over the areas in one year."""

    year: int
    name: str
    kind: str  # yesno / count
    unit: str
    summary: str  # range / total (how a count is stated)
    areas_with: int  # areas that have it (value > 0)
    areas_total: int
    low: int | None = None  # smallest / largest count among the areas that have it
    high: int | None = None
    total: int = 0

    def key(self) -> tuple:
        """What the report says of it (the year aside): equal keys read the same."""
        return (self.areas_with, self.areas_total, self.low, self.high, self.total)


@dataclass(frozen=True)
class AreaAwardUp:
    """Residential areas given one award kind by a higher level in the years."""

    kind_name: str
    areas: int
    years: tuple[int, ...]


@dataclass(frozen=True)
class Revocation:
    decision: str  # "5/QĐ-UBND ngày 01/03/2024"
    entries: int
    money: int


@dataclass(frozen=True)
class MoneyFlow:
    """Award money of the years: decided by the ward's own decisions, paid from the fund,
    and what was revoked of it (named by the revoking decisions)."""

    decisions: int  # the ward's issued decisions on commendation signed in the years
    decided: int  # their money
    paid_by_decisions: int  # fund spending lines those decisions posted
    paid_other: int  # other "chi khen thưởng" lines of the years (typed in)
    recovered: int  # fund "thu hồi tiền thưởng" lines of the years
    revocations: tuple[Revocation, ...] = ()

    @property
    def paid(self) -> int:
        return self.paid_by_decisions + self.paid_other

    @property
    def revoked(self) -> int:
        return sum(r.money for r in self.revocations)

    @property
    def in_force(self) -> int:
        return self.decided - self.revoked


@dataclass(frozen=True)
class TargetInfo:
    id: int
    year_from: int
    year_to: int
    metric: str
    label: str
    value: float
    unit: str
    how: str  # each_year / end / total
    achieved: dict = field(default_factory=dict)  # manual metric: year → value

    @property
    def years(self) -> range:
        return range(self.year_from, self.year_to + 1)


def indicator_years(s: Session, y0: int, y1: int, areas_total: int) -> tuple[IndicatorYear, ...]:
    """Active indicators in their order, for each year with a value for any area."""
    indicators = s.execute(select(CultureIndicator.id, CultureIndicator.name,
                                  CultureIndicator.kind, CultureIndicator.unit,
                                  CultureIndicator.summary)
                           .where(CultureIndicator.active.is_(True))
                           .order_by(CultureIndicator.sort_order, CultureIndicator.id)).all()
    values: dict[tuple[int, int], list[int]] = {}
    for year, given in s.execute(select(AreaYear.year, AreaYear.indicators)
                                 .where(AreaYear.year.between(y0, y1),
                                        AreaYear.indicators.is_not(None))).all():
        for key, value in (given or {}).items():
            if value is not None and str(key).isdigit():
                values.setdefault((year, int(key)), []).append(int(value))
    out = []
    for iid, name, kind, unit, summary in indicators:
        for year in range(y0, y1 + 1):
            got = values.get((year, iid))
            if not got:
                continue
            have = [v for v in got if v > 0]
            out.append(IndicatorYear(year, name, kind, unit or "", summary, len(have),
                                     max(areas_total, len(got)),
                                     min(have) if have else None, max(have) if have else None,
                                     sum(have)))
    return tuple(out)


def area_awards_up(s: Session, y0: int, y1: int) -> tuple[AreaAwardUp, ...]:
    """Areas commended by a higher level (in-force register entries), by award kind."""
    kinds = {kid: (order, name) for kid, name, order in s.execute(
        select(AwardKind.id, AwardKind.name, AwardKind.sort_order)).all()}
    by_kind: dict[int, tuple[set, set]] = {}
    for year, area, kind, level in q.area_entries(s, y0, y1):
        if level == "up":
            areas, years = by_kind.setdefault(kind, (set(), set()))
            areas.add(area)
            years.add(year)
    ordered = sorted(by_kind.items(), key=lambda kv: kinds[kv[0]])
    return tuple(AreaAwardUp(kinds[kid][1], len(areas), tuple(sorted(years)))
                 for kid, (areas, years) in ordered)


def money_flow(s: Session, y0: int, y1: int) -> MoneyFlow:
    ours = s.execute(select(Decision.id, Decision.total_money).where(
        Decision.kind == "khen_thuong", Decision.status == "issued",
        Decision.external.is_(False), Decision.year.between(y0, y1))).all()
    ids = {i for i, _ in ours}
    spent = s.execute(select(FundLine.decision_id, FundLine.amount).where(
        FundLine.group == "chi_khen_thuong", FundLine.year.between(y0, y1))).all()
    by_decisions = sum(a for d, a in spent if d in ids)
    recovered = s.scalar(select(func.coalesce(func.sum(FundLine.amount), 0)).where(
        FundLine.group == "thu_hoi", FundLine.year.between(y0, y1))) or 0
    rev = aliased(Decision)
    # Revocation decisions are few: walk their lines to the revoked entries (no scan of the
    # register, whose revoked_by column has no index).
    revoked = s.execute(
        select(rev.full_number, rev.signed_on, func.count(AwardRecord.id),
               func.coalesce(func.sum(AwardRecord.money), 0))
        .select_from(DecisionLine).join(rev, rev.id == DecisionLine.decision_id)
        .join(AwardRecord, AwardRecord.id == DecisionLine.award_record_id)
        .where(rev.kind == "thu_hoi", rev.status == "issued",
               AwardRecord.decision_id.in_(ids or {-1}))
        .group_by(rev.id, rev.full_number, rev.signed_on)
        .order_by(rev.signed_on, rev.id)).all()
    revocations = tuple(
        Revocation(f"{number}" + (f" ngày {text.format_date_vn(on)}" if on else ""), n, int(m))
        for number, on, n, m in revoked)
    return MoneyFlow(len(ours), sum(int(m or 0) for _, m in ours), by_decisions,
                     sum(a for d, a in spent if d not in ids), int(recovered), revocations)


def former_unit_kinds(s: Session) -> tuple[tuple[str, str], ...]:
    return tuple(s.execute(select(FormerUnit.name, FormerUnit.kind)
                           .order_by(FormerUnit.sort_order, FormerUnit.name)).all())


def targets(s: Session, y0: int, y1: int) -> tuple[TargetInfo, ...]:
    """Targets of the years and of the period that follows (the report's Part Two)."""
    last = y1 + (y1 - y0 + 1)
    rows = s.scalars(select(Target).where(Target.year_to >= y0, Target.year_from <= last)
                     .order_by(Target.year_from, Target.sort_order, Target.id)).all()
    return tuple(TargetInfo(t.id, t.year_from, t.year_to, t.metric, t.label, float(t.value),
                            t.unit or "", t.how,
                            {int(k): float(v) for k, v in (t.achieved or {}).items()
                             if v is not None})
                 for t in rows)

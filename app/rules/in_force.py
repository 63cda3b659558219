"""Every rule the app holds, with its source, its dates and whether the ward edited it: the
"Quy định đang áp dụng" screen and ``tdkt rules show [--date]`` read the same list."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.rules import labels, packs, store, update
from app.rules.values import MISSING, date_vn, money_vn, percent_vn, same, show
from db.engine import Database
from db.models import AwardKind, BaseSalary, RuleItem, Setting

GROUP_ORDER = ("base_salary", "coefficient", "decider", "award_kind", "council", "threshold",
               "deadline", "dossier", "can_cu", "principle", "money")
BASES_KEY = "decision.bases"  # the ward's own căn cứ list (app/services/rounds/decision_texts)


@dataclass(frozen=True)
class RuleLine:
    """One rule as the screens and the CLI show it."""
    topic: str
    name: str
    value: str
    source: str
    start: date | None  # None: from the beginning
    end: date | None  # None: still in force (no later row, no end date)
    edited: bool
    verify: str
    origin: str  # "Quy định chung", "Tỉnh Bắc Ninh", "Phường"
    ref: tuple = ()  # ("item", id) / ("salary", id) / ("kind", id) for editing
    order: int = 0  # the award kind's display order (rules of one award stay together)

    @property
    def group(self) -> str:
        return labels.TOPICS.get(self.topic, self.topic)

    @property
    def period(self) -> str:
        start = f"từ {date_vn(self.start)}" if self.start else "từ trước"
        return f"{start} đến {date_vn(self.end)}" if self.end else start

    def in_force(self, day: date) -> bool:
        return (self.start or date.min) <= day and (self.end is None or day <= self.end)


def _origin(origin: str | None, provinces: dict[str, str]) -> str:
    if origin == packs.NATIONAL:
        return "Quy định chung"
    if origin and origin.startswith("tinh:"):
        return f"Tỉnh: {provinces.get(origin[5:], origin[5:])}"
    return "Phường"


def _ends(rows, start_of) -> dict[int, date | None]:
    """Each row's last day: the day before the next row of the same rule starts."""
    ordered = sorted(rows, key=lambda r: start_of(r) or date.min)
    out = {}
    for row, nxt in zip(ordered, ordered[1:] + [None]):
        end = (start_of(nxt) - timedelta(days=1)) if nxt is not None else None
        own = getattr(row, "effective_to", None)
        out[id(row)] = min(d for d in (end, own) if d) if (end or own) else None
    return out


def _salaries(s: Session) -> list[RuleLine]:
    rows = list(s.scalars(select(BaseSalary)))
    ends = _ends(rows, lambda r: r.effective_from)
    return [RuleLine("base_salary", "Mức lương cơ sở", money_vn(r.amount), r.legal_basis or "",
                     r.effective_from, ends[id(r)], update.row_edited(r),
                     r.verify_note or "", "Quy định chung" if r.pack_values else "Phường",
                     ("salary", r.id)) for r in rows]


def _items(s: Session, kinds: dict[int, AwardKind], provinces: dict) -> list[RuleLine]:
    groups = defaultdict(list)
    for r in s.scalars(select(RuleItem)):
        groups[(r.topic, r.award_kind_id, r.qualifier)].append(r)
    out = []
    for (topic, kind_id, qualifier), rows in groups.items():
        kind = kinds.get(kind_id)
        name = labels.rule_name(topic, qualifier, kind.name if kind else None)
        if topic == "can_cu":
            name = f"Căn cứ {qualifier}"
        ends = _ends(rows, lambda r: r.effective_from)
        for r in rows:
            current = {k: v for k, v in update.item_fields(r).items()}
            value = show(topic, r.value)
            awards = r.value.get("awards") if isinstance(r.value, dict) else None
            if awards:
                value += f" (chỉ in cho: {', '.join(awards)})"
            out.append(RuleLine(topic, name, value, r.legal_basis or "", r.effective_from,
                                ends[id(r)], update.differs(current, update.delivered(r)),
                                r.verify_note or "", _origin(r.origin, provinces),
                                ("item", r.id), kind.sort_order if kind else r.sort_order))
    return out


def _kinds(kinds: list[AwardKind]) -> list[RuleLine]:
    out = []
    for k in kinds:
        pack = update.delivered(k)

        def edited(*fields, k=k, pack=pack) -> bool:
            return pack is None or any(not same(getattr(k, f), pack.get(f, MISSING))
                                       for f in fields)

        origin = "Phường" if pack is None else "Gói quy định"
        if k.criteria:
            out.append(RuleLine("award_kind", f"{k.name} — tiêu chuẩn", k.criteria,
                                k.legal_basis or "", None, None, edited("criteria"),
                                k.verify_note or "", origin, ("kind", k.id), k.sort_order))
        if k.vote_threshold is None:
            vote = "Không bỏ phiếu (Hội đồng thống nhất)"
        else:
            vote = (f"Bỏ phiếu {'kín' if k.secret_ballot else 'công khai'}: "
                    f"{percent_vn(k.vote_threshold, k.vote_strict)} "
                    f"{labels.VOTE_BASES.get(k.vote_base, k.vote_base)} đồng ý")
        out.append(RuleLine("award_kind", f"{k.name} — tỷ lệ phiếu", vote, k.legal_basis or "",
                            None, None, edited("vote_threshold", "vote_strict", "vote_base",
                                               "secret_ballot"),
                            "", origin, ("kind", k.id), k.sort_order))
        out.append(RuleLine("award_kind", f"{k.name} — căn cứ", k.legal_basis or "(trống)",
                            "", None, None, edited("legal_basis"), k.verify_note or "",
                            origin, ("kind", k.id), k.sort_order))
    return out


def _money() -> list[RuleLine]:
    from app.services.awards.money import ROUND_TO, ROUNDING_BASIS

    return [RuleLine("money", "Làm tròn tiền thưởng",
                     f"Hệ số × lương cơ sở tại ngày ký, làm tròn lên {money_vn(ROUND_TO)}",
                     ROUNDING_BASIS, None, None, False, "", "Quy định chung")]


def _ward_bases(s: Session) -> list[RuleLine]:
    row = s.get(Setting, BASES_KEY)
    if row is None or not isinstance(row.value, list):
        return []
    return [RuleLine("can_cu", "Căn cứ phường tự đặt (thay các dòng căn cứ của gói quy định)",
                     " / ".join(row.value), "Cài đặt của phường", None, None, True, "",
                     "Phường")]


def all_rules(s: Session) -> list[RuleLine]:
    """Every rule row (past, in force, future), grouped in GROUP_ORDER."""
    provinces = packs.provinces()
    kinds = list(s.scalars(select(AwardKind).order_by(AwardKind.sort_order, AwardKind.id)))
    by_id = {k.id: k for k in kinds}
    lines = (_salaries(s) + _items(s, by_id, provinces) + _kinds([k for k in kinds if k.active])
             + _ward_bases(s) + _money())
    rank = {t: i for i, t in enumerate(GROUP_ORDER)}
    return sorted(lines, key=lambda x: (rank.get(x.topic, 99), x.order, x.name,
                                        x.start or date.min))


def rules_on(s: Session, day: date) -> list[RuleLine]:
    """The rules in force on ``day``."""
    return [line for line in all_rules(s) if line.in_force(day)]


def list_rules(db: Database, day: date | None = None) -> list[RuleLine]:
    """Every rule, or only those in force on ``day``."""
    with db.read() as s:
        return rules_on(s, day) if day else all_rules(s)


def installed_label(db: Database) -> str:
    """"quy định chung 2026.1; tỉnh: Bắc Ninh 2025.12" (what the database holds)."""
    with db.read() as s:
        inst = store.installed(s) or {}
        chosen = store.province(s)
    name = packs.provinces().get(chosen, chosen)
    where = f"; tỉnh: {name} {inst.get('province_version') or ''}".rstrip()
    return f"quy định chung {inst.get('national', '?')}{where}"

"""Run every check over a batch; suggest candidates from "N years in a row" streaks."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.rules import checks, facts
from app.rules.findings import Finding, Suggestion
from db.models import Subject


def evaluate_batch(session: Session, batch_id: int) -> dict[int, list[Finding]]:
    """Findings for every candidate of the batch (empty list: nothing to say)."""
    f = facts.load(session, batch_id)
    quota = {k.id: checks.quota(f, k) for k in f.kinds.values() if k.quota}
    out: dict[int, list[Finding]] = {}
    for c in f.candidates:
        kind = f.kinds[c.award_kind_id]
        found: list[Finding] = []
        for check in checks.PER_CANDIDATE:
            found += check(f, c, kind)
        if c.status not in facts.INACTIVE and quota.get(kind.id):
            found.append(quota[kind.id])
        out[c.id] = found
    return out


def streak_suggestions(session: Session, batch_id: int) -> list[Suggestion]:
    """Subjects holding an award N years running up to last year, not yet proposed in the
    batch for the suggested award (e.g. Gia đình văn hóa 3 years → Giấy khen)."""
    f = facts.load(session, batch_id)
    out = []
    for kind in sorted(f.kinds.values(), key=lambda k: k.sort_order):
        rule = (kind.prerequisites or {}).get("streak_suggestion")
        target = f.by_code.get(rule["suggest"]) if rule else None
        if target is None:
            continue
        n = int(rule["years"])
        years = list(range(f.batch.year - n, f.batch.year))
        holders = facts.streak_holders(session, kind.id, years)
        already = {c.subject_id for c in f.candidates if c.award_kind_id == target.id}
        todo = [sid for sid in holders if sid not in already]
        for subj in session.scalars(select(Subject).where(Subject.id.in_(todo))
                                    .order_by(Subject.sort_key)):
            out.append(Suggestion(
                subj.id, subj.name, target.code, target.name,
                f"Đạt “{kind.name}” {n} năm liền ({years[0]}–{years[-1]}).",
                rule.get("legal_basis", ""),
            ))
    return out



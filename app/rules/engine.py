"""Run every check over a batch; suggest candidates from "N years in a row" streaks."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.rules import checks, facts, principles
from app.rules.findings import Finding, Suggestion
from db.models import AwardKind, Subject

_CHUNK = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit


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
            found += principles.priority(f, c, kind, over_quota=True)
        out[c.id] = found
    return out


def streak_suggestions(session: Session, batch_id: int) -> list[Suggestion]:
    """A shortlist of subjects holding an award N years running up to last year, for the award
    the rule suggests (e.g. Gia đình văn hóa 5 years → Giấy khen).

    Left out: subjects already proposed for it in the batch, and those who received it within
    the rule's ``skip_if_awarded_years`` (default N). Longest streaks come first; among equal
    streaks, those who never received it (or longest ago), then Vietnamese name order; the rule's
    ``max`` caps the list so the officer reads a shortlist, not the whole ward.
    """
    f = facts.load(session, batch_id)
    out: list[Suggestion] = []
    for kind in sorted(f.kinds.values(), key=lambda k: k.sort_order):
        rule = (kind.prerequisites or {}).get("streak_suggestion")
        target = f.by_code.get(rule["suggest"]) if rule else None
        if target is not None:
            out += _shortlist(session, f, kind, target, rule)
    return out


def _shortlist(session: Session, f: facts.BatchFacts, kind: AwardKind, target: AwardKind,
               rule: dict) -> list[Suggestion]:
    n, last = int(rule["years"]), f.batch.year - 1
    window = int(rule.get("skip_if_awarded_years", n))
    runs = facts.streaks_ending(session, kind.id, last, n)
    latest = facts.latest_award_years(session, target.id, f.batch.year)
    proposed = {c.subject_id for c in f.candidates if c.award_kind_id == target.id}
    recent = f.batch.year - window + 1
    todo = [sid for sid in runs if sid not in proposed and latest.get(sid, 0) < recent]
    names = _names(session, todo)
    todo.sort(key=lambda sid: (-runs[sid], latest.get(sid, 0), names[sid][1], sid))
    limit = rule.get("max")
    chosen = todo[:int(limit)] if limit else todo
    out = []
    for sid in chosen:
        since = last - runs[sid] + 1
        before = f" (lần gần nhất năm {latest[sid]})" if sid in latest else ""
        out.append(Suggestion(
            sid, names[sid][0], target.code, target.name,
            f"Đạt “{kind.name}” {runs[sid]} năm liền ({since}–{last}); chưa được tặng "
            f"“{target.name}” trong {window} năm gần đây{before}.",
            rule.get("legal_basis", ""), len(todo)))
    return out


def _names(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Subject id → (name, Vietnamese sort key)."""
    out: dict[int, tuple[str, str]] = {}
    for i in range(0, len(ids), _CHUNK):
        rows = session.execute(select(Subject.id, Subject.name, Subject.sort_key)
                               .where(Subject.id.in_(ids[i:i + _CHUNK])))
        out.update({sid: (name, key or "") for sid, name, key in rows})
    return out

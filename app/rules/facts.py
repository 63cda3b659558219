"""What the rules need to know, fetched in a few queries for a whole batch."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased, with_polymorphic

from db.models import (
    Attachment,
    AwardKind,
    AwardRecord,
    Batch,
    Candidate,
    Collective,
    Decision,
    Initiative,
    InitiativeAuthor,
    Person,
    Subject,
)

# Candidates in these states no longer count as "proposed".
INACTIVE = ("failed", "withdrawn")
SCOPE_RANK = {"cơ sở": 1, "tỉnh": 2, "toàn quốc": 3}
LDTT = "LDTT"  # the individual title a TTLĐTT collective's members must hold (a share of)


@dataclass
class BatchFacts:
    """Everything the checks read about a batch, loaded once."""
    batch: Batch
    kinds: dict[int, AwardKind]  # every award kind, by id
    by_code: dict[str, AwardKind]
    candidates: list[Candidate]
    subjects: dict[int, Subject]
    held: dict[int, dict[str, dict[int, str]]] = field(default_factory=dict)
    # subject → award code → year → "2025/0001 (QĐ 15/QĐ-UBND)"
    proposed_elsewhere: dict[tuple[int, int], str] = field(default_factory=dict)
    # (subject, award kind) → name of another batch of the same year
    initiatives: dict[int, list[tuple[int, str, str]]] = field(default_factory=dict)
    # person → [(year, scope, title)] of recognised sáng kiến
    duplicates: dict[int, list[Subject]] = field(default_factory=dict)
    special: dict[int, dict[str, dict[int, str]]] = field(default_factory=dict)
    # subject → award code → year → "đột xuất" / "chuyên đề" (held from such a batch)
    attachments: dict[int, set[str]] = field(default_factory=dict)  # candidate → kinds
    workplaces: dict[int, list[int]] = field(default_factory=dict)  # collective → persons
    ldtt_holders: set[int] = field(default_factory=set)  # of those, holding LĐTT this year
    principles: dict[str, dict] = field(default_factory=dict)
    # qualifier → {"text", "legal_basis", …} of the ND 152 Điều 4 principles in force today
    ldtt_share: float | None = None  # TTLĐTT: share (%) of members holding LĐTT, by province
    ldtt_share_basis: str = ""
    deadline: str = ""  # the province's deadline for proposals upward

    def proposed_here(self, subject_id: int, code: str) -> bool:
        kind = self.by_code.get(code)
        return kind is not None and any(
            c.subject_id == subject_id and c.award_kind_id == kind.id and c.status not in INACTIVE
            for c in self.candidates
        )


def load(session: Session, batch_id: int) -> BatchFacts:
    """Load the facts of one batch."""
    batch = session.get(Batch, batch_id)
    kinds = {k.id: k for k in session.scalars(select(AwardKind))}
    cands = list(session.scalars(
        select(Candidate).where(Candidate.batch_id == batch_id)
        .order_by(Candidate.sort_order, Candidate.id)
    ))
    subject_ids = sorted({c.subject_id for c in cands})
    # Persons and collectives with their own columns (maternity, members), in one query.
    poly = with_polymorphic(Subject, [Person, Collective])
    subjects = {s.id: s for s in session.scalars(select(poly).where(poly.id.in_(subject_ids)))}
    f = BatchFacts(batch, kinds, {k.code: k for k in kinds.values()}, cands, subjects)
    _load_held(session, f, subject_ids)
    _load_special(session, f, subject_ids)
    _load_attachments(session, f)
    _load_workplaces(session, f)
    _load_rules(session, f)
    _load_elsewhere(session, f, subject_ids)
    _load_initiatives(session, f, subject_ids)
    _load_duplicates(session, f, subject_ids)
    return f


def _load_held(session: Session, f: BatchFacts, subject_ids: list[int]) -> None:
    rows = session.execute(
        select(AwardRecord.subject_id, AwardRecord.award_kind_id, AwardRecord.year,
               AwardRecord.certificate_no, Decision.full_number, AwardRecord.external_decision_ref)
        .outerjoin(Decision, Decision.id == AwardRecord.decision_id)
        .where(AwardRecord.subject_id.in_(subject_ids), AwardRecord.revoked.is_(False))
    )
    held: dict = defaultdict(lambda: defaultdict(dict))
    for sid, kid, year, cert, number, ext in rows:
        ref = number or ext or ""
        held[sid][f.kinds[kid].code][year] = f"số vào sổ {cert}" + (f", quyết định {ref}" if ref else "")
    f.held = held


SPECIAL_BATCHES = {"dot_xuat": "đột xuất", "chuyen_de": "chuyên đề"}


def _load_special(session: Session, f: BatchFacts, subject_ids: list[int]) -> None:
    """Awards held from đột xuất / chuyên đề batches: not a basis for a regular award
    proposed upward (Nghị định 152/2025/NĐ-CP Điều 4)."""
    rows = session.execute(
        select(AwardRecord.subject_id, AwardRecord.award_kind_id, AwardRecord.year, Batch.kind)
        .join(Decision, Decision.id == AwardRecord.decision_id)
        .join(Batch, Batch.id == Decision.batch_id)
        .where(AwardRecord.subject_id.in_(subject_ids), AwardRecord.revoked.is_(False),
               Batch.kind.in_(tuple(SPECIAL_BATCHES))))
    special: dict = defaultdict(lambda: defaultdict(dict))
    for sid, kid, year, kind in rows:
        special[sid][f.kinds[kid].code][year] = SPECIAL_BATCHES[kind]
    f.special = special


def _load_attachments(session: Session, f: BatchFacts) -> None:
    ids = [c.id for c in f.candidates]
    out: dict[int, set[str]] = defaultdict(set)
    for start in range(0, len(ids), 500):
        for cid, kind in session.execute(select(Attachment.candidate_id, Attachment.kind).where(
                Attachment.candidate_id.in_(ids[start:start + 500]))):
            out[cid].add(kind)
    f.attachments = out


def _load_workplaces(session: Session, f: BatchFacts) -> None:
    """Persons on record at each collective candidate (its members, for the LĐTT share)."""
    collectives = [sid for sid, s in f.subjects.items() if s.type == "collective"]
    out: dict[int, list[int]] = defaultdict(list)
    for start in range(0, len(collectives), 500):
        for pid, wid in session.execute(select(Person.id, Person.workplace_id).where(
                Person.workplace_id.in_(collectives[start:start + 500]))):
            out[wid].append(pid)
    f.workplaces = out
    ldtt = f.by_code.get(LDTT)
    persons = [p for ps in out.values() for p in ps]
    if ldtt is None or not persons:
        return
    for start in range(0, len(persons), 500):
        f.ldtt_holders.update(session.scalars(select(AwardRecord.subject_id).where(
            AwardRecord.subject_id.in_(persons[start:start + 500]),
            AwardRecord.award_kind_id == ldtt.id, AwardRecord.year == f.batch.year,
            AwardRecord.revoked.is_(False))))


def _load_rules(session: Session, f: BatchFacts) -> None:
    """The dated rules the checks cite, as in force today (when the council meets)."""
    from datetime import date

    from app.rules import store

    today = date.today()
    for row in store.in_force(session, "principle", today):
        value = row.value if isinstance(row.value, dict) else {"text": str(row.value)}
        f.principles[row.qualifier] = {**value, "legal_basis": row.legal_basis or ""}
    share = store.item_on(session, "threshold", "ttldtt_ldtt_share", today)
    if share is not None and share.value not in (None, ""):
        f.ldtt_share, f.ldtt_share_basis = float(share.value), share.legal_basis or ""
    deadline = store.item_on(session, "deadline", "submission", today)
    f.deadline = store.text_of(deadline.value) if deadline is not None else ""


def _load_elsewhere(session: Session, f: BatchFacts, subject_ids: list[int]) -> None:
    rows = session.execute(
        select(Candidate.subject_id, Candidate.award_kind_id, Batch.name)
        .join(Batch, Batch.id == Candidate.batch_id)
        .where(Batch.year == f.batch.year, Batch.id != f.batch.id,
               Candidate.subject_id.in_(subject_ids), Candidate.status.not_in(INACTIVE))
    )
    f.proposed_elsewhere = {(sid, kid): name for sid, kid, name in rows}


def _load_initiatives(session: Session, f: BatchFacts, subject_ids: list[int]) -> None:
    rows = session.execute(
        select(InitiativeAuthor.person_id, Initiative.year, Initiative.scope, Initiative.title)
        .join(Initiative, Initiative.id == InitiativeAuthor.initiative_id)
        .where(InitiativeAuthor.person_id.in_(subject_ids), Initiative.recognized.is_(True))
    )
    out = defaultdict(list)
    for pid, year, scope, title in rows:
        out[pid].append((year, scope or "cơ sở", title))
    f.initiatives = out


def _load_duplicates(session: Session, f: BatchFacts, subject_ids: list[int]) -> None:
    """Other persons with the same folded name and birth year (likely the same person)."""
    other = aliased(Person)
    rows = session.execute(
        select(Person.id, other)
        .join(other, and_(other.name_folded == Person.name_folded,
                          other.birth_year == Person.birth_year, other.id != Person.id))
        .where(Person.id.in_(subject_ids), Person.birth_year.is_not(None))
    )
    out = defaultdict(list)
    for pid, dup in rows:
        out[pid].append(dup)
    f.duplicates = out


def streaks_ending(session: Session, award_kind_id: int, last: int, minimum: int) -> dict[int, int]:
    """Subject → number of consecutive years holding the award (not revoked) up to ``last``,
    for the subjects with at least ``minimum`` such years."""
    rows = session.execute(
        select(AwardRecord.subject_id, AwardRecord.year).distinct()
        .where(AwardRecord.award_kind_id == award_kind_id, AwardRecord.year <= last,
               AwardRecord.revoked.is_(False)))
    years: dict[int, set[int]] = defaultdict(set)
    for sid, year in rows:
        years[sid].add(year)
    out = {}
    for sid, held in years.items():
        run = 0
        while last - run in held:
            run += 1
        if run >= minimum:
            out[sid] = run
    return out


def latest_award_years(session: Session, award_kind_id: int, up_to: int) -> dict[int, int]:
    """Subject → the latest year (≤ ``up_to``) it received the award (not revoked)."""
    return dict(session.execute(
        select(AwardRecord.subject_id, func.max(AwardRecord.year))
        .where(AwardRecord.award_kind_id == award_kind_id, AwardRecord.year <= up_to,
               AwardRecord.revoked.is_(False))
        .group_by(AwardRecord.subject_id)).all())

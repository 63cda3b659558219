"""Helpers of the data-safety tests: people, an issued decision with register rows."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.services.records.subjects import apply_name
from db.models import AwardKind, AwardRecord, Decision, DecisionLine, Person


def file_sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def add_people(db, n: int, prefix: str = "Nguyễn Văn") -> None:
    with db.session() as s:
        for i in range(n):
            p = Person(type="person", gender="nam", birth_year=1970 + i % 30)
            apply_name(p, f"{prefix} {i}")
            s.add(p)


def issue_decision(db, number: int = 1, records: int = 2) -> tuple[int, list[int]]:
    """An issued decision with register entries, written the way the decisions service will."""
    with db.session() as s:
        kind = s.scalars(select(AwardKind).order_by(AwardKind.id)).first()
        people = []
        for i in range(records):
            p = Person(type="person")
            apply_name(p, f"Trần Thị Hoa {number}-{i}")
            s.add(p)
            people.append(p)
        d = Decision(number=number, year=2025, full_number=f"{number}/QĐ-UBND",
                     signed_on=date(2025, 12, 20), title="Về việc khen thưởng", status="draft")
        s.add(d)
        s.flush()
        ids = []
        for i, p in enumerate(people):
            r = AwardRecord(register_year=2025, register_no=number * 100 + i,
                            certificate_no=f"2025/{number * 100 + i:04d}", subject_id=p.id,
                            award_kind_id=kind.id, year=2025, decision_id=d.id,
                            printed_name=p.name, money=500_000)
            s.add(r)
            s.flush()
            ids.append(r.id)
        d.status = "issued"
        return d.id, ids


def issue_revocation(db, record_ids: list[int], number: int = 90, names: bool = True,
                     issued: bool = True) -> int:
    """An issued revocation decision (thu hồi) whose list names ``record_ids`` (or, with
    ``names=False``, lists nothing): the only kind of decision the register takes a revocation
    mark from. The entries themselves are not marked here."""
    with db.session() as s:
        d = Decision(number=number, year=2026, full_number=f"{number}/QĐ-UBND", kind="thu_hoi",
                     signed_on=date(2026, 1, 5), title="Về việc thu hồi", status="draft")
        s.add(d)
        s.flush()
        for i, rid in enumerate(record_ids if names else []):
            rec = s.get(AwardRecord, rid)
            s.add(DecisionLine(decision_id=d.id, subject_id=rec.subject_id, sort_order=i,
                               award_kind_id=rec.award_kind_id, award_record_id=rec.id,
                               achievement_year=rec.year, printed_name=rec.printed_name))
        s.flush()
        if issued:
            d.status = "issued"
        return d.id

"""Run by test_backup_crash.py in a subprocess that gets killed mid-transaction (SIGKILL on
POSIX, TerminateProcess on Windows).

argv: database path, job ("import" or "issue"), rows, when to stop ("block" waits inside the
transaction until killed; "commit" announces the commit and goes straight into it).
"""

from __future__ import annotations

import sys
from datetime import date

from sqlalchemy import select

from app.services.records.subjects import apply_name
from db.engine import Database
from db.models import AwardKind, AwardRecord, Decision, Person


def _say(word: str) -> None:
    print(word, flush=True)


def _import(s, rows: int) -> None:
    for i in range(rows):
        p = Person(type="person", birth_year=1960 + i % 40)
        apply_name(p, f"Nhập Khẩu Văn {i}")
        s.add(p)
        if i % 500 == 499:
            s.flush()


def _issue(s, rows: int) -> None:
    kind = s.scalars(select(AwardKind).order_by(AwardKind.id)).first()
    d = Decision(number=77, year=2025, full_number="77/QĐ-UBND", title="Về việc khen thưởng",
                 status="draft", signed_on=date(2025, 12, 30))
    s.add(d)
    s.flush()
    people = []
    for i in range(rows):
        p = Person(type="person")
        apply_name(p, f"Khen Thưởng Thị {i}")
        people.append(p)
    s.add_all(people)
    s.flush()
    s.add_all([
        AwardRecord(register_year=2025, register_no=i + 1, certificate_no=f"2025/{i + 1:05d}",
                    subject_id=p.id, award_kind_id=kind.id, year=2025, decision_id=d.id,
                    printed_name=p.name, money=300_000)
        for i, p in enumerate(people)
    ])
    s.flush()
    d.status = "issued"


def main() -> None:
    path, job, rows, stop = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    db = Database(path)
    with db.session() as s:
        (_import if job == "import" else _issue)(s, rows)
        s.flush()
        if stop == "block":
            _say("INSIDE")
            sys.stdin.read()  # killed here, the transaction still open
        _say("COMMITTING")
    _say("COMMITTED")


if __name__ == "__main__":
    main()

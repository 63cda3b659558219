"""Reference data seeded from resources/rules/*.json (award kinds, base salary).

A change of decree is a change of these data files or of the rows in the Settings screen."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.paths import resource_path
from db.models import AwardKind, BaseSalary

_AWARD_FIELDS = {c.key for c in AwardKind.__table__.columns} - {"id", "created_at", "updated_at"}


def load_rule_file(name: str) -> list[dict]:
    with open(resource_path("rules", name), encoding="utf-8") as fh:
        return json.load(fh)["rows"]


def seed_reference_data(session: Session) -> None:
    """Insert the award kinds and base salaries that are missing (never overwrites edits)."""
    have = set(session.scalars(select(AwardKind.code)))
    for row in load_rule_file("award_kinds.json"):
        if row["code"] not in have:
            session.add(AwardKind(**{k: v for k, v in row.items() if k in _AWARD_FIELDS}))
    have_dates = set(session.scalars(select(BaseSalary.effective_from)))
    for row in load_rule_file("base_salary.json"):
        when = date.fromisoformat(row["effective_from"])
        if when not in have_dates:
            session.add(
                BaseSalary(effective_from=when, amount=row["amount"], legal_basis=row["legal_basis"])
            )
    from app.services.awards.award_spellings import seed_spellings

    session.flush()  # the award kinds just added: spellings point at them
    seed_spellings(session)

"""Reference data (award kinds, coefficients, base salaries, căn cứ lines, provincial
settings) from the rule packs in resources/rules.

A new database receives the packs whole; an older one is recognised (what it received vs what
the ward edited) and offered the newer packs with the officer's consent (app/rules/apply.py).
A change of decree is a change of those data files, or of the rows in the settings screens."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from app.paths import resource_path


def load_rule_file(name: str) -> list[dict]:
    """The rows of a data file in resources/rules (e.g. award_spellings.json)."""
    with open(resource_path("rules", name), encoding="utf-8") as fh:
        return json.load(fh)["rows"]


def seed_reference_data(session: Session) -> None:
    """On opening: install the rule packs into a new database, recognise an older one (never
    overwriting the ward's edits; a newer pack for an existing database is only offered), then
    the award spellings of the old register (they point at the award kinds)."""
    from app.rules.apply import ensure_installed
    from app.services.awards.award_spellings import seed_spellings

    ensure_installed(session)
    session.flush()  # the award kinds just added: spellings point at them
    seed_spellings(session)

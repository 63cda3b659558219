"""Reference data (award kinds, coefficients, base salaries, căn cứ lines, provincial
settings) from the rule packs in resources/rules.

A new database receives the packs whole; an older one is recognised (what it received vs what
the ward edited) and offered the newer packs with the officer's consent (app/rules/apply.py).
A change of decree is a change of those data files, or of the rows in the settings screens."""

from __future__ import annotations

from sqlalchemy.orm import Session


def seed_reference_data(session: Session) -> None:
    """On opening: install the rule packs into a new database, recognise an older one. Never
    overwrites the ward's edits; a newer pack for an existing database is only offered."""
    from app.rules.apply import ensure_installed

    ensure_installed(session)

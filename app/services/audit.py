"""Audit trail: every create / update / delete of records, decisions and register entries."""

from __future__ import annotations

import getpass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from db.models import AuditLog


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return f"<{len(value)} byte>"
    return value


def snapshot(obj) -> dict:
    """Column values of an ORM object as JSON-safe data (for before/after)."""
    mapper = sa_inspect(obj).mapper
    return {attr.key: _plain(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some Windows set-ups
        return ""


def log(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict | None = None,
    after: dict | None = None,
    note: str | None = None,
) -> None:
    """Add an audit row inside the caller's transaction (so it commits or rolls back with it)."""
    if before is not None and after is not None:
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        changed.discard("updated_at")
        if not changed:
            return
        before = {k: before.get(k) for k in changed}
        after = {k: after.get(k) for k in changed}
    session.add(
        AuditLog(
            actor=_actor(), action=action, entity=entity, entity_id=entity_id,
            before=before, after=after, note=note,
        )
    )

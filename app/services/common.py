"""Helpers every room of the services shares."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import NotFoundError
from db.models import Setting


def get_or_raise(s: Session, model, obj_id: int, label: str):
    """The row of ``model`` with this id, or a Vietnamese NotFoundError naming ``label``."""
    obj = s.get(model, obj_id)
    if obj is None:
        raise NotFoundError(f"Không tìm thấy {label} (mã {obj_id}).")
    return obj


def setting_dict(s: Session, key: str) -> dict:
    """What a settings row holding a dict holds ({} when there is none)."""
    row = s.get(Setting, key)
    return dict(row.value) if row is not None and isinstance(row.value, dict) else {}


def store_setting(s: Session, key: str, value) -> dict | None:
    """Write a settings row (made when missing); returns the dict it held before, for the
    audit trail (None when it was new or held no dict)."""
    row = s.get(Setting, key)
    before = dict(row.value) if row is not None and isinstance(row.value, dict) else None
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value  # a new object, so SQLAlchemy sees the change
    return before

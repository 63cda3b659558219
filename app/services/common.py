"""Helpers every room of the services shares."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import NotFoundError


def get_or_raise(s: Session, model, obj_id: int, label: str):
    """The row of ``model`` with this id, or a Vietnamese NotFoundError naming ``label``."""
    obj = s.get(model, obj_id)
    if obj is None:
        raise NotFoundError(f"Không tìm thấy {label} (mã {obj_id}).")
    return obj

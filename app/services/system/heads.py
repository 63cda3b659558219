"""Who heads the ward on paper: the Chủ tịch, who approves spending and signs as thủ trưởng."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import text
from db.models import Signer


def chair_name(s: Session) -> str:
    """The active Chủ tịch's name (the first active signer when none is titled so; "" when
    no signer is set up)."""
    signers = s.scalars(select(Signer).where(Signer.active.is_(True))
                        .order_by(Signer.sort_order, Signer.id)).all()
    chair = next((x for x in signers if text.fold(x.title) == "chu tich"), None)
    chosen = chair or (signers[0] if signers else None)
    return text.nfc(chosen.full_name) if chosen else ""

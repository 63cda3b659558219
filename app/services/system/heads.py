"""Who signs the ward's papers besides the decider: the Chủ tịch, who approves spending and
signs as thủ trưởng; the officer who prepares the lists (Người lập biểu) and the accountant."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import text
from app.services.common import setting_dict
from db.models import Signer

STAFF_KEY = "org.staff"  # Setting: {"preparer": name, "accountant": name}


@dataclass(frozen=True)
class Staff:
    preparer: str = ""  # cán bộ phụ trách thi đua, khen thưởng: Người lập biểu, lập danh mục
    accountant: str = ""  # Kế toán, on the payment list and the fund report


def staff(s: Session) -> Staff:
    """The names set in Cài đặt đơn vị ("" where none: the line is left to write by hand)."""
    value = setting_dict(s, STAFF_KEY)
    return Staff(text.nfc(value.get("preparer") or ""), text.nfc(value.get("accountant") or ""))


def chair_name(s: Session) -> str:
    """The active Chủ tịch's name (the first active signer when none is titled so; "" when
    no signer is set up)."""
    signers = s.scalars(select(Signer).where(Signer.active.is_(True))
                        .order_by(Signer.sort_order, Signer.id)).all()
    chair = next((x for x in signers if text.fold(x.title) == "chu tich"), None)
    chosen = chair or (signers[0] if signers else None)
    return text.nfc(chosen.full_name) if chosen else ""

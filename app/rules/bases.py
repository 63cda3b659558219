"""The căn cứ lines printed on a decision come from the same data the "Quy định đang áp dụng"
screen lists (rule_item "can_cu" rows): the lines in force on the decision date, those limited
to some awards only on decisions about them, in their order; the ward's own list (Setting
"decision.bases") wins when it set one."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app import text
from app.rules import store
from db.models import Setting

BASES_KEY = "decision.bases"


def decision_bases(s: Session, day: date | None = None, award_codes=(),
                   short_name: str = "phường") -> list[str]:
    """Căn cứ lines for a decision signed on ``day`` (today) about ``award_codes``."""
    own = s.get(Setting, BASES_KEY)
    if own is not None and isinstance(own.value, list):
        lines = own.value
    else:
        codes = set(award_codes)
        lines = []
        for row in store.in_force(s, "can_cu", day or date.today()):
            value = row.value if isinstance(row.value, dict) else {"text": row.value}
            only = value.get("awards")
            if only and not codes & set(only):
                continue
            lines.append(str(value.get("text", "")))
    return [text.nfc(x).replace("{short_name}", short_name) for x in lines if x]

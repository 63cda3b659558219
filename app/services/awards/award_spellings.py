"""How awards are written in old registers ("LĐTT", "CSTĐCS", "GK Chủ tịch UBND phường") and
the award kind each spelling means: a table the officer extends while importing the old
register (issue 16), seeded from resources/rules/award_spellings.json as data.

A spelling is compared by its ``spelling_key``: case, accents, punctuation and a few
interchangeable words (Ủy ban nhân dân = UBND, Chủ tịch = CT, "của", "chiến sỹ" = "chiến
sĩ") do not count. Nothing here guesses: a text whose key is not in the table, nor an award
kind's own name or code, is not matched."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import text
from app.errors import ValidationError
from app.services.common import get_or_raise
from app.services.system import audit
from db.engine import Database
from db.models import AwardKind, AwardSpelling

# Word forms that mean the same in award names (applied to the folded, punctuation-free key).
_SAME_WORDS = (
    (re.compile(r"\buy ban nhan dan\b"), "ubnd"),
    (re.compile(r"\bchu tich\b"), "ct"),
    (re.compile(r"\bchien sy\b"), "chien si"),
    (re.compile(r"\bthanh pho\b"), "tp"),
    (re.compile(r"\bcua\b"), " "),
)
# Words before the award that say nothing about which one: "Tặng danh hiệu …", "Công nhận …".
_LEADING = re.compile(r"^(?:(?:duoc )?(?:tang|cong nhan|khen thuong|dat)\s+)?"
                      r"(?:(?:danh hieu|hinh thuc)\s+)?")


def spelling_key(value: str | None) -> str:
    """"Giấy khen của Chủ tịch Ủy ban nhân dân phường" → "giay khen ct ubnd phuong"."""
    key = " ".join("".join(ch if ch.isalnum() else " " for ch in text.fold(value)).split())
    for pattern, same in _SAME_WORDS:
        key = pattern.sub(same, key)
    key = " ".join(key.split())
    return _LEADING.sub("", key, count=1) or key


@dataclass(frozen=True)
class SpellingInfo:
    """One spelling of the table, with the award it means."""
    id: int
    spelling: str
    award_kind_id: int
    award_name: str
    origin: str  # seed / user
    active: bool


def seed_spellings(s: Session) -> None:
    """Add the spellings of the data file that are missing (never overwrites the officer's,
    never adds back one switched off); a spelling of an award kind not in the database
    (another province's list) is left out."""
    from app.services.awards.reference import load_rule_file

    have = set(s.scalars(select(AwardSpelling.key)))
    codes = dict(s.execute(select(AwardKind.code, AwardKind.id)).all())
    for row in load_rule_file("award_spellings.json"):
        key, kind_id = spelling_key(row["spelling"]), codes.get(row["award"])
        if key and kind_id and key not in have:
            s.add(AwardSpelling(spelling=text.nfc(row["spelling"]), key=key,
                                award_kind_id=kind_id, origin="seed"))
            have.add(key)


def spelling_index(s: Session) -> dict[str, int]:
    """Key → award kind id: the award kinds' own names and codes, then the table's spellings
    (a spelling never overrides a kind's own name)."""
    out: dict[str, int] = {}
    for key, kind_id in s.execute(select(AwardSpelling.key, AwardSpelling.award_kind_id)
                                  .where(AwardSpelling.active.is_(True))):
        out[key] = kind_id
    for kind_id, code, name in s.execute(select(AwardKind.id, AwardKind.code, AwardKind.name)):
        out[spelling_key(code)] = kind_id
        out[spelling_key(name)] = kind_id
    return out


def list_spellings(db: Database) -> list[SpellingInfo]:
    """The table, in the order of the award kinds."""
    with db.read() as s:
        rows = s.execute(select(AwardSpelling, AwardKind.name)
                         .join(AwardKind, AwardKind.id == AwardSpelling.award_kind_id)
                         .order_by(AwardKind.sort_order, AwardSpelling.key))
        return [SpellingInfo(sp.id, sp.spelling, sp.award_kind_id, name, sp.origin, sp.active)
                for sp, name in rows]


def add_spelling(s: Session, spelling: str, award_kind_id: int) -> AwardSpelling:
    """A new way of writing an award (inside the caller's transaction, audited). A spelling
    already in the table with another award is refused: change one in the table, not by
    importing."""
    spelling = text.nfc(spelling)
    key = spelling_key(spelling)
    if not key:
        raise ValidationError("Cách viết danh hiệu đang trống.", "spelling")
    kind = s.get(AwardKind, award_kind_id)
    if kind is None:
        raise ValidationError("Không tìm thấy danh hiệu, hình thức khen thưởng.", "award_kind")
    _refuse_other_meaning(s, spelling, key, award_kind_id, spelling_index(s))
    row = s.scalar(select(AwardSpelling).where(AwardSpelling.key == key))
    if row is None:
        row = AwardSpelling(spelling=spelling, key=key, award_kind_id=award_kind_id,
                            origin="user")
        s.add(row)
        s.flush()
        audit.log(s, "create", "award_spelling", row.id, None, audit.snapshot(row),
                  f"Cách viết “{spelling}” là “{kind.name}”")
    elif not row.active or row.award_kind_id != award_kind_id:
        before = audit.snapshot(row)
        row.active, row.award_kind_id = True, award_kind_id
        s.flush()
        audit.log(s, "update", "award_spelling", row.id, before, audit.snapshot(row))
    return row


def save_spelling(db: Database, spelling: str, award_kind_id: int) -> int:
    """``add_spelling`` in its own transaction (the import screen's "Lưu cách viết")."""
    with db.session() as s:
        return add_spelling(s, spelling, award_kind_id).id


def _refuse_other_meaning(s: Session, spelling: str, key: str, award_kind_id: int,
                          index: dict[str, int]) -> None:
    known = index.get(key)
    if known is not None and known != award_kind_id:
        other = s.get(AwardKind, known).name
        raise ValidationError(f"Cách viết “{spelling}” đã được hiểu là “{other}”.", "spelling")


def update_spelling(db: Database, spelling_id: int, spelling: str, award_kind_id: int,
                    active: bool = True) -> None:
    """Correct a spelling, the award it means, or switch it back on (audited). Refused when
    the new wording is already another row's, or an award kind's own name or code for
    another award."""
    spelling = text.nfc(spelling)
    key = spelling_key(spelling)
    if not key:
        raise ValidationError("Cách viết danh hiệu đang trống.", "spelling")
    with db.session() as s:
        row = get_or_raise(s, AwardSpelling, spelling_id, "cách viết danh hiệu")
        if s.get(AwardKind, award_kind_id) is None:
            raise ValidationError("Không tìm thấy danh hiệu, hình thức khen thưởng.",
                                  "award_kind")
        twin = s.scalar(select(AwardSpelling).where(AwardSpelling.key == key,
                                                    AwardSpelling.id != row.id))
        if twin is not None:
            raise ValidationError(f"Cách viết “{spelling}” đã có trong bảng (“{twin.spelling}”)"
                                  ": sửa dòng đó.", "spelling")
        others = {k: v for k, v in spelling_index(s).items() if k != row.key}
        for kind_id, code, name in s.execute(select(AwardKind.id, AwardKind.code,
                                                    AwardKind.name)):
            others[spelling_key(code)] = others[spelling_key(name)] = kind_id
        _refuse_other_meaning(s, spelling, key, award_kind_id, others)
        before = audit.snapshot(row)
        row.spelling, row.key, row.award_kind_id, row.active = (spelling, key, award_kind_id,
                                                                 bool(active))
        s.flush()
        audit.log(s, "update", "award_spelling", row.id, before, audit.snapshot(row))


def remove_spelling(db: Database, spelling_id: int) -> None:
    """Take a spelling out of use (kept switched off, so a seeded one is not added back at
    the next start and an added one can be switched on again); audited."""
    with db.session() as s:
        row = get_or_raise(s, AwardSpelling, spelling_id, "cách viết danh hiệu")
        if not row.active:
            return
        before = audit.snapshot(row)
        row.active = False
        s.flush()
        audit.log(s, "delete", "award_spelling", row.id, before, audit.snapshot(row),
                  f"Bỏ cách viết “{row.spelling}”")

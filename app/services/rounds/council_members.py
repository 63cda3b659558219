"""The council's members taken from the Cá nhân records, and members leaving the council.

A member who never attended a meeting is deleted; one who did stays in the old minutes, so
leaving the council ends their period (to_date) instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select

from app import text
from app.services.common import get_or_raise
from app.services.rounds.council import MemberInfo, list_members, save_member
from app.services.system import audit
from db.engine import Database
from db.models import Collective, CouncilMember, MeetingAttendee, Person

DEFAULT_ROLE = "Ủy viên"


@dataclass(frozen=True)
class AddedMembers:
    added: tuple[int, ...]
    skipped: tuple[str, ...]  # "Nguyễn Văn Hùng: đã là thành viên Hội đồng"


def person_position(db: Database, person_id: int) -> tuple[str, str | None]:
    """(name, "Chức vụ, đơn vị") of a person in the records, as a member's details."""
    with db.read() as s:
        p = get_or_raise(s, Person, person_id, "cá nhân")
        work = (s.get(Collective, p.workplace_id).name if p.workplace_id else p.workplace_text)
        position = ", ".join(x for x in (p.position, work) if x) or None
        return text.nfc(p.name), text.nfc_or_none(position)


def add_from_records(db: Database, person_ids: list[int], on: date | None = None) -> AddedMembers:
    """Persons of the records as members ("Ủy viên" until their role is set); someone already
    serving is skipped with a note. One transaction per member (save_member's own)."""
    on = on or date.today()
    serving = {text.fold(m.full_name) for m in list_members(db, on)}
    added, skipped = [], []
    order = len(serving)
    for pid in person_ids:
        name, position = person_position(db, pid)
        if text.fold(name) in serving:
            skipped.append(f"{name}: đã là thành viên Hội đồng")
            continue
        order += 1
        added.append(save_member(db, MemberInfo(name, DEFAULT_ROLE, position, sort_order=order)))
        serving.add(text.fold(name))
    return AddedMembers(tuple(added), tuple(skipped))


def remove_member(db: Database, member_id: int, on: date | None = None) -> str:
    """Take a member off the council. Returns "deleted" (never attended a meeting) or
    "ended" (kept for the minutes they appear in, serving until ``on``)."""
    on = on or date.today()
    with db.session() as s:
        m = get_or_raise(s, CouncilMember, member_id, "thành viên Hội đồng")
        before = audit.snapshot(m)
        attended = s.scalar(select(exists().where(MeetingAttendee.member_id == member_id)))
        if not attended:
            s.delete(m)
            audit.log(s, "delete", "council_member", member_id, before, None)
            return "deleted"
        m.to_date = max(on, m.from_date) if m.from_date else on
        audit.log(s, "update", "council_member", member_id, before, audit.snapshot(m),
                  note="Thôi tham gia Hội đồng")
        return "ended"

"""Kế hoạch and Quyết định phát động phong trào thi đua from a movement record, with the parts
the officer writes for the plan (purpose, targets, awards planned, organisation) kept per
movement so the plan prints the same again."""

from __future__ import annotations

from sqlalchemy import select

from app import text
from app.documents import Document
from app.services.common import get_or_raise
from app.services.system import document_inputs as inputs
from db.engine import Database
from db.models import AwardKind, Movement

KIND = "ke_hoach_phat_dong"
FIELDS = ("purpose", "subjects", "targets", "award_kind_ids", "awards_text", "organize")


def input_key(movement_id: int) -> inputs.InputKey:
    """Where the officer's part of a movement's plan is kept (number/date: the decision's)."""
    return inputs.InputKey(KIND, movement_id=movement_id)


def award_choices(db: Database) -> list[tuple[int, str]]:
    """Active awards a plan may announce, in their order."""
    with db.read() as s:
        return [(k.id, f"Danh hiệu “{k.name}”" if k.category == "danh_hieu" else k.name)
                for k in s.scalars(select(AwardKind).where(AwardKind.active.is_(True))
                                   .order_by(AwardKind.sort_order, AwardKind.id))]


def plan_data(db: Database, movement_id: int):
    """Everything the plan (and the decision issuing it) prints."""
    from app.documents.movement_plan import MovementPlan
    from app.services.rounds.council_setup import grounds
    from app.services.rounds.paperwork import org_data
    from app.services.system.heads import chair_name

    filled = inputs.load(db, input_key(movement_id))
    chosen = [int(x) for x in filled.get("award_kind_ids", [])]
    labels = dict(award_choices(db))
    awards = tuple(labels[k] for k in chosen if k in labels) + tuple(
        text.nfc(x) for x in str(filled.get("awards_text")).splitlines() if x.strip())
    with db.read() as s:
        m = get_or_raise(s, Movement, movement_id, "phong trào")
        here = text.fold(m.launched_by) in ("phuong", "xa", "dac khu")
        return MovementPlan(
            org_data(s), m.name, here, m.launched_by, m.slogan or "", m.start_date, m.end_date,
            m.plan_number or "", m.plan_date, m.description or "", filled.get("purpose"),
            filled.get("subjects"),
            tuple(x.strip() for x in str(filled.get("targets")).splitlines() if x.strip()),
            awards, filled.get("organize"), chair_name(s), filled.number, filled.signed_on,
            tuple(grounds(s, filled.signed_on)))


def movement_plan_document(db: Database, movement_id: int) -> Document:
    """Kế hoạch phát động (triển khai) phong trào thi đua."""
    from app.documents.movement_plan import build_movement_plan

    return build_movement_plan(plan_data(db, movement_id))


def movement_decision_document(db: Database, movement_id: int) -> Document:
    """Quyết định phát động phong trào thi đua, with its Kế hoạch attached."""
    from app.documents.movement_plan import build_movement_decision

    return build_movement_decision(plan_data(db, movement_id))

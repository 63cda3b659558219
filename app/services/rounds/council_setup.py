"""Quyết định kiện toàn Hội đồng Thi đua - Khen thưởng and its Quy chế hoạt động: the members
serving on the signing day, the quorum share and each award's vote rule as the ward set them,
and the number, date and replaced decision the officer typed (kept for reprints)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import text
from app.documents import Document
from app.errors import DomainError
from app.services.rounds import council, decision_texts, quorum
from app.services.system import document_inputs as inputs
from db.engine import Database
from db.models import AwardKind

KIND = "kien_toan_hd"


def input_key(year: int) -> inputs.InputKey:
    """Where the officer's part of the year's kiện toàn decision is kept."""
    return inputs.InputKey(KIND, year=year)


def vote_rules(s: Session):
    """Each active award's vote rule as the rule data set it: "từ 70% trở lên" or, for a
    strict rule, "trên 50%", over its base; none: agreed without a vote."""
    from app.documents.council_setup import VoteRule
    from app.rules.values import percent_vn

    kinds = s.scalars(select(AwardKind).where(AwardKind.active.is_(True))
                      .order_by(AwardKind.sort_order, AwardKind.id)).all()
    out = []
    for k in kinds:
        label = f"Danh hiệu “{k.name}”" if k.category == "danh_hieu" else k.name
        if not k.awarded_here:
            label += " (đề nghị cấp trên)"
        threshold = ("" if k.vote_threshold is None else
                     percent_vn(Decimal(str(k.vote_threshold)), bool(k.vote_strict)))
        base = ("tổng số thành viên Hội đồng" if k.vote_base == "all"
                else "số thành viên có mặt")
        out.append(VoteRule(label, bool(k.secret_ballot), threshold, base))
    return tuple(out)


def grounds(s: Session, day: date | None = None) -> list[str]:
    """Căn cứ of a Chủ tịch's decision that is not a commendation (kiện toàn, phát động): the
    laws and decrees of the rule data in force, proposed by the office that prepares it."""
    from app.services.rounds.paperwork import org_data

    bases = [b for b in decision_texts.default_bases(s, day) if b.startswith("Căn cứ")]
    bases[-1:] = [bases[-1].rstrip(";.") + ";"] if bases else []
    return bases + [(f"Theo đề nghị của Văn phòng Hội đồng nhân dân và Ủy ban nhân dân "
                    f"{org_data(s).short_name}.")]


def council_setup_document(db: Database, year: int | None = None) -> Document:
    """The kiện toàn decision with its Quy chế, from the members serving on its date."""
    from app.documents.council_setup import CouncilSetup, Member, build_council_setup
    from app.services.rounds.paperwork import org_data
    from app.services.system.heads import chair_name

    year = year or date.today().year
    filled = inputs.load(db, input_key(year))
    members = council.list_members(db, filled.signed_on or date.today())
    if not members:
        raise DomainError("Chưa có thành viên Hội đồng Thi đua - Khen thưởng (Đợt xét khen "
                          "thưởng › Hội đồng › Thành viên Hội đồng…).")
    with db.read() as s:
        # The quorum rule in force on the signing day ("ít nhất 2/3", or "trên 1/2").
        rule = quorum.rule_in(s, filled.signed_on)
        org, signer = org_data(s), chair_name(s)
        rules, bases = vote_rules(s), grounds(s, filled.signed_on)
    return build_council_setup(CouncilSetup(
        org, filled.number, filled.signed_on,
        tuple(Member(m.full_name, m.position or "", m.role) for m in members),
        rule.label, rule.needed(len(members)), rules,
        tuple(bases), text.nfc(filled.get("replaces")), signer))

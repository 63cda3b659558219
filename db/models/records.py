"""Records: former units, residential areas, and the subjects of awards.

Every award, candidate and registration points at one Subject; Person, Collective,
Household and ResidentialArea are its subtypes (joined-table inheritance).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, Timestamps

SUBJECT_TYPES = ("person", "collective", "household", "area")


class FormerUnit(Base):
    """Địa bàn cũ: a ward or commune merged into this one (1/7/2025)."""

    __tablename__ = "former_unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="phường")  # phường / xã / thị trấn
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Subject(Timestamps, Base):
    __tablename__ = "subject"
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(300))
    # Written by the service on every insert/update: app.text.fold(name) / sort keys.
    name_folded: Mapped[str] = mapped_column(String(300), index=True)
    sort_key: Mapped[str] = mapped_column(String(700), index=True)
    area_id: Mapped[int | None] = mapped_column(
        ForeignKey("residential_area.id", ondelete="RESTRICT", use_alter=True), index=True
    )
    former_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("former_unit.id", ondelete="RESTRICT"), index=True
    )
    notes: Mapped[str | None] = mapped_column(Text)
    # Nghị định 152/2025/NĐ-CP Điều 4: no award (nor proposal) while discipline, an inspection
    # or a complaint is pending; after a discipline, achievements count from its end.
    under_discipline: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    discipline_until: Mapped[date | None] = mapped_column(Date)
    under_inspection: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    pending_complaint: Mapped[bool] = mapped_column(Boolean, default=False,
                                                    server_default=false())
    hold_note: Mapped[str | None] = mapped_column(Text)  # which decision, letter, since when

    __mapper_args__ = {"polymorphic_on": "type", "polymorphic_identity": "subject"}
    __table_args__ = (Index("ix_subject_type_sort", "type", "sort_key"),)


class ResidentialArea(Subject):
    """Thôn / khu dân cư / tổ dân phố; a subject itself (Khu dân cư văn hóa)."""

    __tablename__ = "residential_area"
    id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), default="khu dân cư")
    code: Mapped[str | None] = mapped_column(String(40))
    leader_name: Mapped[str | None] = mapped_column(String(200))
    households_total: Mapped[int | None] = mapped_column(Integer)  # official count, if known

    __mapper_args__ = {"polymorphic_identity": "area", "inherit_condition": id == Subject.id}


class Person(Subject):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="CASCADE"), primary_key=True)
    gender: Mapped[str | None] = mapped_column(String(10))  # "nam" / "nữ"
    birth_date: Mapped[date | None] = mapped_column(Date)
    birth_year: Mapped[int | None] = mapped_column(Integer, index=True)
    cccd: Mapped[str | None] = mapped_column(String(12), unique=True)
    position: Mapped[str | None] = mapped_column(String(200))
    staff_class: Mapped[str | None] = mapped_column(String(60))  # lãnh đạo / trực tiếp lao động
    workplace_id: Mapped[int | None] = mapped_column(
        ForeignKey("collective.id", ondelete="SET NULL"), index=True
    )
    workplace_text: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(300))
    # Nghị định 152/2025/NĐ-CP Điều 4: maternity leave counts as working time for awards.
    maternity_from: Mapped[date | None] = mapped_column(Date)
    maternity_to: Mapped[date | None] = mapped_column(Date)

    workplace: Mapped[Collective | None] = relationship(foreign_keys=[workplace_id])
    __mapper_args__ = {"polymorphic_identity": "person"}


class Collective(Subject):
    __tablename__ = "collective"
    id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str | None] = mapped_column(String(60))  # cơ quan, trường học, chi hội…
    stat_class: Mapped[str | None] = mapped_column(String(60))  # lớp thống kê
    field: Mapped[str | None] = mapped_column(String(100))  # lĩnh vực
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("collective.id", ondelete="SET NULL"))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(20))
    # Members and women among them: ≥ 70 % women comes first at equal merit (ND 152 Điều 4).
    members_total: Mapped[int | None] = mapped_column(Integer)
    women_members: Mapped[int | None] = mapped_column(Integer)

    __mapper_args__ = {
        "polymorphic_identity": "collective",
        "inherit_condition": id == Subject.id,
    }


class Household(Subject):
    """Hộ gia đình; ``name`` is the head of household."""

    __tablename__ = "household"
    id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="CASCADE"), primary_key=True)
    address: Mapped[str | None] = mapped_column(String(300))
    members: Mapped[int | None] = mapped_column(Integer)
    phone: Mapped[str | None] = mapped_column(String(20))
    # The head's birth year and CCCD: household lists usually carry them, and they tell
    # namesakes apart (migration 0004).
    head_birth_year: Mapped[int | None] = mapped_column(Integer)
    head_cccd: Mapped[str | None] = mapped_column(String(12))

    __mapper_args__ = {"polymorphic_identity": "household"}

"""The year's emulation work: movements, registrations, initiatives, role models."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Timestamps


class Movement(Timestamps, Base):
    """Phong trào thi đua."""

    __tablename__ = "movement"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(400))
    name_folded: Mapped[str] = mapped_column(String(400), index=True)
    slogan: Mapped[str | None] = mapped_column(String(400))
    launched_by: Mapped[str] = mapped_column(String(60))  # Thủ tướng Chính phủ / Thành phố / Phường…
    kind: Mapped[str] = mapped_column(String(30))  # thường xuyên / chuyên đề / theo đợt
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    plan_number: Mapped[str | None] = mapped_column(String(80))
    plan_date: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(30), default="đang triển khai")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("movement.id", ondelete="SET NULL"))


class MovementResult(Base):
    """Results narrative of a movement for one year (reused by the reports)."""

    __tablename__ = "movement_result"
    id: Mapped[int] = mapped_column(primary_key=True)
    movement_id: Mapped[int] = mapped_column(ForeignKey("movement.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    narrative: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("movement_id", "year"),)


class Registration(Timestamps, Base):
    """Đăng ký thi đua: tracking only (not a legal ground since the 2022 Law)."""

    __tablename__ = "registration"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="RESTRICT"), index=True)
    award_kind_id: Mapped[int] = mapped_column(ForeignKey("award_kind.id", ondelete="RESTRICT"))
    movement_id: Mapped[int | None] = mapped_column(ForeignKey("movement.id", ondelete="SET NULL"))
    registered_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(20))  # dat / khong_dat / None
    outcome_note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("year", "subject_id", "award_kind_id"),)


class Initiative(Timestamps, Base):
    """Sáng kiến (Nghị định 13/2012)."""

    __tablename__ = "initiative"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    title_folded: Mapped[str] = mapped_column(String(500), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    field: Mapped[str | None] = mapped_column(String(100))
    scope: Mapped[str] = mapped_column(String(30), default="cơ sở")  # cơ sở / tỉnh / toàn quốc
    effect: Mapped[str | None] = mapped_column(Text)
    recognized: Mapped[bool] = mapped_column(Boolean, default=False)
    decision_number: Mapped[str | None] = mapped_column(String(80))
    decision_date: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)


class InitiativeAuthor(Base):
    __tablename__ = "initiative_author"
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class RoleModel(Timestamps, Base):
    """Gương điển hình tiên tiến / người tốt việc tốt."""

    __tablename__ = "role_model"
    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    field: Mapped[str | None] = mapped_column(String(100))
    headline: Mapped[str | None] = mapped_column(String(400))
    story: Mapped[str | None] = mapped_column(Text)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    photo_mime: Mapped[str | None] = mapped_column(String(60))


class RoleModelAward(Base):
    __tablename__ = "role_model_award"
    role_model_id: Mapped[int] = mapped_column(
        ForeignKey("role_model.id", ondelete="CASCADE"), primary_key=True
    )
    award_record_id: Mapped[int] = mapped_column(
        ForeignKey("award_record.id", ondelete="RESTRICT"), primary_key=True
    )

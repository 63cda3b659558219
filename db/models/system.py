"""Organisation settings, key/value settings, audit trail, status history, backup log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Organization(Base):
    """Singleton (id = 1): the body that issues documents."""

    __tablename__ = "organization"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_body: Mapped[str] = mapped_column(String(200))  # UBND THÀNH PHỐ HẢI PHÒNG
    body_name: Mapped[str] = mapped_column(String(200))  # ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG
    short_name: Mapped[str] = mapped_column(String(200))  # phường Thành Đông
    place_name: Mapped[str] = mapped_column(String(100))  # Thành Đông
    doc_symbol: Mapped[str] = mapped_column(String(40), default="UBND")
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))


class Signer(Base):
    """Người ký: Chủ tịch signs as TM. (or directly), Phó Chủ tịch as KT."""

    __tablename__ = "signer"
    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(100))  # Chủ tịch / Phó Chủ tịch
    sign_mode: Mapped[str] = mapped_column(String(10), default="")  # "", "TM.", "KT."
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict | list | str | int | float | None] = mapped_column(JSON)


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now(), index=True)
    actor: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))  # create / update / delete / issue / revoke
    entity: Mapped[str] = mapped_column(String(40), index=True)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)


class StatusHistory(Base):
    __tablename__ = "status_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer, index=True)
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())


class BackupLog(Base):
    __tablename__ = "backup_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    target: Mapped[str] = mapped_column(Text)
    size: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64))
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str] = mapped_column(String(20), default="manual")  # manual / auto / pre-migration
    message: Mapped[str | None] = mapped_column(Text)


class ReportNarrative(Base):
    """A section of a summary report written by the officer, kept and reused."""

    __tablename__ = "report_narrative"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_kind: Mapped[str] = mapped_column(String(40))  # annual / period
    year_from: Mapped[int] = mapped_column(Integer)
    year_to: Mapped[int] = mapped_column(Integer)
    section_key: Mapped[str] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (UniqueConstraint("report_kind", "year_from", "year_to", "section_key"),)

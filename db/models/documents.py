"""What the officer types for a printed document the records do not hold, kept for reprints."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class DocumentInput(Base):
    """The filled-in part of one document: a notice's own number and date, an area's bình xét
    meeting with its votes, the public comments, a movement plan's targets, the council
    decision's number. One row per document kind and what it is about (a decision, a batch
    and khu dân cư, a movement, or the year), so printing again says the same."""

    __tablename__ = "document_input"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)  # thong_bao, binh_xet_gdvh…
    year: Mapped[int | None] = mapped_column(Integer)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="CASCADE"), index=True)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("batch.id", ondelete="CASCADE"), index=True)
    area_id: Mapped[int | None] = mapped_column(
        ForeignKey("subject.id", ondelete="CASCADE"), index=True)
    movement_id: Mapped[int | None] = mapped_column(
        ForeignKey("movement.id", ondelete="CASCADE"), index=True)
    number: Mapped[str | None] = mapped_column(String(80))  # "12/TB-UBND" as the văn thư gave it
    signed_on: Mapped[date | None] = mapped_column(Date)
    data: Mapped[dict | None] = mapped_column(JSON)  # the document's own fields
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.now(), onupdate=func.now())

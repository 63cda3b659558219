"""Figures a ward keeps per residential area and year (khu dân cư × năm), the culture
indicators the officer defines (tủ sách, sân thể thao…), and the targets (chỉ tiêu) of a year
or a period.

Per-household records (registrations, register entries) stay the source of the Gia đình văn
hóa figures where they exist; these rows hold the totals a ward has when it keeps no
per-household lists (app.reports.figures_queries.culture_by_area merges the two)."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Timestamps


class AreaYear(Timestamps, Base):
    """One residential area's figures for one year, as entered or imported."""

    __tablename__ = "area_year"
    id: Mapped[int] = mapped_column(primary_key=True)
    # RESTRICT: an area with figures is not deleted by accident (records.usage names them).
    area_id: Mapped[int] = mapped_column(ForeignKey("residential_area.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    households: Mapped[int | None] = mapped_column(Integer)  # tổng số hộ that year
    registered: Mapped[int | None] = mapped_column(Integer)  # hộ đăng ký Gia đình văn hóa
    achieved: Mapped[int | None] = mapped_column(Integer)  # hộ đạt Gia đình văn hóa
    kdcvh: Mapped[str | None] = mapped_column(String(20))  # dat / khong_dat / None = chưa xét
    # Culture indicator values: {"<indicator id>": value}; yes/no indicators hold 1 or 0.
    indicators: Mapped[dict | None] = mapped_column(JSON)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("area_id", "year"),)


class CultureIndicator(Base):
    """A culture indicator of the areas (data the officer edits): yes/no or a count."""

    __tablename__ = "culture_indicator"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)  # "Tủ sách, thư viện"
    kind: Mapped[str] = mapped_column(String(10), default="yesno")  # yesno / count
    unit: Mapped[str | None] = mapped_column(String(60))  # what a count counts: "thành viên"
    summary: Mapped[str] = mapped_column(String(10), default="range")  # range / total
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Target(Timestamps, Base):
    """Chỉ tiêu: a target of one year (year_from == year_to) or of a period."""

    __tablename__ = "target"
    id: Mapped[int] = mapped_column(primary_key=True)
    year_from: Mapped[int] = mapped_column(Integer, index=True)
    year_to: Mapped[int] = mapped_column(Integer, index=True)
    # What is measured (app.services.emulation.targets.METRICS), "manual" when typed in.
    metric: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(400))  # as the report states it
    value: Mapped[float] = mapped_column(Numeric(12, 2))
    unit: Mapped[str] = mapped_column(String(20), default="")  # "%", "" (a count), "hộ"…
    # Over a period: each_year (every year reaches it), end (the last year), total (the sum).
    how: Mapped[str] = mapped_column(String(10), default="each_year")
    achieved: Mapped[dict | None] = mapped_column(JSON)  # manual metric: {"2025": 96.5}
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)

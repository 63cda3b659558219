"""Per-area yearly figures, culture indicators and targets (issue 13).

area_year: a residential area's figures for one year (households, Gia đình văn hóa registered
and achieved, Khu dân cư văn hóa, culture indicator values) for wards that keep totals rather
than per-household lists. culture_indicator: the set of indicators (data the officer edits),
seeded here once with the ones ward reports state, so a deleted one stays deleted. target: the
chỉ tiêu of a year or a period. former_unit.kind (phường / xã) already exists since
0001_initial: nothing to add for it.

Revision ID: 0009_area_years
Revises: 0007_workplace_placeholder
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_area_years"
down_revision = "0008_council_docs"
branch_labels = None
depends_on = None

# (name, kind, unit, summary): the indicators the seed report states.
DEFAULT_INDICATORS = (
    ("Tủ sách, thư viện", "yesno", None, "range"),
    ("Nhà văn hóa", "yesno", None, "range"),
    ("Sân thể thao", "yesno", None, "range"),
    ("Đội văn nghệ", "count", "thành viên", "range"),
    ("Câu lạc bộ", "count", "câu lạc bộ", "total"),
)


def upgrade() -> None:
    indicator = op.create_table(
        "culture_indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=True),
        sa.Column("summary", sa.String(length=10), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_culture_indicator")),
        sa.UniqueConstraint("name", name=op.f("uq_culture_indicator_name")),
    )
    op.bulk_insert(indicator, [
        {"id": i, "name": name, "kind": kind, "unit": unit, "summary": summary,
         "sort_order": i, "active": True}
        for i, (name, kind, unit, summary) in enumerate(DEFAULT_INDICATORS, start=1)])
    op.create_table(
        "target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year_from", sa.Integer(), nullable=False),
        sa.Column("year_to", sa.Integer(), nullable=False),
        sa.Column("metric", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=400), nullable=False),
        sa.Column("value", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("how", sa.String(length=10), nullable=False),
        sa.Column("achieved", sa.JSON(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target")),
    )
    op.create_index(op.f("ix_target_year_from"), "target", ["year_from"], unique=False)
    op.create_index(op.f("ix_target_year_to"), "target", ["year_to"], unique=False)
    op.create_table(
        "area_year",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("households", sa.Integer(), nullable=True),
        sa.Column("registered", sa.Integer(), nullable=True),
        sa.Column("achieved", sa.Integer(), nullable=True),
        sa.Column("kdcvh", sa.String(length=20), nullable=True),
        sa.Column("indicators", sa.JSON(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["residential_area.id"],
                                name=op.f("fk_area_year_area_id_residential_area"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_area_year")),
        sa.UniqueConstraint("area_id", "year", name=op.f("uq_area_year_area_id")),
    )
    op.create_index(op.f("ix_area_year_year"), "area_year", ["year"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_area_year_year"), table_name="area_year")
    op.drop_table("area_year")
    op.drop_index(op.f("ix_target_year_to"), table_name="target")
    op.drop_index(op.f("ix_target_year_from"), table_name="target")
    op.drop_table("target")
    op.drop_table("culture_indicator")

"""The ward's old commendation register imported from Excel (issue 16).

* ``decision.source``: "so_cu" marks a decision imported from the old register (NULL for
  every decision made or recorded in the app, so existing rows need nothing). Plain ADD
  COLUMN: the decision triggers of 0003_protect / 0005_history name no column list of
  ``decision`` and stay as they are.
* ``award_spelling``: how awards are written in old registers ("LĐTT", "GK Chủ tịch UBND
  phường") → the award kind. Filled from resources/rules/award_spellings.json when the
  database opens (the award kinds are seeded then too), extended by the officer.
* ``history_source``: for each imported register entry, the file, sheet and row it came
  from, the award as written and the row's notes.

Revision ID: 0010_history_import
Revises: 0007_workplace_placeholder
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_history_import"
down_revision = "0009_area_years"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("decision", sa.Column("source", sa.String(length=20), nullable=True))
    op.create_table(
        "award_spelling",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("spelling", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("award_kind_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.ForeignKeyConstraint(["award_kind_id"], ["award_kind.id"], ondelete="RESTRICT",
                                name=op.f("fk_award_spelling_award_kind_id_award_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_spelling")),
        sa.UniqueConstraint("key", name=op.f("uq_award_spelling_key")),
    )
    op.create_table(
        "history_source",
        sa.Column("award_record_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("sheet", sa.String(length=100), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("award_text", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["award_record_id"], ["award_record.id"], ondelete="RESTRICT",
                                name=op.f("fk_history_source_award_record_id_award_record")),
        sa.PrimaryKeyConstraint("award_record_id", name=op.f("pk_history_source")),
    )


def downgrade() -> None:
    op.drop_table("history_source")
    op.drop_table("award_spelling")
    if op.get_bind().dialect.name == "sqlite":
        # In place (SQLite 3.35+): a batch copy of the table would lose its triggers.
        op.execute("ALTER TABLE decision DROP COLUMN source")
    else:
        op.drop_column("decision", "source")

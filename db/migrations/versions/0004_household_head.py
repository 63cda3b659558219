"""Households keep their head's birth year and CCCD (issue 10 point 5).

Household lists carry them more often than not; the importer and the household form use
them to tell namesakes apart. Both nullable: existing households simply have none yet.

Revision ID: 0004_household_head
Revises: 0003_protect
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_household_head"
down_revision = "0003_protect"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: no table rebuild, existing rows and triggers untouched.
    op.add_column("household", sa.Column("head_birth_year", sa.Integer(), nullable=True))
    op.add_column("household", sa.Column("head_cccd", sa.String(length=12), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("household") as batch:
        batch.drop_column("head_cccd")
        batch.drop_column("head_birth_year")

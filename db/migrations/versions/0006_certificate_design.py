"""Mẫu nền: the ward's own certificate design per blank model, stored in the file (so a
backup carries it) and printed behind the text on plain paper.

Revision ID: 0006_certificate_design
Revises: 0005_history
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_certificate_design"
down_revision = "0005_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificate_design",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("blank_layout", sa.String(length=60), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("mime", sa.String(length=40), nullable=False),
        sa.Column("width_px", sa.Integer(), nullable=False),
        sa.Column("height_px", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_design")),
        sa.UniqueConstraint("blank_layout", name=op.f("uq_certificate_design_blank_layout")),
    )


def downgrade() -> None:
    op.drop_table("certificate_design")

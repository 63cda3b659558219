"""What the officer types for the documents the records do not hold (a notice's number and
date, an area's bình xét meeting and votes, public comments, a movement plan's targets), kept
so a reprint says the same.

Revision ID: 0012_document_inputs
Revises: 0011_rules
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_document_inputs"
down_revision = "0011_rules"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("document_input",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("kind", sa.String(length=40), nullable=False),
    sa.Column("year", sa.Integer(), nullable=True),
    sa.Column("decision_id", sa.Integer(), nullable=True),
    sa.Column("batch_id", sa.Integer(), nullable=True),
    sa.Column("area_id", sa.Integer(), nullable=True),
    sa.Column("movement_id", sa.Integer(), nullable=True),
    sa.Column("number", sa.String(length=80), nullable=True),
    sa.Column("signed_on", sa.Date(), nullable=True),
    sa.Column("data", sa.JSON(), nullable=True),
    sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    sa.ForeignKeyConstraint(["area_id"], ["subject.id"], name=op.f("fk_document_input_area_id_subject"), ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["batch_id"], ["batch.id"], name=op.f("fk_document_input_batch_id_batch"), ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["decision_id"], ["decision.id"], name=op.f("fk_document_input_decision_id_decision"), ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["movement_id"], ["movement.id"], name=op.f("fk_document_input_movement_id_movement"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_document_input"))
    )
    with op.batch_alter_table("document_input", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_input_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_input_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_input_decision_id"), ["decision_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_input_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_input_movement_id"), ["movement_id"], unique=False)



def downgrade() -> None:
    with op.batch_alter_table("document_input", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_input_movement_id"))
        batch_op.drop_index(batch_op.f("ix_document_input_kind"))
        batch_op.drop_index(batch_op.f("ix_document_input_decision_id"))
        batch_op.drop_index(batch_op.f("ix_document_input_batch_id"))
        batch_op.drop_index(batch_op.f("ix_document_input_area_id"))

    op.drop_table("document_input")

"""Council paperwork: minutes numbers, the Ban kiểm phiếu, full ballot counts.

Meetings get the numbers of their biên bản họp and biên bản kiểm phiếu; an attendee may sit on
the Ban kiểm phiếu (head or member); a ballot records returned and invalid papers and the
"không đồng ý" count. Existing ballots are completed from what they hold: every paper issued
came back, those not valid were invalid, every valid paper not agreeing disagreed.

Revision ID: 0008_council_docs
Revises: 0006_certificate_design
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_council_docs"
down_revision = "0007_workplace_placeholder"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (nullable): SQLite adds them in place, no table is copied.
    op.add_column("meeting", sa.Column("minutes_number", sa.String(length=60), nullable=True))
    op.add_column("meeting", sa.Column("count_number", sa.String(length=60), nullable=True))
    op.add_column("meeting_attendee", sa.Column("teller", sa.String(length=20), nullable=True))
    op.add_column("ballot", sa.Column("ballots_returned", sa.Integer(), nullable=True))
    op.add_column("ballot", sa.Column("ballots_invalid", sa.Integer(), nullable=True))
    op.add_column("ballot", sa.Column("disagree", sa.Integer(), nullable=True))
    op.execute("UPDATE ballot SET ballots_returned = ballots_issued, "
               "ballots_invalid = ballots_issued - ballots_valid, "
               "disagree = ballots_valid - agree")


def downgrade() -> None:
    with op.batch_alter_table("ballot") as batch:
        batch.drop_column("disagree")
        batch.drop_column("ballots_invalid")
        batch.drop_column("ballots_returned")
    with op.batch_alter_table("meeting_attendee") as batch:
        batch.drop_column("teller")
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("count_number")
        batch.drop_column("minutes_number")

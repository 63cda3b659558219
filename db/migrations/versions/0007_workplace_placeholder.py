"""Forget the "— không chọn —" hint stored as a value.

Editable combo boxes used to save their hint as typed text when nothing was chosen: the
person's workplace (then printed on ballots, decision lists and certificates), a collective's
kind, an initiative's or role model's field. Those values become empty, and draft decision
lines drop the hint from their position line. Lines of issued decisions and register entries
stay as issued (legal records are corrected by a decision, never in place).

Revision ID: 0007_workplace_placeholder
Revises: 0006_certificate_design
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_workplace_placeholder"
down_revision = "0006_certificate_design"
branch_labels = None
depends_on = None

HINT = "— không chọn —"
COLUMNS = (("person", "workplace_text"), ("collective", "kind"), ("initiative", "field"),
           ("role_model", "field"))
DRAFT_LINES = "decision_id IN (SELECT id FROM decision WHERE status = 'draft')"


def upgrade() -> None:
    run = op.get_bind().execute
    for table, column in COLUMNS:
        run(sa.text(f"UPDATE {table} SET {column} = NULL WHERE trim({column}) = :hint"),
            {"hint": HINT})
    run(sa.text(f"UPDATE decision_line SET position_line = NULL "
                f"WHERE trim(position_line) = :hint AND {DRAFT_LINES}"), {"hint": HINT})
    # "Giáo viên, — không chọn —": the hint was the workplace, after the position.
    run(sa.text(f"UPDATE decision_line SET position_line = "
                f"trim(substr(position_line, 1, length(position_line) - length(:tail))) "
                f"WHERE position_line LIKE :pattern AND {DRAFT_LINES}"),
        {"tail": ", " + HINT, "pattern": "%, " + HINT})


def downgrade() -> None:
    pass  # the hint was never data: nothing to put back

"""Rules as dated data (issue 11): rule_item (coefficients by date, who decides, căn cứ lines,
council quorum, provincial settings), the rule pack bookkeeping (pack_values, verify_note) on
award kinds and base salaries, ND 152 Điều 4 fields on subjects, persons and collectives.

Data: the coefficients an older database kept on award_kind become coefficient rows in force
"from the beginning" (the money of a draft does not change), and a quorum share the ward saved
becomes the council quorum row. Their origin is "cu": on the next start the app compares them
with the previous rule pack to tell the ward's edits from the pack's values
(app/rules/update.py).

Plain ALTER TABLE ADD COLUMN only: subject, person and collective keep their triggers,
indexes and search table untouched.

Revision ID: 0011_rules
Revises: 0010_history_import
"""
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = "0011_rules"
down_revision = "0010_history_import"
branch_labels = None
depends_on = None

COEFFICIENT_COLUMNS = (("coef_person", "person"), ("coef_collective", "collective"),
                       ("coef_household", "household"))


def _number(value) -> str:
    """0.300 → "0.3", 12.000 → "12" (the canonical text of a coefficient)."""
    return format(Decimal(str(value)).normalize(), "f")


def upgrade() -> None:
    op.create_table(
        "rule_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=40), nullable=False),
        sa.Column("award_kind_id", sa.Integer(), nullable=True),
        sa.Column("qualifier", sa.String(length=60), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=True),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("legal_basis", sa.Text(), nullable=True),
        sa.Column("verify_note", sa.Text(), nullable=True),
        sa.Column("origin", sa.String(length=60), nullable=False),
        sa.Column("pack_values", sa.JSON(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.ForeignKeyConstraint(["award_kind_id"], ["award_kind.id"],
                                name=op.f("fk_rule_item_award_kind_id_award_kind"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_item")),
    )
    op.create_index(op.f("ix_rule_item_award_kind_id"), "rule_item", ["award_kind_id"])
    op.create_index("ix_rule_item_topic", "rule_item", ["topic", "award_kind_id", "qualifier"])

    false = sa.text("0")
    op.add_column("award_kind", sa.Column("vote_strict", sa.Boolean(), server_default=false,
                                          nullable=False))
    op.add_column("award_kind", sa.Column("verify_note", sa.Text(), nullable=True))
    op.add_column("award_kind", sa.Column("pack_values", sa.JSON(), nullable=True))
    op.add_column("base_salary", sa.Column("verify_note", sa.Text(), nullable=True))
    op.add_column("base_salary", sa.Column("pack_values", sa.JSON(), nullable=True))
    op.add_column("collective", sa.Column("members_total", sa.Integer(), nullable=True))
    op.add_column("collective", sa.Column("women_members", sa.Integer(), nullable=True))
    op.add_column("person", sa.Column("maternity_from", sa.Date(), nullable=True))
    op.add_column("person", sa.Column("maternity_to", sa.Date(), nullable=True))
    op.add_column("subject", sa.Column("under_discipline", sa.Boolean(), server_default=false,
                                       nullable=False))
    op.add_column("subject", sa.Column("discipline_until", sa.Date(), nullable=True))
    op.add_column("subject", sa.Column("under_inspection", sa.Boolean(), server_default=false,
                                       nullable=False))
    op.add_column("subject", sa.Column("pending_complaint", sa.Boolean(), server_default=false,
                                       nullable=False))
    op.add_column("subject", sa.Column("hold_note", sa.Text(), nullable=True))
    _move_data()


def _move_data() -> None:
    bind = op.get_bind()
    kind = sa.table("award_kind", sa.column("id"),
                    *(sa.column(c) for c, _t in COEFFICIENT_COLUMNS))
    item = sa.table("rule_item", sa.column("topic"), sa.column("award_kind_id"),
                    sa.column("qualifier"), sa.column("value", sa.JSON()),
                    sa.column("legal_basis"), sa.column("origin"), sa.column("sort_order"))
    setting = sa.table("setting", sa.column("key"), sa.column("value", sa.JSON()))
    rows = []
    for k in bind.execute(sa.select(kind)).mappings():
        for column, subject_type in COEFFICIENT_COLUMNS:
            if k[column] is not None:
                rows.append({"topic": "coefficient", "award_kind_id": k["id"],
                             "qualifier": subject_type, "value": _number(k[column]),
                             "legal_basis": None, "origin": "cu", "sort_order": 0})
    share = bind.execute(sa.select(setting.c.value).where(
        setting.c.key == "council.quorum_share")).scalar()
    if share:
        rows.append({"topic": "council", "award_kind_id": None, "qualifier": "quorum",
                     "value": {"share": str(share), "strict": False},
                     "legal_basis": None, "origin": "cu", "sort_order": 0})
    if rows:
        op.bulk_insert(item, rows)


def downgrade() -> None:
    # rule_item first (it refers to award_kind); then plain ALTER TABLE DROP COLUMN (SQLite
    # 3.35+, PostgreSQL): no table is rebuilt, so nothing cascades from subject or award_kind.
    op.drop_index("ix_rule_item_topic", table_name="rule_item")
    op.drop_index(op.f("ix_rule_item_award_kind_id"), table_name="rule_item")
    op.drop_table("rule_item")
    for table, column in (("subject", "hold_note"), ("subject", "pending_complaint"),
                          ("subject", "under_inspection"), ("subject", "discipline_until"),
                          ("subject", "under_discipline"), ("person", "maternity_to"),
                          ("person", "maternity_from"), ("collective", "women_members"),
                          ("collective", "members_total"), ("base_salary", "pack_values"),
                          ("base_salary", "verify_note"), ("award_kind", "pack_values"),
                          ("award_kind", "verify_note"), ("award_kind", "vote_strict")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")

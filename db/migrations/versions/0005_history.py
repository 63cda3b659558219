"""History that cannot be rewritten: award names kept as printed, issued lists locked,
revocation only by an issued revocation decision that names the entry.

* ``award_record.award_name`` and ``decision_line.award_name``: the award's name as printed on
  the day of issue, so renaming an award kind later never changes a past entry, its export,
  its printed book, its certificate reprint or the reprint of its decision. (The level printed
  in the register, ``award_record.level``, was already written at issue.)
  EXISTING ROWS ARE FILLED FROM TODAY'S NAMES of the award kinds: the names they had on the
  day of issue were never stored, and no award kind could be renamed before this version
  except by editing the kind, which is exactly what this migration makes harmless from now on.
* Lines of an issued decision can no longer be added, changed or deleted (as the decision
  itself since 0003_protect).
* A register entry can be marked revoked only by an issued revocation decision (kind
  ``thu_hoi``) with a line naming that entry; an entry cannot be written already revoked.
* When a writer leaves the snapshot empty, the database fills it from the award kind at that
  moment (entry written, decision issued): any SQLite tool writing the file keeps it right.

The column list of the register trigger is spelled out here (a migration must not follow the
models as they change later); tests/backup/test_history_triggers.py fails when a model column
is added without a migration re-creating the trigger with it.
Plain SQL only (no Python functions), so any SQLite tool can still open and write the file.

Revision ID: 0005_history
Revises: 0004_household_head
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_history"
down_revision = "0004_household_head"
branch_labels = None
depends_on = None

MSG_RECORD_UPDATE = ("Không được sửa mục đã ghi vào sổ khen thưởng; chỉ được đánh dấu thu hồi "
                     "theo một quyết định thu hồi. Muốn sửa sai sót, hãy lập bản ghi đính chính.")
MSG_REVOKE = ("Chỉ được đánh dấu thu hồi mục trong sổ khen thưởng theo một quyết định thu hồi "
              "đã ban hành có ghi mục đó.")
MSG_INSERT_REVOKED = ("Không được ghi vào sổ khen thưởng một mục đã thu hồi; hãy ghi mục rồi "
                      "ban hành quyết định thu hồi.")
MSG_LINE = ("Danh sách kèm theo quyết định đã ban hành không được thêm, sửa hay xóa. Muốn sửa "
            "sai sót, hãy lập quyết định đính chính hoặc thu hồi.")

# Every column of award_record except the revocation mark; each must stay equal in any update.
RECORD_COLUMNS = (
    "id", "register_year", "register_no", "certificate_no", "subject_id", "award_kind_id",
    "year", "decision_id", "external_decision_ref", "external_decision_date", "external_issuer",
    "level", "salutation", "printed_name", "position_line", "citation", "money", "corrects_id",
    "created_at", "award_name",
)
REVOCATION_COLUMNS = ("revoked", "revoked_by_decision_id")


def _unchanged(columns) -> str:
    return " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns)


_KIND_NAME = "(SELECT name FROM award_kind WHERE id = OLD.award_kind_id)"
# The one-way mark, nothing else changed.
_REVOCATION = ("OLD.revoked IS 0 AND NEW.revoked IS 1 AND NEW.revoked_by_decision_id IS NOT NULL "
               "AND " + _unchanged(RECORD_COLUMNS))
# The database's own filling of an empty snapshot (award_record_name_snapshot below).
_SNAPSHOT = (f"OLD.award_name IS NULL AND NEW.award_name IS {_KIND_NAME} AND "
             + _unchanged([c for c in RECORD_COLUMNS if c != "award_name"] + list(REVOCATION_COLUMNS)))
_NAMED_BY_ISSUED_REVOCATION = """EXISTS (
            SELECT 1 FROM decision d JOIN decision_line l ON l.decision_id = d.id
            WHERE d.id = NEW.revoked_by_decision_id AND d.kind = 'thu_hoi'
              AND d.status = 'issued' AND l.award_record_id = OLD.id)"""
_STATUS_OF = "(SELECT status FROM decision WHERE id = {}.decision_id)"

TRIGGERS = {
    "award_record_only_revoke": f"""
        CREATE TRIGGER award_record_only_revoke BEFORE UPDATE ON award_record
        WHEN NOT ({_REVOCATION}) AND NOT ({_SNAPSHOT})
        BEGIN SELECT RAISE(ABORT, '{MSG_RECORD_UPDATE}'); END""",
    "award_record_revoke_by_decision": f"""
        CREATE TRIGGER award_record_revoke_by_decision BEFORE UPDATE ON award_record
        WHEN ({_REVOCATION}) AND NOT {_NAMED_BY_ISSUED_REVOCATION}
        BEGIN SELECT RAISE(ABORT, '{MSG_REVOKE}'); END""",
    "award_record_insert_not_revoked": f"""
        CREATE TRIGGER award_record_insert_not_revoked BEFORE INSERT ON award_record
        WHEN NEW.revoked IS NOT 0 OR NEW.revoked_by_decision_id IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '{MSG_INSERT_REVOKED}'); END""",
    "award_record_name_snapshot": """
        CREATE TRIGGER award_record_name_snapshot AFTER INSERT ON award_record
        WHEN NEW.award_name IS NULL
        BEGIN UPDATE award_record SET award_name =
            (SELECT name FROM award_kind WHERE id = NEW.award_kind_id) WHERE id = NEW.id; END""",
    "decision_line_issued_no_insert": f"""
        CREATE TRIGGER decision_line_issued_no_insert BEFORE INSERT ON decision_line
        WHEN {_STATUS_OF.format('NEW')} IS 'issued'
        BEGIN SELECT RAISE(ABORT, '{MSG_LINE}'); END""",
    "decision_line_issued_no_update": f"""
        CREATE TRIGGER decision_line_issued_no_update BEFORE UPDATE ON decision_line
        WHEN {_STATUS_OF.format('OLD')} IS 'issued' OR {_STATUS_OF.format('NEW')} IS 'issued'
        BEGIN SELECT RAISE(ABORT, '{MSG_LINE}'); END""",
    "decision_line_issued_no_delete": f"""
        CREATE TRIGGER decision_line_issued_no_delete BEFORE DELETE ON decision_line
        WHEN {_STATUS_OF.format('OLD')} IS 'issued'
        BEGIN SELECT RAISE(ABORT, '{MSG_LINE}'); END""",
    # BEFORE the decision's own update, while its lines may still be written.
    "decision_issue_name_snapshot": """
        CREATE TRIGGER decision_issue_name_snapshot BEFORE UPDATE OF status ON decision
        WHEN OLD.status IS NOT 'issued' AND NEW.status IS 'issued'
        BEGIN UPDATE decision_line SET award_name =
            (SELECT name FROM award_kind WHERE id = decision_line.award_kind_id)
            WHERE decision_id = NEW.id AND award_name IS NULL; END""",
}

# 0003_protect's register triggers, for the downgrade.
MSG_RECORD_DELETE = ("Không được xóa mục đã ghi vào sổ khen thưởng. Muốn hủy, hãy lập quyết "
                     "định thu hồi.")
_OLD_NO_DELETE = f"""
    CREATE TRIGGER award_record_no_delete BEFORE DELETE ON award_record
    BEGIN SELECT RAISE(ABORT, '{MSG_RECORD_DELETE}'); END"""
_OLD_RECORD_COLUMNS = RECORD_COLUMNS[:-1]
_OLD_ONLY_REVOKE = f"""
    CREATE TRIGGER award_record_only_revoke BEFORE UPDATE ON award_record
    WHEN NOT (OLD.revoked IS 0 AND NEW.revoked IS 1 AND NEW.revoked_by_decision_id IS NOT NULL
              AND {_unchanged(_OLD_RECORD_COLUMNS)})
    BEGIN SELECT RAISE(ABORT, '{MSG_RECORD_UPDATE}'); END"""


def upgrade() -> None:
    op.add_column("award_record", sa.Column("award_name", sa.String(length=200), nullable=True))
    op.add_column("decision_line", sa.Column("award_name", sa.String(length=200), nullable=True))
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:  # the register is locked by 0003_protect: unlock only for this one fill
        op.execute("DROP TRIGGER IF EXISTS award_record_only_revoke")
    op.execute("""UPDATE award_record SET award_name =
                  (SELECT name FROM award_kind WHERE award_kind.id = award_record.award_kind_id)
                  WHERE award_name IS NULL""")
    op.execute("""UPDATE decision_line SET award_name =
                  (SELECT name FROM award_kind WHERE award_kind.id = decision_line.award_kind_id)
                  WHERE award_name IS NULL AND decision_id IN
                  (SELECT id FROM decision WHERE status = 'issued')""")
    if sqlite:
        for sql in TRIGGERS.values():
            op.execute(sql)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("decision_line") as batch:
        batch.drop_column("award_name")
    with op.batch_alter_table("award_record") as batch:  # a copied table loses its triggers
        batch.drop_column("award_name")
    if sqlite:
        op.execute("DROP TRIGGER IF EXISTS award_record_no_delete")
        op.execute(_OLD_NO_DELETE)
        op.execute(_OLD_ONLY_REVOKE)

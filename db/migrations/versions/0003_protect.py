"""Issued decisions and register entries cannot be changed in place (SQLite triggers).

Enforced in the file itself, so no code path — nor another SQLite tool — can silently edit
the legal record: corrections and revocations are new, linked rows. The only change allowed to
a register entry is the one-way mark "revoked", which must name the revoking decision.
Plain SQL only (no Python functions), so any SQLite tool can still open and write the file.

Revision ID: 0003_protect
Revises: 0002_search
"""
from alembic import op

revision = "0003_protect"
down_revision = "0002_search"
branch_labels = None
depends_on = None

MSG_DECISION_DELETE = ("Quyết định đã ban hành không được xóa. Muốn hủy bỏ, hãy lập quyết "
                       "định thu hồi.")
MSG_DECISION_UPDATE = ("Quyết định đã ban hành không được sửa. Muốn sửa sai sót, hãy lập "
                       "quyết định đính chính hoặc thu hồi.")
MSG_RECORD_DELETE = ("Không được xóa mục đã ghi vào sổ khen thưởng. Muốn hủy, hãy lập quyết "
                     "định thu hồi.")
MSG_RECORD_UPDATE = ("Không được sửa mục đã ghi vào sổ khen thưởng; chỉ được đánh dấu thu hồi "
                     "theo một quyết định thu hồi. Muốn sửa sai sót, hãy lập bản ghi đính chính.")

# Columns of award_record as of this revision; each must stay equal during a revocation.
RECORD_COLUMNS = (
    "id", "register_year", "register_no", "certificate_no", "subject_id", "award_kind_id",
    "year", "decision_id", "external_decision_ref", "external_decision_date", "external_issuer",
    "level", "salutation", "printed_name", "position_line", "citation", "money", "corrects_id",
    "created_at",
)
_UNCHANGED = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in RECORD_COLUMNS)
_REVOCATION = (
    "OLD.revoked IS 0 AND NEW.revoked IS 1 AND NEW.revoked_by_decision_id IS NOT NULL AND "
    + _UNCHANGED
)

TRIGGERS = {
    "decision_issued_no_delete": f"""
        CREATE TRIGGER decision_issued_no_delete BEFORE DELETE ON decision
        WHEN OLD.status = 'issued'
        BEGIN SELECT RAISE(ABORT, '{MSG_DECISION_DELETE}'); END""",
    "decision_issued_no_update": f"""
        CREATE TRIGGER decision_issued_no_update BEFORE UPDATE ON decision
        WHEN OLD.status = 'issued'
        BEGIN SELECT RAISE(ABORT, '{MSG_DECISION_UPDATE}'); END""",
    "award_record_no_delete": f"""
        CREATE TRIGGER award_record_no_delete BEFORE DELETE ON award_record
        BEGIN SELECT RAISE(ABORT, '{MSG_RECORD_DELETE}'); END""",
    "award_record_only_revoke": f"""
        CREATE TRIGGER award_record_only_revoke BEFORE UPDATE ON award_record
        WHEN NOT ({_REVOCATION})
        BEGIN SELECT RAISE(ABORT, '{MSG_RECORD_UPDATE}'); END""",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")

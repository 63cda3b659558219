"""Full-text search over folded subject names (SQLite FTS5; other databases use LIKE).

Revision ID: 0002_search
Revises: 0001_initial
"""
from alembic import op

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# The folded name is written by Python (app.text.fold) on every insert/update; the triggers
# only copy it, so any other SQLite tool can still write the file.
SQLITE_UP = [
    """CREATE VIRTUAL TABLE subject_fts USING fts5(
           name_folded, content='subject', content_rowid='id',
           tokenize='unicode61', prefix='2 3')""",
    """CREATE TRIGGER subject_fts_ai AFTER INSERT ON subject BEGIN
           INSERT INTO subject_fts(rowid, name_folded) VALUES (new.id, new.name_folded);
       END""",
    """CREATE TRIGGER subject_fts_ad AFTER DELETE ON subject BEGIN
           INSERT INTO subject_fts(subject_fts, rowid, name_folded)
           VALUES ('delete', old.id, old.name_folded);
       END""",
    """CREATE TRIGGER subject_fts_au AFTER UPDATE OF name_folded ON subject BEGIN
           INSERT INTO subject_fts(subject_fts, rowid, name_folded)
           VALUES ('delete', old.id, old.name_folded);
           INSERT INTO subject_fts(rowid, name_folded) VALUES (new.id, new.name_folded);
       END""",
    "INSERT INTO subject_fts(subject_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for sql in SQLITE_UP:
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("subject_fts_ai", "subject_fts_ad", "subject_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS subject_fts")

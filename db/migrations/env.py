"""Alembic environment: run programmatically by db.migrate (no alembic.ini needed)."""

from alembic import context

from db.models import Base

config = context.config
target_metadata = Base.metadata

# SQLite-only objects made by hand-written migrations (FTS5 tables and their shadow tables).
_IGNORED_PREFIXES = ("subject_fts",)


def include_object(obj, name, type_, reflected, compare_to):
    return not (type_ == "table" and name and name.startswith(_IGNORED_PREFIXES))


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite ALTER TABLE support
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()

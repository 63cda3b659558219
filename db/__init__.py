"""Database layer: SQLAlchemy models, engine/session set-up, migrations, query functions.

No Qt here. SQLite-specific SQL (pragmas, FTS5) stays inside this package.
"""

"""Helpers shared by the subcommands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import default_db_path

if TYPE_CHECKING:  # the database layer loads only when a command runs (fast --version/--help)
    from db.engine import Database


def db_path(args) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def open_db(args) -> Database:
    from app.context import open_app_database

    return open_app_database(db_path(args))


def add_db_option(parser) -> None:
    """Let ``--db`` also be given after the subcommand (``tdkt check --db FILE``)."""
    parser.add_argument("--db", metavar="FILE", default=None, help="tệp cơ sở dữ liệu",
                        dest="db_sub")


def resolve_db(args) -> Database:
    if getattr(args, "db_sub", None):
        args.db = args.db_sub
    return open_db(args)


@contextmanager
def opened_db(args) -> Iterator[Database]:
    """The command's database, closed when the command ends (whatever happens)."""
    db = resolve_db(args)
    try:
        yield db
    finally:
        db.dispose()

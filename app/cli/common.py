"""Helpers shared by the subcommands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import default_db_path

if TYPE_CHECKING:  # the database layer loads only when a command runs (fast --version/--help)
    from db.engine import Database

# Commands that only read the records (reports, exports, printing documents, backups): they
# run beside the open window. Every other command writes, so it takes the database's lock and
# is refused while a window or another writing command has the file open.
READING_COMMANDS = {"check", "report", "register", "export", "documents", "backup",
                    "decision list"}


def db_path(args) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def command_name(args) -> str:
    """"decision issue", "report summary", "import"… as typed."""
    name = getattr(args, "command", None) or ""
    sub = getattr(args, f"{name}_command", None)
    return f"{name} {sub}" if sub else name


def is_writing(args) -> bool:
    name = command_name(args)
    return name not in READING_COMMANDS and name.split(" ")[0] not in READING_COMMANDS


def open_db(args, writer: bool | None = None) -> Database:
    from app.context import open_app_database

    writer = is_writing(args) if writer is None else writer
    return open_app_database(db_path(args), writer=writer,
                             program=f"lệnh “tdkt {command_name(args)}”")


def add_db_option(parser) -> None:
    """Let ``--db`` also be given after the subcommand (``tdkt check --db FILE``)."""
    parser.add_argument("--db", metavar="FILE", default=None, help="tệp cơ sở dữ liệu",
                        dest="db_sub")


def resolve_db(args, writer: bool | None = None) -> Database:
    if getattr(args, "db_sub", None):
        args.db = args.db_sub
    return open_db(args, writer)


@contextmanager
def opened_db(args, writer: bool | None = None) -> Iterator[Database]:
    """The command's database, closed (and its lock released) when the command ends, whatever
    happens. ``writer`` defaults to whether the command writes (READING_COMMANDS)."""
    db = resolve_db(args, writer)
    try:
        yield db
    finally:
        db.close()

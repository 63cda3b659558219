"""Command line: ``tdkt`` starts the GUI; subcommands run the same services headless.

Each subcommand lives in its own module with ``register(subparsers)``; add it to COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app import APP_NAME, __version__

# Modules under app.cli providing ``register(subparsers)``; one line per command group.
COMMANDS = [
    "app.cli.core",  # check, demo
    "app.cli.certificates",  # certificates
    "app.cli.backup",  # backup, restore
    "app.cli.selftest",  # selftest (the packaged app checks itself)
    "app.cli.report",  # report summary / forms / public-list / history
    "app.cli.decisions",  # decision issue / list
    "app.cli.register",  # register export / book
    "app.cli.documents",  # documents --decision
    "app.cli.excel",  # template, import, export (Excel lists)
]


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps text as usual, but keeps a text that has its own line breaks (the epilog's list
    of documents) as written."""

    def _fill_text(self, text, width, indent):
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def build_parser() -> argparse.ArgumentParser:
    from app.documents.registry import help_text

    parser = argparse.ArgumentParser(
        prog="tdkt",
        description=f"{APP_NAME} — phần mềm công tác thi đua, khen thưởng cấp xã, phường. "
        "Không có lệnh con: mở giao diện.",
        epilog=help_text(), formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tdkt {__version__}")
    parser.add_argument("--db", metavar="FILE", help="mở (hoặc tạo) tệp cơ sở dữ liệu này")
    parser.add_argument("--data-dir", metavar="DIR", help="thư mục dữ liệu người dùng")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def has_display() -> bool:
    """False on a Linux/BSD machine with no X11/Wayland screen (and no Qt platform chosen)."""
    if not sys.platform.startswith(("linux", "freebsd")):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def open_headless(db: str | None) -> int:
    """``tdkt [--db FILE]`` without a screen: open or create the database and say so."""
    from app.context import open_app_database
    from app.paths import default_db_path
    from db.migrate import current_revision, schema_number

    path = db or default_db_path()
    database = open_app_database(path)
    rev = current_revision(database)
    database.dispose()
    print(f"Không có màn hình để mở giao diện. Cơ sở dữ liệu sẵn sàng: {path} "
          f"(lược đồ {schema_number(rev)}).")
    print("Các lệnh chạy không cần giao diện: tdkt --help")
    return 0


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    from app.app_mutex import hold_app_mutex

    hold_app_mutex()  # Windows: the installer waits while any copy of the program runs
    parser = build_parser()
    args = parser.parse_args(argv)
    from app.paths import set_data_dir

    set_data_dir(args.data_dir)
    if args.command is None:
        if not has_display():
            return open_headless(args.db)
        from ui.app import run_gui  # Qt is imported only when the GUI starts

        code = run_gui(args.db)
        # Everything is saved and closed by now. Skip the interpreter's teardown: PySide6 6.12
        # can over-release a bool while destroying many Qt wrappers, aborting at exit.
        import logging

        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    from app.errors import DatabaseVersionError, DomainError

    try:
        return int(args.func(args) or 0)
    except (DomainError, DatabaseVersionError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2

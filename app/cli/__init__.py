"""Command line: ``tdkt`` starts the GUI; subcommands run the same services headless.

Each subcommand lives in its own module with ``register(subparsers)``; add it to COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app import APP_NAME, __version__
from app.cli.argparse_vi import ArgumentParser, HelpFormatter

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
    "app.cli.rules",  # rules show / update / province
]


class _HelpFormatter(HelpFormatter):
    """Wraps text as usual, but keeps a text that has its own line breaks (the epilog's list
    of documents) as written."""

    def _fill_text(self, text, width, indent):
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


class _Parser(ArgumentParser):
    """Vietnamese help and errors (app/cli/argparse_vi.py); ``tdkt --help`` ends with how to
    get each document, the list built only when the help is shown (the GUI's start-up never
    pays for it)."""

    def format_help(self) -> str:
        if self.prog == "tdkt":  # the top level only, not each subcommand's help
            from app.documents.registry import help_text

            self.epilog = help_text()
        return super().format_help()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tdkt",
        description=f"{APP_NAME} — phần mềm công tác thi đua, khen thưởng cấp xã, phường. "
        "Không có lệnh con: mở giao diện.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tdkt {__version__}",
                        help="xem phiên bản rồi thoát")
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
    read_only = database.read_only
    database.close()
    print(f"Không có màn hình để mở giao diện. Cơ sở dữ liệu sẵn sàng: {path} "
          f"(lược đồ {schema_number(rev)}{', chỉ đọc' if read_only else ''}).")
    print("Các lệnh chạy không cần giao diện: tdkt --help")
    return 0


class CommandOutput:
    """The command's stdout/stderr: each complete line also goes to the log file (a backup run
    by the Task Scheduler leaves a trace), and a reader that went away (``tdkt … | head``)
    ends the output quietly — the command still finishes its work."""

    logging_ready = False  # lines are logged once the log file is set up (never to stderr)

    def __init__(self, stream, level: int):
        self._stream, self._level, self._line = stream, level, ""
        self.broken = self._logging = False

    def write(self, text: str) -> int:
        self._log(text)
        if not self.broken:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._silence()
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._silence()

    def _silence(self) -> None:
        """Point the file descriptor at the null device, so nothing (not even the flush at
        exit) writes into the closed pipe again."""
        self.broken = True
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass

    def _log(self, text: str) -> None:
        if not CommandOutput.logging_ready or self._logging:
            return  # (a failing log handler reports on stderr: never loop back into the log)
        import logging

        self._logging = True
        try:
            self._line += text
            while "\n" in self._line:
                line, self._line = self._line.split("\n", 1)
                line = line.rsplit("\r", 1)[-1].strip()  # a progress line: its last state
                if line:
                    logging.getLogger("tdkt.output").log(self._level, "%s", line)
        finally:
            self._logging = False

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _log_start(argv: list[str]) -> None:
    import logging

    from app.logging_setup import CLI_LOG, setup_logging

    CommandOutput.logging_ready = bool(setup_logging(file_name=CLI_LOG))
    shown, hide = [], False
    for word in argv:  # a backup password never reaches the log
        shown.append("***" if hide else "--password=***" if word.startswith("--password=")
                     else word)
        hide = word == "--password"
    logging.getLogger("tdkt.cli").info("tdkt %s (phiên bản %s)", " ".join(shown), __version__)


def main(argv: list[str] | None = None) -> int:
    import logging

    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    from app.app_mutex import hold_app_mutex

    hold_app_mutex()  # Windows: the installer waits while any copy of the program runs
    real = sys.stdout, sys.stderr
    sys.stdout = CommandOutput(sys.stdout, logging.INFO)
    sys.stderr = CommandOutput(sys.stderr, logging.WARNING)
    try:
        return _main(argv)
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        sys.stdout, sys.stderr = real
        CommandOutput.logging_ready = False


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from app.paths import set_data_dir

    if args.data_dir:  # (without it, keep what was set before: the env variable, a test)
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
    return run_command(args, sys.argv[1:] if argv is None else argv)


def run_command(args, argv: list[str]) -> int:
    """Run a subcommand: its sentence on a user's error (exit 2), the log file in any case."""
    import logging

    from app.errors import DatabaseVersionError, DomainError, ProtectedRowError

    _log_start(argv)
    log = logging.getLogger("tdkt.cli")
    try:
        code = int(args.func(args) or 0)
    except (DomainError, DatabaseVersionError, ProtectedRowError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        code = 2
    except Exception:
        log.exception("Lỗi không mong muốn")
        raise
    log.info("Kết thúc, mã thoát %d", code)
    return code

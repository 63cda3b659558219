"""argparse in Vietnamese: its own strings ("usage:", "options", "show this help message and
exit", its error messages) and the placeholders it prints (FILE, YEAR…).

argparse looks its strings up through gettext at the moment it uses them (``argparse._`` and
``argparse.ngettext``); there is no Vietnamese catalogue on an office PC and the officer's
Windows sets no LANG, so the lookup is answered here. Untranslated strings pass through."""

from __future__ import annotations

import argparse
import re

MESSAGES = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "subcommands": "lệnh con",
    "show this help message and exit": "xem hướng dẫn này rồi thoát",
    "show program's version number and exit": "xem phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "còn thiếu: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "not allowed with argument %s": "không dùng được cùng với %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn chưa rõ: %(option)s có thể là %(matches)s",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được “%(filename)s”: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (chọn một trong: %(choices)s)",
}
PLURALS = {"expected %s argument": "cần %s giá trị", "expected %s arguments": "cần %s giá trị"}

# Placeholders in the help (argparse prints the option's name in capitals when none is given).
PLACEHOLDERS = {
    "FILE": "TỆP", "DIR": "THƯ_MỤC", "YEAR": "NĂM", "SEED": "SỐ", "KEEP": "SỐ_BẢN",
    "PURPOSE": "MỤC_ĐÍCH", "PRINTER": "MÁY_IN", "P": "MẬT_KHẨU", "ID": "MÃ", "id": "MÃ",
    "SCALE": "CỠ", "FORMAT": "ĐỊNH_DẠNG", "REL": "THƯ_MỤC",
    "YYYY": "NĂM", "MM": "THÁNG", "DD": "NGÀY", "yyyy": "năm", "mm": "tháng", "dd": "ngày",
}
_WORD = re.compile(r"[A-Za-z]+")


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    chosen = singular if n == 1 else plural
    return PLURALS.get(chosen, chosen)


def vietnamese_placeholder(metavar: str) -> str:
    """"FILE.pdf" → "TỆP.pdf", "YEAR" → "NĂM"; other words kept."""
    if not isinstance(metavar, str):
        return metavar  # argparse's own check of the option, before any help is printed
    return _WORD.sub(lambda m: PLACEHOLDERS.get(m.group(0), m.group(0)), metavar)


class HelpFormatter(argparse.HelpFormatter):
    def _metavar_formatter(self, action, default_metavar):
        inner = super()._metavar_formatter(action, default_metavar)
        if action.choices is not None and action.metavar is None:
            return inner  # {pdf,docx}: the values typed, kept as they are

        def format(tuple_size):
            return tuple(vietnamese_placeholder(m) for m in inner(tuple_size))

        return format


class ArgumentParser(argparse.ArgumentParser):
    """Vietnamese help and errors; subcommands' parsers are of the same class."""

    def __init__(self, *args, **kwargs):
        install()
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def install() -> None:
    """Answer argparse's gettext lookups in Vietnamese (this process runs the tdkt CLI)."""
    argparse._ = gettext
    argparse.ngettext = ngettext

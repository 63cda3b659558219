"""`tdkt --help`, every subcommand's help and argparse's error messages are Vietnamese."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
# argparse's own English (Python 3.11–3.13) and the placeholders it derives from option names.
ARGPARSE_ENGLISH = ["usage:", "options:", "positional arguments", "optional arguments",
                    "show this help message and exit", "show program's version number",
                    "error:", "required", "expected", "invalid choice", "unrecognized"]
# Upper-case ASCII words allowed in help: abbreviations the officer uses as they are.
ABBREVIATIONS = {"PDF", "ZIP", "USB", "UBND", "XLSX", "DOCX", "AES", "GDVH", "CCCD", "QĐ",
                 "DB", "FTS"}


def parsers(parser=None, path=("tdkt",)):
    parser = parser or build_parser()
    yield " ".join(path), parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, (*path, name))


def english_in(text: str, usage: str = "") -> list[str]:
    """argparse's English in the help, and English placeholders (FILE, YEAR…) in its usage."""
    found = [phrase for phrase in ARGPARSE_ENGLISH if phrase in text]
    found += [w for w in re.findall(r"\b[A-Za-z][A-Za-z_]+\b", usage.split(":", 1)[-1])
              if w.isupper() and w not in ABBREVIATIONS or w in ("dd", "mm", "yyyy")]
    return found


def test_every_help_is_vietnamese():
    helps = dict(parsers())
    assert len(helps) > 10  # the walk reached the subcommands
    problems = {name: english_in(p.format_help(), p.format_usage())
                for name, p in helps.items()}
    assert {name: words for name, words in problems.items() if words} == {}
    top = helps["tdkt"].format_help()
    assert top.startswith("cách dùng: tdkt")
    assert "xem hướng dẫn này rồi thoát" in top and "tùy chọn:" in top


@pytest.mark.parametrize("argv, wanted", [
    (["--db"], "tdkt: lỗi: tham số --db: cần một giá trị"),
    (["khong-co-lenh"], "không có lựa chọn 'khong-co-lenh'"),
    (["report", "summary"], "còn thiếu: --from, -o/--output"),
    (["demo", "--seed", "x"], "giá trị không hợp lệ: 'x'"),
])
def test_errors_are_vietnamese(capsys, argv, wanted):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert wanted in err
    assert err.startswith("cách dùng: ")
    assert not [p for p in ARGPARSE_ENGLISH if p in err]


def test_tdkt_help_from_the_command_line_is_vietnamese():
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    out = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True,
                         text=True, encoding="utf-8", env=env, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("cách dùng: tdkt")
    assert english_in(out.stdout, out.stdout.split("\n\n")[0]) == []

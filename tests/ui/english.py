"""Finding English the officer would see: words Qt's own widgets and argparse use, Qt's exact
English strings (the sources of resources/i18n/qt_vi.ts), and any other word Vietnamese could
not write (not a possible Vietnamese syllable, app.excel.syllables: "line", "Print")."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from app.excel.syllables import is_syllable

ROOT = Path(__file__).resolve().parents[2]

# Words of Qt's widget texts (QPlatformTheme, QFileDialog, QFileSystemModel, QLineEdit,
# QMessageBox, QScrollBar, QAbstractSpinBox, QPrintDialog, QPageSetupWidget, QColorDialog,
# QFontDialog, QWizard…), English months and weekdays, argparse's words. Left out: words that
# are also Vietnamese written without marks (in, no, to, do, an, can, may, thu, long, my…).
_ENGLISH = """
abort about add advanced again all alpha already anyway apply are back basic blue bookmarks
bottom cancel cannot change choose close closes collate color colors commit computer continue
copies copy create critical current cursor custom cut date defaults delete detail details
directories directory discard done down drive duplex edge effects enter error exists export
false fatal file files find finish first fit folder font forward found from green grayscale
help here hidden hide ignore inches information insert invalid kind landscape last layout
left list location look margin margins message millimeters mode modified more name new next
not odd of ok open options orientation other output overwrite page pages paper parent paste
pick places please portrait preview previous print printer printing properties protected
range recent red redo remove rename replace reset restore retry reverse right sample save
screen scroll select selection settings setup shortcut show sidebar size source step
strikeout style sure system the this top true type underline undo unknown up value verify
view want warning width with yes you zoom question usage positional arguments optional exit
version program january february march april june july august september october november
december jan feb mar apr jun jul aug sep oct nov dec monday tuesday wednesday thursday
friday saturday sunday mon tue wed fri sat sun today month year week
"""
ENGLISH_WORDS = set(_ENGLISH.split())

# Proper nouns, abbreviations and keyboard keys the officer reads as they are.
ALLOWED = {"excel", "word", "pdf", "usb", "cccd", "windows", "zip", "docx", "xlsx", "qt",
           "ctrl", "shift", "alt", "enter", "esc", "tab", "delete", "del", "home", "end",
           "task", "scheduler", "crontab", "aes", "sqlite", "winrar", "mm", "dpi", "covid",
           # typing without marks, shown as an example ("ví dụ: nguyen van an")
           "nguyen",
           # the PC's account name in the audit trail (data: "root" on the test machine)
           "root"}

_WORD = re.compile(r"\w+")
_PATH = re.compile(r"(?:[A-Za-z]:)?[\\/][^\s“”\"']*")  # file paths: the PC's, not the program's
_DOTTED = re.compile(r"\w+(?:\.\w+)+")  # file names and web addresses (vanban.chinhphu.vn)


def qt_sources() -> set[str]:
    """Qt's English strings the project translates, as Qt would show them untranslated."""
    tree = ET.parse(ROOT / "resources" / "i18n" / "qt_vi.ts")
    return {normalise(m.findtext("source")) for m in tree.iter("message")} - {""}


def normalise(text: str) -> str:
    return text.replace("&", "").replace("…", "").rstrip(". :").strip()


def english_in(text: str, sources: set[str]) -> list[str]:
    """The English words (or whole untranslated Qt string) in one visible text."""
    plain = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("&", "")
    plain = _DOTTED.sub(" ", _PATH.sub(" ", plain))
    found = []
    if normalise(plain) in sources:
        found.append(normalise(plain))
    for word in _WORD.findall(plain):
        if word.isascii() and word.isalpha():
            low = word.lower()
            if low in ALLOWED:
                continue
            if low in ENGLISH_WORDS:
                found.append(word)
            elif len(word) > 1 and not word.isupper() and not is_syllable(word):
                found.append(word)  # not a word Vietnamese could write ("line", "Print")
    return found


# Qt asks for these but shows them as they are (key names, a percent format, layout hint).
UNTRANSLATED_OK = {("QProgressBar", "%p%"), ("QGuiApplication", "QT_LAYOUT_DIRECTION")}
# QShortcut: Ctrl, Shift, Del… as printed on the keyboard; QMimeType: file types, which Qt's
# MIME database names in Vietnamese itself when no translator does ("Bảng tính MS Excel").
UNTRANSLATED_CONTEXTS_OK = {"QShortcut", "QMimeType"}


class Recorder(QTranslator):
    """Installed last, so asked first: notes every text Qt looks up, answers nothing (the
    project's translation answers next)."""

    def __init__(self):
        super().__init__()
        self.asked: set[tuple[str, str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source, disambiguation or ""))  # None: ask the next one

    def isEmpty(self):
        return False


def untranslated(asked) -> list[tuple[str, str, str]]:
    """What Qt looked up that the project's translation does not answer."""
    ours = QApplication.instance().findChild(QTranslator, "tdkt_qt_vi")
    return sorted(
        (ctx, src, dis) for ctx, src, dis in asked
        if (ctx, src) not in UNTRANSLATED_OK and ctx not in UNTRANSLATED_CONTEXTS_OK
        and not ours.translate(ctx, src, dis or None) and any(c.isalpha() for c in src))


class Findings:
    """``findings(where, text)`` for every text seen; ``english`` holds what is English."""

    def __init__(self):
        self.sources = qt_sources()
        self.english: dict[str, list[str]] = {}
        self.count = 0

    def __call__(self, where: str, text: str) -> None:
        self.count += 1
        words = english_in(text, self.sources)
        if words:
            self.english[f"{where}: {text[:80]!r}"] = words

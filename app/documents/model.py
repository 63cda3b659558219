"""The document model: a document is a list of blocks, rendered alike to PDF and DOCX.

All text is NFC-normalised by the renderers; callers pass plain Vietnamese strings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from app.text import fold

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Run:
    """A piece of text with its own emphasis inside a paragraph."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Header:
    """The two-column header block of Nghị định 30/2020 (body name | Quốc hiệu, Tiêu ngữ)."""

    parent_body: str  # "UBND THÀNH PHỐ HẢI PHÒNG" ("" when none)
    body_name: str  # "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG"
    number: str | None = None  # "Số: 15/QĐ-UBND" (None: no number line)
    date_line: str | None = None  # app.text.date_line(place, date) (None: no date line)

    @property
    def parent_line(self) -> str:
        """The superior body's line as printed: none above an Ủy ban nhân dân, since
        Nghị định 30/2020 writes no cơ quan chủ quản for a People's Committee."""
        own = fold(self.body_name).replace("ubnd", "uy ban nhan dan")
        return "" if own.startswith("uy ban nhan dan") else self.parent_body


@dataclass(frozen=True)
class Title:
    """Centred bold document title, optional trích yếu under it and a short rule."""

    title: str  # "QUYẾT ĐỊNH"
    summary: str = ""  # "Về việc khen thưởng …"
    rule: bool = True


@dataclass(frozen=True)
class Paragraph:
    """Body text; ``runs`` mix bold/italic. Use :func:`para` for the common one-style case."""

    runs: tuple[Run, ...]
    align: str = "justify"  # justify / left / center / right
    indent: bool = True  # first-line indent (body paragraphs)
    size: float | None = None  # None: body size
    space_after: float = 4  # points
    space_before: float = 0
    keep_with_next: bool = False  # headings, table captions: never left alone at a page foot


@dataclass(frozen=True)
class Table:
    """A ruled table; ``widths`` are relative; ``align`` is one letter per column (L/C/R)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    align: str = ""
    size: float = 12
    bold_rows: frozenset[int] = frozenset()  # e.g. the total row
    group_rows: frozenset[int] = frozenset()  # first cell spans the whole row, bold

    def kept_blocks(self, rows_after: int = 2) -> list[tuple[int, int]]:
        """(first, last) row indexes a page must not split: each group heading (and any
        heading right under it) with the first ``rows_after`` rows of its group."""
        blocks = []
        for g in sorted(self.group_rows):
            end, seen = g, 0
            while end + 1 < len(self.rows) and seen < rows_after:
                end += 1
                seen += end not in self.group_rows
            if end > g:
                blocks.append((g, end))
        return blocks


@dataclass(frozen=True)
class Signer:
    """One signature: capitalised title lines (TM./KT. first), space to sign, the name."""

    lines: tuple[str, ...]  # ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    name: str = ""
    note: str = ""  # e.g. "(Ký, ghi rõ họ tên)"
    space_mm: float = 25


@dataclass(frozen=True)
class Signatures:
    """Bottom block: Nơi nhận (or a second signer) on the left, the signer on the right."""

    right: Signer | None = None
    left: Signer | None = None
    recipients: tuple[str, ...] = ()  # Nơi nhận lines, shown left when ``left`` is None
    # A third signer between the two (Người lập biểu | Kế toán | Thủ trưởng đơn vị):
    # three equal columns, no Nơi nhận.
    middle: Signer | None = None


@dataclass(frozen=True)
class Spacer:
    """Vertical space."""
    height_mm: float = 4


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


Block = Header | Title | Paragraph | Table | Signatures | Spacer | PageBreak


@dataclass
class Document:
    """A whole document: metadata and the blocks in reading order."""

    name: str  # used as PDF title / DOCX core title
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False
    body_size: float = 14
    draft: bool = False  # "DỰ THẢO" marked on every page
    page_numbers: bool = True  # False for secret ballots: a number would tell them apart
    fit_page: bool = False  # each part between page breaks shrinks to one page (PDF)

    def add(self, *blocks: Block) -> Document:
        """Append blocks; returns self so calls can be chained."""
        self.blocks.extend(blocks)
        return self


def clean(value: str) -> str:
    """NFC without trimming; runs of spaces (blanks to fill in by hand, "ngày     tháng")
    become no-break spaces so renderers keep their width."""
    text = unicodedata.normalize("NFC", str(value))
    return re.sub(r" {2,}", lambda m: "\u00a0" * len(m.group()), text)


def balanced_lines(text: str, fits) -> list[str]:
    """Split a capitalised name into two balanced lines when ``fits(text)`` is False.

    "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG" → ["ỦY BAN NHÂN DÂN", "PHƯỜNG THÀNH ĐÔNG"].
    Explicit newlines in ``text`` are kept as they are.
    """
    if "\n" in text or fits(text):
        return [t.strip() for t in text.split("\n")]
    words = text.split()

    def allowed(i: int) -> bool:  # keep "THI ĐUA - KHEN THƯỞNG" style compounds together
        near = words[max(i - 2, 0):i + 2]
        return "-" not in near

    splits = [i for i in range(1, len(words)) if allowed(i)] or list(range(1, len(words)))
    best = min(splits, key=lambda i: max(len(" ".join(words[:i])), len(" ".join(words[i:]))),
               default=None)
    if best is None:
        return [text]
    return [" ".join(words[:best]), " ".join(words[best:])]


def para(
    text: str,
    bold: bool = False,
    italic: bool = False,
    align: str = "justify",
    indent: bool = True,
    size: float | None = None,
) -> Paragraph:
    """A one-style paragraph."""
    return Paragraph((Run(text, bold, italic),), align=align, indent=indent, size=size)


def heading(text: str, size: float | None = None, italic: bool = False) -> Paragraph:
    """A centred bold line (e.g. "QUYẾT ĐỊNH:" or "Điều 1." group headings)."""
    return Paragraph((Run(text, True, italic),), align="center", indent=False, size=size,
                     space_before=6, keep_with_next=True)


def article(label: str, text: str) -> Paragraph:
    """A numbered article: bold "Điều 1." followed by its text."""
    return Paragraph((Run(label + " ", bold=True), Run(text)))

"""Finding a list's header row wherever it is, mapping header names (any case, accents or
legacy encoding) to a kind's fields, and naming the columns nobody reads."""

from __future__ import annotations

from dataclasses import dataclass

from app.excel.decoding import to_unicode
from app.excel.kinds import Field, KindSpec, header_key
from app.text import fold

HEADER_SCAN_ROWS = 30


@dataclass
class Header:
    row: int  # the last header row (data start below it)
    columns: dict[str, int]  # field key → 1-based column
    texts: dict[int, str]  # column → header text, for every titled column of the header row(s)
    title: str  # the text above the header ("DANH SÁCH … NĂM 2025")
    legacy: bool = False  # a title or header cell read from TCVN3 / VNI (or in a legacy font)

    def unused(self) -> dict[int, str]:
        """Titled columns no field reads: column → header text."""
        used = set(self.columns.values())
        return {c: t for c, t in sorted(self.texts.items()) if c not in used}


def _match(spec: KindSpec, text: str) -> Field | None:
    key = header_key(text)
    if not key:
        return None
    best, best_len = None, 0
    for f in spec.matchable:
        for alias in f.header_keys():
            exact = key == alias
            prefix = key.startswith(alias + " ")
            if (exact or prefix) and (len(alias) + (1000 if exact else 0)) > best_len:
                best, best_len = f, len(alias) + (1000 if exact else 0)
    return best


def match_field(spec: KindSpec, text: str) -> Field | None:
    """The field a header text names (exact name first, else the longest name it starts with)."""
    return _match(spec, text)


def header_texts(row) -> list[str | None]:
    """A header row's texts, legacy fonts decoded, None for empty cells."""
    return _texts(row)


def _header_columns(spec: KindSpec, values: list) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, value in enumerate(values, start=1):
        if isinstance(value, str):
            f = _match(spec, value)
            if f and f.key not in found:
                found[f.key] = col
    return found


def _texts(row, legacy: list | None = None) -> list[str | None]:
    """The row's texts, read as Unicode; ``legacy`` gets True when one was not."""
    out = []
    for cell in row:
        value = cell.value
        if isinstance(value, str) and value.strip():
            decoded = to_unicode(value, cell.font.name if cell.font else None)
            if legacy is not None and decoded.encoding != "unicode":
                legacy.append(True)
            out.append(decoded.text.strip())
        elif value is not None and not isinstance(value, str):
            out.append(str(value))
        else:
            out.append(None)
    return out


def find_header(ws, spec: KindSpec) -> Header | None:
    """The header row (the one naming most fields), or None without the required columns."""
    converted: list[bool] = []
    rows = [_texts(row, converted) for row in ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS)]
    best: tuple[int, dict[str, int]] | None = None
    for idx, texts in enumerate(rows, start=1):
        cols = _header_columns(spec, texts)
        if best is None or len(cols) > len(best[1]):
            best = (idx, cols)
    if best is None or not all(f.key in best[1] for f in spec.required_columns):
        return None
    row, columns = best
    title = " ".join(" ".join(t for t in line if t) for line in rows[:row - 1]).strip()
    texts = {c: t for c, t in enumerate(rows[row - 1], start=1) if t}
    header = Header(row, columns, texts, " ".join(title.split()), legacy=bool(converted))
    below = rows[row] if row < len(rows) else []
    _second_row(spec, header, below)
    return header


def _second_row(spec: KindSpec, header: Header, values: list) -> None:
    """Two-row headers (a merged group over sub-columns): add the lower row's columns."""
    if not values or not any(values):
        return
    if spec.section is not None and any(spec.section.search(fold(v)) for v in values if v):
        return  # the kind's own section row ("Quyết định số …") right under the header
    extra = _header_columns(spec, values)
    # Every text of a header row is a header; a data row ("Nguyễn Văn An", "Nam") is not.
    if len(extra) != sum(1 for v in values if v):
        return
    new = {k: c for k, c in extra.items() if k not in header.columns}
    if not new:
        return
    # A sub-column takes the place of the group header above it ("Năm sinh" over Nam | Nữ).
    for key in [k for k, c in header.columns.items() if c in new.values()]:
        del header.columns[key]
    header.columns.update(new)
    for col, text in enumerate(values, start=1):
        if text:
            header.texts[col] = text
    header.row += 1

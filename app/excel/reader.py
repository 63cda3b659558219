"""Reading real Excel lists: find the header row wherever it is, map header name variants to
fields, convert legacy-encoded text, fill merged cells down, and skip rows that are not data
(blank, column numbers, section titles, subtotals, the signature block)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import ValidationError
from app.excel import legacy
from app.excel.kinds import Field, KindSpec, header_key
from app.excel.merges import MergedFill, merged_ranges
from app.text import fold

HEADER_SCAN_ROWS = 30
_SUBTOTAL = re.compile(r"^(tong|cong|tong cong|tong so|cong so|luy ke)\b")
_FOOTER = re.compile(
    r"^(nguoi lap|nguoi ke khai|nguoi tong hop|xac nhan|t\.?m\.?\s|k\.?t\.?\s|thu truong|"
    r"chu tich|truong (thon|khu|ban|to)|can bo|ky ten|noi nhan)"
)
# "Thành Đông, ngày 12 tháng 3 năm 2025": the place-and-date line, in whatever column.
_PLACE_DATE = re.compile(r"^[^,]{0,40},\s*ngay\W*\d*\W*thang")
_SECTION_NO = re.compile(r"^\s*([IVXLC]+|[A-Z]|\d+)\s*([.)/-]\s*|\s+)")


@dataclass
class Cell:
    value: object
    letter: str
    encoding: str = "unicode"  # tcvn3 / vni when converted from a legacy font


@dataclass
class DataRow:
    sheet: str
    row: int
    cells: dict[str, Cell]
    section: str | None = None  # the group heading above the row ("I. KHU DÂN CƯ SỐ 1")


@dataclass
class SheetData:
    sheet: str
    header_row: int
    columns: dict[str, int]  # field key → 1-based column
    rows: list[DataRow] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, reason)
    converted: Counter = field(default_factory=Counter)  # legacy encoding → cells
    title: str = ""  # the text above the header row (title, "NĂM 2025"…)

    @property
    def letters(self) -> dict[str, str]:
        from openpyxl.utils import get_column_letter

        if not hasattr(self, "_letters"):
            self._letters = {k: get_column_letter(c) for k, c in self.columns.items()}
        return self._letters


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


def _header_columns(spec: KindSpec, values: list) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, value in enumerate(values, start=1):
        if isinstance(value, str):
            f = _match(spec, value)
            if f and f.key not in found:
                found[f.key] = col
    return found


def _cell_text(cell) -> str | None:
    return cell.value if isinstance(cell.value, str) else None


def _find_header(ws, spec: KindSpec) -> tuple[int, dict[str, int], str] | None:
    """(header row, columns, text of the rows above it), or None without a usable header."""
    rows = list(ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS))
    best: tuple[int, dict[str, int]] | None = None
    lines: list[str] = []
    for idx, row in enumerate(rows, start=1):
        texts = []
        for cell in row:
            text = _cell_text(cell)
            if text:
                text = legacy.to_unicode(text, cell.font.name if cell.font else None).text
            texts.append(text)
        lines.append(" ".join(t for t in texts if t))
        cols = _header_columns(spec, texts)
        if best is None or len(cols) > len(best[1]):
            best = (idx, cols)
    if best is None or not all(f.key in best[1] for f in spec.required_columns):
        return None
    return best[0], best[1], " ".join(line for line in lines[:best[0] - 1] if line)


def _second_header(spec: KindSpec, ws, header_row: int, columns: dict[str, int]) -> int:
    """Two-row headers (a merged group over sub-columns): add the lower row's columns."""
    values = [c.value for c in next(ws.iter_rows(min_row=header_row + 1, max_row=header_row + 1))]
    if not values or any(v is not None and not isinstance(v, str) for v in values):
        return header_row
    extra = _header_columns(spec, values)
    # Every text of a header row is a header; a data row ("Nguyễn Văn An", "Nam") is not.
    if len(extra) != sum(1 for v in values if v not in (None, "")):
        return header_row
    new = {k: c for k, c in extra.items() if k not in columns}
    if not new:
        return header_row
    # A sub-column takes the place of the group header above it ("Năm sinh" over Nam | Nữ).
    for key in [k for k, c in columns.items() if c in new.values()]:
        del columns[key]
    columns.update(new)
    return header_row + 1


def _decode(raw: str, font, prior: str | None) -> tuple[str, str]:
    if not legacy.needs_check(raw):
        return unicodedata.normalize("NFC", raw), "unicode"
    got = legacy.to_unicode(raw, font.name if font is not None else None, prior)
    return got.text, got.encoding


def _skip_reason(values: list, texts: list[str], required_empty: bool, wide: bool) -> str | None:
    non_empty = [v for v in values if v not in (None, "")]
    if not non_empty:
        return ""  # blank: skipped without a note
    folded = [fold(t) for t in texts if t]
    if any(_SUBTOTAL.match(t) for t in folded):
        return "Dòng tổng cộng"
    lone_text = len(non_empty) == 1 and isinstance(non_empty[0], str) and any(
        ch.isalpha() for ch in non_empty[0])
    if wide or (required_empty and lone_text):
        return "Dòng tiêu đề nhóm"
    return None


def read_sheet(ws, spec: KindSpec, merges=()) -> SheetData | None:
    found = _find_header(ws, spec)
    if found is None:
        return None
    header_row, columns, title = found
    header_row = _second_header(spec, ws, header_row, columns)
    data = SheetData(legacy.to_unicode(ws.title).text, header_row, columns, title=title)
    merged = MergedFill(merges, header_row + 1)
    ambiguous: list[tuple[str, Cell, str, object]] = []
    section: str | None = None
    for r, row in enumerate(ws.iter_rows(min_row=header_row + 1), start=header_row + 1):
        values = merged.apply(r, [c.value for c in row])
        if not any(v not in (None, "") for v in values):
            continue
        cells = _row_cells(data, spec, r, row, values, ambiguous)
        verdict = _classify(spec, cells, values, r in merged.wide)
        if verdict == _FOOTER_ROW:
            data.skipped.append((r, "Phần ký tên cuối bảng (bỏ qua từ dòng này)"))
            break
        if verdict:
            data.skipped.append((r, verdict))
            if verdict == _HEADING:
                heading = " ".join(str(v) for v in values if v not in (None, ""))
                section = _SECTION_NO.sub("", legacy.to_unicode(heading).text, count=1) or None
            continue
        data.rows.append(DataRow(data.sheet, r, cells, section))
    _settle_ambiguous(data, ambiguous)
    return data


_FOOTER_ROW, _HEADING = "footer", "Dòng tiêu đề nhóm"


def _row_cells(data: SheetData, spec, r: int, row, values: list, ambiguous: list) -> dict:
    cells: dict[str, Cell] = {}
    letters = data.letters
    for key, col in data.columns.items():
        value = values[col - 1] if col <= len(values) else None
        cell = Cell(value, f"{letters[key]}{r}")
        if isinstance(value, str):
            font = getattr(row[col - 1], "font", None) if col <= len(row) else None
            cell.value, cell.encoding = _decode(value, font, None)
            if cell.encoding != "unicode":
                data.converted[cell.encoding] += 1
            elif legacy.needs_check(value):
                ambiguous.append((key, cell, value, font))
        cells[key] = cell
    return cells


def _classify(spec: KindSpec, cells: dict, values: list, wide: bool) -> str | None:
    """None for a data row, else why it is skipped (``_FOOTER_ROW`` ends the list)."""
    required = [f.key for f in spec.required_columns]
    complete = all(cells[k].value not in (None, "") for k in required)
    if _is_column_numbers(values):
        return "Dòng đánh số cột"
    if complete and not wide:
        # Fast path for ordinary data rows: only the first required text can be a subtotal.
        first = cells[required[0]].value
        maybe_total = isinstance(first, str) and first[:1] in "TtCcLl"
        if not (maybe_total and _SUBTOTAL.match(fold(first))):
            return None
    texts = [legacy.to_unicode(v).text if isinstance(v, str) else "" for v in values]
    data_cols = {c for k, c in _columns_of(cells).items() if k != "name"}
    if _is_footer(texts, data_cols):
        return _FOOTER_ROW
    return _skip_reason(values, texts, not complete, wide)


def _is_column_numbers(values: list) -> bool:
    """"1 2 3 4 5" or "(1) (2) (3)" under the headers."""
    numbers = []
    for v in values:
        if v in (None, ""):
            continue
        if isinstance(v, str):
            m = re.fullmatch(r"\(?(\d{1,2})\)?", v.strip())
            if not m:
                return False
            v = int(m[1])
        if not isinstance(v, int) or isinstance(v, bool):
            return False
        numbers.append(v)
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _columns_of(cells: dict) -> dict[str, int]:
    from openpyxl.utils import column_index_from_string

    return {k: column_index_from_string(c.letter.rstrip("0123456789")) for k, c in cells.items()}


def _is_footer(texts: list[str], data_cols: set[int]) -> bool:
    for col, t in enumerate(texts, start=1):
        if t and (_PLACE_DATE.search(fold(t)) or col not in data_cols and _FOOTER.search(fold(t))):
            return True
    return False


def _settle_ambiguous(data: SheetData, ambiguous: list) -> None:
    """Cells readable either way follow the encoding their column clearly used elsewhere."""
    if not ambiguous or not data.converted:
        return
    by_column: dict[str, Counter] = {}
    for row in data.rows:
        for key, cell in row.cells.items():
            if isinstance(cell.value, str):
                by_column.setdefault(key, Counter())[cell.encoding] += 1
    for key, cell, raw, font in ambiguous:
        counts = by_column.get(key, Counter())
        legacy_counts = Counter({k: n for k, n in counts.items() if k != "unicode"})
        if not legacy_counts:
            continue
        prior, n = legacy_counts.most_common(1)[0]
        if n * 2 < counts["unicode"]:  # the column is mostly Unicode: no prior
            continue
        cell.value, cell.encoding = _decode(raw, font, prior)
        if cell.encoding != "unicode":
            data.converted[cell.encoding] += 1


def read_workbook(path: str | Path, spec: KindSpec) -> tuple[list[SheetData], list[str]]:
    """Every sheet with a recognisable header row; notes name the sheets that had none."""
    from openpyxl import load_workbook

    try:
        if Path(path).suffix.lower() == ".xls":
            from app.excel.xls import open_xls

            wb = open_xls(path)
        else:
            wb = load_workbook(Path(path), data_only=True, read_only=True)
    except Exception as exc:
        raise ValidationError(f"Không mở được tệp Excel “{Path(path).name}”: {exc}. Nếu tệp mở "
                              "được bằng Excel, hãy lưu lại thành .xlsx rồi nhập lại.") from exc
    sheets, notes = [], []
    try:
        for ws in wb.worksheets:
            data = read_sheet(ws, spec, merged_ranges(wb, ws))
            if data is None:
                notes.append(f"Trang “{legacy.to_unicode(ws.title).text}” không có dòng tiêu đề cột của danh sách "
                             f"{spec.label.lower()}: bỏ qua.")
            else:
                sheets.append(data)
    finally:
        wb.close()
    return sheets, notes

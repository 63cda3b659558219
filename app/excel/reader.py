"""Reading real Excel lists: find the header row wherever it is (``app.excel.headers``), map
header name variants to fields, decide each text cell's encoding (``app.excel.decoding``),
fill merged cells down, and skip rows that are not data (blank, column numbers, section
titles, subtotals, the signature block). Nothing here changes a value without leaving a
trace: converted and ambiguous cells, skipped rows and unused columns are all recorded."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import ValidationError
from app.excel import legacy
from app.excel.decoding import Decision, clean_unicode, decide, needs_check, to_unicode
from app.excel.headers import find_header
from app.excel.kinds import KindSpec
from app.excel.merges import MergedFill, merged_ranges
from app.text import fold

_SUBTOTAL = re.compile(r"^(tong|cong|tong cong|tong so|cong so|luy ke)\b")
_FOOTER = re.compile(
    r"^(nguoi lap|nguoi ke khai|nguoi tong hop|xac nhan|t\.?m\.?\s|k\.?t\.?\s|thu truong|"
    r"chu tich|truong (thon|khu|ban|to)|can bo|ky ten|noi nhan)"
)
# "Thành Đông, ngày 12 tháng 3 năm 2025": the place-and-date line, in whatever column.
_PLACE_DATE = re.compile(r"^[^,]{0,40},\s*ngay\W*\d*\W*thang")
_SECTION_NO = re.compile(r"^\s*([IVXLC]+|[A-Z]|\d+)\s*([.)/-]\s*|\s+)")
# Group numbers in the STT column: "I", "II.", "IV -", "A", "B)".
SECTION_MARK = re.compile(r"^\s*(?:[IVX]{1,5}|[A-Z])\s*[.)/-]?\s*$")
# The instructions sheet a template adds ("Hướng dẫn", "Hướng dẫn nhập", "HD").


@dataclass
class Cell:
    value: object
    letter: str
    encoding: str = "unicode"  # tcvn3 / vni when converted from a legacy encoding
    decision: Decision | None = None  # how a text cell's encoding was decided

    def choose(self, convert: bool) -> None:
        """The user's choice for a cell readable two ways."""
        self.value = self.decision.text(convert)
        self.encoding = self.decision.encoding if convert and self.decision.legacy_text \
            else "unicode"


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
    title: str = ""  # the text above the header row (title, "NĂM 2025"…)
    unused: dict[str, str] = field(default_factory=dict)  # column letter → header text
    decoded: list[tuple[DataRow, str]] = field(default_factory=list)  # (row, field) to show
    # Group headings (and the kind's own section rows) with their row, as read: a kind may
    # need more than the last one (``DataRow.section``), e.g. the decision a block is under.
    headings: list[tuple[int, str]] = field(default_factory=list)
    # A cell in a legacy font, or readable only as TCVN3 / VNI: lookalike Unicode cells of
    # this sheet are then worth asking about (see ``settle_lookalikes``).
    legacy_evidence: bool = False

    @property
    def letters(self) -> dict[str, str]:
        from openpyxl.utils import get_column_letter

        if not hasattr(self, "_letters"):
            self._letters = {k: get_column_letter(c) for k, c in self.columns.items()}
        return self._letters


def read_sheet(ws, spec: KindSpec, merges=(), header=None) -> SheetData | None:
    """The sheet's data rows under its header row (found here unless ``header`` is given:
    layouts such as one column group per year map the columns themselves)."""
    from openpyxl.utils import get_column_letter

    header = header or find_header(ws, spec)
    if header is None:
        return None
    sheet_name = to_unicode(ws.title)
    data = SheetData(sheet_name.text, header.row, header.columns, title=header.title,
                     legacy_evidence=header.legacy or sheet_name.encoding != "unicode")
    unused = header.unused()
    merged = MergedFill(merges, header.row + 1)
    section: str | None = None
    stray: set[int] = set()  # columns without a header that hold data
    for r, row in enumerate(ws.iter_rows(min_row=header.row + 1), start=header.row + 1):
        values = merged.apply(r, [c.value for c in row])
        if not any(v not in (None, "") for v in values):
            continue
        cells = _row_cells(data, r, row, values)
        verdict = _classify(spec, cells, values, r in merged.wide)
        if verdict == _FOOTER_ROW:
            data.skipped.append((r, "Phần ký tên cuối bảng (bỏ qua từ dòng này)"))
            break
        if verdict:
            data.skipped.append((r, verdict))
            if verdict == _HEADING:
                heading = to_unicode(" ".join(str(v) for v in values if v not in (None, ""))).text
                data.headings.append((r, heading))
                section = _SECTION_NO.sub("", heading, count=1) or None
            continue
        data_row = DataRow(data.sheet, r, cells, section)
        data.rows.append(data_row)
        data.decoded += [(data_row, k) for k, c in cells.items()
                         if c.decision is not None and c.decision.worth_showing]
        stray.update(c for c, v in enumerate(values, start=1)
                     if v not in (None, "") and c not in header.texts)
    data.unused = {get_column_letter(c): t for c, t in unused.items()}
    data.unused.update({get_column_letter(c): "" for c in sorted(stray)})
    settle_lookalikes(data)
    return data


def settle_lookalikes(data: SheetData) -> None:
    """Valid Unicode made only of letters a legacy byte can also be (ô í á: "Ngô Minh Hà")
    stays Unicode either way; it is worth a question only when the sheet shows legacy text
    elsewhere. Without such evidence these cells are not listed as readable two ways."""
    if data.legacy_evidence:
        return
    kept = []
    for row, key in data.decoded:
        cell = row.cells[key]
        d = cell.decision
        if d.ambiguous and not d.convert and d.text() == d.unicode:
            cell.decision = Decision(d.original, d.unicode)
            if not cell.decision.worth_showing:
                continue
        kept.append((row, key))
    data.decoded = kept


_FOOTER_ROW, _HEADING = "footer", "Dòng tiêu đề nhóm"


def _row_cells(data: SheetData, r: int, row, values: list) -> dict:
    cells: dict[str, Cell] = {}
    letters = data.letters
    for key, col in data.columns.items():
        value = values[col - 1] if col <= len(values) else None
        cell = Cell(value, f"{letters[key]}{r}")
        if isinstance(value, str) and not value.isascii():
            if not needs_check(value):  # the common case: letters no legacy file can hold
                cell.value = clean_unicode(value)
                if cell.value == value or cell.value == unicodedata.normalize("NFC", value):
                    cells[key] = cell
                    continue
            font = getattr(row[col - 1], "font", None) if col <= len(row) else None
            font_name = font.name if font is not None else None
            cell.decision = decide(value, font_name)
            cell.value = cell.decision.text()
            if cell.decision.convert:
                cell.encoding = cell.decision.encoding
            if cell.decision.convert or legacy.font_hint(font_name):
                data.legacy_evidence = True
        elif isinstance(value, str) and not data.legacy_evidence and \
                r - data.header_row <= FONT_SAMPLE_ROWS and col <= len(row):
            # A legacy font on plain ASCII text also shows how the sheet was typed (looked at
            # on the first rows only: a sheet is typed in one font).
            font = getattr(row[col - 1], "font", None)
            data.legacy_evidence = bool(font is not None and legacy.font_hint(font.name))
        cells[key] = cell
    return cells


FONT_SAMPLE_ROWS = 50


def _classify(spec: KindSpec, cells: dict, values: list, wide: bool) -> str | None:
    """None for a data row, else why it is skipped (``_FOOTER_ROW`` ends the list)."""
    required = [f.key for f in spec.required_columns]
    complete = all(cells[k].value not in (None, "") for k in required)
    if _is_column_numbers(values):
        return "Dòng đánh số cột"
    stt = cells.get("stt")
    if stt is not None and isinstance(stt.value, str) and SECTION_MARK.match(stt.value):
        return _HEADING
    if complete and not wide:
        # Fast path for ordinary data rows: only the first required text can be a subtotal.
        first = cells[required[0]].value
        maybe_total = isinstance(first, str) and first[:1] in "TtCcLl"
        if not (maybe_total and _SUBTOTAL.match(fold(first))):
            return None
    texts = [to_unicode(v).text if isinstance(v, str) else "" for v in values]
    if spec.section is not None and not complete and any(
            spec.section.search(fold(t)) for t in texts if t):
        return _HEADING  # the kind's own section rows, before they can look like a footer
    data_cols = {c for k, c in _columns_of(cells).items() if k != "name"}
    if _is_footer(texts, data_cols):
        return _FOOTER_ROW
    return _skip_reason(values, texts, not complete, wide)


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
        return _HEADING
    return None


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


def is_guide_sheet(title: str) -> bool:
    """The instructions sheet of a template ("Hướng dẫn"): never data."""
    key = fold(clean_unicode(title)).strip()
    return key == "hd" or key.startswith("huong dan")


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
    reader = read_sheet
    if spec.sheet_reader:
        from app.excel.kinds import resolve

        reader = resolve(spec.sheet_reader)
    try:
        for ws in wb.worksheets:
            title = to_unicode(ws.title).text
            if is_guide_sheet(title):
                notes.append(f"Trang “{title}” là trang hướng dẫn: không đọc như dữ liệu.")
                continue
            data = reader(ws, spec, merged_ranges(wb, ws))
            if data is None:
                notes.append(f"Trang “{title}” không có dòng tiêu đề cột của danh sách "
                             f"{spec.label.lower()}: bỏ qua.")
            else:
                sheets += data if isinstance(data, list) else [data]
    finally:
        wb.close()
    return sheets, notes

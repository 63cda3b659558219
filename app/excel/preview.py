"""What an import will do, row by row, before anything is written: every row's values and
problems, the cells whose encoding was converted or is the user's to choose, pairs of rows
that may be the same record, and the columns nobody reads."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from app.excel import values as V
from app.excel.decoding import ENCODING_LABELS, Decision
from app.excel.kinds import KindSpec
from app.excel.reader import Cell, DataRow, SheetData

ACTIONS = {"create": "Thêm mới", "update": "Cập nhật", "skip": "Bỏ qua"}


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str  # column letter, "" when the problem is the whole row
    message: str
    level: str = "error"  # error / warning

    def text(self) -> str:
        where = f"Trang “{self.sheet}”, dòng {self.row}"
        if self.column:
            where += f", cột {self.column}"
        kind = "Lỗi" if self.level == "error" else "Lưu ý"
        return f"{where} — {kind}: {self.message}"


@dataclass
class PreviewRow:
    sheet: str
    row: int
    values: dict = field(default_factory=dict)  # parsed values by field key
    raw: dict = field(default_factory=dict)  # what the cell held, by field key
    columns: dict = field(default_factory=dict)  # column letter, by field key
    problems: list[Problem] = field(default_factory=list)
    duplicate_id: int | None = None  # a record already in the database it may be
    duplicate_text: str = ""
    # "" (the same record: skipped unless chosen) or "namesake" (same name, something
    # differs: added unless chosen).
    duplicate_kind: str = ""
    pair: DuplicatePair | None = None  # an earlier row of the file it may repeat
    action: str = "create"
    chosen: bool = False  # the action was chosen by the user
    area_from_section: bool = False  # the area is the group heading above the row
    skip_reason: str = ""  # a handler's reason to skip the row (e.g. nothing to write)

    def display(self, key: str) -> str:
        """What will be written (names tidied), or the cell as typed when it is not valid."""
        value = self.values.get(key)
        if isinstance(value, str):
            return value
        raw = self.raw.get(key)
        return "" if raw is None else _show(raw)

    @property
    def key(self) -> tuple[str, int]:
        return self.sheet, self.row

    @property
    def has_error(self) -> bool:
        return any(p.level == "error" for p in self.problems)

    def error(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.sheet, self.row, column, message))

    def warn(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.sheet, self.row, column, message, "warning"))

    def default_action(self, with_pair: bool = True) -> str:
        if self.skip_reason:
            return "skip"
        if with_pair and self.pair is not None and not self.pair.keep_both:
            return "skip"
        if self.duplicate_id is not None and self.duplicate_kind != "namesake":
            return "skip"
        return "create"


@dataclass
class DuplicatePair:
    """Two rows of one file that may be the same record. ``kind``: "duplicate" (same identity:
    keep the first by default), "possible" (same name, nothing to compare: keep both) or
    "namesake" (same name, a birth year, CCCD or address differs: keep both)."""

    first: PreviewRow
    second: PreviewRow
    kind: str
    reason: str
    keep_both: bool
    both_allowed: bool = True  # False when two records could not coexist (same CCCD)

    @property
    def key(self) -> tuple:
        return self.first.key, self.second.key

    @property
    def choice_text(self) -> str:
        return "Giữ cả hai" if self.keep_both else "Giữ dòng đầu"


@dataclass
class CellChoice:
    """A text cell whose reading was converted, or may be: shown with before / after."""

    sheet: str
    row: int
    column: str  # letter
    label: str  # the field's header
    cell: Cell

    @property
    def decision(self) -> Decision:
        return self.cell.decision

    @property
    def convert(self) -> bool:
        return self.cell.encoding != "unicode"

    @property
    def choosable(self) -> bool:
        return self.decision.legacy_text is not None

    @property
    def key(self) -> tuple[str, str]:
        return self.sheet, f"{self.column}{self.row}"

    @property
    def encoding_label(self) -> str:
        return ENCODING_LABELS.get(self.decision.encoding, "")

    def text(self) -> str:
        d = self.decision
        where = f"Trang “{self.sheet}”, ô {self.column}{self.row} ({self.label})"
        if not self.choosable:
            return f"{where}: “{d.original}” → “{d.unicode}” ({d.reason})."
        if self.convert:
            verb = f"đã chuyển mã {self.encoding_label}: “{d.original}” → “{d.text(True)}”"
        else:
            verb = (f"giữ nguyên “{d.unicode}” (nếu chuyển mã {self.encoding_label}: "
                    f"“{d.text(True)}”)")
        ask = " — cần chọn" if d.ambiguous else ""
        return f"{where}: {verb}; {d.reason}{ask}."


@dataclass
class Preview:
    kind: str
    label: str
    file_name: str
    rows: list[PreviewRow] = field(default_factory=list)
    skipped: list[tuple[str, int, str]] = field(default_factory=list)  # sheet, row, reason
    notes: list[str] = field(default_factory=list)
    read_notes: list[str] = field(default_factory=list)  # the reader's part of ``notes``
    converted: Counter = field(default_factory=Counter)  # encoding → cells converted
    context: dict = field(default_factory=dict)
    sheets: list[SheetData] = field(default_factory=list)  # what was read, for a re-check
    cells: list[CellChoice] = field(default_factory=list)
    pairs: list[DuplicatePair] = field(default_factory=list)
    unused: list[tuple[str, str, str]] = field(default_factory=list)  # sheet, letter, header
    stale: bool = False  # a cell's reading changed since the rows were checked
    spec: KindSpec | None = None  # the columns read (kinds.spec_of: some depend on the database)
    # What a kind works out from all rows at once (award history: decisions, subjects, years),
    # and the columns it adds to the row table: (header, key in ``PreviewRow.values``).
    plan: object | None = None
    extra_columns: list[tuple[str, str]] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors and not self.stale

    @property
    def ambiguous(self) -> list[CellChoice]:
        return [c for c in self.cells if c.decision.ambiguous]

    def counts(self) -> Counter:
        """create / update / skip for the rows that can be imported, "error" for the others."""
        return Counter("error" if r.has_error else r.action for r in self.rows)

    def unused_lines(self) -> list[str]:
        return [f"Trang “{sheet}”: cột {letter} ‘{header}’ không dùng." if header else
                f"Trang “{sheet}”: cột {letter} (không có tiêu đề) có dữ liệu nhưng không dùng."
                for sheet, letter, header in self.unused]

    def summary(self) -> str:
        if not self.rows:
            return "Không có dòng dữ liệu nào."
        c = self.counts()
        parts = [f"{len(self.rows)} dòng dữ liệu", f"{c['create']} thêm mới",
                 f"{c['update']} cập nhật", f"{c['skip']} bỏ qua"]
        if self.errors:
            parts.append(f"{c['error']} dòng có lỗi ({len(self.errors)} lỗi)")
        if self.converted:
            parts.append("đã chuyển mã " + ", ".join(
                f"{n} ô {ENCODING_LABELS.get(k, k)}" for k, n in self.converted.items()))
        if self.ambiguous:
            parts.append(f"{len(self.ambiguous)} ô đọc được hai cách (xem “Chuyển mã”)")
        if self.pairs:
            same = sum(1 for p in self.pairs if p.kind == "duplicate")
            parts.append(f"{len(self.pairs)} cặp dòng trùng tên trong tệp ({same} cặp trùng hẳn)")
        if self.unused:
            parts.append(f"{len(self.unused)} cột không dùng")
        return "; ".join(parts) + "."


def collect_cells(result: Preview) -> None:
    """The cells to show in the "Chuyển mã" list, from what the reader decided."""
    spec_labels = {}
    from app.excel.kinds import KINDS

    for f in (result.spec or KINDS[result.kind]).matchable:
        spec_labels[f.key] = f.label
    result.cells = [CellChoice(row.sheet, row.row, row.cells[key].letter.rstrip("0123456789"),
                               spec_labels.get(key, key), row.cells[key])
                    for sheet in result.sheets for row, key in sheet.decoded]
    result.unused = [(sheet.sheet, letter, header) for sheet in result.sheets
                     for letter, header in sheet.unused.items()]


def parse_fields(spec: KindSpec, data: DataRow, out: PreviewRow,
                 defaults: dict | None = None) -> None:
    """Parse each mapped cell by its field type; problems are noted with their column.
    ``defaults`` fill fields the sheet has no column for (year and title from the title)."""
    for f in spec.fields:
        cell = data.cells.get(f.key)
        raw = cell.value if cell else None
        if raw in (None, "") and cell is None and defaults and f.key in defaults:
            raw = defaults[f.key]
        letter = cell.letter.rstrip("0123456789") if cell else ""
        out.raw[f.key] = raw
        out.columns[f.key] = letter
        try:
            value = _parse(f, raw, out, letter, cell)
        except ValueError as exc:
            out.error(letter, f"{f.label}: {exc}")
            continue
        if value in (None, "") and f.required:
            out.error(letter, f"Thiếu {f.label.lower()}.")
        out.values[f.key] = value
    _split_birth(data, out)
    if data.section and "area" in out.values and not out.values["area"]:
        out.values["area"] = data.section  # lists grouped under "I. KHU DÂN CƯ SỐ 1" headings
        out.raw["area"] = data.section
        out.area_from_section = True
        out.problems = [p for p in out.problems if p.message != "Thiếu khu dân cư."]


_MARKS = {"x", "v", "✓", "✔", "+", "1"}


def _split_birth(data: DataRow, out: PreviewRow) -> None:
    """Birth year (or an x) under "Nam" or "Nữ": gender and birth from one cell."""
    found = [(key, data.cells[key]) for key in ("birth_male", "birth_female")
             if key in data.cells and data.cells[key].value not in (None, "")]
    if not found:
        return
    letter = found[0][1].letter.rstrip("0123456789")
    if len(found) == 2:
        out.error(letter, "Có giá trị ở cả cột Nam và cột Nữ: chỉ ghi ở một cột.")
        return
    key, cell = found[0]
    if not out.values.get("gender"):
        out.values["gender"] = "nam" if key == "birth_male" else "nữ"
        out.raw["gender"] = "Nam" if key == "birth_male" else "Nữ"
        out.columns["gender"] = letter
    if str(cell.value).strip().lower() in _MARKS or out.values.get("birth_year"):
        return
    try:
        born, year, warning = V.parse_date(cell.value)
        V.check_born(year)
    except ValueError as exc:
        out.error(letter, f"Năm sinh: {exc}")
        return
    if warning:
        out.warn(letter, warning)
    out.values.update(birth=born, birth_year=year)
    out.raw["birth"], out.columns["birth"] = cell.value, letter


def _show(raw) -> str:
    from datetime import datetime

    if isinstance(raw, datetime):
        return raw.strftime("%d/%m/%Y")
    if isinstance(raw, date):
        return raw.strftime("%d/%m/%Y")
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def _parse(f, raw, out: PreviewRow, letter: str, cell):
    kind = f.type
    if kind == "date":
        born, year, warning = V.parse_date(raw)
        V.check_born(year)
        if warning:
            out.warn(letter, warning)
        out.values["birth_year"] = year
        return born
    if kind == "day":  # a date that may lie ahead (a plan's end): a date, or a bare year
        day, year, warning = V.parse_date(raw)
        if warning:
            out.warn(letter, warning)
        return day if day is not None else year
    if kind == "birthyear":
        year, warning = V.parse_birth_year(raw)
        if warning:
            out.warn(letter, warning)
        return year
    if kind == "cccd":
        value, warning = V.parse_cccd(raw)
        if warning:
            out.warn(letter, warning)
        return value
    if kind == "name":
        return V.parse_name(raw, legacy=cell is not None and cell.encoding == "tcvn3")
    if kind == "int":
        return V.parse_int(raw, f.bounds)
    if kind == "stt":
        return None  # the row's number in the list: read by the reader, never stored
    parser = {"year": V.parse_year, "gender": V.parse_gender,
              "phone": V.parse_phone, "outcome": V.parse_outcome,
              "yesno": V.parse_yesno}.get(kind, V.parse_text)
    return parser(raw)

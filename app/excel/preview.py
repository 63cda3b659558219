"""What an import will do, row by row, before anything is written."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from app.excel import values as V
from app.excel.kinds import KindSpec
from app.excel.reader import DataRow

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
    duplicate_id: int | None = None
    duplicate_text: str = ""
    action: str = "create"

    def display(self, key: str) -> str:
        """What will be written (names tidied), or the cell as typed when it is not valid."""
        value = self.values.get(key)
        if isinstance(value, str):
            return value
        raw = self.raw.get(key)
        return "" if raw is None else _show(raw)

    @property
    def has_error(self) -> bool:
        return any(p.level == "error" for p in self.problems)

    def error(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.sheet, self.row, column, message))

    def warn(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.sheet, self.row, column, message, "warning"))


@dataclass
class Preview:
    kind: str
    label: str
    file_name: str
    rows: list[PreviewRow] = field(default_factory=list)
    skipped: list[tuple[str, int, str]] = field(default_factory=list)  # sheet, row, reason
    notes: list[str] = field(default_factory=list)
    converted: Counter = field(default_factory=Counter)
    context: dict = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors

    def counts(self) -> Counter:
        """create / update / skip for the rows that can be imported, "error" for the others."""
        return Counter("error" if r.has_error else r.action for r in self.rows)

    def summary(self) -> str:
        c = self.counts()
        parts = [f"{len(self.rows)} dòng dữ liệu", f"{c['create']} thêm mới",
                 f"{c['update']} cập nhật", f"{c['skip']} bỏ qua"]
        if self.errors:
            parts.append(f"{c['error']} dòng có lỗi ({len(self.errors)} lỗi)")
        if self.converted:
            names = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}
            parts.append("đã chuyển mã " + ", ".join(
                f"{n} ô {names.get(k, k)}" for k, n in self.converted.items()))
        return "; ".join(parts) + "."


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
            value = _parse(f.type, raw, out, letter, cell)
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
    except ValueError as exc:
        out.error(letter, f"Năm sinh: {exc}")
        return
    if warning:
        out.warn(letter, warning)
    out.values.update(birth=born, birth_year=year)
    out.raw["birth"], out.columns["birth"] = cell.value, letter


def _show(raw) -> str:
    from datetime import date, datetime

    if isinstance(raw, datetime):
        return raw.strftime("%d/%m/%Y")
    if isinstance(raw, date):
        return raw.strftime("%d/%m/%Y")
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def _parse(kind: str, raw, out: PreviewRow, letter: str, cell):
    if kind == "date":
        born, year, warning = V.parse_date(raw)
        if warning:
            out.warn(letter, warning)
        out.values["birth_year"] = year
        return born
    if kind == "cccd":
        value, warning = V.parse_cccd(raw)
        if warning:
            out.warn(letter, warning)
        return value
    if kind == "name":
        return V.parse_name(raw, legacy=cell is not None and cell.encoding == "tcvn3")
    parser = {"int": V.parse_int, "year": V.parse_year, "gender": V.parse_gender,
              "phone": V.parse_phone, "outcome": V.parse_outcome}.get(kind, V.parse_text)
    return parser(raw)

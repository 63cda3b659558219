"""Excel import: ``preview`` reads and checks a file without writing anything; the user's
choices (``set_action``, ``set_pair_choice``, ``set_cell_choice`` + ``recheck``) adjust it;
``commit`` writes the confirmed rows, all in one transaction (a file with errors writes
nothing). How to add a kind of list: app/excel/README.md."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import DomainError, ValidationError
from app.excel import lookups as L
from app.excel.kinds import KIND_NAMES, KINDS, spec_of
from app.excel.pairs import InFile
from app.excel.preview import (
    CellChoice,
    DuplicatePair,
    Preview,
    PreviewRow,
    collect_cells,
    parse_fields,
)
from app.excel.reader import read_workbook
from app.excel.rows_area_years import AreaYearRows
from app.excel.rows_emulation import CandidateRows, RegistrationRows
from app.excel.rows_history import HistoryRows
from app.excel.rows_movements import MovementRows
from app.excel.rows_records import AreaRows, CollectiveRows, HouseholdRows, PersonRows
from app.services.system import audit
from app.text import fold
from db.engine import Database
from db.models import (
    AreaYear,
    Candidate,
    Collective,
    Household,
    Movement,
    Person,
    Registration,
    ResidentialArea,
    Subject,
)

HANDLERS = {"area": AreaRows, "person": PersonRows, "collective": CollectiveRows,
            "household": HouseholdRows, "registration": RegistrationRows,
            "candidate": CandidateRows, "area_year": AreaYearRows, "movement": MovementRows,
            "award_history": HistoryRows}
MODELS = {"area": ResidentialArea, "person": Person, "collective": Collective,
          "household": Household, "registration": Registration, "candidate": Candidate,
          "area_year": AreaYear, "movement": Movement}
ENTITY = {kind: kind for kind in MODELS}


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped: int

    def text(self) -> str:
        return (f"Đã thêm {self.created}, cập nhật {self.updated}, bỏ qua {self.skipped} dòng.")


def kind_of(name: str) -> str:
    kind = KIND_NAMES.get(name.strip().lower())
    if kind is None:
        raise ValidationError(f"Không có loại danh sách “{name}”. Chọn một trong: "
                              + ", ".join(sorted(KINDS)) + ".")
    return kind


def _lookups(s: Session, handler) -> L.Lookups:
    return L.load(s, **handler.needs)


def preview(db: Database, kind: str, path: str | Path, context: dict | None = None,
            progress: Callable[[int, int], None] | None = None) -> Preview:
    """Read and check every row; nothing is written. Likely duplicates of records already on
    file are skipped by default, repeats inside the file are paired (see ``app.excel.pairs``),
    converted and ambiguous cells are listed in ``Preview.cells``."""
    kind = kind_of(kind)
    spec = spec_of(kind, db)
    result = Preview(kind, spec.label, Path(path).name, context=dict(context or {}), spec=spec)
    result.sheets, result.read_notes = read_workbook(path, spec)
    result.notes = list(result.read_notes)
    if not result.sheets:
        result.notes.append("Không tìm thấy dòng tiêu đề cột nào khớp mẫu. Cần có ít nhất các "
                            "cột: " + ", ".join(f.label for f in spec.required_columns) + ".")
        return result
    collect_cells(result)
    _check(db, result, progress)
    return result


def recheck(db: Database, result: Preview,
            progress: Callable[[int, int], None] | None = None) -> Preview:
    """Check the rows again after the user changed how some cells read (``set_cell_choice``);
    the user's row and pair choices are kept."""
    actions = {r.key: r.action for r in result.rows if r.chosen}
    pairs = {p.key: p.keep_both for p in result.pairs}
    _check(db, result, progress)
    for pair in result.pairs:
        if pair.key in pairs and pair.keep_both != pairs[pair.key]:
            set_pair_choice(pair, pairs[pair.key])
    for row in result.rows:
        if row.key in actions and _allowed(row, actions[row.key]):
            row.action, row.chosen = actions[row.key], True
    return result


def _check(db: Database, result: Preview, progress) -> None:
    spec, handler = result.spec or KINDS[result.kind], HANDLERS[result.kind]()
    result.notes = list(result.read_notes)
    result.rows, result.skipped = [], []
    with db.read() as s:
        lk = _lookups(s, handler)
        if hasattr(handler, "prepare"):
            handler.prepare(s, lk, result.context)
    limits = column_lengths(handler)
    infile = InFile()
    total = sum(len(sh.rows) for sh in result.sheets)
    result.converted = Counter(c.decision.encoding for c in result.cells if c.convert)
    for sheet in result.sheets:
        result.skipped += [(sheet.sheet, r, why) for r, why in sheet.skipped]
        defaults = _defaults(spec, sheet, result, lk)
        if hasattr(handler, "sheet"):
            handler.sheet(sheet, result)
        for data in sheet.rows:
            row = PreviewRow(data.sheet, data.row)
            parse_fields(spec, data, row, defaults)
            _check_lengths(spec, row, limits)
            # Look further (area known? duplicate?) whenever the required cells could be
            # read, so the user sees every problem of the row at once.
            if all(row.values.get(f.key) not in (None, "") for f in spec.required):
                handler.check(row, lk, infile)
            row.action = row.default_action()
            result.rows.append(row)
            if progress and len(result.rows) % 500 == 0:
                progress(len(result.rows), total)
    result.pairs = infile.pairs
    if hasattr(handler, "finish") and result.rows:
        handler.finish(result)  # what needs every row (award history: decisions, subjects)
    if not result.rows:
        result.notes.append(f"Tệp “{result.file_name}” không có dòng dữ liệu nào dưới dòng tiêu "
                            "đề cột: điền danh sách rồi chọn lại tệp.")
    result.stale = False


def column_lengths(handler) -> dict[str, int]:
    """Field key → the length of the model column it is written to (from the models)."""
    out = {}
    for key, attr in getattr(handler, "stores", {}).items():
        length = getattr(attr.property.columns[0].type, "length", None)
        if length:
            out[key] = length
    return out


def _check_lengths(spec, row: PreviewRow, limits: dict[str, int]) -> None:
    for key, limit in limits.items():
        value = row.values.get(key)
        if isinstance(value, str) and len(value) > limit:
            label = next((f.label for f in spec.fields if f.key == key), key)
            row.error(row.columns.get(key, ""), f"{label} dài {len(value)} ký tự, quá {limit} "
                                                "ký tự cho phép: hãy rút gọn.")


_TITLE_YEAR = re.compile(r"\bnam\s+(\d{4})\b")


def _defaults(spec, sheet, result: Preview, lk: L.Lookups) -> dict:
    """Year and title a sheet has no column for: chosen on screen, else read from its title
    ("DANH SÁCH … GIA ĐÌNH VĂN HÓA NĂM 2025")."""
    wanted = {f.key for f in spec.fields if f.titled} - set(sheet.columns)
    if not wanted:
        return {}
    title, out = fold(sheet.title), {}
    if "year" in wanted:
        found = _TITLE_YEAR.findall(title)
        out["year"] = result.context.get("year") or (int(found[-1]) if found else None)
    if "award" in wanted:
        names = [n for n in lk.awards if n.islower() and n in title]
        named = lk.award_names[lk.awards[max(names, key=len)]] if names else None
        out["award"] = result.context.get("award") or named
    for key, label in (("year", "năm"), ("award", "danh hiệu")):
        if out.get(key):
            result.notes.append(f"Trang “{sheet.sheet}” không có cột {label}: dùng “{out[key]}” "
                                "cho mọi dòng.")
    return {k: v for k, v in out.items() if v}


def _allowed(row: PreviewRow, action: str) -> bool:
    return action != "update" or row.duplicate_id is not None


def set_action(row: PreviewRow, action: str) -> None:
    """The user's choice for a row: update the duplicate, skip it, or add it anyway."""
    if not _allowed(row, action):
        raise ValidationError(f"Dòng {row.row} không trùng với bản ghi nào để cập nhật.")
    row.action, row.chosen = action, True


def set_pair_choice(pair: DuplicatePair, keep_both: bool) -> None:
    """Keep only the first row of a pair, or both (not offered when they share a CCCD)."""
    if keep_both and not pair.both_allowed:
        raise ValidationError(f"Dòng {pair.first.row} và dòng {pair.second.row} cùng số CCCD: "
                              "không thể là hai người. Sửa tệp nếu đây là hai người khác nhau.")
    pair.keep_both = keep_both
    pair.second.action, pair.second.chosen = pair.second.default_action(), False


def set_cell_choice(result: Preview, choice: CellChoice, convert: bool) -> None:
    """Use the legacy reading of a cell, or keep it as typed; the rows must then be checked
    again (``recheck``) before they can be imported."""
    if not choice.choosable:
        raise ValidationError(f"Ô {choice.column}{choice.row} chỉ có một cách đọc.")
    if choice.convert != convert:
        choice.cell.choose(convert)
        result.stale = True


def find_cell(result: Preview, ref: str) -> CellChoice:
    """A listed cell by "B5" or "Trang!B5" (command line)."""
    sheet, _, cell = ref.rpartition("!")
    for choice in result.cells:
        if f"{choice.column}{choice.row}" == cell.upper() and sheet in ("", choice.sheet):
            return choice
    raise ValidationError(f"Ô “{ref}” không có trong danh sách ô chuyển mã của tệp.")


def commit(db: Database, result: Preview) -> ImportResult:
    """Write every row marked create/update in one transaction; refuse a file with errors."""
    if result.stale:
        raise ValidationError("Cách đọc một số ô vừa được đổi: hãy kiểm tra lại trước khi nhập.")
    if result.errors:
        raise ValidationError(f"Tệp còn {len(result.errors)} lỗi: chưa nhập dòng nào. Sửa tệp "
                              "rồi nhập lại.")
    if not result.rows:
        raise ValidationError("Tệp không có dòng dữ liệu nào để nhập.")
    handler = HANDLERS[result.kind]()
    try:
        if hasattr(handler, "commit"):  # a kind that writes more than one record per row
            return handler.commit(db, result)
        return _write(db, result, handler)
    except IntegrityError as exc:
        # The database changed since the preview (or two rows collide): nothing was written.
        raise DomainError("Không nhập được: dữ liệu trong tệp trùng với hồ sơ vừa được thêm hoặc "
                          "sửa (ví dụ cùng số CCCD). Chưa ghi dòng nào; hãy chọn lại tệp để "
                          f"kiểm tra lại. Chi tiết: {exc.orig}") from exc


def _write(db: Database, result: Preview, handler) -> ImportResult:
    model, entity = MODELS[result.kind], ENTITY[result.kind]
    note = f"Nhập từ tệp {result.file_name}"
    with db.session(immediate=True) as s:  # ids from max()+1: no other writer in between
        lk = _lookups(s, handler)
        if hasattr(handler, "prepare"):
            handler.prepare(s, lk, result.context)
        next_id = _next_id(s, model)
        columns = _columns(model)
        now = datetime.now()
        created, updated = [], []
        new_rows: dict = {table: [] for table in model.__mapper__.tables}
        for row in result.rows:
            if row.action == "update":
                before = audit.snapshot(s.get(model, row.duplicate_id))
                updated.append((handler.write(s, row, lk), before))
            elif row.action == "create":
                obj = handler.write(s, row, lk)
                obj.id, obj.created_at, obj.updated_at = next_id, now, now
                next_id += 1
                for table, cols in columns.items():
                    new_rows[table].append({name: _value(obj, key, default)
                                            for name, key, default in cols})
                created.append(obj.id)
        s.flush()
        # New rows go in with one executemany per table: the ORM would insert them one
        # round trip at a time (it must read back each generated key), several times slower.
        for table, rows in new_rows.items():
            if rows:
                s.execute(insert(table), rows)
        for obj, before in updated:
            audit.log(s, "update", entity, obj.id, before=before, after=audit.snapshot(obj),
                      note=note)
        if created:
            # One entry lists every record the import created (one per row would double
            # the import time); each record also carries its own created_at.
            audit.log(s, "create", entity, None, after={"ids": created, "file": result.file_name},
                      note=f"{note}: {len(created)} bản ghi mới")
    return ImportResult(len(created), len(updated), len(result.rows) - len(created) - len(updated))


def _columns(model) -> dict:
    """Per table of the model (subject, then its subtype): (column, attribute, default)."""
    mapper = model.__mapper__
    out = {}
    for table in mapper.tables:
        cols = []
        for col in table.columns:
            prop = mapper.get_property_by_column(col)
            default = col.default.arg if col.default is not None and col.default.is_scalar else None
            cols.append((col.name, prop.key, default))
        out[table] = cols
    return out


def _value(obj, key: str, default):
    value = getattr(obj, key)
    return default if value is None else value


def _next_id(s: Session, model) -> int:
    table = Subject if issubclass(model, Subject) else model
    return (s.scalar(select(func.max(table.id))) or 0) + 1

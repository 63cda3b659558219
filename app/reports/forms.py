"""Statistical tables for the upper level (biểu thống kê), laid out by a data file.

The current columns of the Ministry's forms are unconfirmed, so the layout lives in
resources/reports/stat_forms.json; a user's copy in <data folder>/reports/stat_forms.json wins.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import text
from app.errors import ValidationError
from app.files import atomic_output
from app.paths import data_dir, resource_path
from app.reports.figures import Figures, collect
from app.reports.xlsx_util import (
    MONEY_FORMAT,
    fit_row_heights,
    new_workbook,
    print_setup,
    styles,
)
from db.engine import Database

LAYOUT_NAME = "stat_forms.json"


def layout_path() -> Path:
    user = data_dir() / "reports" / LAYOUT_NAME
    return user if user.exists() else resource_path("reports", LAYOUT_NAME)


def user_layout() -> Path:
    """The user's own copy of the layout (copied from the bundled one on first use), to edit."""
    import shutil

    user = data_dir() / "reports" / LAYOUT_NAME
    if not user.exists():
        user.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resource_path("reports", LAYOUT_NAME), user)
    return user


def load_layout(path: Path | None = None) -> dict:
    path = path or layout_path()
    try:
        with open(path, encoding="utf-8") as fh:
            layout = json.load(fh)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"Tệp bố cục biểu thống kê “{path}” sai cú pháp ở dòng {exc.lineno}, "
                              f"cột {exc.colno} (thiếu dấu phẩy, ngoặc hoặc dấu nháy?).",
                              "layout") from exc
    except (OSError, ValueError) as exc:
        raise ValidationError(f"Không đọc được tệp bố cục biểu thống kê “{path}”.",
                              "layout") from exc
    if not isinstance(layout.get("forms"), list):
        raise ValidationError(f"Tệp bố cục “{path}” thiếu danh sách biểu (“forms”).", "layout")
    return layout


def _as_set(value) -> set[str]:
    values = value if isinstance(value, list) else [value]
    return {text.fold(v) for v in values}


def _match_award(cell, kind, flt: dict) -> bool:
    checks = {"level": cell.level, "group": cell.group, "kinds": cell.kind_code,
              "kind_level": kind.level if kind else "", "category": kind.category if kind else ""}
    return all(text.fold(checks[k]) in _as_set(v) for k, v in flt.items() if k in checks)


def _match_movement(m, flt: dict) -> bool:
    checks = {"launcher": m.launcher, "kind": m.kind}
    return all(text.fold(checks[k]) in _as_set(v) for k, v in flt.items() if k in checks)


def cell_value(f: Figures, year: int, measure: str, flt: dict) -> int:
    """One cell: the measure over the year's data matching every condition of ``flt``."""
    if measure == "movements":
        return sum(1 for m in f.movements if m.start_year == year and _match_movement(m, flt))
    kinds = {k.code: k for k in f.kinds}
    cells = [c for c in f.awards if c.year == year and _match_award(c, kinds.get(c.kind_code), flt)]
    if measure == "money":
        return sum(c.money for c in cells)
    if measure == "awards":
        return sum(c.count for c in cells)
    raise ValidationError(f"Biểu thống kê: chỉ tiêu “{measure}” không được hỗ trợ.", "measure")


def expand_rows(form: dict, f: Figures) -> list[dict]:
    """Rows of a form, with ``{"expand": "kinds"}`` turned into one row per matching kind."""
    rows = []
    for row in form.get("rows", ()):
        if row.get("expand") != "kinds":
            rows.append(row)
            continue
        flt = row.get("filter", {})
        for k in f.kinds:
            kind_flt = {key: v for key, v in flt.items() if key in ("kind_level", "category")}
            ok = all(text.fold(getattr(k, "level" if key == "kind_level" else key)) in _as_set(v)
                     for key, v in kind_flt.items())
            if ok:
                rows.append({"label": k.name, "filter": {**flt, "kinds": k.code}})
    return rows


def form_table(form: dict, f: Figures, year: int) -> tuple[list[str], list[list]]:
    """Column labels and rows (label, then numbers) of one form for one year."""
    columns = form.get("columns", ())
    table = []
    for row in expand_rows(form, f):
        values = [cell_value(f, year, col.get("measure", form.get("measure", "awards")),
                             {**row.get("filter", {}), **col.get("filter", {})})
                  for col in columns]
        table.append([row["label"], *values])
    return [c["label"] for c in columns], table


@dataclass(frozen=True)
class FormFooter:
    """Who reports, and the date and signatures every form ends with."""

    body_name: str
    date_line: str  # "Thành Đông, ngày 05 tháng 01 năm 2026"
    head_name: str = ""  # the Chủ tịch (thủ trưởng đơn vị), when one is set up
    preparer: str = ""  # Người lập biểu, when set in Cài đặt đơn vị


def _footer(db: Database, on: date | None, body_name: str | None) -> FormFooter:
    from app.reports.summary import issuer
    from app.services.system.organization import get_staff, list_signers

    who = issuer(db)
    heads = [s for s in list_signers(db, active_only=True)
             if s.sign_mode != "KT." and not text.fold(s.title).startswith("pho")]
    return FormFooter(body_name if body_name is not None else who.body_name,
                      text.date_line(who.place_name, on or date.today()),
                      heads[0].full_name if heads else "", get_staff(db).preparer)


def build_forms(db: Database, year: int, out: str | Path, body_name: str | None = None,
                on: date | None = None) -> Path:
    """Write every form of the layout for ``year`` to one workbook, one sheet per form,
    dated ``on`` (today when not given)."""
    layout = load_layout()
    f = collect(db, year, year)
    footer = _footer(db, on, body_name)
    wb = new_workbook()
    for i, form in enumerate(layout["forms"], start=1):
        try:
            _write_form(wb, layout, form, f, year, footer)
        except (KeyError, TypeError, AttributeError) as exc:
            what = f"“{exc.args[0]}”" if isinstance(exc, KeyError) else "có kiểu dữ liệu"
            raise ValidationError(f"Biểu thứ {i} trong tệp bố cục “{layout_path()}” thiếu hoặc "
                                  f"sai mục {what}; mỗi biểu cần “code”, “title”, “rows” và "
                                  "“columns” (mỗi dòng, cột có “label”).", "layout") from exc
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(out) as tmp:
        wb.save(tmp)
    return out


def _write_form(wb, layout: dict, form: dict, f: Figures, year: int, footer: FormFooter) -> None:
    from openpyxl.utils import get_column_letter

    st = styles()
    labels, table = form_table(form, f, year)
    columns = form.get("columns", ())
    ws = wb.create_sheet(text.nfc(form.get("sheet") or form["code"])[:31])
    ncols = len(labels) + 2
    widths = [6, 46] + [16] * len(labels)
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    # The layout's "legal_note" is a working note for whoever edits the layout: never printed.
    ws.cell(row=1, column=1, value=f"Biểu số {form['code']}").font = st["bold"]
    for r, value in ((2, f"Đơn vị báo cáo: {footer.body_name}"),
                     (3, f"Đơn vị nhận báo cáo: {layout.get('receiver', '')}")):
        ws.cell(row=r, column=1, value=text.nfc(value)).font = st["plain"]
    for r, value, font in ((5, form["title"], st["title"]), (6, f"Năm {year}", st["bold"]),
                           (7, form.get("unit", ""), None)):
        cell = ws.cell(row=r, column=1, value=text.nfc(value))
        cell.alignment = st["center"]
        if font:
            cell.font = font
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
    top, sub = 9, 10
    grouped = any(c.get("group") for c in columns)
    heads = ["STT", "Chỉ tiêu"] + labels
    for c, h in enumerate(heads, start=1):
        col = columns[c - 3] if c > 2 else {}
        row = sub if grouped and col.get("group") else top
        _head(ws, row, c, h, st)
        if grouped and not col.get("group"):
            ws.merge_cells(start_row=top, start_column=c, end_row=sub, end_column=c)
    if grouped:
        _group_heads(ws, columns, top, st)
    r = sub if grouped else top
    for c in range(1, ncols + 1):  # the column numbers (A, B, 1, 2 …) under the headers
        _head(ws, r + 1, c, "A" if c == 1 else "B" if c == 2 else str(c - 2), st)
    for i, row in enumerate(table, start=1):
        rr = r + 1 + i
        for c, value in enumerate([i, *row], start=1):
            cell = ws.cell(row=rr, column=c, value=value)
            cell.border = st["border"]
            if c <= 2:
                cell.alignment = st["number"] if c == 1 else st["wrap"]
            if c > 2 and isinstance(value, int) and value >= 1000:
                cell.number_format = MONEY_FORMAT
        if form.get("rows") and i <= len(form["rows"]) and form["rows"][i - 1].get("bold"):
            for c in range(1, ncols + 1):
                ws.cell(row=rr, column=c).font = st["bold"]
    last = r + 1 + len(table)
    ws.print_title_rows = f"{top}:{r + 1}"
    print_setup(ws, landscape=True)
    fit_row_heights(ws, range(1, last + 1))
    _signatures(ws, last + 2, ncols, footer, st)


def _signatures(ws, row: int, ncols: int, footer: FormFooter, st) -> None:
    """The date, then Người lập biểu (left) and Thủ trưởng đơn vị (right), each with its
    note, room to sign (and to seal), and the name when known."""
    split = max(2, ncols // 2)  # left block: columns 1..split; right block: the rest
    italic = st["italic"]
    blocks = ((1, split, "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", footer.preparer),
              (split + 1, ncols, "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu, ghi rõ họ tên)",
               footer.head_name))
    _merged_line(ws, row, split + 1, ncols, footer.date_line, italic, st)
    for first, last, title, note, name in blocks:
        _merged_line(ws, row + 1, first, last, title, st["bold"], st)
        _merged_line(ws, row + 2, first, last, note, italic, st)
        _merged_line(ws, row + 4, first, last, name, st["bold"], st)
    ws.row_dimensions[row + 3].height = 66  # signature and seal
    fit_row_heights(ws, (row, row + 1, row + 2, row + 4))


def _merged_line(ws, row: int, first: int, last: int, value: str, font, st) -> None:
    cell = ws.cell(row=row, column=first, value=text.nfc(value) or None)
    cell.font, cell.alignment = font, st["center"]
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _head(ws, row, col, value, st):
    cell = ws.cell(row=row, column=col, value=text.nfc(value))
    cell.font, cell.fill, cell.border, cell.alignment = (st["bold"], st["head_fill"], st["border"],
                                                         st["center"])


def _group_heads(ws, columns, top, st):
    """Merge the upper header over consecutive columns of the same group."""
    c = 0
    while c < len(columns):
        group = columns[c].get("group")
        end = c
        while group and end + 1 < len(columns) and columns[end + 1].get("group") == group:
            end += 1
        if group:
            _head(ws, top, c + 3, group, st)
            if end > c:
                ws.merge_cells(start_row=top, start_column=c + 3, end_row=top, end_column=end + 3)
        c = end + 1

"""``tdkt template KIND -o FILE.xlsx``, ``tdkt import KIND FILE [--dry-run]`` and
``tdkt export KIND -o FILE.xlsx``."""

from __future__ import annotations

import sys

from app.cli.common import add_db_option, opened_db

KIND_HELP = "area (khu dân cư), person (cá nhân), collective (tập thể), household (hộ gia đình), " \
            "registration (đăng ký thi đua), candidate (ứng viên của một đợt xét), " \
            "area-year (số liệu khu dân cư theo năm), movement (phong trào thi đua), "\
            "award-history (sổ khen thưởng cũ)"


def register(sub) -> None:
    p = sub.add_parser("template", help="tạo tệp Excel mẫu để nhập danh sách")
    p.add_argument("kind", metavar="LOẠI", help=KIND_HELP)
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.add_argument("--year", type=int,
                   help="area-year: năm ghi sẵn cho các khu dân cư trong mẫu")
    add_db_option(p)
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("import", help="nhập danh sách từ Excel (kiểm tra trước, lỗi thì không "
                                      "nhập dòng nào)")
    p.add_argument("kind", metavar="LOẠI", help=KIND_HELP)
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")
    p.add_argument("--update", action="store_true",
                   help="cập nhật bản ghi trùng (mặc định: bỏ qua dòng trùng)")
    p.add_argument("--batch", type=int, metavar="ID", help="đợt xét (khi nhập ứng viên)")
    p.add_argument("--year", type=int, help="năm cho mọi dòng khi tệp không có cột Năm")
    p.add_argument("--award", metavar="DANH_HIỆU",
                   help="danh hiệu (tên hoặc mã, ví dụ GDVH) khi tệp không có cột danh hiệu")
    p.add_argument("--convert", action="append", default=[], metavar="Ô",
                   help="chuyển mã một ô đang giữ nguyên (ví dụ B5 hoặc \"Danh sách!B5\")")
    p.add_argument("--keep", action="append", default=[], metavar="Ô",
                   help="giữ nguyên một ô đã được chuyển mã (ví dụ B5)")
    p.add_argument("--keep-both", action="append", default=[], metavar="DÒNG",
                   help="giữ cả hai dòng của một cặp trùng trong tệp (số dòng thứ hai)")
    from app.cli.excel_history import add_history_options

    add_history_options(p)
    add_db_option(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="xuất danh sách ra Excel theo mẫu nhập")
    p.add_argument("kind", metavar="LOẠI", help="area, person, collective, household, "
                                                 "registration, area-year, movement")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    add_db_option(p)
    p.set_defaults(func=cmd_export)


def cmd_template(args) -> int:
    from app.excel.importer import kind_of
    from app.excel.kinds import DYNAMIC
    from app.excel.templates import write_template

    kind = kind_of(args.kind)
    if kind in DYNAMIC or getattr(args, "db_sub", None) or getattr(args, "db", None):
        # The columns the database defines (culture indicators) and its areas.
        with opened_db(args) as db:
            write_template(kind, args.output, db, args.year)
    else:
        write_template(kind, args.output)
    print(f"Đã tạo tệp mẫu {args.output}")
    return 0


def cmd_import(args) -> int:
    from app.excel.importer import commit, kind_of, preview

    kind = kind_of(args.kind)
    with opened_db(args) as db:
        context = {"batch_id": args.batch, "year": args.year, "award": args.award}
        result = preview(db, kind, args.file, context)
        _apply_choices(db, result, args)
        if result.plan is not None:  # award history: its own questions and summary
            from app.cli.excel_history import apply_history_choices, report_history

            apply_history_choices(result, args)
        _report(result, args.update)
        if result.plan is not None:
            report_history(result)
        if not result.ok:
            print("Không nhập dòng nào.", file=sys.stderr)
            return 1
        if args.dry_run:
            print("Chạy thử (--dry-run): chưa ghi gì vào cơ sở dữ liệu.")
            return 0
        print(commit(db, result).text())
        return 0


def _apply_choices(db, result, args) -> None:
    """The command line's answers to the preview's questions (cells, pairs, duplicates)."""
    from app.errors import ValidationError
    from app.excel.importer import find_cell, recheck, set_cell_choice, set_pair_choice

    for refs, convert in ((args.convert, True), (args.keep, False)):
        for ref in refs:
            set_cell_choice(result, find_cell(result, ref), convert)
    if result.stale:
        recheck(db, result)
    for row_no in args.keep_both:
        pair = next((p for p in result.pairs if str(p.second.row) == row_no.strip()), None)
        if pair is None:
            raise ValidationError(f"Dòng {row_no} không là dòng thứ hai của cặp trùng nào.")
        set_pair_choice(pair, True)
    if args.update:  # records already on file (not namesakes, not repeats within the file)
        for row in result.rows:
            if row.action == "skip" and row.default_action(with_pair=False) == "skip" and not (
                    row.pair and not row.pair.keep_both):
                row.action = "update"


def _report(result, update: bool) -> None:
    """Everything the import would do without being asked: notes, problems, each converted
    or ambiguous cell, each pair of repeated rows, each duplicate, unused columns."""
    for note in result.notes:
        print(note)
    for line in result.unused_lines():
        print(line)
    for cell in result.cells:
        print(cell.text())
    for pair in result.pairs:
        print(f"Trang “{pair.second.sheet}”, dòng {pair.second.row}: {pair.reason} — "
              f"{pair.choice_text.lower()}"
              + ("" if pair.keep_both else " (giữ cả hai: --keep-both "
                 f"{pair.second.row})") + ".")
    for problem in result.problems:
        print(problem.text(), file=sys.stderr if problem.level == "error" else sys.stdout)
    for row in result.rows:
        if row.duplicate_id and not (row.pair and not row.pair.keep_both):
            print(f"Trang “{row.sheet}”, dòng {row.row}: {row.duplicate_text} — "
                  f"{_ACTION_WORDS[row.action]}.")
    print(result.summary())


_ACTION_WORDS = {"update": "cập nhật", "skip": "bỏ qua", "create": "thêm mới"}


def cmd_export(args) -> int:
    from app.excel.importer import kind_of
    from app.excel.templates import export_kind

    with opened_db(args) as db:
        count = export_kind(db, kind_of(args.kind), args.output)
    print(f"Đã xuất {count} dòng ra {args.output}")
    return 0

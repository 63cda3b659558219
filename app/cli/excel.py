"""``tdkt template KIND -o FILE.xlsx``, ``tdkt import KIND FILE [--dry-run]`` and
``tdkt export KIND -o FILE.xlsx``."""

from __future__ import annotations

import sys

from app.cli.common import add_db_option, opened_db

KIND_HELP = "area (khu dân cư), person (cá nhân), collective (tập thể), household (hộ gia đình), " \
            "registration (đăng ký thi đua), candidate (ứng viên của một đợt xét)"


def register(sub) -> None:
    p = sub.add_parser("template", help="tạo tệp Excel mẫu để nhập danh sách")
    p.add_argument("kind", metavar="LOẠI", help=KIND_HELP)
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
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
    add_db_option(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="xuất danh sách ra Excel theo mẫu nhập")
    p.add_argument("kind", metavar="LOẠI", help="area, person, collective, household, registration")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    add_db_option(p)
    p.set_defaults(func=cmd_export)


def cmd_template(args) -> int:
    from app.excel.importer import kind_of
    from app.excel.templates import write_template

    write_template(kind_of(args.kind), args.output)
    print(f"Đã tạo tệp mẫu {args.output}")
    return 0


def cmd_import(args) -> int:
    from app.excel.importer import commit, kind_of, preview

    kind = kind_of(args.kind)
    with opened_db(args) as db:
        context = {"batch_id": args.batch, "year": args.year, "award": args.award}
        result = preview(db, kind, args.file, context)
        for note in result.notes:
            print(note)
        for problem in result.problems:
            print(problem.text(), file=sys.stderr if problem.level == "error" else sys.stdout)
        if args.update:
            for row in result.rows:
                if row.duplicate_id:
                    row.action = "update"
        for row in result.rows:
            if row.duplicate_id:
                print(f"Trang “{row.sheet}”, dòng {row.row}: {row.duplicate_text} — "
                      f"{'cập nhật' if row.action == 'update' else 'bỏ qua'}.")
        print(result.summary())
        if not result.ok:
            print("Không nhập dòng nào.", file=sys.stderr)
            return 1
        if args.dry_run:
            print("Chạy thử (--dry-run): chưa ghi gì vào cơ sở dữ liệu.")
            return 0
        print(commit(db, result).text())
        return 0


def cmd_export(args) -> int:
    from app.excel.importer import kind_of
    from app.excel.templates import export_kind

    with opened_db(args) as db:
        count = export_kind(db, kind_of(args.kind), args.output)
    print(f"Đã xuất {count} dòng ra {args.output}")
    return 0

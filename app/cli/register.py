"""``tdkt register export --year Y -o FILE.xlsx`` and ``tdkt register book --year Y -o F``."""

from __future__ import annotations

from app.cli.common import add_db_option, opened_db


def register(sub) -> None:
    p = sub.add_parser("register", help="sổ khen thưởng")
    rsub = p.add_subparsers(dest="register_command", metavar="VIỆC", required=True)
    exp = rsub.add_parser("export", help="xuất sổ khen thưởng ra Excel")
    exp.add_argument("--year", type=int, help="năm thành tích (bỏ trống: cả sổ)")
    exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    add_db_option(exp)
    exp.set_defaults(func=cmd_export)
    book = rsub.add_parser("book", help="in sổ khen thưởng của một năm (PDF hoặc DOCX)")
    book.add_argument("--year", type=int, required=True, help="năm vào sổ")
    book.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    add_db_option(book)
    book.set_defaults(func=cmd_book)


def cmd_export(args) -> int:
    from app.services.awards import register as reg

    with opened_db(args) as db:
        count = reg.export_xlsx(db, args.output, year=args.year)
    print(f"Đã xuất {count} mục của sổ khen thưởng ra {args.output}")
    return 0


def cmd_book(args) -> int:
    from app.documents import render
    from app.services.awards import register as reg

    with opened_db(args) as db:
        out = render(reg.register_book(db, args.year), args.output)
    print(f"Đã in sổ khen thưởng năm {args.year} ra {out}")
    return 0

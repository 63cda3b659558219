"""``tdkt documents --decision "15/QĐ-UBND" --format pdf|docx -o DIR``: the decision and the
batch's tờ trình, biên bản họp, biên bản kiểm phiếu and phiếu bầu."""

from __future__ import annotations

from app.cli.common import add_db_option, opened_db


def register(sub) -> None:
    p = sub.add_parser("documents", help="lập văn bản của một quyết định (quyết định, tờ trình, "
                                         "biên bản, phiếu bầu)")
    p.add_argument("--decision", required=True, metavar="SỐ",
                   help='số và ký hiệu quyết định, ví dụ "15/QĐ-UBND"')
    p.add_argument("--year", type=int, help="năm ký (khi số trùng giữa các năm)")
    p.add_argument("--format", choices=["pdf", "docx"], default="pdf")
    p.add_argument("-o", "--output", required=True, metavar="THƯ_MỤC")
    add_db_option(p)
    p.set_defaults(func=cmd_documents)


def cmd_documents(args) -> int:
    from app.services.rounds import decisions, paperwork

    notes: list[str] = []
    with opened_db(args) as db:
        d = decisions.find_decision(db, args.decision, args.year)
        paths = paperwork.write_decision_kit(db, d.id, args.format, args.output, notes)
    for p in paths:
        print(p)
    for note in notes:
        print(f"Chưa lập {note}")
    return 0

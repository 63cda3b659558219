"""``tdkt report summary|forms|public-list|history``: the reports, headless."""

from __future__ import annotations

import sys
from datetime import date

from app.cli.common import add_db_option, opened_db


def register(sub) -> None:
    p = sub.add_parser("report", help="báo cáo sơ kết, tổng kết; biểu thống kê; danh sách công khai")
    rsub = p.add_subparsers(dest="report_command", metavar="LOẠI", required=True)

    s = rsub.add_parser("summary", help="báo cáo tổng kết một năm hoặc một giai đoạn")
    s.add_argument("--from", dest="year_from", type=int, required=True, metavar="NĂM",
                   help="năm đầu (báo cáo năm: chỉ cần --from)")
    s.add_argument("--to", dest="year_to", type=int, default=None, metavar="NĂM",
                   help="năm cuối (bỏ trống: báo cáo một năm)")
    s.add_argument("--format", choices=["pdf", "docx", "xlsx"], default=None,
                   help="định dạng (mặc định theo đuôi tệp)")
    s.add_argument("--date", default=None, metavar="dd/mm/yyyy",
                   help="ngày ghi trên báo cáo (mặc định hôm nay; “trống” để ghi tay)")
    s.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="tệp ghi ra (.pdf, .docx hoặc .xlsx — số liệu)")
    add_db_option(s)
    s.set_defaults(func=cmd_summary)

    f = rsub.add_parser("forms", help="biểu thống kê thi đua, khen thưởng của một năm (XLSX)")
    f.add_argument("--year", type=int, required=True, metavar="NĂM")
    f.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", help="tệp Excel ghi ra")
    add_db_option(f)
    f.set_defaults(func=cmd_forms)

    pl = rsub.add_parser("public-list",
                         help="danh sách công khai của một quyết định hoặc một đợt xét (PDF)")
    which = pl.add_mutually_exclusive_group(required=True)
    which.add_argument("--decision", metavar="SỐ", help='số quyết định, ví dụ "15/QĐ-UBND"')
    which.add_argument("--batch", type=int, metavar="MÃ",
                       help="mã đợt xét (danh sách đề nghị, lấy ý kiến trước khi họp Hội đồng)")
    pl.add_argument("--year", type=int, default=None, help="năm ký (khi hai năm trùng số)")
    pl.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    add_db_option(pl)
    pl.set_defaults(func=cmd_public_list)

    h = rsub.add_parser("history", help="giấy xác nhận quá trình khen thưởng của một đối tượng")
    h.add_argument("--subject", type=int, required=True, metavar="MÃ", help="mã đối tượng")
    h.add_argument("--purpose", default="", help="mục đích xin xác nhận")
    h.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    add_db_option(h)
    h.set_defaults(func=cmd_history)


def _date(value: str | None) -> date | None:
    from app.errors import ValidationError
    from app.reports.summary import BLANK_DATE
    from app.text import fold, parse_date_vn

    if value is not None and fold(value) in ("trong", "blank"):
        return BLANK_DATE
    try:
        return parse_date_vn(value)
    except ValueError as exc:
        raise ValidationError(str(exc), "date") from None


def cmd_summary(args) -> int:
    from pathlib import Path

    from app.reports.summary import build_summary

    fmt = args.format or Path(args.output).suffix.lower().lstrip(".") or "pdf"
    with opened_db(args) as db:
        out = build_summary(db, args.year_from, args.year_to or args.year_from, fmt, args.output,
                            report_date=_date(args.date))
    print(f"Đã ghi báo cáo vào {out}", file=sys.stdout)
    return 0


def cmd_forms(args) -> int:
    from app.reports.forms import build_forms

    with opened_db(args) as db:
        out = build_forms(db, args.year, args.output)
    print(f"Đã ghi biểu thống kê năm {args.year} vào {out}", file=sys.stdout)
    return 0


def cmd_public_list(args) -> int:
    from app.reports.public_list import build_public_list, find_decision

    with opened_db(args) as db:
        if args.batch is not None:
            out = build_public_list(db, args.output, batch_id=args.batch)
        else:
            out = build_public_list(db, args.output,
                                    decision_id=find_decision(db, args.decision, args.year))
    print(f"Đã ghi danh sách công khai vào {out}", file=sys.stdout)
    return 0


def cmd_history(args) -> int:
    from app.reports.history import build_history

    with opened_db(args) as db:
        out = build_history(db, args.subject, args.output, purpose=args.purpose)
    print(f"Đã ghi giấy xác nhận vào {out}", file=sys.stdout)
    return 0

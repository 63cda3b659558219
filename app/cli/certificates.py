"""``tdkt certificates --decision "15/QĐ-UBND" [--blank] -o FILE.pdf``: print a decision's certificates."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import add_db_option, opened_db


def register(sub) -> None:
    p = sub.add_parser("certificates", help="in giấy khen của một quyết định ra tệp PDF")
    p.add_argument("--decision", required=True, metavar="SỐ",
                   help='số quyết định, ví dụ "15/QĐ-UBND"')
    p.add_argument("--year", type=int, default=None, help="năm ký (khi hai năm trùng số)")
    p.add_argument("--blank", action="store_true",
                   help="chỉ in chữ lên phôi in sẵn (có căn chỉnh theo máy in)")
    p.add_argument("--printer", default="", help="tên máy in để lấy độ lệch căn chỉnh phôi")
    p.add_argument("--record", action="append", type=str, default=None, metavar="SỐ_VÀO_SỔ",
                   help='chỉ in lại giấy có số vào sổ này, ví dụ "2025/0007" (lặp được)')
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="tệp PDF ghi ra")
    p.add_argument("--log-printed", action="store_true",
                   help="ghi vào nhật ký in là đã in (chỉ khi tệp được đem in ngay); "
                        "mặc định: tệp PDF không tính là đã in")
    p.add_argument("--no-log", action="store_true", help=argparse.SUPPRESS)  # the default now
    add_db_option(p)
    p.set_defaults(func=cmd_certificates)


def cmd_certificates(args) -> int:
    from app.certificates import render_pdf
    from app.errors import NotFoundError
    from app.services.awards import certificates as svc
    from app.services.awards.certificate_designs import design_images

    with opened_db(args) as db:
        decision_id = svc.find_decision(db, args.decision, args.year)
        record_ids = None
        if args.record:
            by_no = {line.certificate_no: line.record_id
                     for line in svc.decision_lines(db, decision_id)}
            missing = [n for n in args.record if n not in by_no]
            if missing:
                raise NotFoundError(f"Quyết định {args.decision} không có số vào sổ: "
                                    f"{', '.join(missing)}.")
            record_ids = [by_no[n] for n in args.record]
        certs = svc.gather(db, decision_id, record_ids)
        mode = "blank" if args.blank else "full"
        offsets_by_blank = {}
        if args.blank:
            from app.certificates import get_template

            for blank in {get_template(c.template).blank_layout for c in certs}:
                offsets_by_blank[blank] = svc.get_offsets(db, args.printer, blank)
        out = Path(args.output)
        pages = render_pdf(certs, out, mode=mode, offsets=offsets_by_blank,
                           overrides=svc.get_overrides(db),
                           backgrounds=design_images(db) if mode == "full" else None,
                           title=f"Giấy khen – Quyết định {args.decision}")
        if args.log_printed:  # a file is not a certificate on paper unless it goes to print
            svc.log_prints(db, [c.record_id for c in certs], mode,
                           note=f"Dòng lệnh: tệp {out.name}")
        print(f"Đã ghi {pages} giấy ({'in lên phôi' if args.blank else 'mẫu đầy đủ'}) vào {out}",
              file=sys.stdout)
        return 0

"""``tdkt rules show [--date YYYY-MM-DD]``, ``tdkt rules update [--dry-run] [--yes]`` and
``tdkt rules province [MÃ]``: the rules as data, from the command line."""

from __future__ import annotations

import sys
from datetime import date

from app.cli.common import add_db_option, opened_db


def register(sub) -> None:
    p = sub.add_parser("rules", help="quy định (lương cơ sở, hệ số, thẩm quyền, căn cứ…)")
    rsub = p.add_subparsers(dest="rules_command", metavar="VIỆC", required=True)
    show = rsub.add_parser("show", help="in các quy định đang áp dụng kèm nguồn")
    show.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD",
                      help="ngày cần xem (mặc định: hôm nay)")
    show.add_argument("--all", action="store_true", help="in cả quy định đã hết và sắp áp dụng")
    add_db_option(show)
    show.set_defaults(func=cmd_show)
    upd = rsub.add_parser("update", help="xem và áp dụng gói quy định mới đi kèm phần mềm")
    _update_options(upd)
    upd.set_defaults(func=cmd_update)
    prov = rsub.add_parser("province", help="chọn gói quy định của tỉnh")
    prov.add_argument("code", nargs="?", metavar="MÃ", help="mã gói của tỉnh (bỏ trống: liệt kê)")
    _update_options(prov)
    prov.set_defaults(func=cmd_province)


def _update_options(p) -> None:
    p.add_argument("--dry-run", action="store_true", help="chỉ in các thay đổi, không ghi gì")
    p.add_argument("--yes", action="store_true",
                   help="đồng ý áp dụng (giữ nguyên các giá trị phường đã sửa)")
    p.add_argument("--replace-edited", action="store_true",
                   help="thay cả các giá trị phường đã sửa bằng giá trị của gói mới")
    add_db_option(p)


def cmd_show(args) -> int:
    from app.rules import in_force

    day = args.date or date.today()
    with opened_db(args) as db:
        lines = in_force.list_rules(db, None if args.all else day)
        label = in_force.installed_label(db)
    when = "MỌI QUY ĐỊNH (CẢ ĐÃ HẾT, SẮP ÁP DỤNG)" if args.all else (
        f"QUY ĐỊNH ĐANG ÁP DỤNG NGÀY {day:%d/%m/%Y}")
    print(when)
    print(f"Gói quy định: {label}")
    group = None
    for line in lines:
        if line.group != group:
            group = line.group
            print(f"\n== {group} ==")
        mark = " [phường đã sửa]" if line.edited else ""
        print(f"- {line.name}: {line.value} ({line.period}){mark}")
        if line.source:
            print(f"    Nguồn: {line.source}")
        if line.verify:
            print(f"    Xác minh: {line.verify}")
    return 0


def _print_plan(plan) -> None:
    print(f"Gói quy định: {plan.from_label} → {plan.to_label}")
    for note in plan.notes:
        print(f"  • {note}")
    shown = plan.shown
    if not shown:
        print("Không có giá trị nào thay đổi.")
        return
    print(f"\n{len(shown)} thay đổi ({len(plan.conflicts)} chạm vào giá trị phường đã sửa):")
    for c in shown:
        field = f" — {c.field_label}" if c.field_label else ""
        if c.action == "add":
            line = f"[+] {c.group}: {c.label}: thêm {c.proposed}"
        elif c.action == "remove":
            line = f"[-] {c.group}: {c.label}: bỏ ({c.current})"
        else:
            line = f"[~] {c.group}: {c.label}{field}: {c.current} → {c.proposed}"
        if c.edited:
            line = "[!]" + line[3:]
            old = f"; gói cũ: {c.previous}" if c.previous else ""
            line += f"\n      (phường đã sửa: {c.current or 'giá trị riêng'}{old})"
        if c.note:
            line += f"\n      {c.note}"
        print(line)


def _consent(args, plan) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print("\nChưa áp dụng: thêm --yes để đồng ý (hoặc --dry-run để chỉ xem).")
        return False
    answer = input("\nÁp dụng các thay đổi [+] [~] [-]? Giá trị [!] phường đã sửa được giữ "
                   "nguyên (c/K): ")
    return answer.strip().lower() in ("c", "có", "y", "yes")


def _run(args, province: str | None) -> int:
    from app.rules import apply, in_force

    with opened_db(args) as db:
        plan = apply.check_update(db, province)
        if plan is None:
            print(f"Quy định đã cập nhật: {in_force.installed_label(db)}.")
            return 0
        _print_plan(plan)
        if args.dry_run:
            print("\nChưa áp dụng (chạy thử). Áp dụng: tdkt rules update --yes")
            return 0
        if not _consent(args, plan):
            return 1
        result = apply.apply_update(db, province=province, replace_edited=args.replace_edited)
    kept = (f"; giữ nguyên {result.kept} giá trị phường đã sửa (thêm --replace-edited để thay)"
            if result.kept else "")
    print(f"\nĐã áp dụng {result.applied} thay đổi ({result.label}){kept}.")
    return 0


def cmd_update(args) -> int:
    return _run(args, None)


def cmd_province(args) -> int:
    from app.rules import packs

    if not args.code:
        for code, name in packs.provinces().items():
            print(f"{code}: {name}")
        return 0
    return _run(args, args.code)

"""``tdkt decision issue ID`` (ban hành a draft) and ``tdkt decision list``."""

from __future__ import annotations

from app.cli.common import add_db_option, opened_db


def register(sub) -> None:
    p = sub.add_parser("decision", help="quyết định khen thưởng")
    dsub = p.add_subparsers(dest="decision_command", metavar="VIỆC", required=True)
    issue = dsub.add_parser("issue", help="ban hành một dự thảo quyết định (ghi sổ khen thưởng)")
    issue.add_argument("id", type=int, help="mã dự thảo quyết định")
    add_db_option(issue)
    issue.set_defaults(func=cmd_issue)
    lst = dsub.add_parser("list", help="liệt kê quyết định")
    lst.add_argument("--year", type=int, help="năm ký quyết định")
    add_db_option(lst)
    lst.set_defaults(func=cmd_list)


def cmd_issue(args) -> int:
    from app.services.rounds import decision_issue, decisions
    from app.text import format_money

    with opened_db(args) as db:
        d = decisions.get_decision(db, args.id)
        result = decision_issue.issue_decision(db, args.id)
    print(f"Đã ban hành Quyết định số {result.full_number}: {d.title}.")
    if result.certificate_nos:
        print(f"Ghi sổ {len(result.certificate_nos)} mục: {result.certificate_nos[0]} … "
              f"{result.certificate_nos[-1]}.")
    if result.total_money:
        print(f"Tổng tiền thưởng: {format_money(result.total_money)} đồng (đã ghi chi quỹ).")
    return 0


def cmd_list(args) -> int:
    from app.services.rounds import decisions
    from app.text import format_date_vn, format_money

    with opened_db(args) as db:
        rows = decisions.list_decisions(db, year=args.year)
    for d in rows:
        state = "đã ban hành" if d.status == "issued" else "dự thảo"
        print(f"{d.id:>5}  {d.full_number or '—':<16} {format_date_vn(d.signed_on):<10}  {state:<12} "
              f"{d.lines:>4} dòng  {format_money(d.total_money):>12}  {d.title}")
    if not rows:
        print("Chưa có quyết định nào.")
    return 0

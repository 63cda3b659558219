"""The yearly Quỹ thi đua, khen thưởng report for the accountant, from the fund's lines."""

from __future__ import annotations

from datetime import date

from app.documents import Document
from app.errors import DomainError
from app.services.awards import fund
from db.engine import Database


def fund_report_document(db: Database, year: int, printed_on: date | None = None) -> Document:
    """Báo cáo thu, chi Quỹ thi đua, khen thưởng of ``year`` (refused when it has no line)."""
    from app.documents.fund_report import FundItem, FundReport, build_fund_report
    from app.services.rounds.paperwork import org_data
    from app.services.system.heads import chair_name, staff

    lines = fund.list_lines(db, year)
    if not lines:
        raise DomainError(f"Sổ quỹ năm {year} chưa có dòng thu, chi nào: chưa lập được báo cáo.")
    items = {d: tuple(FundItem(x.on_date, x.description, x.amount, x.group_label)
                      for x in lines if x.direction == d) for d in ("thu", "chi")}
    groups = tuple((fund.DIRECTION[g], label, sum(x.amount for x in lines if x.group == g))
                   for g, label in fund.GROUPS.items()
                   if g != fund.CARRIED and any(x.group == g for x in lines))
    carried = sum(x.amount for x in lines if x.group == fund.CARRIED)
    with db.read() as s:
        org, head, names = org_data(s), chair_name(s), staff(s)
    return build_fund_report(FundReport(org, year, items["thu"], items["chi"], groups, head,
                                        printed_on, names.preparer, names.accountant,
                                        carried))

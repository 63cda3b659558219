"""Báo cáo thu, chi Quỹ thi đua, khen thưởng of a year, for the accountant: the totals by group,
every income and spending line (decisions' money with their numbers) and what is left."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.documents import blanks
from app.documents.data import Org
from app.documents.model import Document, Header, Signatures, Signer, Table, Title, para
from app.text import date_line, format_date_vn, format_money


@dataclass(frozen=True)
class FundItem:
    on_date: date | None
    description: str
    amount: int
    group: str  # its group's label ("Chi khen thưởng")


@dataclass(frozen=True)
class FundReport:
    org: Org
    year: int
    income: tuple[FundItem, ...]
    spending: tuple[FundItem, ...]
    groups: tuple[tuple[str, str, int], ...]  # (direction, label, total) in a fixed order
    head_name: str  # the Chủ tịch, as thủ trưởng đơn vị
    printed_on: date | None = None
    preparer: str = ""  # Người lập biểu ("": written by hand)
    accountant: str = ""
    carried: int = 0  # of the income, what the year before left (Số dư năm trước chuyển sang)


def _summary(r: FundReport, income: int, spending: int) -> Table:
    """Số dư năm trước (when carried over), the year's income and spending by group, what is
    left."""
    rows, bold = [], set()
    heads = [("thu", "Tổng thu trong năm", income - r.carried),
             ("chi", "Tổng chi trong năm", spending)]
    if r.carried:
        heads.insert(0, ("", "Số dư năm trước chuyển sang", r.carried))
    for n, (direction, label, total) in enumerate(heads, 1):
        bold.add(len(rows))
        rows.append((str(n), label, format_money(total)))
        rows += [("", f"- {g}", format_money(v)) for d, g, v in r.groups if d == direction]
    left = income - spending
    if left < 0:
        last = "Chi vượt số thu"
    else:
        last = "Còn lại (số dư, thu trừ chi)" if r.carried else "Còn lại (thu trừ chi)"
    bold.add(len(rows))
    rows.append((str(len(heads) + 1), last, format_money(abs(left))))
    return Table(("STT", "Nội dung", "Số tiền (đồng)"), tuple(rows), (0.9, 7.0, 2.4), "CLR",
                 12, frozenset(bold))


def _lines(items: tuple[FundItem, ...], total_label: str) -> Table:
    rows = [(str(i), format_date_vn(x.on_date), x.description, format_money(x.amount))
            for i, x in enumerate(items, start=1)]
    rows.append(("", "", total_label, format_money(sum(x.amount for x in items))))
    return Table(("STT", "Ngày", "Nội dung", "Số tiền (đồng)"), tuple(rows),
                 (0.9, 1.7, 5.5, 2.2), "CCLR", 12, frozenset({len(rows) - 1}))


def build_fund_report(r: FundReport) -> Document:
    from app.services.awards.money import amount_in_words

    income = sum(x.amount for x in r.income)
    spending = sum(x.amount for x in r.spending)
    left = income - spending
    words = amount_in_words(abs(left))
    doc = Document(f"Báo cáo thu, chi Quỹ thi đua, khen thưởng năm {r.year}").add(
        Header(r.org.parent_body, r.org.body_name, None, date_line(r.org.place_name,
                                                                    r.printed_on)),
        Title("BÁO CÁO THU, CHI", f"Quỹ thi đua, khen thưởng năm {r.year}"),
        blanks.section("I. TỔNG HỢP THU, CHI"),
        _summary(r, income, spending),
        blanks.section("II. CÁC KHOẢN THU"),
        _lines(r.income, "Cộng thu") if r.income else para("Không có khoản thu nào.",
                                                           indent=False),
        blanks.section("III. CÁC KHOẢN CHI"),
        _lines(r.spending, "Cộng chi") if r.spending else para("Không có khoản chi nào.",
                                                               indent=False),
        para((f"Số tiền còn lại: {format_money(left)} đồng (Bằng chữ: {words})." if left >= 0
              else f"Số tiền chi vượt số thu: {format_money(-left)} đồng (Bằng chữ: {words})."),
             indent=False),
        Signatures(left=Signer(("NGƯỜI LẬP BIỂU",), r.preparer, note="(Ký, ghi rõ họ tên)"),
                   middle=Signer(("KẾ TOÁN",), r.accountant, note="(Ký, ghi rõ họ tên)"),
                   right=Signer(("THỦ TRƯỞNG ĐƠN VỊ",), r.head_name, note="(Ký, đóng dấu)")),
    )
    return doc

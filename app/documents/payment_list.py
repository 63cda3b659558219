"""Danh sách chi tiền thưởng: the money of one issued decision, recipient by recipient, with a
column where each one signs for what they received (the accountant's payment voucher list)."""

from __future__ import annotations

from dataclasses import dataclass

from app.documents import common
from app.documents.data import DecisionDoc
from app.documents.model import Document, Header, Signatures, Signer, Table, Title, para
from app.text import format_date_vn, format_money

SIGN_HERE = "\n"  # an empty second line: room for a signature in the row


@dataclass(frozen=True)
class PaymentList:
    """An issued decision's lines with money and who approves the payment."""

    decision: DecisionDoc
    decider: str  # "Chủ tịch Ủy ban nhân dân phường Thành Đông"
    head_name: str  # the Chủ tịch, who approves the spending
    preparer: str = ""  # Người lập biểu ("": written by hand)
    accountant: str = ""


def _rows(d: DecisionDoc) -> tuple[tuple, frozenset[int], frozenset[int]]:
    rows, groups, bold = [], set(), set()
    paid = [e for e in d.entries if e.money > 0]
    awards = common.by_award(tuple(paid))
    for gi, (first, items) in enumerate(awards):
        if len(awards) > 1:
            groups.add(len(rows))
            rows.append(((f"{common.ROMAN[gi % len(common.ROMAN)]}. {common.award_label(first)} "
                         f"({common.count_words(items)})"),))
        for i, e in enumerate(items, start=1):
            rows.append((str(i), common.display_name(e), e.position or "", e.coefficient,
                         format_money(e.money), SIGN_HERE))
        if len(awards) > 1:
            bold.add(len(rows))
            rows.append(("", "Cộng", "", "", format_money(sum(e.money for e in items)), ""))
    bold.add(len(rows))
    rows.append(("", "Tổng cộng", "", "", format_money(sum(e.money for e in paid)), ""))
    return tuple(rows), frozenset(groups), frozenset(bold)


def build_payment_list(p: PaymentList) -> Document:
    """The list on A4 portrait: STT, name, position or address, hệ số, amount, signature."""
    from app.services.awards.money import amount_in_words

    d = p.decision
    total = sum(e.money for e in d.entries if e.money > 0)
    ref = f"Quyết định số {d.full_number} ngày {format_date_vn(d.signed_on)} của {p.decider}"
    rows, groups, bold = _rows(d)
    doc = Document(f"Danh sách chi tiền thưởng - Quyết định {d.full_number}").add(
        Header(d.org.parent_body, d.org.body_name, None, None),
        Title("DANH SÁCH CHI TIỀN THƯỞNG", f"Theo {ref}", rule=False),
        para(f"Mức lương cơ sở: {format_money(d.base_salary)} đồng; tiền thưởng bằng hệ số nhân "
             "với mức lương cơ sở, làm tròn lên hàng chục nghìn đồng.", italic=True,
             align="center", indent=False, size=12),
        Table(("STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị / Địa chỉ", "Hệ số",
               "Số tiền (đồng)", "Ký nhận"), rows, (1.0, 3.4, 3.6, 0.9, 1.7, 2.0), "CLLCRC",
              12, bold, groups),
        para(f"Tổng số tiền: {format_money(total)} đồng (Bằng chữ: {amount_in_words(total)}).",
             indent=False),
        para("Tập thể: người đại diện ký nhận, ghi rõ họ tên; hộ gia đình: chủ hộ ký nhận.",
             italic=True, indent=False, size=12),
        Signatures(left=Signer(("NGƯỜI LẬP BIỂU",), p.preparer, note="(Ký, ghi rõ họ tên)"),
                   middle=Signer(("KẾ TOÁN",), p.accountant, note="(Ký, ghi rõ họ tên)"),
                   right=Signer(("THỦ TRƯỞNG ĐƠN VỊ",), p.head_name, note="(Ký, đóng dấu)")),
    )
    return doc

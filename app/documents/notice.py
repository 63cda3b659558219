"""Thông báo kết quả / công khai danh sách: a numbered notice of its own (number and date from
the văn thư) that wraps the danh sách công khai of app.reports.public_list — after a decision
(the awards, posted 15 days) or before the council (the proposals, posted 10 days for
comments)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.documents import common
from app.documents.data import Org
from app.documents.model import Document, Header, PageBreak, Signatures, Signer, Title, para
from app.text import date_line, format_date_vn


@dataclass(frozen=True)
class Notice:
    org: Org
    number: str  # "12/TB-UBND" ("" to the văn thư)
    signed_on: date | None
    after_decision: bool  # results of a decision (else proposals put to comments)
    grounds: str  # "Quyết định số 15/QĐ-UBND ngày 05/12/2025 của Chủ tịch … về việc …"
    occasion: str  # "tổng kết năm 2025"
    listing: object  # app.reports.public_list.PublicList
    signer_lines: tuple[str, ...]
    signer_name: str


def _ref(n: Notice) -> str:
    num = n.number or f"      /TB-{n.org.doc_symbol}"
    day = format_date_vn(n.signed_on) if n.signed_on else "     /     /     "
    return f"Thông báo số {num} ngày {day}"


def _counts(n: Notice) -> list:
    by_award: dict[str, list] = {}
    for ln in sorted(n.listing.lines, key=lambda x: x.award_order):
        by_award.setdefault(ln.award, []).append(ln)
    return [para(f"- {award}: {common.count_words(items)};") for award, items in by_award.items()]


def build_notice(n: Notice) -> Document:
    """The notice, then the list it publishes on a new page."""
    from app.reports.public_list import list_blocks

    short = n.org.short_name
    if n.after_decision:
        title = "Kết quả khen thưởng và công khai danh sách được khen thưởng"
        lead = [para(f"Căn cứ {n.grounds};"),
                para(f"Ủy ban nhân dân {short} thông báo kết quả khen thưởng {n.occasion} "
                     f"cho {len(n.listing.lines)} trường hợp, cụ thể:")]
    else:
        title = "Công khai danh sách đề nghị khen thưởng để lấy ý kiến Nhân dân"
        lead = [para(f"Thực hiện việc xét khen thưởng {n.occasion}, Ủy ban nhân dân {short} "
                     f"thông báo công khai danh sách {len(n.listing.lines)} trường hợp được đề "
                     "nghị khen thưởng, cụ thể:")]
    doc = Document(f"Thông báo - {n.listing.summary}").add(
        Header(n.org.parent_body, n.org.body_name,
               f"Số: {n.number}" if n.number else f"Số:       /TB-{n.org.doc_symbol}",
               date_line(n.org.place_name, n.signed_on)),
        Title("THÔNG BÁO", title),
        *lead, *_counts(n),
        para("(Có danh sách kèm theo)", italic=True),
        para(n.listing.note),
        para(f"Ủy ban nhân dân {short} thông báo để các cơ quan, đơn vị, khu dân cư và Nhân dân "
             "được biết./."),
        Signatures(Signer(n.signer_lines, n.signer_name),
                   recipients=("- Các cơ quan, đơn vị, khu dân cư (để niêm yết);",
                               "- Ủy ban MTTQ phường;", "- Lưu: VT.")),
        PageBreak(),
        Title(n.listing.title, n.listing.summary, rule=False),
        para(f"(Kèm theo {_ref(n)} của Ủy ban nhân dân {short})", italic=True,
             align="center", indent=False),
        Title("", "", rule=True),
        *list_blocks(n.listing),
    )
    return doc

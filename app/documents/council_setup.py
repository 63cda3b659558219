"""Quyết định kiện toàn Hội đồng Thi đua - Khen thưởng, with the Quy chế hoạt động attached.

The members and their roles come from the council's records; the quorum and the vote rule of
each award from what the ward set (Cài đặt › Danh hiệu và mức thưởng). The duties are the
Council's general ones; the officer edits the DOCX when the ward's own quy chế says more."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.documents.data import Org
from app.documents.model import (
    Document,
    Header,
    PageBreak,
    Signatures,
    Signer,
    Table,
    Title,
    article,
    heading,
    para,
)
from app.text import date_line, format_date_vn

COUNCIL = "Hội đồng Thi đua - Khen thưởng"


@dataclass(frozen=True)
class Member:
    name: str
    position: str  # chức vụ, đơn vị
    role: str  # Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng, Ủy viên…


@dataclass(frozen=True)
class VoteRule:
    """How the Council decides on one award."""

    award: str  # "danh hiệu “Chiến sĩ thi đua cơ sở”"
    secret: bool
    threshold: str  # "từ 70% trở lên" / "trên 50%" ("" when agreed without a vote)
    base: str  # "tổng số thành viên Hội đồng" / "số thành viên có mặt"


@dataclass(frozen=True)
class CouncilSetup:
    org: Org
    number: str  # "25/QĐ-UBND" ("" left to the văn thư)
    signed_on: date | None
    members: tuple[Member, ...]
    quorum: str  # "ít nhất 2/3" / "trên 1/2"
    quorum_count: int  # members that make the quorum today
    rules: tuple[VoteRule, ...]
    bases: tuple[str, ...]
    replaces: str  # "Quyết định số 5/QĐ-UBND ngày 10/01/2024 …" ("" when none named)
    signer_name: str


def _ref(c: CouncilSetup) -> str:
    num = c.number or f"      /QĐ-{c.org.doc_symbol}"
    day = format_date_vn(c.signed_on) if c.signed_on else "     /     /     "
    return f"Quyết định số {num} ngày {day}"


def _member_rows(c: CouncilSetup) -> tuple[tuple[str, ...], ...]:
    return tuple((str(i), m.name, m.position or "", m.role)
                 for i, m in enumerate(c.members, start=1))


def _decision(c: CouncilSetup, doc: Document) -> None:
    short = c.org.short_name
    doc.add(
        Header(c.org.parent_body, c.org.body_name,
               f"Số: {c.number}" if c.number else f"Số:       /QĐ-{c.org.doc_symbol}",
               date_line(c.org.place_name, c.signed_on)),
        Title("QUYẾT ĐỊNH", f"Về việc kiện toàn {COUNCIL} {short}"),
        heading(f"CHỦ TỊCH {c.org.body_name}"),
        *[para(b, italic=True) for b in c.bases],
        heading("QUYẾT ĐỊNH:"),
        article("Điều 1.", f"Kiện toàn {COUNCIL} {short} gồm {len(c.members)} thành viên có tên "
                           "sau:"),
        Table(("STT", "Họ và tên", "Chức vụ, đơn vị", "Chức danh trong Hội đồng"),
              _member_rows(c), (1.0, 3.4, 4.6, 3.3), "CLLL", 12),
        article("Điều 2.", f"{COUNCIL} {short} có nhiệm vụ tham mưu cho Chủ tịch Ủy ban nhân "
                           f"dân {short} tổ chức, phát động các phong trào thi đua; định kỳ sơ "
                           "kết, tổng kết phong trào thi đua và công tác khen thưởng; xét, đề "
                           "nghị Chủ tịch Ủy ban nhân dân khen thưởng hoặc trình cấp trên khen "
                           "thưởng theo quy định. Hội đồng làm việc theo Quy chế hoạt động ban "
                           "hành kèm theo Quyết định này."),
        article("Điều 3.", "Quyết định này có hiệu lực kể từ ngày ký"
                + (f" và thay thế {c.replaces}." if c.replaces else ".")),
        article("Điều 4.", f"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {short}, các cơ "
                           "quan, đơn vị có liên quan và các ông, bà có tên tại Điều 1 chịu "
                           "trách nhiệm thi hành Quyết định này./."),
        Signatures(Signer(("CHỦ TỊCH",), c.signer_name),
                   recipients=("- Như Điều 4;", "- Thường trực Đảng ủy, HĐND phường;",
                               "- Lưu: VT.")),
    )


def _rule_rows(c: CouncilSetup) -> tuple[tuple[str, ...], ...]:
    rows = []
    for i, r in enumerate(c.rules, start=1):
        how = "Bỏ phiếu kín" if r.secret else "Biểu quyết"
        share = (f"{r.threshold[0].upper()}{r.threshold[1:]} số phiếu đồng ý, tính trên "
                 f"{r.base}") if r.threshold else "Hội đồng thống nhất, không bỏ phiếu"
        rows.append((str(i), r.award, how if r.threshold else "", share))
    return tuple(rows)


def _rules(c: CouncilSetup, doc: Document) -> None:
    short = c.org.short_name
    doc.add(
        PageBreak(),
        Header(c.org.parent_body, c.org.body_name, None, None),
        Title("QUY CHẾ", f"Hoạt động của {COUNCIL} {short}", rule=False),
        para(f"(Ban hành kèm theo {_ref(c)} của Chủ tịch Ủy ban nhân dân {short})",
             italic=True, align="center", indent=False),
        Title("", "", rule=True),
        article("Điều 1. Phạm vi điều chỉnh.", f"Quy chế này quy định nguyên tắc làm việc, "
                f"chế độ họp, cách xét và biểu quyết của {COUNCIL} {short} (sau đây gọi là "
                "Hội đồng)."),
        article("Điều 2. Nguyên tắc làm việc.", "Hội đồng làm việc theo nguyên tắc tập trung, "
                "dân chủ, công khai, công bằng; thành viên Hội đồng chịu trách nhiệm về ý kiến "
                "của mình. Ý kiến khác nhau được ghi vào biên bản và báo cáo Chủ tịch Hội đồng."),
        article("Điều 3. Thành phần.", f"Hội đồng gồm {len(c.members)} thành viên theo Quyết "
                "định kiện toàn Hội đồng: " + _composition(c) + "."),
        article("Điều 4. Chế độ họp.", f"Hội đồng họp khi có {c.quorum} tổng số thành "
                f"viên tham dự (hiện nay là {c.quorum_count}/{len(c.members)} thành viên). "
                "Chủ tịch Hội đồng chủ trì cuộc họp; vắng Chủ tịch Hội đồng thì Phó Chủ tịch Hội "
                "đồng được ủy quyền chủ trì. Thư ký ghi biên bản cuộc họp."),
        article("Điều 5. Biểu quyết.", "Hội đồng xét từng danh hiệu thi đua, hình thức khen "
                "thưởng theo tỷ lệ phiếu đồng ý sau:"),
        Table(("STT", "Danh hiệu, hình thức khen thưởng", "Hình thức",
               "Tỷ lệ đồng ý để đề nghị"), _rule_rows(c), (1.0, 4.6, 2.0, 4.8), "CLCL", 12)
        if c.rules else para("Hội đồng chưa đặt tỷ lệ biểu quyết cho danh hiệu nào."),
        para("Khi bỏ phiếu kín, Hội đồng bầu Ban kiểm phiếu; phiếu không ký tên, phiếu gạch "
             "xóa, ghi thêm tên là phiếu không hợp lệ; kết quả kiểm phiếu được lập thành biên "
             "bản."),
        article("Điều 6. Tổ chức thực hiện.", "Các thành viên Hội đồng và cơ quan, đơn vị có "
                "liên quan thực hiện Quy chế này. Trong quá trình thực hiện, có vướng mắc thì báo "
                "cáo Chủ tịch Hội đồng để xem xét, sửa đổi cho phù hợp./."),
        Signatures(Signer(("CHỦ TỊCH",), c.signer_name)),
    )


def _composition(c: CouncilSetup) -> str:
    counts: dict[str, int] = {}
    for m in c.members:
        counts[m.role] = counts.get(m.role, 0) + 1
    return "; ".join(f"{n:02d} {role}" for role, n in counts.items())


def build_council_setup(c: CouncilSetup) -> Document:
    """The decision, then its Quy chế on a new page."""
    doc = Document(f"Quyết định kiện toàn {COUNCIL}")
    _decision(c, doc)
    _rules(c, doc)
    return doc

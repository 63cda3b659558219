"""Tờ trình, Biên bản họp Hội đồng, Biên bản kiểm phiếu and phiếu bầu (secret ballot)."""

from __future__ import annotations

from dataclasses import replace

from app.documents import common, lists
from app.documents.data import MeetingDoc, ProposalDoc, Vote
from app.documents.model import (
    Document,
    PageBreak,
    Paragraph,
    Run,
    Signatures,
    Signer,
    Table,
    Title,
    heading,
    para,
)
from app.text import date_line, format_date_vn

COUNCIL = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"


def _when(m: MeetingDoc) -> str:
    if m.held_at is None:
        return "Vào lúc …… giờ …… ngày …… tháng …… năm ……"
    h = m.held_at
    month = f"{h.month:02d}" if h.month <= 2 else str(h.month)
    return f"Vào lúc {h.hour} giờ {h.minute:02d} phút, ngày {h.day:02d} tháng {month} năm {h.year}"


def _council_header(m: MeetingDoc | ProposalDoc):
    day = m.held_at.date() if isinstance(m, MeetingDoc) and m.held_at else None
    return common.header(m.org, None, date_line(m.org.place_name, day), body=COUNCIL)


def _label(label: str, value: str) -> Paragraph:
    return Paragraph((Run(label, bold=True), Run(value)))


def _vote_table(votes: tuple[Vote, ...], with_counts: bool) -> Table:
    cols = ("STT", "Họ và tên / Tên tập thể", "Danh hiệu, hình thức")
    widths, align = [0.9, 3.8, 3.4], "CLL"
    if with_counts:
        cols += ("Số phiếu đồng ý", "Tỷ lệ", "Kết quả")
        widths, align = widths + [1.4, 1.3, 1.6], align + "CCC"
    rows = []
    for i, v in enumerate(votes, start=1):
        row = (str(i), common.display_name(v.entry), v.entry.award_name)
        if with_counts:
            agree = f"{v.agree}/{v.base}" if v.agree is not None else "—"
            result = {True: "Đạt", False: "Không đạt", None: "Chưa bỏ phiếu"}[v.passed]
            if not v.threshold and v.passed:
                result = "Thống nhất"
            row += (agree, v.percent or "—", result)
        rows.append(row)
    return Table(cols, tuple(rows), tuple(widths), align)


def build_minutes(m: MeetingDoc) -> Document:
    """Biên bản họp Hội đồng Thi đua - Khen thưởng."""
    present, what = len(m.attendees), common.occasion(m.batch_name, m.year)
    doc = Document(f"Biên bản họp Hội đồng - {m.batch_name}").add(
        _council_header(m),
        Title("BIÊN BẢN", f"Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng {what}"),
        para(f"{_when(m)}, tại {m.place or '……'}, {common_name(m)} họp xét khen thưởng "
             f"{what}."),
        _label("Chủ trì: ", m.chair or "……"),
        _label("Thư ký: ", m.secretary or "……"),
        _label("Thành phần: ", f"có mặt {present}/{m.members_total} thành viên Hội đồng"
               + (" (đủ điều kiện tiến hành họp)." if present >= m.quorum_needed
                  else f" (chưa đủ {m.quorum_needed} thành viên theo quy chế)."))
    )
    for name, role in m.attendees:
        doc.add(para(f"- {name}, {role};"))
    if m.absent:
        doc.add(para("Vắng mặt: " + "; ".join(f"{n} ({r})" for n, r in m.absent) + "."))
    doc.add(heading("NỘI DUNG CUỘC HỌP"))
    doc.add(para(m.content or ("Hội đồng nghe báo cáo tóm tắt thành tích của các tập thể, cá "
                               "nhân, hộ gia đình được đề nghị; thảo luận, bỏ phiếu kín đối với "
                               "các danh hiệu phải bỏ phiếu. Kết quả như sau:")))
    doc.add(_vote_table(m.votes, with_counts=True))
    passed = [v for v in m.votes if v.passed]
    doc.add(heading("KẾT LUẬN"))
    doc.add(para(m.conclusion or (f"Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân "
                                  f"{m.org.short_name} khen thưởng {len(passed)} trường hợp đạt "
                                  "tỷ lệ phiếu theo quy định.")))
    doc.add(para("Cuộc họp kết thúc vào lúc …… giờ …… cùng ngày. Biên bản đã được thông qua "
                 "trước Hội đồng./."))
    doc.add(Signatures(Signer(("CHỦ TRÌ",), m.chair), left=Signer(("THƯ KÝ",), m.secretary)))
    return doc


def common_name(m: MeetingDoc) -> str:
    """“Hội đồng Thi đua - Khen thưởng phường …”."""
    return f"Hội đồng Thi đua - Khen thưởng {m.org.short_name}"


def build_count_minutes(m: MeetingDoc) -> Document:
    """Biên bản kiểm phiếu: ballots issued / valid and the agree share per candidate."""
    voted = tuple(v for v in m.votes if v.agree is not None)
    issued = max((v.issued or 0 for v in voted), default=0)
    valid = max((v.valid or 0 for v in voted), default=0)
    doc = Document(f"Biên bản kiểm phiếu - {m.batch_name}").add(
        _council_header(m),
        Title("BIÊN BẢN KIỂM PHIẾU", f"Bỏ phiếu kín xét khen thưởng "
                                     f"{common.occasion(m.batch_name, m.year)}"),
        para(f"{_when(m)}, tại {m.place or '……'}, Ban kiểm phiếu tiến hành kiểm phiếu bầu "
             f"xét khen thưởng của {common_name(m)}."),
        para(f"- Tổng số thành viên Hội đồng: {m.members_total}; có mặt: {len(m.attendees)}."),
        para(f"- Số phiếu phát ra: {issued}; số phiếu thu về hợp lệ: {valid}."),
        para("Kết quả kiểm phiếu như sau (tỷ lệ tính trên tổng số thành viên hoặc số thành viên "
             "có mặt theo quy định của từng danh hiệu):"),
        _vote_table(voted, with_counts=True),
        para("Biên bản được lập vào lúc …… giờ …… cùng ngày và đọc lại trước Hội đồng./."),
        Signatures(Signer(("TRƯỞNG BAN KIỂM PHIẾU",), ""), left=Signer(("THƯ KÝ",), m.secretary)),
    )
    return doc


def build_ballots(m: MeetingDoc, copies: int = 1) -> Document:
    """Phiếu bầu: candidates that need a vote, per award, with Đồng ý / Không đồng ý boxes."""
    doc = Document(f"Phiếu bầu - {m.batch_name}")
    voting = [v for v in m.votes if v.threshold]
    for n in range(max(copies, 1)):
        if n:
            doc.add(PageBreak())
        doc.add(
            common.header(m.org, None, None, body=COUNCIL),
            Title("PHIẾU BẦU", f"Xét khen thưởng {common.occasion(m.batch_name, m.year)}"),
            para("(Đồng ý thì đánh dấu X vào ô “Đồng ý”, không đồng ý thì đánh dấu X vào ô "
                 "“Không đồng ý”; mỗi dòng chỉ đánh dấu một ô)", italic=True, align="center",
                 indent=False, size=12),
        )
        for gi, (first, items) in enumerate(common.by_award(tuple(v.entry for v in voting))):
            group = para(f"{common.ROMAN[gi]}. {common.award_label(first)}", bold=True,
                         indent=False)
            doc.add(replace(group, keep_with_next=True))  # never alone at the foot of a page
            rows = tuple((str(i), common.display_name(e), e.position or "", "", "")
                         for i, e in enumerate(items, start=1))
            doc.add(Table(("STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Đồng ý",
                           "Không đồng ý"), rows, (0.9, 3.6, 3.8, 1.3, 1.5), "CLLCC", 12))
        doc.add(para("Phiếu không ký tên. Phiếu gạch xóa, ghi thêm tên là phiếu không hợp lệ.",
                     italic=True, indent=False, size=11))
    return doc


def build_proposal(p: ProposalDoc) -> Document:
    """Tờ trình đề nghị khen thưởng, with the proposed list."""
    symbol = "TTr-" + (p.org.doc_symbol if p.upward else "HĐTĐKT")
    body = None if p.upward else COUNCIL
    when = f" ngày {format_date_vn(p.meeting_on)}" if p.meeting_on else ""
    what = common.occasion(p.batch_name, p.year)
    doc = Document(f"Tờ trình - {p.batch_name}").add(
        common.header(p.org, f"Số:       /{symbol}", date_line(p.org.place_name, None), body=body),
        Title("TỜ TRÌNH", f"Về việc đề nghị khen thưởng {what}"),
        para(f"Kính gửi: {p.recipient}.", align="center", indent=False),
        para("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", italic=True),
        para("Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định về phân cấp, phân quyền "
             "trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số "
             "điều của Luật Thi đua, khen thưởng;", italic=True),
        para(f"Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng {p.org.short_name}{when},"
             , italic=True),
        para(f"{'Ủy ban nhân dân' if p.upward else 'Hội đồng Thi đua - Khen thưởng'} "
             f"{p.org.short_name} kính trình {p.recipient} xem xét, khen thưởng cho "
             f"{common.count_words(list(p.entries))} có thành tích, cụ thể:"),
    )
    for first, items in common.by_award(p.entries):
        doc.add(para(f"- {common.award_label(first)}: {common.count_words(items)};"))
    doc.add(para("(Có danh sách và hồ sơ kèm theo)", italic=True))
    doc.add(para(f"Kính trình {p.recipient} xem xét, quyết định./."))
    doc.add(Signatures(Signer(p.signer_lines, p.signer_name),
                       recipients=("- Như trên;", "- Lưu: VT.")))
    doc.add(PageBreak(), Title("DANH SÁCH", f"Đề nghị khen thưởng {what}"),
            lists.entry_table(p.entries, money=False))
    return doc

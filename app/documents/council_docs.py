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


MINUTES_SYMBOL = "BB-HĐTĐKT"


def _number(value: str | None) -> str:
    """"Số: 5/BB-HĐTĐKT"; a bare number gets the symbol; none: a blank to write by hand."""
    value = (value or "").strip()
    if not value:
        return f"Số:      /{MINUTES_SYMBOL}"
    return f"Số: {value}" if "/" in value else f"Số: {value}/{MINUTES_SYMBOL}"


def _council_header(m: MeetingDoc | ProposalDoc, number: str | None = None):
    day = m.held_at.date() if isinstance(m, MeetingDoc) and m.held_at else None
    return common.header(m.org, number, date_line(m.org.place_name, day), body=COUNCIL)


def _label(label: str, value: str) -> Paragraph:
    return Paragraph((Run(label, bold=True), Run(value)))


def share(v: Vote) -> str:
    """The agree share with its base: "6/9 thành viên Hội đồng (66,7%)"."""
    if v.agree is None:
        return "—"
    return f"{v.agree}/{v.base} {v.base_label}" + (f" ({v.percent})" if v.percent else "")


def _result(v: Vote) -> str:
    if not v.threshold and v.passed:
        return "Thống nhất"
    return {True: "Đạt", False: "Không đạt", None: "Chưa bỏ phiếu"}[v.passed]


def _vote_table(votes: tuple[Vote, ...]) -> Table:
    """Minutes: who, which award, the agree share over its base, the verdict."""
    rows = tuple((str(i), common.display_name(v.entry), v.entry.award_name, share(v), _result(v))
                 for i, v in enumerate(votes, start=1))
    return Table(("STT", "Họ và tên / Tên tập thể", "Danh hiệu, hình thức", "Số phiếu đồng ý",
                  "Kết quả"), rows, (0.9, 3.6, 3.6, 3.0, 1.6), "CLLCC", 12)


def _count_table(votes: tuple[Vote, ...]) -> Table:
    """Vote count: every count per candidate, grouped by award with its base and threshold."""
    def n(value):
        return "—" if value is None else str(value)

    rows, groups = [], set()
    for gi, (first, items) in enumerate(common.by_award(tuple(v.entry for v in votes))):
        vs = [v for v in votes if v.entry in items]
        need = f", cần đạt từ {vs[0].threshold}" if vs[0].threshold else ""
        groups.add(len(rows))
        label = (f"{common.ROMAN[gi % len(common.ROMAN)]}. {common.award_label(first)} "
                 f"(tỷ lệ tính trên {vs[0].base} {vs[0].base_label}{need})")
        rows.append((label,))
        for i, v in enumerate(vs, start=1):
            rows.append((str(i), common.display_name(v.entry), n(v.issued), n(v.returned),
                         n(v.valid), n(v.invalid), n(v.agree), n(v.disagree), share(v),
                         _result(v)))
    return Table(("STT", "Họ và tên / Tên tập thể", "Phiếu phát ra", "Phiếu thu vào",
                  "Phiếu hợp lệ", "Phiếu không hợp lệ", "Đồng ý", "Không đồng ý",
                  "Tỷ lệ đồng ý", "Kết quả"), tuple(rows),
                 (1.0, 3.0, 1.25, 1.25, 1.25, 1.35, 1.2, 1.35, 2.6, 1.5), "CLCCCCCCCC", 10.5,
                 group_rows=frozenset(groups))


def _tellers_line(m: MeetingDoc) -> str:
    return "; ".join(f"{name}{' (Trưởng ban)' if head else ''}" for name, head in m.tellers)


def build_minutes(m: MeetingDoc) -> Document:
    """Biên bản họp Hội đồng Thi đua - Khen thưởng."""
    present, what = len(m.attendees), common.occasion(m.batch_name, m.year)
    doc = Document(f"Biên bản họp Hội đồng - {m.batch_name}").add(
        _council_header(m, _number(m.minutes_number)),
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
    if m.tellers:
        doc.add(para(f"Hội đồng thống nhất Ban kiểm phiếu gồm: {_tellers_line(m)}."))
    doc.add(_vote_table(m.votes))
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
    """Biên bản kiểm phiếu of the Ban kiểm phiếu: every count per candidate, the agree share
    over the base its award's rule uses; signed by the head and the members."""
    voted = tuple(v for v in m.votes if v.agree is not None)
    head = next((name for name, is_head in m.tellers if is_head), "")
    members = [name for name, is_head in m.tellers if not is_head]
    doc = Document(f"Biên bản kiểm phiếu - {m.batch_name}").add(
        _council_header(m, _number(m.count_number)),
        Title("BIÊN BẢN KIỂM PHIẾU", f"Bỏ phiếu kín xét khen thưởng "
                                     f"{common.occasion(m.batch_name, m.year)}"),
        para(f"{_when(m)}, tại {m.place or '……'}, Ban kiểm phiếu tiến hành kiểm phiếu bầu "
             f"xét khen thưởng của {common_name(m)}."),
        para(f"Ban kiểm phiếu gồm: {_tellers_line(m)}."),
        para(f"- Tổng số thành viên Hội đồng: {m.members_total}; có mặt: {len(m.attendees)}."),
        para("Kết quả kiểm phiếu như sau (tỷ lệ đồng ý tính trên tổng số thành viên Hội đồng "
             "hoặc trên số thành viên có mặt, theo quy định của từng danh hiệu):"),
        _count_table(voted),
        para("Biên bản được lập vào lúc …… giờ …… cùng ngày, đọc lại trước Hội đồng và được "
             "Ban kiểm phiếu thống nhất ký tên./."),
    )
    left = Signer(("THÀNH VIÊN BAN KIỂM PHIẾU",), "\n".join(members)) if members else None
    doc.add(Signatures(Signer(("TRƯỞNG BAN KIỂM PHIẾU",), head), left=left))
    return doc


def build_ballots(m: MeetingDoc, copies: int = 1) -> Document:
    """Phiếu bầu: candidates that need a vote, per award, with Đồng ý / Không đồng ý boxes.
    A secret ballot carries nothing that tells one paper from another (no page number, no
    serial) and each copy is one sheet."""
    doc = Document(f"Phiếu bầu - {m.batch_name}", page_numbers=False, fit_page=True)
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

"""Kế hoạch phát động (or triển khai) phong trào thi đua, and the Quyết định phát động that
issues it: built from the movement record (name, slogan, period, plan number and date, its
content) and what the officer wrote for the plan (purpose, targets, awards planned, who does
what). A part not written yet prints as dotted lines to complete by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.documents import blanks
from app.documents.data import Org
from app.documents.model import (
    Document,
    Header,
    PageBreak,
    Paragraph,
    Run,
    Signatures,
    Signer,
    Title,
    article,
    heading,
    para,
)
from app.text import date_line, fold, format_date_vn


@dataclass(frozen=True)
class MovementPlan:
    org: Org
    name: str  # the movement's name, as recorded
    launched_here: bool  # launched by the ward (else carried out after a higher level's launch)
    launched_by: str
    slogan: str
    start: date | None
    end: date | None
    plan_number: str  # "12/KH-UBND" ("" to the văn thư)
    plan_date: date | None
    content: str  # the movement's description
    purpose: str
    subjects: str  # đối tượng thi đua
    targets: tuple[str, ...]
    awards: tuple[str, ...]  # "Danh hiệu “Lao động tiên tiến”", free lines
    organize: str  # tổ chức thực hiện
    signer_name: str  # the Chủ tịch
    decision_number: str = ""  # the Quyết định phát động's, when printed with one
    decision_date: date | None = None
    bases: tuple[str, ...] = ()  # the decision's căn cứ


def movement_title(p: MovementPlan) -> str:
    """"Phát động phong trào thi đua “Chủ nhật xanh”" (a higher level's: "Triển khai …")."""
    name = p.name
    lead = "phong trao thi dua "
    if fold(name).startswith(lead):
        name = name[len(lead):].strip()
        name = name[:1].upper() + name[1:]
    verb = "Phát động" if p.launched_here else "Triển khai thực hiện"
    return f"{verb} phong trào thi đua “{name}”"


def _period(p: MovementPlan) -> str:
    if p.start and p.end:
        return f"Từ ngày {format_date_vn(p.start)} đến ngày {format_date_vn(p.end)}."
    if p.start:
        return f"Từ ngày {format_date_vn(p.start)}."
    return ""


def _text_or_blank(value: str, lines: int) -> list:
    got = blanks.lines_of(value)
    return [para(x) for x in got] if got else blanks.blank_lines(lines)


def _list_or_blank(items: tuple[str, ...], lines: int) -> list:
    return [para(f"- {x.lstrip('- ')}") for x in items] if items else blanks.blank_lines(lines)


def _plan_body(p: MovementPlan) -> list:
    out = [blanks.section("I. MỤC ĐÍCH, YÊU CẦU"), *_text_or_blank(p.purpose, 3),
           blanks.section("II. NỘI DUNG, CHỈ TIÊU THI ĐUA"),
           blanks.section("1. Nội dung thi đua"), *_text_or_blank(p.content, 3)]
    if p.slogan:
        out.append(Paragraph((Run("Khẩu hiệu thi đua: "), Run(f"“{p.slogan}”", bold=True))))
    out += [blanks.section("2. Chỉ tiêu thi đua"), *_list_or_blank(p.targets, 3),
            blanks.section("III. ĐỐI TƯỢNG, THỜI GIAN THỰC HIỆN"),
            blanks.field("1. Đối tượng:", p.subjects),
            blanks.field("2. Thời gian:", _period(p)),
            blanks.section("IV. KHEN THƯỞNG"),
            para("Các danh hiệu thi đua, hình thức khen thưởng dự kiến:"),
            *_list_or_blank(p.awards, 2),
            blanks.section("V. TỔ CHỨC THỰC HIỆN"), *_text_or_blank(p.organize, 4)]
    return out


def _plan(p: MovementPlan, doc: Document, attached: bool) -> None:
    number = p.plan_number or f"      /KH-{p.org.doc_symbol}"
    doc.add(Header(p.org.parent_body, p.org.body_name, None if attached else f"Số: {number}",
                   None if attached else date_line(p.org.place_name, p.plan_date)),
            Title("KẾ HOẠCH", movement_title(p), rule=not attached))
    if attached:
        num = p.decision_number or f"      /QĐ-{p.org.doc_symbol}"
        day = format_date_vn(p.decision_date) if p.decision_date else "     /     /     "
        doc.add(para(f"(Ban hành kèm theo Quyết định số {num} ngày {day} của Chủ tịch Ủy ban "
                     f"nhân dân {p.org.short_name})", italic=True, align="center", indent=False),
                Title("", "", rule=True))
    doc.add(*_plan_body(p))
    # Attached to the Chủ tịch's decision, the plan is signed as the decision is.
    lines = ("CHỦ TỊCH",) if attached else ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    doc.add(Signatures(Signer(lines, p.signer_name),
                       recipients=() if attached else (
                           "- Thường trực Đảng ủy, HĐND phường;", "- Ủy ban MTTQ phường;",
                           "- Các cơ quan, đơn vị, khu dân cư;", "- Lưu: VT.")))


def build_movement_plan(p: MovementPlan) -> Document:
    """The Kế hoạch on its own, numbered from the movement record."""
    doc = Document(f"Kế hoạch - {p.name}")
    _plan(p, doc, attached=False)
    return doc


def build_movement_decision(p: MovementPlan) -> Document:
    """Quyết định phát động, with the Kế hoạch attached on a new page."""
    short = p.org.short_name
    title = movement_title(p)
    doc = Document(f"Quyết định phát động - {p.name}").add(
        Header(p.org.parent_body, p.org.body_name,
               f"Số: {p.decision_number or f'      /QĐ-{p.org.doc_symbol}'}",
               date_line(p.org.place_name, p.decision_date)),
        Title("QUYẾT ĐỊNH", "Về việc " + title[0].lower() + title[1:]),
        heading(f"CHỦ TỊCH {p.org.body_name}"),
        *[para(b, italic=True) for b in p.bases],
        heading("QUYẾT ĐỊNH:"),
        article("Điều 1.", f"{title} trên địa bàn {short}" + (
            f", {_period(p)[0].lower()}{_period(p)[1:]}" if _period(p) else ".")),
        article("Điều 2.", "Ban hành kèm theo Quyết định này Kế hoạch thực hiện phong trào thi đua."),
        article("Điều 3.", "Quyết định này có hiệu lực kể từ ngày ký."),
        article("Điều 4.", f"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {short}, các cơ quan, "
                           "đơn vị, khu dân cư có liên quan chịu trách nhiệm thi hành Quyết định "
                           "này./."),
        Signatures(Signer(("CHỦ TỊCH",), p.signer_name),
                   recipients=("- Như Điều 4;", "- Thường trực Đảng ủy, HĐND phường;",
                               "- Ủy ban MTTQ phường;", "- Lưu: VT.")),
        PageBreak(),
    )
    _plan(p, doc, attached=True)
    return doc

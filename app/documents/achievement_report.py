"""Báo cáo thành tích: the report a person or a collective sends with a proposal (Chiến sĩ thi
đua cơ sở, or any award proposed to the city), following the models "báo cáo thành tích đề
nghị khen thưởng công trạng" for cá nhân and tập thể of the Phụ lục to Nghị định
152/2025/NĐ-CP (I. sơ lược lý lịch / đặc điểm; II. thành tích; III. khen thưởng đã nhận).

What the records hold is filled in (name, birth, position, unit, awards already received with
their decisions, recognised initiatives, the achievement typed on the candidate); every other
item is a dotted line the person or the unit completes by hand."""

from __future__ import annotations

from dataclasses import dataclass

from app.documents import blanks
from app.documents.data import Org
from app.documents.model import Document, Paragraph, Run, Signatures, Signer, Table, Title, para
from app.documents.ward import area_head_title, national_heading, unit_header
from app.text import date_line


@dataclass(frozen=True)
class Held:
    """An award already received: year, name and the decision that gave it."""

    year: int
    award: str
    decision: str  # "Quyết định số 15/QĐ-UBND ngày 05/12/2025"
    issuer: str  # "Chủ tịch UBND phường Thành Đông"


@dataclass(frozen=True)
class AchievementReport:
    """One candidate's report, as far as the records know it."""

    org: Org
    subject_type: str  # person / collective / area
    proposed: str  # "Đề nghị tặng danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025"
    upward: bool  # proposed to the city: the ward confirms as cấp trình khen thưởng
    name: str
    birth: str = ""  # "12/03/1985", or "1985" when only the year is known
    gender: str = ""  # "Nam" / "Nữ"
    address: str = ""  # trú quán; a collective's trụ sở
    phone: str = ""
    workplace: str = ""
    position: str = ""
    area_kind: str = ""  # an area's kind (khu dân cư, tổ dân phố, thôn)
    head_name: str = ""  # an area's leader
    households: int | None = None  # an area's households
    achievement: str = ""
    initiatives: tuple[str, ...] = ()  # "Năm 2025: sáng kiến “…” (Quyết định số …)"
    titles: tuple[Held, ...] = ()
    forms: tuple[Held, ...] = ()


def _held_table(items: tuple[Held, ...], what: str, verb: str) -> Table:
    rows = tuple((str(h.year), h.award, f"{h.decision}; {h.issuer}".strip("; "))
                 for h in items)
    if not rows:  # the register holds none: rows to add earlier ones by hand
        rows = (("", "", ""),) * 3
    return Table(("Năm", what, (f"Số, ngày, tháng, năm của quyết định {verb}; cơ quan ban "
                               "hành quyết định")), rows, (1.0, 3.6, 5.4), "CLL", 12)


def _awards_part(r: AchievementReport) -> list:
    return [
        blanks.section("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"),
        blanks.section("1. Danh hiệu thi đua:"),
        _held_table(r.titles, "Danh hiệu thi đua", "công nhận danh hiệu thi đua"),
        blanks.section("2. Hình thức khen thưởng:"),
        _held_table(r.forms, "Hình thức khen thưởng", "khen thưởng"),
    ]


def _achievement_lines(r: AchievementReport, extra: int) -> list:
    out = [para(x) for x in blanks.lines_of(r.achievement)]
    if r.initiatives:
        out.append(para("Sáng kiến, đề tài được công nhận:"))
        out += [para(f"- {x}") for x in r.initiatives]
    return out + blanks.blank_lines(extra)


def _person(r: AchievementReport) -> list:
    born = r.birth + (f"; giới tính: {r.gender}" if r.birth and r.gender else "")
    label = "- Năm sinh:" if r.birth.isdigit() else "- Ngày, tháng, năm sinh:"
    return [
        blanks.section("I. SƠ LƯỢC LÝ LỊCH"),
        blanks.field("- Họ và tên:", r.name),
        blanks.field(label, born),
        *([] if r.birth or not r.gender else [blanks.field("- Giới tính:", r.gender)]),
        blanks.field("- Quê quán:", ""),
        blanks.field("- Trú quán:", r.address),
        blanks.field("- Đơn vị công tác:", r.workplace),
        blanks.field("- Chức vụ (Đảng, chính quyền, đoàn thể):", r.position),
        blanks.field("- Trình độ chuyên môn, nghiệp vụ:", ""),
        blanks.field("- Học hàm, học vị, danh hiệu, giải thưởng:", ""),
        blanks.section("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
        blanks.section("1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:"),
        *blanks.blank_lines(3),
        blanks.section("2. Thành tích đạt được của cá nhân:"),
        *_achievement_lines(r, 4),
    ]


def _collective(r: AchievementReport) -> list:
    seat = ", ".join(x for x in (r.address, f"điện thoại {r.phone}" if r.phone else "") if x)
    traits = (f"{r.households} hộ gia đình" if r.households else "")
    return [
        blanks.section("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"),
        blanks.section("1. Đặc điểm, tình hình:"),
        blanks.field("- Địa điểm trụ sở chính, điện thoại:", seat),
        blanks.field("- Quá trình thành lập và phát triển:", ""),
        blanks.field("- Những đặc điểm chính của đơn vị, địa phương:", traits),
        blanks.section("2. Chức năng, nhiệm vụ:"),
        *blanks.blank_lines(2),
        blanks.section("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
        blanks.section("1. Kết quả thực hiện nhiệm vụ được giao:"),
        *_achievement_lines(r, 3),
        blanks.section("2. Những biện pháp hoặc nguyên nhân đạt được thành tích; các phong trào "
                       "thi đua đã được áp dụng:"),
        *blanks.blank_lines(3),
        blanks.section("3. Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà "
                       "nước; công tác xây dựng Đảng, đoàn thể:"),
        *blanks.blank_lines(2),
    ]


def build_achievement_report(r: AchievementReport) -> Document:
    """The report, ready to sign: the person (or the unit's head) and, for a proposal to the
    city, the ward confirming it."""
    doc = Document(f"Báo cáo thành tích - {r.name}")
    when = date_line(r.org.place_name, None)
    if r.subject_type == "person":
        doc.add(*national_heading(),
                Paragraph((Run(when, italic=True),), align="right", indent=False))
    else:
        doc.add(unit_header(r.org, r.name, None, when))
    doc.add(Title("BÁO CÁO THÀNH TÍCH", r.proposed.upper()))
    if r.subject_type != "person":
        doc.add(para(r.name, bold=True, align="center", indent=False))
    doc.add(*(_person(r) if r.subject_type == "person" else _collective(r)), *_awards_part(r))
    # One signature row (never two blocks in a row): for a proposal to the city the ward
    # confirms it, as cấp trình khen thưởng, between the unit and the person.
    confirm = Signer(("XÁC NHẬN CỦA CẤP", "TRÌNH KHEN THƯỞNG"), note="(Ký, đóng dấu)")
    if r.subject_type == "person":
        doc.add(Signatures(right=Signer(("NGƯỜI BÁO CÁO", "THÀNH TÍCH"), r.name,
                                        note="(Ký, ghi rõ họ và tên)"),
                           left=Signer(("THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ"),
                                       note="(Ký, đóng dấu)"),
                           middle=confirm if r.upward else None))
    else:
        head = (area_head_title(r.area_kind) if r.subject_type == "area"
                else "Thủ trưởng đơn vị").upper()
        doc.add(Signatures(right=Signer((head,), r.head_name, note="(Ký, ghi rõ họ tên)"
                                        if r.subject_type == "area" else "(Ký, đóng dấu)"),
                           left=confirm if r.upward else None))
    return doc

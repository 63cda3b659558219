"""Default wording of decisions (templates the officer edits on the draft) and the printed
form of each line (salutation, name, position), taken from the records."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app import text
from app.errors import DomainError
from db.models import (
    AwardKind,
    Candidate,
    Collective,
    Decision,
    DecisionLine,
    Household,
    Organization,
    Person,
    ResidentialArea,
    Subject,
)

BASES_KEY = "decision.bases"  # Setting: list of căn cứ lines, "{short_name}" replaced
DEFAULT_BASES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    ("Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định về phân cấp, phân quyền trong "
    "lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của "
    "Luật Thi đua, khen thưởng;"),
    "Theo đề nghị của Hội đồng Thi đua - Khen thưởng {short_name}.",
)
# "Như Điều N" is set to the article naming who carries the decision out when printing.
DEFAULT_RECIPIENTS = ("- Như Điều 4;", "- Thường trực Đảng ủy, HĐND phường;", "- Lưu: VT.")
EFFECT = "Quyết định này có hiệu lực kể từ ngày ký."
# Điều 1 states the achievement; a line without one of its own gets its award's default.
ACHIEVEMENTS = {
    "GDVH": "Đạt tiêu chuẩn theo quy định",
    "KDCVH": "Đạt tiêu chuẩn theo quy định",
    "LDTT": "Đã hoàn thành tốt nhiệm vụ năm {year}",
    "TTLDTT": "Đã hoàn thành tốt nhiệm vụ năm {year}",
    "CSTDCS": "Đã hoàn thành xuất sắc nhiệm vụ năm {year}",
}
DEFAULT_ACHIEVEMENT = "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm {year}"


def org(s: Session) -> Organization:
    """The issuing body; a clear message when it has not been set up yet."""
    o = s.get(Organization, 1)
    if o is None:
        raise DomainError("Chưa khai báo thông tin đơn vị (Cài đặt › Đơn vị): tên cơ quan, "
                          "cơ quan cấp trên, địa danh.")
    return o


def symbol(s: Session) -> str:
    """"QĐ-UBND" from the organisation's document symbol."""
    o = s.get(Organization, 1)
    return f"QĐ-{o.doc_symbol if o and o.doc_symbol else 'UBND'}"


def default_bases(s: Session, day=None, award_codes=()) -> list[str]:
    """Căn cứ lines for a new draft: the rule data in force on the decision date (the same
    rows "Quy định đang áp dụng" lists, app/rules/bases.py), the ward's own list (Setting
    decision.bases) when it set one, the defaults when the database has no rule rows."""
    from app.rules.bases import decision_bases

    o = s.get(Organization, 1)
    short = o.short_name if o else "phường"
    lines = decision_bases(s, day, award_codes, short)
    if lines:
        return lines
    return [text.nfc(x).replace("{short_name}", short) for x in DEFAULT_BASES]


def default_closing(s: Session) -> list[str]:
    """Điều 3 (in force from signing) and Điều 4 (who carries it out); Điều 1–2 are written
    from the list when printing."""
    return [EFFECT, default_executor(s)]


def default_executor(s: Session) -> str:
    """The article naming who carries the decision out."""
    o = s.get(Organization, 1)
    short = o.short_name if o else "phường"
    return (f"Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {short}, Thủ trưởng các cơ "
            "quan, đơn vị có liên quan và các tập thể, cá nhân, hộ gia đình có tên tại Điều 1 "
            "chịu trách nhiệm thi hành Quyết định này.")


def default_citation(kind: AwardKind, year: int) -> str:
    """The achievement printed for a line that has none of its own."""
    return ACHIEVEMENTS.get(kind.code, DEFAULT_ACHIEVEMENT).format(year=year)


def award_full_name(name: str, short_name: str) -> str:
    """An award named after our own chair in full: "Giấy khen của Chủ tịch Ủy ban nhân dân"
    → "… Ủy ban nhân dân phường Thành Đông"."""
    name = text.nfc(name)
    if text.fold(name).endswith("uy ban nhan dan") and short_name:
        return f"{name} {short_name}"
    return name


def default_recipients() -> list[str]:
    """Nơi nhận lines for a new draft."""
    return list(DEFAULT_RECIPIENTS)


def title_for(kinds: list[AwardKind], year: int) -> str:
    """Trích yếu: "Về việc tặng danh hiệu “Lao động tiên tiến” năm 2025"."""
    names = [k for k in kinds]
    if len(names) == 1 and names[0].category == "danh_hieu":
        types = {t.strip() for t in (names[0].subject_types or "").split(",")}
        verb = "công nhận" if types and types <= {"household", "area"} else "tặng"
        return f"Về việc {verb} danh hiệu “{names[0].name}” năm {year}"
    if len(names) == 1:
        return f"Về việc tặng {names[0].name} năm {year}"
    return f"Về việc khen thưởng thành tích năm {year}"


def position_line(s: Session, subj: Subject) -> str | None:
    """Chức vụ, đơn vị (person), or the address/area line (household, collective)."""
    if isinstance(subj, Person):
        wp = s.get(Collective, subj.workplace_id).name if subj.workplace_id else subj.workplace_text
        parts = [p for p in (subj.position, wp) if p]
        return ", ".join(parts) or None
    if isinstance(subj, Household):
        area = s.get(Subject, subj.area_id).name if subj.area_id else None
        return ", ".join(p for p in (subj.address, area) if p) or None
    return None


def salutation(subj: Subject) -> str | None:
    """Ông / Bà / Hộ gia đình / Tập thể for the printed line."""
    if isinstance(subj, Person):
        return text.salutation(subj.gender)
    if isinstance(subj, Household):
        return "Hộ gia đình"
    return "Tập thể" if subj.type == "collective" else None


def preload(s: Session, subject_ids: list[int]) -> list:
    """Load the subjects (with subtype columns), collectives and areas in a few queries, so
    building thousands of lines finds them in the session instead of querying per line.
    Keep the returned list while working: the session only holds weak references."""
    from sqlalchemy import select
    from sqlalchemy.orm import with_polymorphic

    poly = with_polymorphic(Subject, "*")
    kept: list = []
    for start in range(0, len(subject_ids), 5000):
        kept += s.scalars(select(poly).where(poly.id.in_(subject_ids[start:start + 5000]))).all()
    kept += s.scalars(select(Collective)).all()
    kept += s.scalars(select(ResidentialArea)).all()
    return kept


def line_for(s: Session, d: Decision, c: Candidate, kind: AwardKind, year: int,
             order: int) -> DecisionLine:
    """A decision line for a passed candidate (money priced later)."""
    subj = s.get(Subject, c.subject_id)
    return DecisionLine(
        decision_id=d.id, candidate_id=c.id, subject_id=subj.id, award_kind_id=kind.id,
        achievement_year=year, salutation=salutation(subj), printed_name=subj.name,
        position_line=position_line(s, subj),
        citation=c.citation or default_citation(kind, year),
        coefficient=None, money=0, sort_order=order)  # priced for the decision date


DECIDERS = {"chu_tich": "Chủ tịch Ủy ban nhân dân", "ubnd": "Ủy ban nhân dân"}


def decider_of(s: Session, d: Decision) -> str:
    """Who decides, from the rule data (who decides each award, by date): "ubnd" when the data
    gives every award of the decision to the committee itself, else "chu_tich" — the ward's
    commendations are the Chủ tịch's (Luật Thi đua, khen thưởng 2022 Điều 80; Nghị định
    129/2025 Điều 59)."""
    from datetime import date

    from sqlalchemy import select

    from app.rules import store

    day = d.signed_on or date.today()
    kinds = s.scalars(select(DecisionLine.award_kind_id).distinct()
                      .where(DecisionLine.decision_id == d.id))
    named = [store.text_of(row.value) for k in kinds
             if (row := store.decider_on(s, k, day)) is not None]
    if named and all(text.fold(x).startswith("uy ban nhan dan") for x in named):
        return "ubnd"
    return "chu_tich"


def signer_lines(sign_mode: str | None, title: str | None,
                 decider: str = "chu_tich") -> tuple[str, ...]:
    """Signature lines by who decides: a Chủ tịch's decision is signed "CHỦ TỊCH", or
    "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" by a deputy; only the committee's own documents carry
    "TM. ỦY BAN NHÂN DÂN" above those lines."""
    title = text.nfc(title).upper() or "CHỦ TỊCH"
    deputy = sign_mode == "KT." or title.startswith("PHÓ")
    lines = ("KT. CHỦ TỊCH", title) if deputy else (title,)
    return ("TM. ỦY BAN NHÂN DÂN", *lines) if decider == "ubnd" else lines

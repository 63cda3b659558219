"""Checks from the principles of Nghị định 152/2025/NĐ-CP Điều 4 and the criteria the 2022 Law
leaves open: advice with the legal basis read from the rule data (rule_item "principle"),
never a block.

* on hold: discipline, inspection or an unresolved complaint (fields on the record);
* maternity leave counts as working time (a note, so nobody drops her for it);
* at equal merit, women or collectives with ≥ 70 % women come first (a hint when the award's
  quota forces a choice);
* awards for đột xuất or chuyên đề achievements are no basis for a regular award proposed
  upward;
* CSTĐCS, Law Điều 23: its second condition is one of HTXSNV, a recognised initiative, an
  accepted research topic; TTLĐTT: the province's share of members holding LĐTT.
"""

from __future__ import annotations

from datetime import date

from app import text
from app.rules.facts import INACTIVE, SCOPE_RANK, BatchFacts
from app.rules.findings import INFO, WARNING, Finding
from db.models import AwardKind, Candidate

BASIS = {  # used when a database has no principle rows (the pack was not applied yet)
    "ky_luat": "Điều 4 khoản 4 Nghị định 152/2025/NĐ-CP",
    "thai_san": "Điều 4 khoản 5 Nghị định 152/2025/NĐ-CP",
    "uu_tien_nu": "Điều 4 khoản 6 Nghị định 152/2025/NĐ-CP",
    "dot_xuat_chuyen_de": "Điều 4 khoản 3 Nghị định 152/2025/NĐ-CP",
}
EXCELLENT = ("hoan thanh xuat sac nhiem vu", "htxsnv")  # folded: how thành tích says HTXSNV
RESEARCH = ("de tai", "de an", "cong trinh khoa hoc", "nghiem thu")
EVIDENCE_KIND = "sang_kien"  # attachment kind "Sáng kiến / đề tài"


def basis(f: BatchFacts, key: str) -> str:
    return (f.principles.get(key) or {}).get("legal_basis") or BASIS[key]


def women_share(f: BatchFacts, key: str = "uu_tien_nu") -> float:
    return float((f.principles.get(key) or {}).get("women_share") or 70)


def on_hold(f: BatchFacts, c: Candidate, kind: AwardKind) -> list[Finding]:
    """Discipline, an inspection or an unresolved complaint: not yet (Điều 4 khoản 4)."""
    subj = f.subjects[c.subject_id]
    matters = [label for flag, label in (
        (subj.under_discipline, "đang bị xem xét thi hành kỷ luật"),
        (subj.under_inspection, "đang bị điều tra, thanh tra, kiểm tra"),
        (subj.pending_complaint, "có đơn thư khiếu nại, tố cáo đang được xác minh")) if flag]
    out = []
    note = f" ({subj.hold_note})" if subj.hold_note else ""
    if matters:
        out.append(Finding("on_hold", WARNING,
                           f"{'; '.join(matters).capitalize()}{note}: chưa khen thưởng hoặc đề "
                           "nghị cấp trên khen thưởng cho đến khi có kết luận.",
                           basis(f, "ky_luat")))
    until = subj.discipline_until
    if until is not None and until >= date(f.batch.year, 1, 1):
        out.append(Finding("on_hold", WARNING,
                           f"Chịu kỷ luật đến {text.format_date_vn(until)}: thành tích năm "
                           f"{f.batch.year} chỉ tính từ sau ngày chấp hành xong kỷ luật.",
                           basis(f, "ky_luat")))
    return out


def maternity(f: BatchFacts, c: Candidate, kind: AwardKind) -> list[Finding]:
    """Maternity leave in the year counts as working time (Điều 4 khoản 5)."""
    subj = f.subjects[c.subject_id]
    start, end = getattr(subj, "maternity_from", None), getattr(subj, "maternity_to", None)
    if start is None and end is None:
        return []
    first, last = date(f.batch.year, 1, 1), date(f.batch.year, 12, 31)
    if (end or last) < first or (start or first) > last:
        return []
    period = " – ".join(text.format_date_vn(d) for d in (start, end) if d)
    return [Finding("maternity", INFO,
                    f"Nghỉ thai sản ({period}): thời gian nghỉ thai sản được tính để xét, không "
                    "coi là thời gian không làm việc.", basis(f, "thai_san"))]


def is_priority(f: BatchFacts, subject_id: int) -> bool:
    """A woman, or a collective with at least the principle's share of women."""
    subj = f.subjects[subject_id]
    if subj.type == "person":
        return text.fold(getattr(subj, "gender", None) or "") == "nu"
    total, women = getattr(subj, "members_total", None), getattr(subj, "women_members", None)
    return bool(total) and women is not None and women * 100 >= women_share(f) * total


def priority(f: BatchFacts, c: Candidate, kind: AwardKind, over_quota: bool) -> list[Finding]:
    """At equal merit, women / collectives with ≥ 70 % women first (Điều 4 khoản 6): said
    when the award's quota forces the council to choose."""
    if not over_quota or not is_priority(f, c.subject_id):
        return []
    who = ("cá nhân nữ" if f.subjects[c.subject_id].type == "person"
           else f"tập thể có từ {women_share(f):g}% nữ")
    return [Finding("priority", INFO,
                    f"Số đề nghị “{kind.name}” vượt tỷ lệ: khi thành tích ngang nhau, ưu tiên "
                    f"{who} như trường hợp này.", basis(f, "uu_tien_nu"))]


def special_years(f: BatchFacts, subject_id: int, code: str) -> dict[int, str]:
    """Years an award was held only from a đột xuất / chuyên đề batch."""
    return dict(f.special.get(subject_id, {}).get(code, {}))


def special_basis(f: BatchFacts, c: Candidate, kind: AwardKind) -> list[Finding]:
    """A regular award proposed upward: đột xuất / chuyên đề awards are no basis for it."""
    if kind.awarded_here or f.batch.kind != "tong_ket_nam":
        return []
    held = f.special.get(c.subject_id, {})
    listed = [f"“{f.by_code[code].name if code in f.by_code else code}” năm {y} ({how})"
              for code, years in sorted(held.items()) for y, how in sorted(years.items())]
    if not listed:
        return []
    return [Finding("special_basis", INFO,
                    "Không dùng làm căn cứ đề nghị khen thưởng công trạng: " + "; ".join(listed)
                    + " là khen thưởng đột xuất, chuyên đề.", basis(f, "dot_xuat_chuyen_de"))]


def second_condition(f: BatchFacts, c: Candidate, kind: AwardKind, rule: dict) -> list[Finding]:
    """Law Điều 23: HTXSNV, OR a recognised initiative, OR an accepted research topic — any
    one is enough. Evidence: thành tích, recognised sáng kiến, "Sáng kiến / đề tài" files."""
    if f.subjects[c.subject_id].type != "person":
        return []
    wanted = rule.get("any_of") or []
    said = text.fold(c.achievement or "")
    window = int(rule.get("initiative_years", 1))
    first = f.batch.year - window + 1
    scope = rule.get("initiative_scope") or "cơ sở"
    found = {
        "htxsnv": any(w in said for w in EXCELLENT),
        "initiative": any(first <= y <= f.batch.year and SCOPE_RANK.get(s, 1)
                          >= SCOPE_RANK.get(scope, 1)
                          for y, s, _t in f.initiatives.get(c.subject_id, [])),
        "research": any(w in said for w in RESEARCH),
    }
    if EVIDENCE_KIND in f.attachments.get(c.id, set()):
        found["initiative"] = found["research"] = True
    if any(found.get(k) for k in wanted):
        return []
    options = {"htxsnv": f"hoàn thành xuất sắc nhiệm vụ năm {f.batch.year} (ghi trong thành "
                         "tích)",
               "initiative": "sáng kiến được công nhận",
               "research": "đề tài, đề án khoa học được nghiệm thu (đính kèm tệp loại “Sáng "
                           "kiến / đề tài”)"}
    return [Finding("initiative", WARNING,
                    f"Chưa thấy căn cứ cho điều kiện thứ hai của “{kind.name}” (chỉ cần một "
                    "trong: " + "; ".join(options[k] for k in wanted if k in options) + ").",
                    rule.get("legal_basis") or kind.legal_basis or "")]


def ldtt_share(f: BatchFacts, c: Candidate, kind: AwardKind) -> list[Finding]:
    """TTLĐTT: at least the province's share of members hold LĐTT this year."""
    if kind.code != "TTLDTT" or f.ldtt_share is None:
        return []
    subj = f.subjects[c.subject_id]
    members = f.workplaces.get(c.subject_id, [])
    total = getattr(subj, "members_total", None) or len(members)
    if not total:
        return []
    ldtt = f.by_code.get("LDTT")
    proposed = {x.subject_id for x in f.candidates if ldtt is not None
                and x.award_kind_id == ldtt.id and x.status not in INACTIVE}
    holders = sum(1 for p in members if p in f.ldtt_holders or p in proposed)
    if holders * 100 >= f.ldtt_share * total:
        return []
    return [Finding("ldtt_share", WARNING,
                    f"Mới có {holders}/{total} thành viên đạt hoặc được đề nghị “Lao động tiên "
                    f"tiến” năm {f.batch.year}; tiêu chuẩn cần ít nhất {f.ldtt_share:g}%.",
                    f.ldtt_share_basis)]


PER_CANDIDATE = (on_hold, maternity, special_basis, ldtt_share)

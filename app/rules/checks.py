"""The individual checks. Each takes the batch facts and one candidate, returns findings."""

from __future__ import annotations

import math

from app.rules import principles
from app.rules.facts import INACTIVE, SCOPE_RANK, BatchFacts
from app.rules.findings import INFO, WARNING, Finding
from app.services.records.subjects import SUBJECT_TYPE_LABELS
from db.models import AwardKind, Candidate

DUPLICATE_BASIS = ("Điều 6 Luật Thi đua, khen thưởng 2022: một hình thức khen thưởng "
                   "chỉ tặng một lần cho một thành tích")


def _basis(kind: AwardKind, rule: dict | None = None) -> str:
    return (rule or {}).get("legal_basis") or kind.legal_basis or ""


def _name(f: BatchFacts, code: str) -> str:
    kind = f.by_code.get(code)
    return kind.name if kind else code


def streak_years(years_held: set[int], end: int) -> list[int]:
    """Consecutive years held ending at ``end`` (or at end-1 when ``end`` is not held)."""
    if end not in years_held:
        end -= 1
    run = []
    while end in years_held:
        run.append(end)
        end -= 1
    return sorted(run)


def subject_type(f: BatchFacts, c: Candidate, kind: AwardKind) -> list[Finding]:
    """The award does not apply to this kind of subject."""
    subject = f.subjects[c.subject_id]
    allowed = [t.strip() for t in (kind.subject_types or "").split(",") if t.strip()]
    if allowed and subject.type not in allowed:
        label = SUBJECT_TYPE_LABELS.get(subject.type, subject.type).lower()
        wanted = ", ".join(SUBJECT_TYPE_LABELS.get(t, t).lower() for t in allowed)
        return [Finding("subject_type", WARNING,
                        f"“{kind.name}” không xét cho {label} (chỉ xét cho: {wanted}).",
                        _basis(kind))]
    return []


def upper_level(f: BatchFacts, c: Candidate, kind: AwardKind) -> list[Finding]:
    """The award is decided by a higher level (we only propose it)."""
    if kind.awarded_here:
        return []
    deadline = (f" Thời hạn gửi hồ sơ: {f.deadline}" if f.deadline
                and not f.deadline.startswith("Chưa đặt") else "")
    return [Finding("upper_level", INFO,
                    f"“{kind.name}” do cấp trên quyết định: phường lập tờ trình đề nghị, "
                    "khi có quyết định thì ghi vào sổ theo số quyết định của cấp trên."
                    + deadline, _basis(kind))]


def duplicate_award(f: BatchFacts, c: Candidate, kind: AwardKind) -> list[Finding]:
    """The subject already holds, or is already proposed for, the award that year."""
    year = f.batch.year
    out = []
    ref = f.held.get(c.subject_id, {}).get(kind.code, {}).get(year)
    if ref:
        out.append(Finding("duplicate_award", WARNING,
                           f"Đã được tặng “{kind.name}” năm {year} ({ref}).", DUPLICATE_BASIS))
    other = f.proposed_elsewhere.get((c.subject_id, kind.id))
    if other:
        out.append(Finding("duplicate_award", WARNING,
                           f"Đã được đề nghị “{kind.name}” năm {year} trong đợt “{other}”.",
                           DUPLICATE_BASIS))
    return out


def prerequisites(f: BatchFacts, c: Candidate, kind: AwardKind) -> list[Finding]:
    """Same-year titles, consecutive years and initiatives the award requires."""
    rule = kind.prerequisites or {}
    year, out = f.batch.year, []
    held = f.held.get(c.subject_id, {})
    for code in rule.get("same_year", []):
        if year not in held.get(code, {}) and not f.proposed_here(c.subject_id, code):
            out.append(Finding("prerequisite", WARNING,
                               f"Chưa đạt và chưa được đề nghị “{_name(f, code)}” năm {year} "
                               f"(điều kiện để xét “{kind.name}”).", _basis(kind, rule)))
    if "consecutive" in rule:
        out += _consecutive(f, c, kind, rule)
    if rule.get("any_of"):  # Law Điều 23: any one of HTXSNV, initiative, research
        out += principles.second_condition(f, c, kind, rule)
    elif rule.get("initiative") or rule.get("initiative_scope"):
        out += _initiative(f, c, kind, rule)
    return out


def _consecutive(f: BatchFacts, c: Candidate, kind: AwardKind, rule: dict) -> list[Finding]:
    need = rule["consecutive"]
    code, n = need["award"], int(need["years"])
    years = set(f.held.get(c.subject_id, {}).get(code, {}))
    if f.proposed_here(c.subject_id, code):
        years.add(f.batch.year)
    # Proposed upward for a regular award: đột xuất / chuyên đề years are no basis.
    special = (principles.special_years(f, c.subject_id, code)
               if not kind.awarded_here and f.batch.kind == "tong_ket_nam" else {})
    run = streak_years(years - set(special), f.batch.year)
    if len(run) >= n:
        return []
    have = (f"mới có {len(run)} năm liên tục ({', '.join(map(str, run))})" if run
            else "chưa có năm nào")
    left_out = [f"{y} ({how})" for y, how in sorted(special.items()) if y in years]
    why = (f" (không tính năm {', '.join(left_out)}: khen thưởng đột xuất, chuyên đề không "
           "làm căn cứ đề nghị khen thưởng công trạng)" if left_out else "")
    basis = _basis(kind, rule) + (f"; {principles.basis(f, 'dot_xuat_chuyen_de')}"
                                  if left_out else "")
    return [Finding("consecutive", WARNING,
                    f"Cần {n:02d} năm liên tục đạt “{_name(f, code)}”; {have}{why}.", basis)]


def _initiative(f: BatchFacts, c: Candidate, kind: AwardKind, rule: dict) -> list[Finding]:
    if f.subjects[c.subject_id].type != "person":
        return []
    window = int(rule.get("initiative_years", 1))
    scope = rule.get("initiative_scope") or "cơ sở"
    first = f.batch.year - window + 1
    ok = [t for y, s, t in f.initiatives.get(c.subject_id, [])
          if first <= y <= f.batch.year and SCOPE_RANK.get(s, 1) >= SCOPE_RANK.get(scope, 1)]
    if ok:
        return []
    when = f"năm {f.batch.year}" if window == 1 else f"từ {first} đến {f.batch.year}"
    return [Finding("initiative", WARNING,
                    f"Chưa có sáng kiến được công nhận (phạm vi {scope} trở lên) {when} trong dữ "
                    "liệu; nếu có đề tài, đề án khoa học được nghiệm thu thì bổ sung hồ sơ.",
                    _basis(kind, rule))]


def quota(f: BatchFacts, kind: AwardKind) -> Finding | None:
    """One finding for every candidate of ``kind`` when the batch exceeds its quota."""
    rule = kind.quota or {}
    if not rule.get("max_share") or not rule.get("of_award"):
        return None
    base_kind = f.by_code.get(rule["of_award"])
    if base_kind is None:
        return None
    active = [c for c in f.candidates if c.status not in INACTIVE]
    count = sum(1 for c in active if c.award_kind_id == kind.id)
    base = sum(1 for c in active if c.award_kind_id == base_kind.id)
    allowed = math.floor(base * float(rule["max_share"]))
    if count <= allowed:
        return None
    pct = f"{float(rule['max_share']) * 100:g}%"
    return Finding("quota", WARNING,
                   f"Đợt xét có {count} đề nghị “{kind.name}”, vượt tỷ lệ {pct} của {base} đề nghị "
                   f"“{base_kind.name}” (tối đa {allowed}).", _basis(kind, rule))


def streak_note(f: BatchFacts, c: Candidate, kind: AwardKind) -> list[Finding]:
    """N years running: suggest the award the rule names."""
    rule = (kind.prerequisites or {}).get("streak_suggestion")
    if not rule:
        return []
    held = f.held.get(c.subject_id, {})
    years = set(held.get(kind.code, {})) | {f.batch.year}
    run = streak_years(years, f.batch.year)
    if len(run) < int(rule["years"]):
        return []
    # Already given the suggested award recently: no point suggesting it again.
    window = int(rule.get("skip_if_awarded_years", rule["years"]))
    if any(y > f.batch.year - window for y in held.get(rule["suggest"], {})):
        return []
    return [Finding("streak", INFO,
                    f"Đạt “{kind.name}” {len(run)} năm liền ({run[0]}–{run[-1]}) nếu được công "
                    f"nhận năm nay: có thể đề nghị “{_name(f, rule['suggest'])}”.",
                    rule.get("legal_basis", ""))]


def duplicate_person(f: BatchFacts, c: Candidate, kind: AwardKind) -> list[Finding]:
    """Another person record with the same folded name and birth year."""
    dups = f.duplicates.get(c.subject_id, [])
    if not dups:
        return []
    subject = f.subjects[c.subject_id]
    ids = ", ".join(f"mã {d.id}" for d in dups)
    return [Finding("duplicate_person", WARNING,
                    f"Có thể trùng người: “{subject.name}” sinh năm {dups[0].birth_year} có "
                    f"{len(dups)} hồ sơ khác ({ids}). Kiểm tra và gộp hồ sơ nếu là một người.",
                    "")]


def vote(f: BatchFacts, c: Candidate, kind: AwardKind) -> list[Finding]:
    """The council's vote fell below the award's threshold."""
    if c.status != "failed":
        return []
    return [Finding("vote", WARNING, c.outcome_reason or "Không đạt tỷ lệ phiếu đồng ý.",
                    "Tỷ lệ phiếu của danh hiệu (Cài đặt › Danh hiệu); " + (kind.legal_basis or ""))]


PER_CANDIDATE = (subject_type, upper_level, duplicate_award, prerequisites, streak_note,
                 duplicate_person, vote) + principles.PER_CANDIDATE

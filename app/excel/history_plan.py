"""What importing an old register would write, worked out from every checked row at once:
the award kind each row means, its subject, the decisions the rows group into (each distinct
number + date), what is already in the database, the register numbers and, per year, the
decisions, entries, money and new or matched records.

``build`` runs after the rows are checked and again whenever the officer answers a question
(a spelling, a subject, a decision to attach, a pair of rows): it starts from each row's own
problems and adds the ones that need the whole file."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from app.excel.history_awards import TYPE_LABELS, household_head, type_from_name
from app.excel.history_decisions import DecisionGroup, group_decisions
from app.excel.history_index import HistoryIndex
from app.excel.history_refs import DecisionRef
from app.excel.history_subjects import SubjectGroup, group_rows, match
from app.excel.lookups import area_key
from app.excel.preview import DuplicatePair, Preview, PreviewRow
from app.services.awards.award_spellings import spelling_key as _spelling_key
from app.text import format_money, title_case_name

# Columns the preview shows after the file's own (label, value key).
COLUMNS = [("Hiểu là", "_award_name"), ("Loại đối tượng", "_type_label"),
           ("Hồ sơ", "_subject_how"), ("Số vào sổ", "_register_no")]


@dataclass
class SpellingGap:
    """An award as the file writes it, and how it was read (None: not understood)."""
    text: str
    key: str
    rows: int = 0
    first: tuple[str, int, str] = ("", 0, "")  # sheet, row, column
    award_kind_id: int | None = None


@dataclass
class YearSummary:
    year: int
    decisions: int = 0
    existing_decisions: int = 0
    entries: int = 0
    money: int = 0
    new_records: int = 0
    matched_records: int = 0
    first_no: int = 0  # the first register number the import gives in that year
    already: int = 0  # entries the register holds in that year before the import
    post_fund: bool = False


@dataclass
class HistoryPlan:
    index: HistoryIndex
    decisions: list[DecisionGroup] = field(default_factory=list)
    subjects: list[SubjectGroup] = field(default_factory=list)
    spellings: list[SpellingGap] = field(default_factory=list)
    years: list[YearSummary] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def unmatched(self) -> list[SpellingGap]:
        return [g for g in self.spellings if g.award_kind_id is None]

    def summary_lines(self) -> list[str]:
        out = []
        for y in self.years:
            out.append(f"Năm {y.year}: {y.decisions} quyết định mới"
                       + (f" ({y.existing_decisions} đã có)" if y.existing_decisions else "")
                       + f", {y.entries} mục vào sổ, {format_money(y.money)} đồng, "
                       f"{y.new_records} hồ sơ mới, {y.matched_records} hồ sơ đã có.")
        return out


def build(result: Preview, idx: HistoryIndex, context: dict) -> HistoryPlan:
    """The plan for the checked rows and the officer's choices in ``context``."""
    plan = HistoryPlan(idx)
    idx.matcher.use({spelling_key(t): k for t, k in context.get("spellings", {}).items()})
    kept_pairs = set(context.get("keep_both", ()))
    gaps: dict[str, SpellingGap] = {}
    rows = []
    for row in result.rows:
        row.problems = list(row.values.get("_base", row.problems))
        row.pair = None
        for derived in _DERIVED:
            row.values.pop(derived, None)
        if "_ref" in row.values:  # the row's required cells were read: look further
            _resolve(row, idx, gaps)
            rows.append(row)
    plan.spellings = sorted(gaps.values(), key=lambda g: (g.award_kind_id is not None, g.first))
    plan.decisions = group_decisions([r for r in rows if r.values.get("_ref")], idx, context)
    plan.subjects = group_rows([r for r in rows if r.values.get("_type")])
    for group in plan.subjects:
        match(group, idx, context.get("subjects", {}))
        for row in group.rows:
            row.values["_group"] = group
            row.values["_subject_how"] = group.how
    result.pairs = _repeats(plan, kept_pairs)
    _actions(result.rows, plan, idx)
    _number(plan, idx, set(context.get("post_fund", ())))
    return plan


spelling_key = lru_cache(maxsize=5_000)(_spelling_key)
_DERIVED = ("_kind", "_type", "_name", "_year", "_award_name", "_type_label", "_group",
            "_subject_how", "_decision", "_register", "_register_no")


def _resolve(row: PreviewRow, idx: HistoryIndex, gaps: dict) -> None:
    """The row's award kind, subject type and name, achievement year."""
    v = row.values
    text = v.get("award") or ""
    kind_id = idx.matcher.match(text)
    gap = gaps.setdefault(spelling_key(text), SpellingGap(
        text, spelling_key(text), first=(row.sheet, row.row, row.columns.get("award", "")),
        award_kind_id=kind_id))
    gap.rows += 1
    v["_kind"] = kind_id
    if kind_id is None:
        row.error(row.columns.get("award", ""),
                  f"Không hiểu danh hiệu, hình thức “{text}”: chọn danh hiệu cho cách viết này "
                  "trong thẻ “Cách viết danh hiệu” (hoặc sửa tệp).")
        v["_type"] = v["_award_name"] = None
        return
    kind = idx.matcher.kinds[kind_id]
    v["_award_name"] = kind.name
    v["_type"] = _subject_type(row, kind.types)
    name = v.get("name") or ""
    if v["_type"] == "household":
        name = title_case_name(household_head(name)) if name.isupper() else household_head(name)
        unit = v.get("unit") or v.get("position")
        if not v.get("area") and unit and area_key(unit) in idx.areas:
            v["area"] = unit  # a household's "unit" column names its residential area
    elif v["_type"] == "person":
        name = _honorific(v, name)
    v["_name"] = name
    v["_type_label"] = TYPE_LABELS.get(v["_type"], "")
    ref: DecisionRef | None = v.get("_ref")
    date_year = ref.signed_on.year if ref and ref.signed_on else None
    v["_year"] = v.get("_year_given") or (ref.year_hint if ref else None) or v.get(
        "_sheet_year") or date_year


_HONORIFIC = re.compile(r"^(?:(ông|bà)|đồng chí|đ/c)\s+", re.IGNORECASE)


def _honorific(v: dict, name: str) -> str:
    """"Bà Trần Thị Lan" → "Trần Thị Lan" (a woman), "Đ/c Lê Văn Tám" → "Lê Văn Tám"."""
    m = _HONORIFIC.match(name)
    if m is None:
        return name
    if m[1] and not v.get("gender"):
        v["gender"] = "nam" if m[1].lower() == "ông" else "nữ"
    return name[m.end():].strip()


def _subject_type(row: PreviewRow, types: tuple[str, ...]) -> str | None:
    v = row.values
    given = v.get("_type_given") or (v.get("_type_hint") if v.get("_type_hint") in types else None)
    if given is None and len(types) == 1:
        return types[0]
    if given is None:
        given, _why = type_from_name(v.get("name") or "")
    if types and given not in types:
        row.error(row.columns.get("subject_type") or row.columns.get("award", ""),
                  f"Danh hiệu “{v.get('award')}” không dành cho {TYPE_LABELS[given]}.")
        return None
    return given


def _repeats(plan: HistoryPlan, kept: set) -> list[DuplicatePair]:
    """Rows of one decision naming the same subject and award twice: keep the first unless the
    officer keeps both."""
    pairs, seen = [], {}
    for group in plan.decisions:
        for row in group.rows:
            subject = row.values.get("_group")
            if subject is None or not row.values.get("_kind"):
                continue
            key = (group.key, id(subject), row.values["_kind"])
            if key not in seen:
                seen[key] = row
                continue
            first = seen[key]
            pair = DuplicatePair(first, row, "duplicate",
                                 f"Trùng dòng {first.row} (cùng quyết định, cùng đối tượng, cùng "
                                 "danh hiệu)", keep_both=False)
            pair.keep_both = pair.key in kept
            row.pair = pair
            pairs.append(pair)
    return pairs


def _actions(rows: list[PreviewRow], plan: HistoryPlan, idx: HistoryIndex) -> None:
    for group in plan.decisions:
        for row in group.rows:
            row.values["_decision"] = group
    for row in rows:
        group, subject = row.values.get("_decision"), row.values.get("_group")
        row.action, row.duplicate_text = "create", ""
        if group is None:
            continue
        if row.pair is not None and not row.pair.keep_both:
            row.action = "skip"
        elif group.existing is not None and not group.attach:
            row.action, row.duplicate_text = "skip", f"Quyết định {group.label()} đã có"
        elif group.existing is not None and subject and subject.record_id and (
                found := idx.in_decision.get((group.existing.id, subject.record_id,
                                              row.values["_kind"]))):
            row.action, row.duplicate_text = "skip", f"Đã có trong sổ (số {found})"
            row.warn("", f"Đã có trong sổ khen thưởng theo quyết định {group.label()} (số "
                         f"{found}): bỏ qua dòng này.")
        elif subject and subject.record_id and (
                found := idx.entries.get((subject.record_id, row.values["_kind"],
                                          row.values.get("_year")))):
            row.warn(row.columns.get("award", ""),
                     f"“{row.values['_award_name']}” năm {row.values.get('_year')} đã có trong sổ "
                     f"của hồ sơ này (số {found}), theo quyết định khác: vẫn ghi như sổ cũ.")


def _number(plan: HistoryPlan, idx: HistoryIndex, post_fund: set[int]) -> None:
    """Register numbers the import would give, year by year in signing order, after the
    highest number the year already has (existing entries are never renumbered)."""
    years: dict[int, YearSummary] = {}
    subjects: dict[int, dict[str, set]] = defaultdict(lambda: {"new": set(), "old": set()})
    for group in plan.decisions:
        year = group.signed_on.year
        y = years.setdefault(year, YearSummary(year, first_no=idx.register_top.get(year, 0) + 1,
                                               already=idx.register_count.get(year, 0),
                                               post_fund=year in post_fund))
        written = group.written
        if group.existing is None:
            y.decisions += 1
        else:
            y.existing_decisions += 1
        no = y.first_no + y.entries
        for row in written:
            row.values["_register"] = (year, no)
            row.values["_register_no"] = f"{year}/{no:04d}"
            no += 1
            subject = row.values.get("_group")
            if subject is not None:
                subjects[year]["new" if subject.is_new else "old"].add(id(subject))
        y.entries += len(written)
        y.money += group.money
    for year, y in years.items():
        y.new_records, y.matched_records = len(subjects[year]["new"]), len(subjects[year]["old"])
        if y.already and y.entries:
            plan.notes.append(f"Năm {year} đã có {y.already} mục trong sổ khen thưởng (đến số "
                              f"{year}/{y.first_no - 1:04d}): các mục nhập từ sổ cũ được đánh số "
                              f"tiếp từ {year}/{y.first_no:04d} theo ngày ký; số của các mục đã "
                              "có không đổi.")
    plan.years = sorted(years.values(), key=lambda y: y.year)

"""What importing an old register would write, worked out from every checked row at once:
the award kind each row means, its subject, the decisions the rows group into (each distinct
number + date), what is already in the database, the register numbers and, per year, the
decisions, entries, money and new or matched records.

``build`` runs after the rows are checked and again whenever the officer answers a question
(a spelling, a subject, a decision to attach, a pair of rows): it starts from each row's own
problems and adds the ones that need the whole file."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from app.excel.history_awards import TYPE_LABELS, household_head, type_from_name
from app.excel.history_index import HistoryIndex, KnownDecision, reference_key
from app.excel.history_refs import DecisionRef
from app.excel.history_subjects import SubjectGroup, group_rows, match
from app.excel.lookups import area_key
from app.excel.preview import DuplicatePair, Preview, PreviewRow
from app.services.awards.award_spellings import spelling_key as _spelling_key
from app.text import format_date_vn, format_money, title_case_name

LEVEL_LABELS = {"xa": "cấp xã, phường", "huyen": "cấp huyện, quận", "tinh": "cấp tỉnh",
                "bo": "cấp bộ, ngành", "nha_nuoc": "cấp Nhà nước"}
LEVEL_RANK = {"xa": 0, "huyen": 1, "tinh": 2, "bo": 3, "nha_nuoc": 4}
# Columns the preview shows after the file's own (label, value key).
COLUMNS = [("Hiểu là", "_award_name"), ("Loại đối tượng", "_type_label"),
           ("Hồ sơ", "_subject_how"), ("Số vào sổ", "_register_no")]


@dataclass
class DecisionGroup:
    key: str  # "151/qdubnd/2022-12-12": stable across re-checks (the officer's choices)
    reference: str
    number: int
    symbol: str
    signed_on: date
    rows: list[PreviewRow] = field(default_factory=list)
    title: str | None = None
    issuer: str | None = None
    level: str = "xa"
    existing: KnownDecision | None = None
    attach: bool = False

    @property
    def external(self) -> bool:
        return self.level != "xa"

    @property
    def written(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.action == "create" and not r.has_error]

    @property
    def money(self) -> int:
        return sum(r.values.get("_money") or 0 for r in self.written)

    def label(self) -> str:
        return f"{self.reference} ngày {format_date_vn(self.signed_on)}"

    def state(self) -> str:
        if self.existing is None:
            return "Mới — nhập từ sổ cũ"
        if self.attach:
            return "Đã có — gắn thêm các dòng chưa có vào quyết định này"
        return "Đã có trong phần mềm — bỏ qua các dòng của quyết định này"


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
    plan.decisions = _decisions([r for r in rows if r.values.get("_ref")], idx, context)
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
    v["_name"] = name
    v["_type_label"] = TYPE_LABELS.get(v["_type"], "")
    ref: DecisionRef | None = v.get("_ref")
    date_year = ref.signed_on.year if ref and ref.signed_on else None
    v["_year"] = v.get("_year_given") or (ref.year_hint if ref else None) or v.get(
        "_sheet_year") or date_year


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


def _decisions(rows: list[PreviewRow], idx: HistoryIndex, context: dict) -> list[DecisionGroup]:
    groups: dict[tuple, DecisionGroup] = {}
    dates: dict[tuple, tuple[date, PreviewRow]] = {}
    for row in rows:
        ref: DecisionRef = row.values["_ref"]
        if ref.signed_on is None:
            continue
        same = (ref.number, ref.symbol_key, ref.signed_on.year)
        first = dates.setdefault(same, (ref.signed_on, row))
        if first[0] != ref.signed_on:
            other = first[1]
            row.error(_ref_column(row), f"Số {ref.reference} đã gặp với ngày "
                                        f"{format_date_vn(first[0])} (trang “{other.sheet}”, dòng "
                                        f"{other.row}); ở đây ngày "
                                        f"{format_date_vn(ref.signed_on)}: một số quyết định chỉ "
                                        "có một ngày ký.")
            continue
        key = (ref.number, ref.symbol_key, ref.signed_on)
        group = groups.get(key) or groups.setdefault(key, DecisionGroup(
            f"{ref.number}/{ref.symbol_key}/{ref.signed_on.isoformat()}", ref.reference,
            ref.number, ref.symbol, ref.signed_on, title=ref.title, issuer=ref.issuer))
        group.rows.append(row)
        group.title = group.title or ref.title
        group.issuer = group.issuer or row.values.get("_issuer") or ref.issuer
    _join_bare_numbers(groups)
    out = sorted(groups.values(), key=lambda g: (g.signed_on, g.number, g.rows[0].sheet,
                                                 g.rows[0].row))
    for group in out:
        _level(group, idx)
        _existing(group, idx, set(context.get("attach", ())))
    return out


def _join_bare_numbers(groups: dict) -> None:
    """"151" on one row and "151/QĐ-UBND" (same date) on another: one decision."""
    for key in [k for k in groups if not k[1]]:
        same = [k for k in groups if k[1] and k[0] == key[0] and k[2] == key[2]]
        if len(same) == 1:
            groups[same[0]].rows += groups.pop(key).rows


def _ref_column(row: PreviewRow) -> str:
    return row.columns.get("decision_date") or row.columns.get("decision_no") or ""


def _level(group: DecisionGroup, idx: HistoryIndex) -> None:
    """The level that decided: as the rows (or the section row) say, all the same; else the
    highest level among its awards that the ward does not give itself."""
    said = {r.values["_level"] for r in group.rows if r.values.get("_level")}
    kinds = [idx.matcher.kinds[r.values["_kind"]] for r in group.rows if r.values.get("_kind")]
    higher = [k for k in kinds if not k.awarded_here]
    if len(said) > 1:
        first = group.rows[0].values.get("_level")
        for row in group.rows:
            if row.values.get("_level") and row.values["_level"] != first:
                row.error(row.columns.get("level", ""), f"Cùng quyết định {group.reference} nhưng "
                          f"dòng này ghi {LEVEL_LABELS[row.values['_level']]}, dòng "
                          f"{group.rows[0].row} ghi {LEVEL_LABELS.get(first, '')}.")
    group.level = min(said, key=lambda x: LEVEL_RANK[x]) if said else "xa"
    top = max(higher, key=lambda k: LEVEL_RANK.get(k.level, 0), default=None)
    if top is not None and group.level == "xa":
        if said:
            for row in group.rows:
                if row.values.get("_kind") == top.id:
                    row.warn(row.columns.get("level", ""),
                             f"“{top.name}” do cấp trên tặng: ghi là quyết định của "
                             f"{LEVEL_LABELS.get(top.level, 'cấp trên')}, không phải của phường.")
        group.level = top.level if top.level in LEVEL_RANK and top.level != "xa" else "tinh"
    if group.external and not group.issuer:
        group.issuer = f"Cấp trên ({LEVEL_LABELS[group.level]}; sổ cũ không ghi cơ quan)"


def _existing(group: DecisionGroup, idx: HistoryIndex, attach: set) -> None:
    """The same decision already in the database: ours by number and year, a higher level's
    by number, symbol and date."""
    if group.external:
        ref = reference_key(group.reference) or (group.number, "")
        group.existing = idx.external.get((ref[0], ref[1], group.signed_on))
    else:
        from app.excel.history_refs import symbol_key

        mine = symbol_key(group.symbol)
        found = [d for sym, d in idx.own.get((group.signed_on.year, group.number), [])
                 if sym == mine or not mine]
        if found and found[0].status != "issued":
            _error_all(group, f"Số {group.reference} năm {group.signed_on.year} đang dùng cho một "
                              "dự thảo quyết định trong phần mềm: đổi số dự thảo (hoặc sửa tệp) "
                              "rồi nhập lại.")
            return
        if found and found[0].signed_on != group.signed_on:
            _error_all(group, f"Quyết định số {found[0].reference} năm {group.signed_on.year} đã "
                              f"có trong phần mềm, ký ngày {format_date_vn(found[0].signed_on)}; "
                              f"tệp ghi ngày {format_date_vn(group.signed_on)}.")
            return
        group.existing = found[0] if found else None
    group.attach = group.existing is not None and group.key in attach


def _error_all(group: DecisionGroup, message: str) -> None:
    for row in group.rows:
        row.error(_ref_column(row), message)


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

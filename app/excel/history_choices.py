"""The officer's answers while importing an old register, each kept in ``Preview.context`` (so
a re-check after a cell's reading changed keeps them) and applied at once by working the plan
out again from the checked rows (``replan``): no re-reading of the file.

- a spelling of an award: saved to the table (screen) or for this import only (command line,
  saved with the import);
- which record a subject is when several fit, or "a new record";
- for a decision already in the database: skip its rows (default) or attach them;
- for a year: post the ward's own decisions' money to the fund (default: not);
- for rows repeated in a decision: keep both (default: the first)."""

from __future__ import annotations

from app.errors import ValidationError
from app.excel.history_decisions import DecisionGroup
from app.excel.history_plan import HistoryPlan, build
from app.excel.history_subjects import NEW, SubjectGroup
from app.excel.preview import Preview
from app.services.awards.award_spellings import save_spelling, spelling_index
from db.engine import Database


def plan_of(result: Preview) -> HistoryPlan:
    if not isinstance(result.plan, HistoryPlan):
        raise ValidationError("Chưa có kết quả kiểm tra sổ khen thưởng cũ.")
    return result.plan


def replan(result: Preview) -> HistoryPlan:
    """Work the plan out again with the current choices (fast: the rows stay as checked)."""
    old = plan_of(result)
    result.context["keep_both"] = [p.key for p in result.pairs if p.keep_both]
    plan = build(result, old.index, result.context)
    result.plan = plan
    result.notes = [n for n in result.notes if n not in old.notes] + plan.notes
    return plan


def choose_award(result: Preview, text: str, award_kind_id: int) -> None:
    """This import reads ``text`` as the award (saved in the table with the import)."""
    kinds = plan_of(result).index.matcher.kinds
    if award_kind_id not in kinds:
        raise ValidationError("Không tìm thấy danh hiệu, hình thức khen thưởng.")
    result.context.setdefault("spellings", {})[text] = award_kind_id
    replan(result)


def save_award(db: Database, result: Preview, text: str, award_kind_id: int) -> None:
    """Save the spelling in the table now (the screen's "Lưu cách viết"), then re-plan."""
    save_spelling(db, text, award_kind_id)
    result.context.get("spellings", {}).pop(text, None)
    use_spellings(db, result)


def use_spellings(db: Database, result: Preview) -> None:
    """Read the award spellings table again (changed meanwhile), then re-plan."""
    with db.read() as s:
        matcher = plan_of(result).index.matcher
        matcher.use(matcher.extra, spelling_index(s))
    replan(result)


def choose_subject(result: Preview, group: SubjectGroup, record_id: int | None) -> None:
    """The record ``group`` is (None: a new record)."""
    if record_id is not None and not any(c.id == record_id for c in group.choices):
        raise ValidationError(f"Hồ sơ mã {record_id} không cùng tên “{group.name}”.")
    result.context.setdefault("subjects", {})[group.key] = NEW if record_id is None else record_id
    replan(result)


def choose_attach(result: Preview, group: DecisionGroup, attach: bool) -> None:
    """Rows of a decision already in the database: attach them to it, or skip them."""
    if group.existing is None:
        raise ValidationError(f"Quyết định {group.label()} chưa có trong phần mềm.")
    keys = set(result.context.get("attach", ()))
    keys = keys | {group.key} if attach else keys - {group.key}
    result.context["attach"] = sorted(keys)
    replan(result)


def choose_fund(result: Preview, year: int, post: bool) -> None:
    """Post the money of the ward's own imported decisions of ``year`` to the fund, or not."""
    years = set(result.context.get("post_fund", ()))
    result.context["post_fund"] = sorted(years | {year} if post else years - {year})
    replan(result)


def find_decision(result: Preview, text: str) -> DecisionGroup:
    """A decision of the plan by its number as written ("151/QĐ-UBND"), for the command line."""
    wanted = text.strip().lower()
    found = [g for g in plan_of(result).decisions if g.reference.lower() == wanted
             or g.label().lower() == wanted]
    if len(found) != 1:
        raise ValidationError(f"Không có (hoặc có nhiều) quyết định “{text}” trong tệp: ghi "
                              "đúng số như trong tệp, thêm ngày ký (ví dụ “ngày 05/09/2025”) nếu cần.")
    return found[0]


def find_subject(result: Preview, ref: str) -> SubjectGroup:
    """A subject of the plan by one of its rows: "12" or "Trang!12" (command line)."""
    sheet, _, row = ref.rpartition("!")
    for group in plan_of(result).subjects:
        if any(str(r.row) == row.strip() and sheet in ("", r.sheet) for r in group.rows):
            return group
    raise ValidationError(f"Dòng “{ref}” không có trong tệp.")

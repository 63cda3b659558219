"""Writing the ward's old commendation register, checked by ``app.excel`` (issue 16), in one
transaction: the new people, collectives and households, one issued decision per distinct
number + date marked "nhập từ sổ cũ" (``Decision.source``), its attached list and its
register entries, where each entry came from (``HistorySource``), and — only for the years
the officer chose — the money of the ward's own decisions posted to the fund.

History is never recomputed: the money is kept as written, the award's name is the award
kind's, the printed name and position as the old register wrote them. Higher levels'
decisions are recorded like ``external_decisions.record_external_decision`` (external, with
their reference and issuer on each entry) and never touch the ward's fund.

Register numbers: entries are numbered per year (the year the decision was signed) in
signing order — by date, then decision number, then the order of the file — starting after
the highest number the year already has. A year the app has not used gets 1, 2, 3… as the
paper register; a year that already has entries (say 2025/0001–0040 issued in the app) gets
2025/0041… for the imported ones even when they were signed earlier: an existing entry is
never renumbered (its number is printed on certificates). The preview says so per year.

A decision already in the database (ours: same number and year; a higher level's: same
number, symbol and date) is not duplicated: its rows are skipped, or — the officer's choice
— written as register entries of that decision (its issued list itself never changes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from app import text
from app.errors import DomainError, ValidationError
from app.excel.lookups import area_key
from app.services.awards import fund
from app.services.awards.award_spellings import add_spelling
from app.services.records.subjects import name_forms
from app.services.system import audit
from db.engine import Database
from db.models import (
    AwardRecord,
    Collective,
    Decision,
    DecisionLine,
    HistorySource,
    Household,
    Person,
    Subject,
)

SOURCE = "so_cu"
SOURCE_LABEL = "Nhập từ sổ cũ"


@dataclass(frozen=True)
class HistoryImportResult:
    decisions: int  # new decisions written
    attached: int  # entries attached to decisions already in the database
    entries: int  # register entries written in all
    new_subjects: int
    matched_subjects: int
    skipped: int  # rows not written (repeats, decisions skipped, already in the register)
    money: int
    posted_years: tuple[int, ...]

    def text(self) -> str:
        out = (f"Đã ghi {self.decisions} quyết định nhập từ sổ cũ, {self.entries} mục vào sổ "
               f"khen thưởng ({text.format_money(self.money)} đồng); {self.new_subjects} hồ sơ "
               f"mới, {self.matched_subjects} hồ sơ đã có; bỏ qua {self.skipped} dòng.")
        if self.attached:
            out += f" {self.attached} mục gắn vào quyết định đã có."
        if self.posted_years:
            out += " Đã ghi chi quỹ thi đua các năm " + ", ".join(map(str, self.posted_years)) + "."
        return out


def write_history(db: Database, result) -> HistoryImportResult:
    """Write the checked register (``app.excel.importer.commit`` calls this). The plan is
    worked out again inside the transaction, so register numbers and decisions already in the
    database are those of the moment of writing."""
    try:
        return _write(db, result)
    except IntegrityError as exc:
        raise DomainError("Không nhập được: cơ sở dữ liệu vừa thay đổi ở nơi khác (số quyết "
                          "định hoặc số vào sổ vừa được dùng). Chưa ghi dòng nào; hãy chọn lại "
                          f"tệp để kiểm tra lại. Chi tiết: {exc.orig}") from exc


def _write(db: Database, result) -> HistoryImportResult:
    from app.excel import history_index
    from app.excel.history_plan import build

    note = f"Nhập từ sổ cũ: tệp {result.file_name}"
    with db.session(immediate=True) as s:  # register numbers: no other writer in between
        plan = build(result, history_index.load(s), result.context)
        result.plan = plan
        if result.errors:
            raise ValidationError(f"Tệp còn {len(result.errors)} lỗi (dữ liệu vừa thay đổi?): "
                                  "chưa ghi dòng nào. Hãy kiểm tra lại.")
        for spelling, kind_id in result.context.get("spellings", {}).items():
            add_spelling(s, spelling, kind_id)
        written = [r for g in plan.decisions for r in g.written]
        matched = {id(r.values["_group"]) for r in written if not r.values["_group"].is_new}
        subjects = _create_subjects(s, plan, note)
        now = datetime.now()
        decision_ids = _insert_decisions(s, plan, now)
        counts = _insert_entries(s, plan, decision_ids, result.file_name, now)
        s.execute(update(Decision).where(Decision.id.in_(list(decision_ids.values())))
                  .values(status="issued", issued_at=now))  # locked from here on (triggers)
        posted = _post_fund(s, plan, decision_ids)
        _audit(s, plan, decision_ids, counts, note)
    return HistoryImportResult(
        len(decision_ids), counts["attached"], len(written), subjects, len(matched),
        len(result.rows) - len(written), sum(r.values.get("_money") or 0 for r in written),
        posted)


def _create_subjects(s, plan, note: str) -> int:
    """New records for the subjects no record fits, with ids given here so thousands go in
    as one insert per table (the ORM would insert them one at a time)."""
    groups = [g for g in plan.subjects if g.is_new and any(
        r.action == "create" and not r.has_error for r in g.rows)]
    if not groups:
        return 0
    next_id = (s.scalar(select(Subject.id).order_by(Subject.id.desc()).limit(1)) or 0) + 1
    now = datetime.now()
    base: list[dict] = []
    own: dict = {Person: [], Household: [], Collective: []}
    for group in groups:
        group.record_id, next_id = next_id, next_id + 1
        common, model, extra = _subject(group, plan.index)
        base.append({"id": group.record_id, "created_at": now, "updated_at": now, **common})
        own[model].append({"id": group.record_id, **extra})
    s.execute(insert(Subject.__table__), base)
    for model, rows in own.items():
        if rows:
            s.execute(insert(model.__table__), rows)
    audit.log(s, "create", "subject", None, after={"ids": [g.record_id for g in groups]},
              note=f"{note}: {len(groups)} hồ sơ mới")
    return len(groups)


def _subject(group, idx) -> tuple[dict, type, dict]:
    """A record from what its rows say (the newest row's position, unit and address): the
    subject's columns, its model and the model's own columns."""
    rows = sorted(group.rows, key=lambda r: r.values.get("_year") or 0)
    latest = {k: next((r.values[k] for r in reversed(rows) if r.values.get(k)), None)
              for k in ("position", "unit", "address", "area", "gender", "birth")}
    area_id = idx.areas.get(area_key(latest["area"])) if latest["area"] else None
    common = {"type": group.type, **name_forms(group.name, group.type in ("person", "household")),
              "area_id": area_id, "former_unit_id": idx.area_unit.get(area_id)}
    if group.type == "person":
        unit = latest["unit"]
        work = idx.collectives.get(text.fold(unit)) if unit else None
        return common, Person, {
            "gender": latest["gender"], "birth_year": group.year, "cccd": group.cccd,
            "birth_date": latest["birth"], "position": _fit(latest["position"], 200),
            "workplace_id": work, "workplace_text": None if work else _fit(unit, 300),
            "address": _fit(latest["address"], 300)}
    if group.type == "household":
        return common, Household, {"address": _fit(latest["address"], 300),
                                   "head_birth_year": group.year, "head_cccd": group.cccd}
    return common, Collective, {"address": _fit(latest["address"], 300)}


def _fit(value: str | None, limit: int) -> str | None:
    return value if value and len(value) <= limit else None


def _insert_decisions(s, plan, now: datetime) -> dict[str, int]:
    """The new decisions (as drafts while their lists are written); group key → id."""
    groups = [g for g in plan.decisions if g.existing is None and g.written]
    next_id = (s.scalar(select(Decision.id).order_by(Decision.id.desc()).limit(1)) or 0) + 1
    rows, ids = [], {}
    for g in groups:
        ids[g.key] = next_id
        rows.append({
            "id": next_id, "year": g.signed_on.year, "signed_on": g.signed_on,
            "kind": "khen_thuong",
            "number": None if g.external else g.number, "symbol": "" if g.external else g.symbol,
            "full_number": g.reference, "title": text.nfc(g.title) or "Khen thưởng (nhập từ sổ cũ)",
            "issuer": text.nfc_or_none(g.issuer) if g.external else None, "level": g.level,
            "external": g.external, "status": "draft", "total_money": g.money, "source": SOURCE,
            "created_at": now, "updated_at": now})
        next_id += 1
    if rows:
        s.execute(insert(Decision.__table__), rows)
    return ids


def _insert_entries(s, plan, decision_ids: dict, file_name: str, now: datetime) -> dict:
    lines, records, sources = [], [], []
    next_record = (s.scalar(select(AwardRecord.id).order_by(AwardRecord.id.desc()).limit(1))
                   or 0) + 1
    attached = 0
    for g in plan.decisions:
        existing = s.get(Decision, g.existing.id) if g.existing and g.attach else None
        decision_id = decision_ids.get(g.key) or (existing.id if existing else None)
        if decision_id is None:
            continue
        external = existing.external if existing else g.external
        ref = (existing.full_number if existing else g.reference) if external else None
        issuer = (existing.issuer if existing else g.issuer) if external else None
        level = existing.level if existing else g.level
        for order, row in enumerate(g.written, start=1):
            entry = _entry(row, plan.index)
            if existing is None:
                lines.append(dict(decision_id=decision_id, sort_order=order, **entry))
            else:
                attached += 1
            year, no = row.values["_register"]
            records.append(dict(
                id=next_record, register_year=year, register_no=no,
                certificate_no=f"{year}/{no:04d}", decision_id=decision_id, level=level,
                external_decision_ref=ref, external_decision_date=g.signed_on if ref else None,
                external_issuer=text.nfc_or_none(issuer), revoked=False, created_at=now,
                year=entry["achievement_year"],
                **{k: v for k, v in entry.items() if k != "achievement_year"}))
            sources.append({"award_record_id": next_record, "file_name": file_name,
                                "sheet": row.sheet[:100], "row_no": row.row,
                                "award_text": text.nfc_or_none(row.values.get("award")),
                                "notes": text.nfc_or_none(row.values.get("notes"))})
            next_record += 1
    for model, values in ((DecisionLine, lines), (AwardRecord, records),
                          (HistorySource, sources)):
        if values:  # plain Core inserts: one executemany per table
            s.execute(insert(model.__table__), values)
    return {"records": [r["id"] for r in records], "attached": attached}


def _entry(row, idx) -> dict:
    """What the line and the entry print: as the old register wrote it."""
    v, group = row.values, row.values["_group"]
    kind = idx.matcher.kinds[v["_kind"]]
    if group.type == "person":
        gender = v.get("gender") or next((c.gender for c in group.choices
                                          if c.id == group.record_id), None)
        salutation = text.salutation(gender)
        place = ", ".join(p for p in (v.get("position"), v.get("unit")) if p)
    elif group.type == "household":
        salutation = "Hộ gia đình"
        place = ", ".join(p for p in (v.get("address"), v.get("area")) if p)
    else:
        salutation = "Tập thể" if group.type == "collective" else None
        place = v.get("address") or v.get("position")
    return {"subject_id": group.record_id, "award_kind_id": kind.id, "award_name": kind.name,
                "achievement_year": v["_year"], "salutation": salutation,
                "printed_name": text.nfc(v["_name"]), "position_line": text.nfc_or_none(place),
                "citation": text.nfc_or_none(v.get("citation")), "money": v.get("_money") or 0}


def _post_fund(s, plan, decision_ids: dict) -> tuple[int, ...]:
    """Spending lines for the ward's own new decisions of the years the officer chose."""
    years = {y.year for y in plan.years if y.post_fund}
    posted = set()
    for g in plan.decisions:
        if g.key in decision_ids and not g.external and g.signed_on.year in years and \
                fund.post_decision(s, s.get(Decision, decision_ids[g.key])):
            posted.add(g.signed_on.year)
    return tuple(sorted(posted))


def _audit(s, plan, decision_ids: dict, counts: dict, note: str) -> None:
    for g in plan.decisions:
        if g.key in decision_ids:
            d = s.get(Decision, decision_ids[g.key])
            entries = [r.values["_register_no"] for r in g.written]
            audit.log(s, "create", "decision", d.id, None,
                      {**audit.snapshot(d), "entries": entries}, note)
        elif g.attach and g.written:
            audit.log(s, "create", "award_record", None,
                      after={"decision_id": g.existing.id,
                             "entries": [r.values["_register_no"] for r in g.written]},
                      note=f"{note}: gắn vào quyết định {g.label()} đã có")

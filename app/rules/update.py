"""What a rule pack would change in a database, next to the ward's own edits.

Every pack-managed row keeps ``pack_values``: its fields as the pack last delivered them. For
each field, with P = pack_values, C = the value now, D = what the new pack wants:

* D = P: the pack did not change it (a ward edit, C ≠ P, simply stays);
* C = P: the ward never touched it → a plain update, offered ticked;
* C ≠ P and C ≠ D: the ward edited it and the pack changed it too → a conflict, shown with
  both values, left as the ward has it unless the officer ticks it;
* a row the pack adds while the row it would take over from was edited by the ward is a
  conflict too (a new dated coefficient would end the ward's own value).

Applying (app/rules/apply.py) moves P to D for every change shown, so the same question is
never asked twice; refusing keeps C, which then counts as the ward's edit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.rules import labels, packs, store
from app.rules.values import MISSING, canonical, date_vn, same, show
from db.models import AwardKind, BaseSalary, RuleItem


@dataclass(frozen=True)
class Change:
    """One difference between the database and the packs, for the officer to accept or not."""
    key: str  # stable id ("kind:LDTT:criteria")
    entity: str  # kind / item / salary
    action: str  # add / update / remove / sync (sync: only the bookkeeping moves; not shown)
    edited: bool  # the ward edited this value (or the value this one would take over from)
    group: str
    label: str
    field_label: str
    current: str
    previous: str
    proposed: str
    note: str = ""
    ident: tuple = ()
    field: str | None = None
    value: object = None  # the value to write (raw), or the spec to add

    @property
    def shown(self) -> bool:
        return self.action != "sync"


@dataclass(frozen=True)
class Plan:
    """The changes from the installed packs to the shipped (or chosen) ones."""
    from_label: str
    to_label: str
    notes: tuple[str, ...]
    changes: tuple[Change, ...]
    installed_after: dict
    province: str | None = None
    first_install: bool = False
    targets: packs.PackSet | None = field(default=None, repr=False, compare=False)

    @property
    def shown(self) -> list[Change]:
        return [c for c in self.changes if c.shown]

    @property
    def conflicts(self) -> list[Change]:
        return [c for c in self.shown if c.edited]

    @property
    def default_accept(self) -> set[str]:
        """Ticked at first: everything the ward did not edit."""
        return {c.key for c in self.shown if not c.edited}


def delivered(row) -> dict | None:
    """The fields of a row as the pack last delivered them (None: the ward's own row)."""
    return row.pack_values if isinstance(row.pack_values, dict) else None


def differs(current: dict, pack: dict | None) -> bool:
    """The ward changed at least one field of this row (or the row is its own)."""
    if pack is None:
        return True
    return any(not same(current.get(f), pack.get(f, MISSING)) for f in current)


def row_edited(row) -> bool:
    """Whether the ward edited an award kind, a rule row or a base salary row."""
    if isinstance(row, AwardKind):
        current = kind_fields(row)
    elif isinstance(row, RuleItem):
        current = item_fields(row)
    else:
        current = salary_fields(row)
    return differs(current, delivered(row))


def kind_fields(k: AwardKind) -> dict:
    return {f: getattr(k, f) for f in packs.KIND_FIELDS}


def item_fields(r: RuleItem) -> dict:
    return {"value": r.value, "legal_basis": r.legal_basis, "verify_note": r.verify_note,
            "effective_to": r.effective_to}


def salary_fields(r: BaseSalary) -> dict:
    return {"amount": r.amount, "legal_basis": r.legal_basis, "verify_note": r.verify_note}


def _field_change(key, entity, ident, fname, current, pack, wanted, group, label,
                  show_value) -> Change | None:
    prev = pack.get(fname, MISSING) if pack is not None else MISSING
    if same(wanted, prev):
        return None
    if same(current, wanted):
        action, edited = "sync", False
    else:
        action, edited = "update", pack is None or not same(current, prev)
    return Change(f"{key}:{fname}", entity, action, edited, group, label,
                  labels.FIELDS.get(fname, fname), show_value(current),
                  "" if prev is MISSING else show_value(prev), show_value(wanted),
                  ident=ident, field=fname, value=wanted)


class _Planner:
    def __init__(self, s: Session, targets: packs.PackSet):
        self.s, self.t = s, targets
        self.kinds = {k.code: k for k in s.scalars(select(AwardKind))}
        self.codes = {k.id: c for c, k in self.kinds.items()}
        self.items = {}
        for r in s.scalars(select(RuleItem)):
            self.items[packs.item_key(r.topic, self.codes.get(r.award_kind_id), r.qualifier,
                                      r.effective_from)] = r
        self.salaries = {r.effective_from: r for r in s.scalars(select(BaseSalary))}
        self.out: list[Change] = []

    def kind_name(self, code: str | None) -> str | None:
        if not code:
            return None
        if code in self.kinds:
            return self.kinds[code].name
        spec = self.t.kinds.get(code)
        return spec.fields.get("name") if spec else code

    def run(self) -> list[Change]:
        for code, spec in self.t.kinds.items():
            self._kind(code, spec)
        for key, spec in self.t.items.items():
            self._item(key, spec)
        for key, row in self.items.items():
            if key not in self.t.items and row.origin != store.WARD:
                self._removal(key, row)
        for day, spec in sorted(self.t.salaries.items()):
            self._salary(day, spec)
        return self.out

    def _kind(self, code: str, spec: packs.KindSpec) -> None:
        group = labels.TOPICS["award_kind"]
        row = self.kinds.get(code)
        if row is None:
            name = spec.fields.get("name") or code
            self.out.append(Change(f"kind:{code}", "kind", "add", False, group,
                                   f"Thêm “{name}”", "", "", "", name, ident=(code,),
                                   value=spec))
            return
        pack, current = delivered(row), kind_fields(row)
        for fname in packs.KIND_FIELDS:
            change = _field_change(f"kind:{code}", "kind", (code,), fname, current[fname],
                                   pack, spec.fields.get(fname), group, row.name,
                                   lambda v, f=fname: labels.field_text(f, v))
            if change is not None:
                self.out.append(change)

    def _item_label(self, key: tuple) -> tuple[str, str]:
        topic, code, qualifier, start = key
        group = labels.TOPICS.get(topic, topic)
        when = date_vn(date.fromisoformat(start)) if start else "từ trước"
        when = when if not start else f"từ {when}"
        return group, f"{labels.rule_name(topic, qualifier, self.kind_name(code))} ({when})"

    def _item(self, key: tuple, spec: packs.ItemSpec) -> None:
        group, label = self._item_label(key)
        row = self.items.get(key)
        wanted = spec.fields()
        if row is None:
            if spec.award_code and spec.award_code not in self.kinds \
                    and spec.award_code not in self.t.kinds:
                return
            taken, note = self._predecessor(key)
            self.out.append(Change("item:" + "|".join(key), "item", "add", taken, group, label,
                                   "", "", "", show(spec.topic, spec.value), note,
                                   ident=key, value=spec))
            return
        pack, current = delivered(row), {k: canonical(v) for k, v in item_fields(row).items()}
        for fname in packs.ITEM_FIELDS:
            change = _field_change("item:" + "|".join(key), "item", key, fname, current[fname],
                                   pack, wanted[fname], group, label,
                                   lambda v, f=fname, t=spec.topic: (
                                       show(t, v) if f == "value" else labels.field_text(f, v)))
            if change is not None:
                self.out.append(change)

    def _predecessor(self, key: tuple) -> tuple[bool, str]:
        """Whether a new dated row would take over from a value the ward edited."""
        topic, code, qualifier, start = key
        if not start:
            return False, ""
        before = [(k, r) for k, r in self.items.items()
                  if k[:3] == (topic, code, qualifier) and (k[3] or "") < start]
        if not before:
            return False, ""
        _k, row = max(before, key=lambda kr: kr[0][3])
        current = {k: canonical(v) for k, v in item_fields(row).items()}
        if not differs(current, delivered(row)):
            return False, ""
        was = show(topic, row.value)
        return True, (f"Phường đã sửa giá trị đang áp dụng ({was}); dòng mới sẽ thay giá trị "
                      f"đó từ {date_vn(date.fromisoformat(start))}.")

    def _removal(self, key: tuple, row: RuleItem) -> None:
        group, label = self._item_label(key)
        current = {k: canonical(v) for k, v in item_fields(row).items()}
        edited = differs(current, delivered(row))
        self.out.append(Change("item:" + "|".join(key), "item", "remove", edited, group, label,
                               "", show(row.topic, row.value),
                               show(row.topic, (delivered(row) or {}).get("value")),
                               "(bỏ, gói mới không còn quy định này)", ident=key))

    def _salary(self, day: date, spec: packs.SalarySpec) -> None:
        group = labels.TOPICS["base_salary"]
        label = f"Lương cơ sở từ {date_vn(day)}"
        row = self.salaries.get(day)
        if row is None:
            earlier = [r for d, r in self.salaries.items() if d < day]
            prev = max(earlier, key=lambda r: r.effective_from) if earlier else None
            edited = prev is not None and differs(salary_fields(prev), delivered(prev))
            note = (f"Phường đã sửa mức đang áp dụng ({show('base_salary', prev.amount)})."
                    if edited else "")
            self.out.append(Change(f"salary:{day.isoformat()}", "salary", "add", edited, group,
                                   label, "", "", "", show("base_salary", spec.amount)
                                   + (f" — {spec.legal_basis}" if spec.legal_basis else ""),
                                   note, ident=(day,), value=spec))
            return
        pack, current = delivered(row), salary_fields(row)
        for fname, wanted in spec.fields().items():
            change = _field_change(f"salary:{day.isoformat()}", "salary", (day,), fname,
                                   current[fname], pack, wanted, group, label,
                                   lambda v, f=fname: labels.field_text(f, v))
            if change is not None:
                self.out.append(change)


def plan(s: Session, province: str | None = None) -> Plan:
    """Changes from what the database holds to the shipped national pack and the province
    pack (the ward's current choice unless ``province`` is given)."""
    chosen = province or store.province(s)
    targets = packs.load(chosen)
    before = store.installed(s) or {}
    names = packs.provinces()
    from_label = "chưa có"
    if before:
        from_label = f"quy định chung {before.get('national', '?')}"
        if before.get("province"):
            from_label += (f", tỉnh: {names.get(before['province'], before['province'])} "
                           f"{before.get('province_version') or ''}").rstrip()
    changes = tuple(sorted(_Planner(s, targets).run(), key=_order))
    after = {"national": targets.version, "province": targets.province,
             "province_version": targets.province_version}
    new_national = before.get("national") != targets.version
    return Plan(from_label, targets.label, targets.notes if new_national else (), changes,
                after, chosen, not before, targets)


GROUP_RANK = {labels.TOPICS[t]: i for i, t in enumerate((
    "base_salary", "coefficient", "decider", "award_kind", "council", "threshold", "deadline",
    "dossier", "can_cu", "principle"))}


def _order(change: Change) -> int:
    """Money first, then who decides, the award kinds, the council, the rest (stable)."""
    return GROUP_RANK.get(change.group, 99)


def pending(s: Session) -> bool:
    """True when the shipped packs are newer than the installed ones (cheap: versions only)."""
    inst = store.installed(s)
    if inst is None:
        return True
    chosen = store.province(s)
    national, province_version = packs.shipped_versions(chosen)
    if inst.get("province") != chosen:
        return True
    return (packs.version_tuple(national) > packs.version_tuple(inst.get("national"))
            or packs.version_tuple(province_version)
            > packs.version_tuple(inst.get("province_version")))

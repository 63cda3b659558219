"""Applying rule packs: with the officer's consent (a :class:`~app.rules.update.Plan` and the
keys ticked), whole on a new database, and recognising what an older database received.

Everything happens in the caller's transaction and is audited: one row per value changed and
one summary row (entity "rule_pack") with the versions before and after."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.rules import packs, store, update
from app.rules.values import canonical
from app.services.common import store_setting
from app.services.system import audit
from db.engine import Database
from db.models import AwardKind, BaseSalary, RuleItem


@dataclass(frozen=True)
class ApplyResult:
    applied: int  # values changed
    kept: int  # values the pack would change that stay as the ward has them
    label: str  # the packs now installed ("quy định chung 2026.1, Bắc Ninh 2025.12")


def _write_kind_field(row: AwardKind, field: str, value) -> None:
    if field == "vote_threshold" and value is not None:
        value = Decimal(str(value))
    setattr(row, field, value)


def _deliver(row, field: str, value) -> None:
    """Record that the pack delivered ``value`` for ``field`` (a new dict: JSON columns only
    notice reassignment)."""
    row.pack_values = {**(row.pack_values or {}), field: canonical(value)}


def _raw_item_value(spec: packs.ItemSpec):
    if spec.awards and isinstance(spec.value, dict):
        return {**spec.value, "awards": list(spec.awards)}
    return spec.value


class _Applier:
    def __init__(self, s: Session, plan: update.Plan, accept: set[str], quiet: bool):
        self.s, self.plan, self.accept, self.quiet = s, plan, accept, quiet
        self.t = plan.targets
        self.kinds = {k.code: k for k in s.scalars(select(AwardKind))}
        self.note = f"Gói quy định: {plan.to_label}"
        self.applied = self.kept = 0

    def run(self) -> None:
        # Kinds first: their coefficients and deciders refer to them.
        ordered = sorted(self.plan.changes, key=lambda c: {"kind": 0, "salary": 1}.get(
            c.entity, 2))
        for change in ordered:
            taken = change.key in self.accept and change.action != "sync"
            getattr(self, f"_{change.entity}")(change, taken)
            if change.shown:
                if taken:
                    self.applied += 1
                elif change.edited or change.action == "update":
                    self.kept += 1

    def _log(self, action: str, entity: str, row, before, after) -> None:
        if not self.quiet:
            self.s.flush()
            audit.log(self.s, action, entity, row.id, before, after, self.note)

    def _kind(self, c: update.Change, taken: bool) -> None:
        code = c.ident[0]
        spec = self.t.kinds[code]
        if c.action == "add":
            if taken:
                row = AwardKind(code=code, sort_order=spec.sort_order, active=True, annual=True,
                                pack_values={f: canonical(v) for f, v in spec.fields.items()})
                for f, v in spec.fields.items():
                    _write_kind_field(row, f, v)
                self.s.add(row)
                self.s.flush()  # its coefficients and deciders need its id
                self.kinds[code] = row
                self._log("create", "award_kind", row, None, audit.snapshot(row))
            return
        row = self.kinds[code]
        raw = spec.fields.get(c.field)
        if taken:
            before = {c.field: audit.snapshot(row).get(c.field)}
            _write_kind_field(row, c.field, raw)
            self._log("update", "award_kind", row, before,
                      {c.field: audit.snapshot(row).get(c.field)})
        _deliver(row, c.field, raw)

    def _find_item(self, key: tuple) -> RuleItem | None:
        topic, code, qualifier, start = key
        kind = self.kinds.get(code) if code else None
        for row in store.rows_of(self.s, topic, kind.id if kind else None, qualifier):
            if (row.award_kind_id is None) == (kind is None) and \
                    (row.effective_from.isoformat() if row.effective_from else "") == start:
                return row
        return None

    def _item(self, c: update.Change, taken: bool) -> None:
        if c.action == "add":
            spec = self.t.items[c.ident]
            kind = self.kinds.get(spec.award_code) if spec.award_code else None
            if not taken or (spec.award_code and kind is None):
                return
            row = RuleItem(topic=spec.topic, award_kind_id=kind.id if kind else None,
                           qualifier=spec.qualifier, effective_from=spec.effective_from,
                           effective_to=spec.effective_to, value=_raw_item_value(spec),
                           legal_basis=spec.legal_basis, verify_note=spec.verify_note,
                           origin=spec.origin, sort_order=spec.sort_order,
                           pack_values=spec.fields())
            self.s.add(row)
            self._log("create", "rule_item", row, None, audit.snapshot(row))
            return
        row = self._find_item(c.ident)
        if row is None:
            return
        if c.action == "remove":
            if taken:
                self._log("delete", "rule_item", row, audit.snapshot(row), None)
                self.s.delete(row)
            else:  # kept: from now on it is the ward's own rule
                row.origin, row.pack_values = store.WARD, None
            return
        spec = self.t.items[c.ident]
        raw = {"value": _raw_item_value(spec), "legal_basis": spec.legal_basis,
               "verify_note": spec.verify_note, "effective_to": spec.effective_to}[c.field]
        if taken:
            before = {c.field: audit.snapshot(row).get(c.field)}
            setattr(row, c.field, raw)
            row.origin = spec.origin
            self._log("update", "rule_item", row, before, {c.field: audit.snapshot(row).get(
                c.field)})
        _deliver(row, c.field, raw)

    def _salary(self, c: update.Change, taken: bool) -> None:
        day = c.ident[0]
        spec = self.t.salaries[day]
        row = self.s.scalar(select(BaseSalary).where(BaseSalary.effective_from == day))
        if c.action == "add":
            if taken and row is None:
                row = BaseSalary(effective_from=day, amount=spec.amount,
                                 legal_basis=spec.legal_basis, verify_note=spec.verify_note,
                                 pack_values=canonical(spec.fields()))
                self.s.add(row)
                self._log("create", "base_salary", row, None, audit.snapshot(row))
            return
        raw = spec.fields()[c.field]
        if taken:
            before = {c.field: audit.snapshot(row).get(c.field)}
            setattr(row, c.field, raw)
            self._log("update", "base_salary", row, before,
                      {c.field: audit.snapshot(row).get(c.field)})
        _deliver(row, c.field, raw)


def apply_plan(s: Session, plan: update.Plan, accept: set[str], quiet: bool = False
               ) -> ApplyResult:
    """Apply the ticked changes of ``plan``; the others stay as the ward has them (and are not
    asked again for this version). Records the installed versions."""
    before = store.installed(s)
    worker = _Applier(s, plan, set(accept), quiet)
    worker.run()
    s.flush()
    store_setting(s, store.INSTALLED_KEY, plan.installed_after)
    if plan.province:
        store_setting(s, store.PROVINCE_KEY, plan.province)
    if not quiet:  # a new database's first install is its creation, not a change
        audit.log(s, "update", "rule_pack", None, {"installed": before},
                  {"installed": plan.installed_after, "applied": worker.applied,
                   "kept": worker.kept},
                  f"Cập nhật quy định lên {plan.to_label}: áp dụng {worker.applied} thay đổi, "
                  f"giữ nguyên {worker.kept} giá trị phường đã sửa")
    return ApplyResult(worker.applied, worker.kept, plan.to_label)


def install_fresh(s: Session) -> ApplyResult:
    """A new database: everything the packs hold, no questions (nothing to overwrite)."""
    plan = update.plan(s)
    return apply_plan(s, plan, {c.key for c in plan.changes}, quiet=True)


def adopt_legacy(s: Session) -> None:
    """A database seeded before rule packs existed: record the previous pack's values as
    delivered, so what differs from them is recognised as the ward's edit."""
    old = packs.legacy()
    codes = {}
    for k in s.scalars(select(AwardKind)):
        codes[k.id] = k.code
        spec = old.kinds.get(k.code)
        if spec is not None:
            k.pack_values = {f: canonical(v) for f, v in spec.fields.items()}
    for row in s.scalars(select(RuleItem).where(RuleItem.origin == "cu")):
        spec = old.items.get(packs.item_key(row.topic, codes.get(row.award_kind_id),
                                            row.qualifier, row.effective_from))
        row.origin = packs.NATIONAL if spec is not None else store.WARD
        row.pack_values = spec.fields() if spec is not None else None
    for row in s.scalars(select(BaseSalary)):
        spec = old.salaries.get(row.effective_from)
        if spec is not None:
            row.pack_values = canonical(spec.fields())
    installed = {"national": packs.LEGACY_VERSION, "province": None, "province_version": None}
    store_setting(s, store.INSTALLED_KEY, installed)
    audit.log(s, "update", "rule_pack", None, None, {"installed": installed},
              "Nhận diện dữ liệu quy định của phiên bản trước (chưa áp dụng gói mới)")


def ensure_installed(s: Session) -> None:
    """On opening: install the packs into a new database, or recognise an older one. A newer
    pack for an existing database is only offered (ui/app.py, `tdkt rules update`)."""
    if store.installed(s) is not None:
        return
    if s.scalar(select(func.count()).select_from(AwardKind)):
        adopt_legacy(s)
    else:
        install_fresh(s)


def check_update(db: Database, province: str | None = None) -> update.Plan | None:
    """The plan to offer, or None when the installed packs are the shipped ones."""
    with db.read() as s:
        if province is None and not update.pending(s):
            return None
        return update.plan(s, province)


def apply_update(db: Database, accept: set[str] | None = None, province: str | None = None,
                 replace_edited: bool = False) -> ApplyResult:
    """Apply the shipped packs (and, if given, a newly chosen province). ``accept``: the keys
    the officer ticked; None: every change the ward did not edit, plus the edited ones when
    ``replace_edited``."""
    with db.session() as s:
        plan = update.plan(s, province)
        if accept is None:
            accept = plan.default_accept | (
                {c.key for c in plan.conflicts} if replace_edited else set())
        return apply_plan(s, plan, accept)

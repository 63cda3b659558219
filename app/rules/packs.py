"""Rule packs as shipped in resources/rules: the national pack (pack.json, award_kinds.json,
base_salary.json), one pack per province (provinces/<code>.json, Nghị định 152/2025/NĐ-CP
Điều 6: dossier, giấy khen criteria, council quorum and thresholds, deadline) and the earlier
national packs (history/<version>/, to recognise what an older database received).

A pack is read into a :class:`PackSet`, the rules as the packs want them; app/rules/update.py
compares it with the database."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from app.paths import resource_path
from app.rules.values import canonical, number

NATIONAL = "quoc_gia"
DEFAULT_PROVINCE = "mac_dinh"
LEGACY_VERSION = "2025.1"  # award_kinds.json + base_salary.json before rule packs existed

# Award kind fields a pack manages (the ward's own choices — active, order — are not).
KIND_FIELDS = ("name", "category", "subject_types", "level", "awarded_here",
               "certificate_template", "criteria", "legal_basis", "verify_note",
               "prerequisites", "quota", "vote_threshold", "vote_base", "vote_strict",
               "secret_ballot")
KIND_DEFAULTS = {"awarded_here": True, "vote_base": "present", "vote_strict": False,
                 "secret_ballot": True}
ITEM_FIELDS = ("value", "legal_basis", "verify_note", "effective_to")
SALARY_FIELDS = ("amount", "legal_basis", "verify_note")
LEGACY_COEFFICIENTS = (("coef_person", "person"), ("coef_collective", "collective"),
                       ("coef_household", "household"))


@dataclass(frozen=True)
class KindSpec:
    code: str
    fields: dict  # KIND_FIELDS → value as the pack writes it (compared in canonical form)
    sort_order: int = 0


@dataclass(frozen=True)
class ItemSpec:
    topic: str
    award_code: str | None
    qualifier: str
    effective_from: date | None
    value: object
    legal_basis: str | None = None
    verify_note: str | None = None
    effective_to: date | None = None
    origin: str = NATIONAL
    sort_order: int = 0
    awards: tuple[str, ...] = ()  # căn cứ lines printed only for these award codes

    @property
    def key(self) -> tuple:
        return item_key(self.topic, self.award_code, self.qualifier, self.effective_from)

    def fields(self) -> dict:
        """The pack-managed fields, canonical (what pack_values stores)."""
        value = self.value
        if self.awards and isinstance(value, dict):
            value = {**value, "awards": list(self.awards)}
        return {"value": canonical(value), "legal_basis": self.legal_basis,
                "verify_note": self.verify_note, "effective_to": canonical(self.effective_to)}


@dataclass(frozen=True)
class SalarySpec:
    effective_from: date
    amount: int
    legal_basis: str | None = None
    verify_note: str | None = None

    def fields(self) -> dict:
        return {"amount": self.amount, "legal_basis": self.legal_basis,
                "verify_note": self.verify_note}


@dataclass
class PackSet:
    """The rules as the chosen packs want them."""
    version: str
    title: str
    province: str | None
    province_name: str
    province_version: str | None
    notes: tuple[str, ...] = ()
    kinds: dict[str, KindSpec] = field(default_factory=dict)
    items: dict[tuple, ItemSpec] = field(default_factory=dict)
    salaries: dict[date, SalarySpec] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """"quy định chung 2026.1, tỉnh Bắc Ninh 2025.12"."""
        where = f", tỉnh: {self.province_name} {self.province_version}" if self.province else ""
        return f"quy định chung {self.version}{where}"


def item_key(topic: str, award_code: str | None, qualifier: str,
             effective_from: date | None) -> tuple:
    return (topic, award_code or "", qualifier or "",
            effective_from.isoformat() if effective_from else "")


def version_tuple(version: str | None) -> tuple[int, ...]:
    """"2026.1" → (2026, 1); unknown → () (older than any)."""
    try:
        return tuple(int(p) for p in (version or "").split("."))
    except ValueError:
        return ()


def _day(value) -> date | None:
    return date.fromisoformat(value) if value else None


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _kind(row: dict) -> KindSpec:
    fields = {f: row.get(f, KIND_DEFAULTS.get(f)) for f in KIND_FIELDS}
    return KindSpec(row["code"], fields, int(row.get("sort_order", 0)))


def _item(row: dict, origin: str, award: str | None = None) -> ItemSpec:
    return ItemSpec(row["topic"], award or row.get("award"), row.get("qualifier", ""),
                    _day(row.get("from")), row.get("value"), row.get("legal_basis"),
                    row.get("verify_note"), _day(row.get("to")), origin,
                    int(row.get("sort_order", 0)), tuple(row.get("awards", ())))


def _add(packs: PackSet, spec: ItemSpec) -> None:
    packs.items[spec.key] = spec


def provinces() -> dict[str, str]:
    """Province pack code → its name, the neutral default first."""
    folder = resource_path("rules", "provinces")
    out = {}
    for path in sorted(folder.glob("*.json"), key=lambda p: (p.stem != DEFAULT_PROVINCE, p.stem)):
        out[path.stem] = _read(path)["province"]
    return out


@lru_cache(maxsize=8)
def _national_files() -> tuple[dict, dict, dict]:
    return (_read(resource_path("rules", "pack.json")),
            _read(resource_path("rules", "award_kinds.json")),
            _read(resource_path("rules", "base_salary.json")))


@lru_cache(maxsize=16)
def _province_file(code: str) -> dict:
    path = resource_path("rules", "provinces", f"{code}.json")
    if not path.is_file():
        from app.errors import ValidationError

        raise ValidationError(f"Không có gói quy định của tỉnh “{code}”. Các gói có: "
                              + ", ".join(provinces()) + ".", "province")
    return _read(path)


def shipped_versions(province: str | None) -> tuple[str, str | None]:
    """(national version, province version) shipped with this copy of the app: cheap, for the
    start-up check."""
    national = _national_files()[0]["version"]
    return national, (_province_file(province)["version"] if province else None)


def load(province: str | None = DEFAULT_PROVINCE) -> PackSet:
    """The shipped national pack merged with a province pack (province rows win)."""
    manifest, kinds_file, salary_file = _national_files()
    packs = PackSet(manifest["version"], manifest.get("title", ""), None, "", None,
                    tuple(manifest.get("changes", ())))
    for row in kinds_file["rows"]:
        packs.kinds[row["code"]] = _kind(row)
        for coef in row.get("coefficients", ()):
            _add(packs, ItemSpec("coefficient", row["code"], coef["subject"], _day(coef["from"]),
                                 number(coef["value"]), coef.get("legal_basis"),
                                 coef.get("verify_note")))
    for code, rows in kinds_file.get("deciders", {}).items():
        if code.startswith("_"):
            continue
        for row in rows:
            _add(packs, ItemSpec("decider", code, "", _day(row["from"]), row["value"],
                                 row.get("legal_basis"), row.get("verify_note")))
    for row in manifest.get("items", ()):
        _add(packs, _item(row, NATIONAL))
    for row in salary_file["rows"]:
        day = _day(row["effective_from"])
        packs.salaries[day] = SalarySpec(day, int(row["amount"]), row.get("legal_basis"),
                                         row.get("verify_note"))
    if province:
        _merge_province(packs, province)
    return packs


def _merge_province(packs: PackSet, code: str) -> None:
    data = _province_file(code)
    origin = f"tinh:{code}"
    packs.province, packs.province_name = code, data["province"]
    packs.province_version = data["version"]
    for award, overrides in data.get("award_overrides", {}).items():
        base = packs.kinds.get(award)
        if base is not None:
            fields = {**base.fields, **{f: v for f, v in overrides.items() if f in KIND_FIELDS}}
            packs.kinds[award] = KindSpec(award, fields, base.sort_order)
    for row in data.get("items", ()):
        _add(packs, _item(row, origin))


def legacy() -> PackSet:
    """The national rules as the version before rule packs seeded them (history/2025.1): the
    baseline that tells an older database's edits from what it was given."""
    folder = resource_path("rules", "history", LEGACY_VERSION)
    packs = PackSet(LEGACY_VERSION, "Dữ liệu quy định trước khi có gói quy định", None, "", None)
    for row in _read(folder / "award_kinds.json")["rows"]:
        packs.kinds[row["code"]] = _kind(row)
        for column, subject_type in LEGACY_COEFFICIENTS:
            if row.get(column) is not None:
                _add(packs, ItemSpec("coefficient", row["code"], subject_type, None,
                                     number(row[column])))
    # The quorum the older version used when the ward had not saved one.
    _add(packs, ItemSpec("council", None, "quorum", None, {"share": "2/3", "strict": False}))
    for row in _read(folder / "base_salary.json")["rows"]:
        day = _day(row["effective_from"])
        packs.salaries[day] = SalarySpec(day, int(row["amount"]), row.get("legal_basis"))
    return packs

"""What the database already holds that an old register's rows are compared with, loaded once
per check: award kinds and spellings, decisions (ours by number, higher levels' by reference),
people, collectives, households and areas with what tells namesakes apart, register entries
and the register's highest number per year."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.excel.history_awards import AwardKindFacts, AwardMatcher
from app.excel.history_refs import symbol_key
from app.excel.lookups import area_key
from app.services.awards.award_spellings import spelling_index
from app.text import fold
from db.models import (
    AwardKind,
    AwardRecord,
    Collective,
    Decision,
    Household,
    Organization,
    Person,
    ResidentialArea,
    Subject,
)

_INSTITUTION = re.compile(
    r"(?:^|\s)(trường|ubnd|ủy ban|uỷ ban|công an|trạm|chi bộ|chi hội|hội|đảng ủy|đảng uỷ|"
    r"mặt trận|công ty|htx|hợp tác xã|bệnh viện|trung tâm|bưu điện|văn phòng|phòng|ban|đoàn|"
    r"khu dân cư|thôn|tổ dân phố|cơ quan|xí nghiệp|nhà máy)\s", re.IGNORECASE)


@lru_cache(maxsize=20_000)
def place_key(value: str | None) -> str:
    """What a position / unit / address says about where someone is: from the first
    institution word on ("Giáo viên Trường TH Bình Hàn" → "truong th binh han"), folded."""
    if not value:
        return ""
    text = " " + str(value).lower() + " "
    m = _INSTITUTION.search(text)
    return fold(text[m.start(1):] if m else text)


def same_place(mine: set[str], theirs: set[str]) -> bool:
    """Two sets of place keys agree when one key contains another as whole words."""
    return any(f" {a} " in f" {b} " or f" {b} " in f" {a} " for a in mine for b in theirs)


@dataclass(frozen=True)
class KnownDecision:
    id: int
    reference: str
    signed_on: date | None
    status: str
    external: bool
    level: str
    source: str | None


@dataclass
class KnownSubject:
    id: int
    type: str
    name: str
    places: set[str]
    year: int | None = None
    cccd: str | None = None
    gender: str | None = None

    def describe(self) -> str:
        bits = [self.name]
        if self.year:
            bits.append(f"sinh {self.year}")
        if self.places:
            bits.append(min(self.places))
        return f"{', '.join(bits)} (mã {self.id})"


@dataclass
class HistoryIndex:
    matcher: AwardMatcher
    city_is_province: bool
    superior: str  # the organisation's superior body, to explain "thành phố"
    own: dict[tuple[int, int], list[tuple[str, KnownDecision]]] = field(
        default_factory=lambda: defaultdict(list))  # (year, number) → (symbol key, decision)
    external: dict[tuple[int, str, date], KnownDecision] = field(default_factory=dict)
    subjects: dict[tuple[str, str], list[KnownSubject]] = field(
        default_factory=lambda: defaultdict(list))  # (type, folded name) → records
    by_cccd: dict[str, KnownSubject] = field(default_factory=dict)
    areas: dict[str, int] = field(default_factory=dict)  # area_key → id
    area_unit: dict[int, int | None] = field(default_factory=dict)  # area id → former unit
    collectives: dict[str, int] = field(default_factory=dict)  # folded name → id (unique ones)
    entries: dict[tuple[int, int, int], str] = field(default_factory=dict)  # (subject, kind, year)
    in_decision: dict[tuple[int, int, int], str] = field(default_factory=dict)  # (dec, subj, kind)
    register_top: dict[int, int] = field(default_factory=dict)  # year → highest number
    register_count: dict[int, int] = field(default_factory=dict)


def load(s: Session) -> HistoryIndex:
    org = s.get(Organization, 1)
    superior = org.parent_body if org else ""
    kinds = {kid: AwardKindFacts(kid, code, name, cat, level, bool(here),
                                 tuple(t for t in (types or "").split(",") if t), order)
             for kid, code, name, cat, level, here, types, order in s.execute(
                 select(AwardKind.id, AwardKind.code, AwardKind.name, AwardKind.category,
                        AwardKind.level, AwardKind.awarded_here, AwardKind.subject_types,
                        AwardKind.sort_order))}
    place = fold(org.place_name) if org else ""
    idx = HistoryIndex(AwardMatcher(spelling_index(s), kinds, place),
                       city_is_province=not superior or "thanh pho" in fold(superior),
                       superior=superior)
    _decisions(s, idx)
    _subjects(s, idx)
    _register(s, idx)
    return idx


def _decisions(s: Session, idx: HistoryIndex) -> None:
    rows = s.execute(select(Decision.id, Decision.number, Decision.symbol, Decision.year,
                            Decision.full_number, Decision.signed_on, Decision.status,
                            Decision.external, Decision.level, Decision.source)
                     .where(Decision.kind == "khen_thuong"))
    for did, number, symbol, year, full, signed, status, external, level, source in rows:
        known = KnownDecision(did, full or f"{number or '…'}/{symbol}", signed, status,
                              bool(external), level, source)
        if external:
            ref = reference_key(full)
            if ref and signed:
                idx.external[(ref[0], ref[1], signed)] = known
        elif number:
            idx.own[(signed.year if signed else year, number)].append((symbol_key(symbol), known))


def reference_key(reference: str | None) -> tuple[int, str] | None:
    """(number, symbol key) of a written reference, None when it has no leading number."""
    m = re.match(r"\s*(?:số\s*)?(\d+)\s*/?\s*(.*)$", reference or "", re.IGNORECASE)
    return (int(m[1]), symbol_key(m[2])) if m else None


def _subjects(s: Session, idx: HistoryIndex) -> None:
    work_names = dict(s.execute(select(Collective.id, Subject.name_folded)).all())
    area_names = {}
    for aid, name, unit in s.execute(select(ResidentialArea.id, Subject.name,
                                            ResidentialArea.former_unit_id)):
        idx.areas[area_key(name)] = aid
        idx.area_unit[aid] = unit
        area_names[aid] = area_key(name)
    for pid, folded, name, cccd, year, work, work_text, address, area, pos, gender in s.execute(
            select(Person.id, Subject.name_folded, Subject.name, Person.cccd, Person.birth_year,
                   Person.workplace_id, Person.workplace_text, Person.address, Subject.area_id,
                   Person.position, Person.gender)):
        places = {work_names.get(work) or "", place_key(work_text), place_key(address),
                  area_names.get(area, ""), place_key(pos) if pos and not work else ""}
        known = KnownSubject(pid, "person", name, places - {""}, year, cccd, gender)
        idx.subjects[("person", folded)].append(known)
        if cccd:
            idx.by_cccd[cccd] = known
    names: dict[str, list[int]] = defaultdict(list)
    for cid, folded, name, address, area in s.execute(
            select(Collective.id, Subject.name_folded, Subject.name, Collective.address,
                   Subject.area_id)):
        places = {place_key(address), area_names.get(area, "")} - {""}
        idx.subjects[("collective", folded)].append(KnownSubject(cid, "collective", name, places))
        names[folded].append(cid)
    idx.collectives = {k: v[0] for k, v in names.items() if len(v) == 1}
    for hid, folded, name, address, area, year, cccd in s.execute(
            select(Household.id, Subject.name_folded, Subject.name, Household.address,
                   Subject.area_id, Household.head_birth_year, Household.head_cccd)):
        places = {place_key(address), area_names.get(area, "")} - {""}
        idx.subjects[("household", folded)].append(
            KnownSubject(hid, "household", name, places, year, cccd))


def _register(s: Session, idx: HistoryIndex) -> None:
    for sid, kid, year, did, cert in s.execute(
            select(AwardRecord.subject_id, AwardRecord.award_kind_id, AwardRecord.year,
                   AwardRecord.decision_id, AwardRecord.certificate_no)
            .where(AwardRecord.revoked.is_(False))):
        idx.entries.setdefault((sid, kid, year), cert)
        if did:
            idx.in_decision.setdefault((did, sid, kid), cert)
    for year, top, count in s.execute(
            select(AwardRecord.register_year, func.max(AwardRecord.register_no), func.count())
            .group_by(AwardRecord.register_year)):
        idx.register_top[year], idx.register_count[year] = top, count

"""Who each row of an old register is: rows naming the same person, collective or household
become one subject (the same person on several sheets, in several encodings, is one record
with several awards), matched to a record already on file or created.

Rows of one name are the same subject when they share a CCCD, a birth year, or a place
(unit, address or area: "Giáo viên Trường TH Bình Hàn" and "Trường TH Bình Hàn" agree);
different CCCDs or birth years keep them apart. A row that says nothing about where it is
joins the only subject of its name, if there is only one. A subject is matched to a record of
the same type and folded name whose birth year, CCCD and place do not contradict it; when
more than one fits, the officer chooses (until then the rows are in error)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from app.excel.history_index import HistoryIndex, KnownSubject, place_key, same_place
from app.excel.lookups import area_key
from app.excel.preview import PreviewRow
from app.text import fold

NEW = 0  # the officer's choice "create a new record"


@dataclass
class SubjectGroup:
    key: tuple  # (type, folded name, sheet, row of its first row): stable across re-checks
    type: str
    name: str
    rows: list[PreviewRow] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    year: int | None = None
    cccd: str | None = None
    fits: list[KnownSubject] = field(default_factory=list)  # records that may be this one
    others: list[KnownSubject] = field(default_factory=list)  # same name, something differs
    record_id: int | None = None  # the record the rows go to (None: a new one)
    how: str = ""  # why, for the preview
    chosen: bool = False

    @property
    def needs_choice(self) -> bool:
        return len(self.fits) > 1 and not self.chosen

    @property
    def is_new(self) -> bool:
        return self.record_id is None

    @property
    def choices(self) -> list[KnownSubject]:
        return self.fits + self.others

    def place_text(self) -> str:
        v = self.rows[0].values
        return next((v[k] for k in ("position", "unit", "address", "area") if v.get(k)), "")


def ident(values: dict) -> tuple[str | None, int | None, frozenset[str]]:
    """(CCCD, birth year, place keys) of a row's values."""
    places = {place_key(values.get(k)) for k in ("position", "unit", "address")}
    if values.get("area"):
        places.add(_area_key(values["area"]))
    return values.get("cccd"), values.get("birth_year"), frozenset(places - {""})


@lru_cache(maxsize=5_000)
def _area_key(name: str) -> str:
    return area_key(name)


def _ident(row: PreviewRow) -> tuple:
    if "_ident" not in row.values:  # worked out once per check, reused by every re-plan
        row.values["_ident"] = ident(row.values)
    return row.values["_ident"]


def _apart(a, b) -> bool:
    """Two identities that cannot be one subject: different CCCDs or birth years."""
    return bool(a[0] and b[0] and a[0] != b[0] or a[1] and b[1] and a[1] != b[1])


def _together(a, b) -> bool:
    if _apart(a, b):
        return False
    return bool(a[0] and a[0] == b[0] or a[1] and a[1] == b[1]
                or a[2] and b[2] and same_place(a[2], b[2]))


def group_rows(rows: list[PreviewRow]) -> list[SubjectGroup]:
    """Rows (with ``_type`` and ``_name`` resolved) grouped into subjects, in file order."""
    buckets: dict[tuple[str, str], list[PreviewRow]] = defaultdict(list)
    for row in rows:
        buckets[(row.values["_type"], _fold(row.values["_name"]))].append(row)
    groups = []
    for (kind, folded), members in buckets.items():
        for part in _components(members):
            first = part[0]
            g = SubjectGroup((kind, folded, first.sheet, first.row), kind, first.values["_name"],
                             part)
            for row in part:
                cccd, year, places = _ident(row)
                g.cccd, g.year = g.cccd or cccd, g.year or year
                g.places |= places
            groups.append(g)
    groups.sort(key=lambda g: (g.rows[0].sheet, g.rows[0].row))
    return groups


@lru_cache(maxsize=20_000)
def _fold(name: str) -> str:
    return fold(name)


def _components(rows: list[PreviewRow]) -> list[list[PreviewRow]]:
    idents = [_ident(r) for r in rows]
    parent = list(range(len(rows)))
    # What each component already is: (CCCD, birth year); two that differ never merge.
    known_as = {i: (idents[i][0], idents[i][1]) for i in range(len(rows))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(rows)):
        for j in range(i):
            a, b = root(i), root(j)
            if a == b or not _together(idents[i], idents[j]):
                continue
            if _apart(known_as[a] + (set(),), known_as[b] + (set(),)):
                continue
            parent[a] = b
            known_as[b] = (known_as[b][0] or known_as[a][0], known_as[b][1] or known_as[a][1])
    parts: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        parts[root(i)].append(i)
    bare = [p for p in parts.values() if not any(any(idents[i]) for i in p)]
    known = [p for p in parts.values() if p not in bare]
    if bare and len(known) <= 1:  # rows that say nothing join the only subject of the name
        merged = sorted(i for p in bare for i in p) + (known[0] if known else [])
        known = [sorted(merged)]
        bare = []
    elif bare:
        names = rows[0].values["_name"]
        for p in bare:
            for i in p:
                rows[i].warn(rows[i].columns.get("name", ""),
                             f"Có nhiều người tên “{names}” khác đơn vị, năm sinh trong tệp; dòng "
                             "này không ghi gì để biết là ai: coi là một đối tượng riêng.")
        known += [sorted(i for p in bare for i in p)]
    return [[rows[i] for i in sorted(p)] for p in sorted(known, key=min)]


def match(group: SubjectGroup, idx: HistoryIndex, choices: dict) -> None:
    """The record the group goes to: the officer's choice, the only one that fits, or new."""
    if group.type == "area":
        area_id = idx.areas.get(area_key(group.name))
        group.record_id, group.how = area_id, "Khu dân cư trong Danh mục" if area_id else ""
        if area_id is None:
            for row in group.rows:
                row.error(row.columns.get("name", ""), f"Khu dân cư “{group.name}” chưa có trong "
                                                       "Danh mục khu dân cư: thêm vào Danh mục "
                                                       "(hoặc sửa tên) rồi nhập lại.")
        return
    same_name = idx.subjects.get((group.type, fold(group.name)), [])
    by_cccd = idx.by_cccd.get(group.cccd) if group.cccd else None
    if by_cccd is not None and by_cccd.type == group.type:
        group.fits = [by_cccd]
    else:
        group.fits = [c for c in same_name if _fits(group, c)]
    group.others = [c for c in same_name if c not in group.fits]
    chosen = choices.get(group.key)
    if chosen is not None and (chosen == NEW or any(c.id == chosen for c in group.choices)):
        group.record_id, group.chosen = (None if chosen == NEW else chosen), True
        group.how = "Hồ sơ mới (đã chọn)" if chosen == NEW else "Hồ sơ đã có (đã chọn)"
        return
    strong = [c for c in group.fits if group.year and c.year == group.year
              or group.places and c.places and same_place(group.places, c.places)]
    if len(group.fits) == 1 or len(strong) == 1:
        found = group.fits[0] if len(group.fits) == 1 else strong[0]
        group.record_id, group.how = found.id, f"Khớp hồ sơ đã có: {found.describe()}"
    elif not group.fits:
        group.record_id, group.how = None, "Hồ sơ mới"
    else:
        group.record_id, group.how = None, f"Cần chọn: {len(group.fits)} hồ sơ cùng tên"
        for row in group.rows:
            row.error(row.columns.get("name", ""),
                      f"Có {len(group.fits)} hồ sơ tên “{group.name}” có thể là người này: chọn "
                      "đúng hồ sơ (hoặc “hồ sơ mới”) trong thẻ “Đối tượng”.")


def _fits(group: SubjectGroup, known: KnownSubject) -> bool:
    if group.cccd and known.cccd and group.cccd != known.cccd:
        return False
    if group.year and known.year and group.year != known.year:
        return False
    return not (group.places and known.places) or same_place(group.places, known.places)

"""Sổ khen thưởng: the register list (lazy, searchable), a subject's history, Excel export
and the printed book of a year."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app import text
from app.services.awards import award_kinds
from app.services.records import records
from app.services.records.listing import Column, FilterSpec, ListSource, reorder
from app.services.records.subjects import SUBJECT_TYPE_LABELS
from db.engine import Database
from db.models import Decision
from db.queries import register as q

LEVEL_LABELS = {"xa": "Cấp xã", "huyen": "Cấp huyện", "tinh": "Cấp tỉnh", "bo": "Cấp bộ",
                "nha_nuoc": "Nhà nước"}
REVOKED_CHOICES = [("valid", "Còn hiệu lực"), ("revoked", "Đã thu hồi")]

# Searches matching more entries than this (and that share of the register) list only their
# first HEAD ids at once; see LazyIds and db.queries.register.register_head. Measured on the
# large demo: listing all matches costs ~0.7 µs each (26,000 → 26 ms, 109,000 → 115 ms);
# walking to the first 600 costs ~6 ms at 4 % density, ~2 ms at 50 %.
LAZY_FROM = 10_000
LAZY_SHARE = 0.04
HEAD = 600  # three pages of the lazy table


def _decision_text(num, day, issuer) -> str:
    if not num:
        return ""
    out = f"{num} ngày {text.format_date_vn(day)}" if day else num
    return f"{out} ({issuer})" if issuer else out


def _status(revoked: bool | str, corrected_by: str | None) -> str:
    if isinstance(revoked, str):
        return f"Đã thu hồi ({revoked})"
    if revoked:
        return "Đã thu hồi"
    return f"Đã đính chính ({corrected_by})" if corrected_by else ""


def display_row(raw: tuple) -> tuple:
    """Raw query values → the register's display tuple (column order of COLUMNS)."""
    cert, year, name, stype, kind, level, num, day, issuer, area, fu, money, revoked, corr, _ = raw
    return (cert, year, name, SUBJECT_TYPE_LABELS.get(stype, stype), kind,
            LEVEL_LABELS.get(level, level), _decision_text(num, day, issuer), area or "",
            fu or "", text.format_money(money) if money else "", _status(revoked, corr))


class LazyIds(Sequence):
    """The ordered ids of a large match, as the lazy table uses them: the length and the first
    rows are known at once; the full list is fetched the first time anything beyond the
    first rows is asked for (scrolling far, finding a row, exporting).

    Typing "t" matches ~100,000 entries of a large register: listing them all costs ~120 ms
    per keystroke, the count and the first rows ~25 ms."""

    def __init__(self, count: int, head: list[int], fetch_all: Callable[[], list[int]]):
        self._count, self._head, self._fetch_all = count, head, fetch_all
        self._all: list[int] | None = None

    def _list(self) -> list[int]:
        if self._all is None:
            # A later read: if the register changed meanwhile the list is simply the newer one.
            self._all = self._fetch_all()
        return self._all

    def __len__(self) -> int:
        return self._count if self._all is None else len(self._all)

    def __getitem__(self, key):
        if self._all is None and isinstance(key, slice):
            start, stop, step = key.indices(self._count)
            if step == 1 and stop <= len(self._head):
                return self._head[start:stop]
        elif self._all is None and isinstance(key, int) and 0 <= key < len(self._head):
            return self._head[key]
        return self._list()[key]

    def __iter__(self):
        return iter(self._list())

    def index(self, value, *args) -> int:
        return self._list().index(value, *args)

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None


class RegisterSource(ListSource):
    """Every register entry, newest first by default; search by name as you type."""

    title = "Sổ khen thưởng"
    columns = (
        Column("Số vào sổ", 10), Column("Năm", 5, align="center"), Column("Họ và tên / Tên", 24),
        Column("Đối tượng", 10), Column("Danh hiệu, hình thức", 24), Column("Cấp", 8),
        Column("Quyết định", 31), Column("Khu dân cư", 16, sortable=False),
        Column("Địa bàn cũ", 14, sortable=False), Column("Số tiền", 11, align="right", kind="money"),
        Column("Tình trạng", 14),
    )

    def __init__(self, db: Database):
        self.db = db
        self.filters = (
            FilterSpec("year", "Năm", lambda: [(y, str(y)) for y in self._years()]),
            FilterSpec("award_kind_id", "Danh hiệu", lambda: [
                (k.id, k.name) for k in award_kinds.list_award_kinds(db, active_only=False)]),
            FilterSpec("subject_type", "Đối tượng", lambda: list(SUBJECT_TYPE_LABELS.items())),
            FilterSpec("area_id", "Khu dân cư", lambda: [
                (c.id, c.label) for c in records.area_choices(db)]),
            FilterSpec("former_unit_id", "Địa bàn cũ", lambda: [
                (c.id, c.label) for c in records.former_unit_choices(db)]),
            FilterSpec("decision_id", "Quyết định", self._decisions),
            FilterSpec("revoked", "Tình trạng", lambda: list(REVOKED_CHOICES)),
        )

    def _years(self) -> list[int]:
        with self.db.read() as s:
            return q.years(s)

    def _decisions(self) -> list[tuple[int, str]]:
        with self.db.read() as s:
            rows = s.execute(select(Decision.id, Decision.full_number, Decision.signed_on)
                             .where(Decision.status == "issued", Decision.kind == "khen_thuong")
                             .order_by(Decision.signed_on.desc(), Decision.id.desc()))
            return [(i, _decision_text(n, d, None)) for i, n, d in rows]

    def ids(self, search: str, filters: dict,
            order: tuple[int, bool] | None = None) -> Sequence[int]:
        """Ordered ids of the entries matching the search box and filters (a LazyIds when
        they are many and in register-number or name order)."""
        tokens = text.fold_tokens(search)
        with self.db.read() as s:
            found = q.register_head(s, tokens, filters, order, HEAD, LAZY_FROM, LAZY_SHARE)
            if found is None:
                return q.register_ids(s, tokens, filters, order)
        return LazyIds(*found, lambda: self._all_ids(tokens, filters, order))

    def _all_ids(self, tokens: list[str], filters: dict, order) -> list[int]:
        with self.db.read() as s:
            return q.register_ids(s, tokens, filters, order)

    def rows(self, ids: Sequence[int]) -> list[tuple]:
        """Display rows for ``ids``, in that order."""
        with self.db.read() as s:
            raw = q.register_rows(s, ids)
        return reorder(ids, {i: display_row(r) for i, r in raw.items()})

    def subject_of(self, record_id: int) -> int | None:
        """The subject of one entry (to open its history)."""
        with self.db.read() as s:
            raw = q.register_rows(s, [record_id]).get(record_id)
            return raw[-1] if raw else None


def register_source(db: Database) -> RegisterSource:
    """The register as a ListSource for the lazy table."""
    return RegisterSource(db)


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a subject's quá trình khen thưởng."""

    record_id: int
    year: int
    award_name: str
    level: str
    decision: str
    certificate_no: str
    money: int
    status: str
    source: str = ""  # imported from the old register: where, and the row's notes


def subject_history(db: Database, subject_id: int) -> list[HistoryEntry]:
    """Every register entry of one subject (ours and higher levels'), oldest year first."""
    with db.read() as s:
        ids = q.register_ids(s, [], {"subject_id": subject_id}, (1, True))
        raw = q.register_rows(s, ids)
        sources = _sources(s, ids)
    out = []
    for rid in ids:
        cert, year, _, _, kind, level, num, day, issuer, _, _, money, revoked, corr, _ = raw[rid]
        out.append(HistoryEntry(rid, year, kind, LEVEL_LABELS.get(level, level),
                                _decision_text(num, day, issuer), cert, money,
                                _status(revoked, corr), sources.get(rid, "")))
    return out


def _sources(s, ids: list[int]) -> dict[int, str]:
    """"Sổ cũ: trang “2021”, dòng 5 — ghi chú" for entries imported from the old register."""
    from db.models import HistorySource

    out = {}
    for start in range(0, len(ids), 500):
        for h in s.scalars(select(HistorySource).where(
                HistorySource.award_record_id.in_(ids[start:start + 500]))):
            note = f" — {h.notes}" if h.notes else ""
            out[h.award_record_id] = f"Sổ cũ: trang “{h.sheet}”, dòng {h.row_no}{note}"
    return out


def export_xlsx(db: Database, path: str | Path, year: int | None = None,
                search: str = "", filters: dict | None = None) -> int:
    """Write the register (one year, or what a filter selects) to an Excel file; returns how
    many entries it wrote."""
    from app.excel.export import write_table

    source = RegisterSource(db)
    filters = dict(filters or {})
    if year:
        filters["year"] = year
    ids = source.ids(search, filters, (0, True))
    rows = []
    for start in range(0, len(ids), 2000):
        rows += source.rows(ids[start:start + 2000])
    title = f"SỔ KHEN THƯỞNG NĂM {year}" if year else "SỔ KHEN THƯỞNG"
    return write_table(path, title, [c.title for c in source.columns], rows,
                       sheet_name=f"Năm {year}" if year else "Sổ khen thưởng")


def _book_decision(num, day, issuer) -> str:
    """Short form for the book's narrow column: "234/QĐ-UBND, 16/12/2025"."""
    if not num:
        return ""
    out = f"{num}, {text.format_date_vn(day)}" if day else num
    return f"{out} ({issuer})" if issuer else out


def register_book(db: Database, year: int, printed_on: date | None = None):
    """The register of a year as a landscape document (book layout, entries in number order)."""
    from app.documents import Document, Table, para
    from app.documents.model import Title
    from app.services.rounds.paperwork import org_data

    with db.read() as s:
        org = org_data(s)
        ids = q.register_ids(s, [], {"register_year": year}, (0, True))
        raw = q.register_rows(s, ids)
    rows = tuple(
        (r[0], r[2], SUBJECT_TYPE_LABELS.get(r[3], r[3]), r[4], str(r[1]),
         _book_decision(r[6], r[7], r[8]), text.format_money(r[11]) if r[11] else "",
         _status(r[12], r[13]))
        for r in (raw[i] for i in ids))
    doc = Document(f"Sổ khen thưởng năm {year}", landscape=True, body_size=13).add(
        para(org.body_name, bold=True, align="left", indent=False, size=12),
        Title("SỔ KHEN THƯỞNG", f"Năm {year}"),
        Table(("Số vào sổ", "Họ và tên / Tên", "Đối tượng", "Danh hiệu, hình thức", "Năm",
               "Quyết định", "Số tiền (đồng)", "Ghi chú"), rows,
              (1.3, 3.0, 1.4, 3.2, 0.8, 2.9, 1.3, 1.7), "CLLLCLRL", 10),
        para(f"Tổng số: {len(rows)} mục. In ngày {text.format_date_vn(printed_on or date.today())}.",
             italic=True, indent=False, size=12),
    )
    return doc

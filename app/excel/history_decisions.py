"""The decisions an old register's rows group into: each distinct number + date (a number seen
with two dates in one year is an error), the level that decided (as written, or the level of a
higher award: then recorded as a higher level's decision, never the ward's own), and the same
decision already in the database (ours by number and year, a higher level's by number, symbol
and date), whose rows are skipped unless the officer attaches them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.excel.history_index import HistoryIndex, KnownDecision, reference_key
from app.excel.history_refs import DecisionRef, symbol_key
from app.excel.preview import PreviewRow
from app.text import format_date_vn

LEVEL_LABELS = {"xa": "cấp xã, phường", "huyen": "cấp huyện, quận", "tinh": "cấp tỉnh",
                "bo": "cấp bộ, ngành", "nha_nuoc": "cấp Nhà nước"}
LEVEL_RANK = {"xa": 0, "huyen": 1, "tinh": 2, "bo": 3, "nha_nuoc": 4}


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



def group_decisions(rows: list[PreviewRow], idx: HistoryIndex, context: dict) -> list[DecisionGroup]:
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

"""Rows of one file that may be the same record: found while checking, shown as pairs with a
choice (keep the first / keep both), never merged or dropped in silence.

A handler calls ``InFile.pair(row, key, identity)`` with the key that groups possible repeats
(folded name, plus the area for households) and what tells two people apart (CCCD, birth
date, birth year, address). Two rows of a group are:

- a *duplicate* when their identity agrees (same CCCD or same birth date; for households,
  nothing differs): the second is skipped unless the user keeps both;
- *namesakes* when something present on both differs (another birth year, CCCD, address):
  both are kept unless the user keeps only the first;
- a *possible* repeat when there is nothing to compare: both are kept unless chosen.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from app.excel.kinds import header_key
from app.excel.preview import DuplicatePair, PreviewRow

# Identity fields, in the order they are named in a reason.
LABELS = {"cccd": "số CCCD", "birth": "ngày sinh", "year": "năm sinh", "address": "địa chỉ"}


def _show(value) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value)


@dataclass
class InFile:
    """What the earlier rows of the file hold, for checks that look across rows."""

    seen: dict = field(default_factory=dict)  # free keys for a handler's own checks
    groups: dict = field(default_factory=lambda: defaultdict(list))
    pairs: list[DuplicatePair] = field(default_factory=list)

    def pair(self, row: PreviewRow, key, identity: dict, strong: tuple[str, ...] = ("cccd", "birth"),
             same_when_compatible: bool = False, unique: tuple[str, ...] = ("cccd",),
             ) -> DuplicatePair | None:
        """Pair ``row`` with the earlier row of its group it most likely repeats.

        ``identity``: field (see LABELS) → value, None when unknown. ``strong``: fields whose
        equality proves the same record; ``same_when_compatible``: no difference at all is
        enough (households of one area); ``unique``: fields two records may not share (then
        "keep both" is not offered)."""
        identity = {k: v for k, v in identity.items() if v not in (None, "")}
        found = {"duplicate": [], "same": [], "possible": [], "namesake": []}
        for earlier, theirs in self.groups[key]:
            kind, reason = compare(identity, theirs, strong, same_when_compatible)
            found[kind].append((earlier, reason, theirs))
        self.groups[key].append((row, identity))
        if found["duplicate"] or len(found["same"]) == 1:
            kind, (earlier, reason, theirs) = "duplicate", (found["duplicate"] or found["same"])[0]
        elif found["same"]:
            # Like several rows that differ from each other: which one would be a guess.
            rows = ", ".join(str(e.row) for e, _, _ in found["same"])
            kind, (earlier, _, theirs) = "possible", found["same"][0]
            reason = f"Trùng tên, giống nhiều dòng khác nhau: dòng {rows}"
        elif found["possible"] or found["namesake"]:
            kind = "possible" if found["possible"] else "namesake"
            earlier, reason, theirs = found[kind][0]
        else:
            return None
        shared = any(f in identity and identity[f] == theirs.get(f) for f in unique)
        if "dòng" not in reason:
            reason += f" (dòng {earlier.row})"
        pair = DuplicatePair(earlier, row, kind, reason,
                             keep_both=kind != "duplicate", both_allowed=not shared)
        row.pair = pair
        self.pairs.append(pair)
        return pair


def _same(name: str, a, b) -> bool:
    if name == "address":  # "Số 4, ngõ 3" = "số 4 ngõ 3"
        return header_key(str(a)) == header_key(str(b))
    return a == b


def compare(mine: dict, theirs: dict, strong: tuple[str, ...] = ("cccd", "birth"),
            same_when_compatible: bool = False) -> tuple[str, str]:
    """("duplicate" / "same" / "possible" / "namesake", the reason in Vietnamese) for two
    identities of the same name: "same" is a duplicate only by the absence of differences."""
    for name, label in LABELS.items():
        if name in mine and name in theirs and not _same(name, mine[name], theirs[name]):
            if name == "year" and "birth" in mine and "birth" in theirs:
                continue  # the dates already told
            return "namesake", (f"Cùng tên nhưng khác {label}: {_show(theirs[name])} / "
                                f"{_show(mine[name])}")
    same = [LABELS[n] for n in strong if n in mine and n in theirs]
    if same:
        return "duplicate", "Trùng tên và " + ", ".join(same)
    if same_when_compatible:
        return "same", "Trùng tên, không có gì khác nhau"
    return "possible", "Trùng tên, không có ngày sinh hay CCCD để so"

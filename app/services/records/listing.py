"""What a list screen needs from the domain: columns, filters, ordered ids, rows.

A ListSource is plain Python (no Qt): the UI's lazy table model asks it for the ordered id
list (filtered and sorted in SQL) and then for the display rows of the visible window only.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    title: str
    width: int = 120  # a hint in average character widths × 8; the UI scales it
    align: str = "left"  # left / right / center
    sortable: bool = True
    kind: str = "text"  # text / date / number / money / bool


@dataclass(frozen=True)
class FilterSpec:
    key: str
    label: str
    options: Callable[[], list[tuple[object, str]]]  # (value, label), evaluated when shown


class ListSource(ABC):
    """Base of every list: ``columns``, ``filters``, ``title`` and the two queries."""

    columns: Sequence[Column] = ()
    filters: Sequence[FilterSpec] = ()
    title: str = ""

    @abstractmethod
    def ids(self, search: str, filters: dict, order: tuple[int, bool]) -> list[int]:
        """Ids of the matching rows, in display order (``order`` = column index, ascending)."""

    @abstractmethod
    def rows(self, ids: Sequence[int]) -> list[tuple]:
        """Display values (one tuple per id, in column order), in the order of ``ids``."""


def reorder(ids: Sequence[int], by_id: dict[int, tuple]) -> list[tuple]:
    """Rows in the order of ``ids`` (SQL ``IN`` does not keep order); missing ids skipped."""
    return [by_id[i] for i in ids if i in by_id]

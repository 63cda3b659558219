"""List sources for the records screens (columns, filters, lazy rows)."""

from __future__ import annotations

from collections.abc import Sequence

from app import text
from app.services.records import records
from app.services.records.listing import Column, FilterSpec, ListSource, reorder
from db.engine import Database
from db.queries import records as q


def _choices(fn, db):
    return lambda: [(c.id, c.label) for c in fn(db)]


class _RecordSource(ListSource):
    ids_query = None
    rows_query = None

    def __init__(self, db: Database):
        self.db = db

    def ids(self, search: str, filters: dict, order: tuple[int, bool]) -> list[int]:
        with self.db.read() as s:
            return type(self).ids_query(s, text.fold_tokens(search), filters, order)

    def rows(self, ids: Sequence[int]) -> list[tuple]:
        with self.db.read() as s:
            return reorder(ids, type(self).rows_query(s, ids))


class PersonSource(_RecordSource):
    title = "Cá nhân"
    columns = (
        Column("Họ và tên", 28), Column("Giới tính", 8), Column("Ngày/năm sinh", 11),
        Column("Số CCCD", 13), Column("Chức vụ", 20), Column("Đơn vị công tác", 28, sortable=False),
        Column("Khu dân cư", 18), Column("Địa bàn cũ", 14),
    )
    ids_query = staticmethod(q.person_ids)
    rows_query = staticmethod(q.person_rows)

    def __init__(self, db: Database):
        super().__init__(db)
        self.filters = (
            FilterSpec("area_id", "Khu dân cư", _choices(records.area_choices, db)),
            FilterSpec("former_unit_id", "Địa bàn cũ", _choices(records.former_unit_choices, db)),
            FilterSpec("gender", "Giới tính", lambda: [(g, g.capitalize()) for g in records.GENDERS]),
        )


class CollectiveSource(_RecordSource):
    title = "Tập thể"
    columns = (
        Column("Tên tập thể", 36), Column("Loại hình", 14), Column("Lớp thống kê", 18),
        Column("Lĩnh vực", 14), Column("Khu dân cư", 18), Column("Địa bàn cũ", 14),
    )
    ids_query = staticmethod(q.collective_ids)
    rows_query = staticmethod(q.collective_rows)

    def __init__(self, db: Database):
        super().__init__(db)
        self.filters = (
            FilterSpec("kind", "Loại hình", lambda: [(k, k) for k in records.COLLECTIVE_KINDS]),
            FilterSpec("former_unit_id", "Địa bàn cũ", _choices(records.former_unit_choices, db)),
        )


class AreaSource(_RecordSource):
    title = "Khu dân cư"
    columns = (
        Column("Tên khu dân cư", 26), Column("Loại", 12), Column("Địa bàn cũ", 16),
        Column("Trưởng khu / Tổ trưởng", 22), Column("Tổng số hộ", 10, align="right"),
        Column("Số hộ có hồ sơ", 12, align="right", sortable=False),
    )
    ids_query = staticmethod(q.area_ids)
    rows_query = staticmethod(q.area_rows)

    def __init__(self, db: Database):
        super().__init__(db)
        self.filters = (
            FilterSpec("former_unit_id", "Địa bàn cũ", _choices(records.former_unit_choices, db)),
        )


class HouseholdSource(_RecordSource):
    title = "Hộ gia đình"
    columns = (
        Column("Chủ hộ", 26), Column("Địa chỉ", 30), Column("Khu dân cư", 18),
        Column("Địa bàn cũ", 14), Column("Nhân khẩu", 9, align="right"),
    )
    ids_query = staticmethod(q.household_ids)
    rows_query = staticmethod(q.household_rows)

    def __init__(self, db: Database):
        super().__init__(db)
        self.filters = (
            FilterSpec("area_id", "Khu dân cư", _choices(records.area_choices, db)),
            FilterSpec("former_unit_id", "Địa bàn cũ", _choices(records.former_unit_choices, db)),
        )

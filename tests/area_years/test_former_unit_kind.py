"""A former unit keeps its kind (An Thượng was a xã) whatever else is changed."""

import pytest

from app.errors import ValidationError
from app.services.records import records


def test_rename_keeps_the_kind_and_kinds_are_checked(db):
    unit = records.save_former_unit(db, "An Thượng", "xã")
    records.save_former_unit(db, "An Thượng (cũ)", unit_id=unit)
    assert [(u.name, u.kind) for u in records.former_units(db)] == [("An Thượng (cũ)", "xã")]
    with pytest.raises(ValidationError, match="phường, xã hoặc thị trấn"):
        records.save_former_unit(db, "Bình Hàn", "huyện")

"""Movements list in Vietnamese order: Đ after every D, not mixed in with them."""

from app.services.emulation import movements as mv


def test_movements_sort_in_vietnamese_order(db):
    names = ["Đô thị văn minh", "Dân vận khéo", "Xanh – sạch – đẹp", "Dọn vệ sinh", "Ánh sáng đường quê"]
    ids = {n: mv.save_movement(db, mv.MovementData(name=n)) for n in names}
    expected = ["Ánh sáng đường quê", "Dân vận khéo", "Dọn vệ sinh", "Đô thị văn minh",
                "Xanh – sạch – đẹp"]
    source = mv.MovementSource(db)
    assert source.ids("", {}, (0, True)) == [ids[n] for n in expected]
    assert source.ids("", {}, (0, False)) == [ids[n] for n in reversed(expected)]
    assert [n for _, n in mv.movement_choices(db)] == expected
    # A search still narrows the list and keeps the order.
    assert source.ids("do", {}, (0, True)) == [ids["Dọn vệ sinh"], ids["Đô thị văn minh"]]

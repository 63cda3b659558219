"""The audit trail as a list: filters by entity, action and dates; before/after detail."""

from __future__ import annotations

from datetime import date, timedelta

from app.services.system import audit
from db.models import AuditLog


def _log(db, *rows):
    with db.session() as s:
        for action, entity, eid, before, after in rows:
            audit.log(s, action, entity, eid, before, after)


def test_filters_and_detail(db):
    _log(db,
         ("create", "person", 1, None, {"name": "Nguyễn Văn An", "name_folded": "x"}),
         ("update", "person", 1, {"name": "Nguyễn Văn An", "phone": None},
          {"name": "Nguyễn Văn Ân", "phone": "0912"}),
         ("issue", "decision", 7, {"status": "draft"}, {"status": "issued"}))
    src = audit.AuditSource(db)
    newest_first = (0, False)
    all_ids = src.ids("", {}, newest_first)
    assert len(all_ids) == 3 and all_ids == sorted(all_ids, reverse=True)
    assert [v for v, _ in src.filters[0].options()] == ["person", "decision"]  # Cá nhân, Quyết định
    people = src.ids("", {"entity": "person"}, newest_first)
    assert len(people) == 2
    [update_id] = src.ids("", {"action": "update"}, newest_first)
    row = src.rows([update_id])[0]
    assert row[1:4] == ("Sửa", "Cá nhân", 1)
    assert "tên: Nguyễn Văn An → Nguyễn Văn Ân" in row[5] and "điện thoại: (trống) → 0912" in row[5]
    detail = audit.entry(db, update_id)
    assert [(c.field, c.before, c.after) for c in detail.changes] == [
        ("điện thoại", "(trống)", "0912"), ("tên", "Nguyễn Văn An", "Nguyễn Văn Ân")]
    created = audit.entry(db, people[-1])
    assert [c.field for c in created.changes] == ["tên"]  # folded forms are not shown
    assert src.ids("Ân", {}, newest_first) == [update_id]
    assert src.ids("7", {}, newest_first) == src.ids("", {"entity": "decision"}, newest_first)
    today = date.today()
    assert len(src.ids("", {"date_from": today, "date_to": today}, newest_first)) == 3
    assert src.ids("", {"date_to": today - timedelta(days=1)}, newest_first) == []
    assert src.ids("", {"date_from": today + timedelta(days=1)}, newest_first) == []


def test_unchanged_update_is_not_logged(db):
    _log(db, ("update", "person", 1, {"name": "A"}, {"name": "A"}))
    with db.read() as s:
        assert s.query(AuditLog).count() == 0

"""History below the UI: an issued decision's list is locked, a register entry is revoked only by
an issued revocation decision naming it, and the triggers' column lists follow the models."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    Numeric,
    String,
    Text,
    delete,
    select,
    update,
)

from app.errors import ProtectedRowError
from app.services.records.subjects import apply_name
from db.models import AwardKind, AwardRecord, Decision, DecisionLine, Person
from tests.backup.backup_helpers import issue_decision, issue_revocation

REVOCATION_MARK = {"revoked", "revoked_by_decision_id"}


def _raw(db) -> sqlite3.Connection:
    return sqlite3.connect(db.path, isolation_level=None)


def _other_value(column, current):
    """A value of the column's type that differs from ``current``."""
    kind = column.type
    if isinstance(kind, Boolean):
        return 0 if current else 1
    if isinstance(kind, (Integer, Numeric)):
        return 987_654 if current != 987_654 else 987_655
    if isinstance(kind, DateTime):
        return "1999-01-01 00:00:00.000000"
    if isinstance(kind, Date):
        return "1999-01-01"
    if isinstance(kind, (String, Text)):
        return "Sửa lén" if current != "Sửa lén" else "Sửa lén 2"
    raise AssertionError(f"No test value for {column.name} ({kind!r}): extend _other_value")


def _row(con, table, row_id) -> dict:
    cur = con.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    return dict(zip([c[0] for c in cur.description], cur.fetchone()))


def test_every_model_column_of_the_register_is_protected_during_a_revocation(db):
    """A new AwardRecord column that the trigger does not list could be changed under cover of
    a revocation: this fails until a migration re-creates the trigger with it."""
    _, (rec_id, _other) = issue_decision(db)
    revoking = issue_revocation(db, [rec_id])
    con = _raw(db)
    before = _row(con, "award_record", rec_id)
    columns = [c for c in AwardRecord.__table__.columns if c.name not in REVOCATION_MARK]
    assert {c.name for c in columns} >= {"award_name", "printed_name", "money"}
    slipped = []
    for column in columns:
        value = _other_value(column, before[column.name])
        try:
            con.execute(f"UPDATE award_record SET revoked = 1, revoked_by_decision_id = ?, "
                        f"{column.name} = ? WHERE id = ?", (revoking, value, rec_id))
        except sqlite3.IntegrityError as exc:
            assert "Không được sửa mục đã ghi vào sổ khen thưởng" in str(exc), column.name
        else:
            slipped.append(column.name)
            break  # the entry is revoked now: the rest cannot be tried on it
    assert slipped == [], f"columns the register trigger does not protect: {slipped}"
    assert _row(con, "award_record", rec_id) == before
    con.execute("UPDATE award_record SET revoked = 1, revoked_by_decision_id = ? WHERE id = ?",
                (revoking, rec_id))  # the mark alone is the one change allowed
    con.close()


def _issued_with_line(db) -> tuple[int, int]:
    """(decision id, line id): a decision whose one line was written while it was a draft."""
    with db.session() as s:
        kind = s.scalars(select(AwardKind).order_by(AwardKind.id)).first()
        d = Decision(number=5, year=2025, full_number="5/QĐ-UBND", signed_on=date(2025, 12, 1),
                     title="Về việc khen thưởng", status="draft")
        p = Person(type="person")
        apply_name(p, "Lương Thị Mai")
        s.add_all([d, p])
        s.flush()
        line = DecisionLine(decision_id=d.id, subject_id=p.id, award_kind_id=kind.id,
                            achievement_year=2025, printed_name=p.name, money=100_000)
        s.add(line)
        s.flush()
        assert line.award_name is None  # a draft line follows the award kind
        d.status = "issued"
        return d.id, line.id


@pytest.mark.parametrize("table,model", [("decision_line", DecisionLine), ("decision", Decision)])
def test_every_model_column_of_an_issued_decision_and_its_lines_is_protected(db, table, model):
    dec_id, line_id = _issued_with_line(db)
    row_id = line_id if table == "decision_line" else dec_id
    con = _raw(db)
    before = _row(con, table, row_id)
    for column in model.__table__.columns:
        with pytest.raises(sqlite3.IntegrityError, match="đã ban hành"):
            con.execute(f"UPDATE {table} SET {column.name} = ? WHERE id = ?",
                        (_other_value(column, before[column.name]), row_id))
    with pytest.raises(sqlite3.IntegrityError, match="đã ban hành"):
        con.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
    assert _row(con, table, row_id) == before
    con.close()


def test_no_line_is_added_to_or_removed_from_an_issued_decision(db):
    dec_id, line_id = _issued_with_line(db)
    with db.read() as s:
        line = s.get(DecisionLine, line_id)
        copy = {c.name: getattr(line, c.name) for c in DecisionLine.__table__.columns
                if c.name != "id"}
    refused = "Danh sách kèm theo quyết định đã ban hành"
    with pytest.raises(ProtectedRowError, match=refused), db.session() as s:
        s.add(DecisionLine(**copy))
    with pytest.raises(ProtectedRowError, match="Danh sách kèm theo"), db.session() as s:
        s.execute(delete(DecisionLine).where(DecisionLine.id == line_id))
    with pytest.raises(ProtectedRowError, match="Danh sách kèm theo"), db.session() as s:
        s.execute(update(DecisionLine).where(DecisionLine.id == line_id).values(money=1))
    with pytest.raises(ProtectedRowError), db.session() as s:  # nor by moving it to a draft
        other = Decision(year=2025, title="Dự thảo khác", status="draft")
        s.add(other)
        s.flush()
        s.get(DecisionLine, line_id).decision_id = other.id
    with db.read() as s:
        assert s.scalar(select(DecisionLine.money).where(DecisionLine.decision_id == dec_id)) \
            == 100_000


def test_lines_of_a_draft_stay_editable(db):
    with db.session() as s:
        kind = s.scalars(select(AwardKind).order_by(AwardKind.id)).first()
        d = Decision(year=2025, title="Dự thảo", status="draft")
        p = Person(type="person")
        apply_name(p, "Đoàn Văn Nam")
        s.add_all([d, p])
        s.flush()
        line = DecisionLine(decision_id=d.id, subject_id=p.id, award_kind_id=kind.id,
                            achievement_year=2025, printed_name=p.name)
        s.add(line)
    with db.session() as s:
        s.get(DecisionLine, line.id).printed_name = "Đoàn Văn Năm"
    with db.session() as s:
        s.delete(s.get(DecisionLine, line.id))


def test_the_database_keeps_the_award_name_of_the_day_of_issue(db):
    """Writers that leave the name empty (another SQLite tool, an old import) still get it."""
    _dec_id, line_id = _issued_with_line(db)
    _, (rec_id, _other) = issue_decision(db)  # entries written without a name
    with db.read() as s:
        line, rec = s.get(DecisionLine, line_id), s.get(AwardRecord, rec_id)
        names = dict(s.execute(select(AwardKind.id, AwardKind.name)).all())
        assert line.award_name == names[line.award_kind_id]
        assert rec.award_name == names[rec.award_kind_id]
    con = _raw(db)
    with pytest.raises(sqlite3.IntegrityError, match="Không được sửa"):
        con.execute("UPDATE award_record SET award_name = 'Tên mới' WHERE id = ?", (rec_id,))
    with pytest.raises(sqlite3.IntegrityError, match="Không được sửa"):
        con.execute("UPDATE award_record SET award_name = NULL WHERE id = ?", (rec_id,))
    con.close()


def _mark(db, rec_id, by):
    with db.session() as s:
        r = s.get(AwardRecord, rec_id)
        r.revoked, r.revoked_by_decision_id = True, by


def test_only_an_issued_revocation_naming_the_entry_revokes_it(db):
    dec_id, (rec_id, other_id) = issue_decision(db)
    naming_other = issue_revocation(db, [other_id], number=91)
    naming_none = issue_revocation(db, [rec_id], number=92, names=False)
    draft = issue_revocation(db, [rec_id], number=93, issued=False)
    for wrong in (dec_id, naming_other, naming_none, draft):
        with pytest.raises(ProtectedRowError, match="theo một quyết định thu hồi đã ban hành"):
            _mark(db, rec_id, wrong)
    right = issue_revocation(db, [rec_id], number=94)
    _mark(db, rec_id, right)
    with db.read() as s:
        assert s.get(AwardRecord, rec_id).revoked_by_decision_id == right


def test_an_entry_cannot_be_written_already_revoked(db):
    dec_id, (rec_id, _other) = issue_decision(db)
    with db.read() as s:
        rec = s.get(AwardRecord, rec_id)
        copy = {c.name: getattr(rec, c.name) for c in AwardRecord.__table__.columns
                if c.name not in ("id", "certificate_no", "register_no")}
    for mark in ({"revoked": True}, {"revoked_by_decision_id": dec_id}):
        with pytest.raises(ProtectedRowError, match="một mục đã thu hồi"), db.session() as s:
            s.add(AwardRecord(**{**copy, **mark}, certificate_no="2025/9999", register_no=9999))

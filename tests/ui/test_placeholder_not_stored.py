"""An editable combo box's hint ("— không chọn —") is never stored as a value, and the rows
an earlier version stored it in are cleaned by migration 0007."""

from datetime import date, datetime

from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from app.services.records import records
from db.models import Collective, Person
from tests.ui.helpers import type_text

PLACEHOLDER = "— không chọn —"


def _save(dialog):
    dialog.buttons.button(QDialogButtonBox.Save).click()


def _issue_ldtt(db, person_id: int) -> int:
    """A round for one person through the services: council, decision issued."""
    from app.services.awards import award_kinds
    from app.services.rounds import batches, council, decision_issue, decisions

    ldtt = award_kinds.get_award_kind(db, code="LDTT").id
    bid = batches.create_batch(db, "Tổng kết năm 2025", 2025)
    cids = batches.add_candidates(db, bid, [person_id], ldtt).added
    members = [council.save_member(db, council.MemberInfo(n, r)) for n, r in (
        ("Nguyễn Văn Hùng", "Chủ tịch Hội đồng"), ("Trần Thị Mai", "Ủy viên, Thư ký"))]
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "Hội trường", members)
    council.record_tallies(db, mid, [(c, 2, 2, 2) for c in cids])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        7, d.signed_on, d.title, d.bases, d.articles, d.recipients, d.signer_name,
        d.signer_title, d.sign_mode))
    decision_issue.issue_decision(db, did)
    return did


def test_person_typed_without_workplace_stores_nothing_and_prints_nothing(qtbot, org_db,
                                                                          tmp_path):
    from app.certificates import render_pdf
    from app.services.awards import certificates as svc
    from ui.screens.records_persons import PersonDialog

    records.save_collective(org_db, records.CollectiveData("Trường Tiểu học Bình Hàn"))
    dialog = PersonDialog(org_db, None)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["full_name"], "Lê Thị Hoa")
    type_text(dialog.fields["position"], "Giáo viên")
    _save(dialog)
    assert dialog.saved_id is not None
    with org_db.read() as s:
        person = s.get(Person, dialog.saved_id)
        assert (person.workplace_id, person.workplace_text) == (None, None)
    # The hint still shows, greyed in the empty field (never the box's text).
    assert dialog.fields["workplace"].lineEdit().placeholderText() == PLACEHOLDER

    did = _issue_ldtt(org_db, dialog.saved_id)
    out = tmp_path / "giấy khen.pdf"
    render_pdf(svc.gather(org_db, did), out)
    printed = PdfReader(out).pages[0].extract_text()
    assert "Lê Thị Hoa" in printed and "Giáo viên" in printed
    assert "không chọn" not in printed


def test_workplace_typed_or_chosen_is_kept(qtbot, org_db):
    from ui.screens.records_persons import PersonDialog

    school = records.save_collective(org_db, records.CollectiveData("Trường Tiểu học Bình Hàn"))
    dialog = PersonDialog(org_db, None)
    qtbot.addWidget(dialog)
    type_text(dialog.fields["full_name"], "Lê Văn Nam")
    box = dialog.fields["workplace"]
    box.setCurrentIndex(box.findData(school))
    _save(dialog)
    typed = PersonDialog(org_db, None)
    qtbot.addWidget(typed)
    type_text(typed.fields["full_name"], "Phạm Thị Thu")
    type_text(typed.fields["workplace"].lineEdit(), "Hợp tác xã Bình Minh")
    _save(typed)
    with org_db.read() as s:
        assert s.get(Person, dialog.saved_id).workplace_id == school
        assert s.get(Person, typed.saved_id).workplace_text == "Hợp tác xã Bình Minh"
    again = PersonDialog(org_db, dialog.saved_id)  # reopened and saved unchanged
    qtbot.addWidget(again)
    _save(again)
    with org_db.read() as s:
        assert (s.get(Person, dialog.saved_id).workplace_id,
                s.get(Person, dialog.saved_id).workplace_text) == (school, None)


def test_no_editable_box_saves_its_hint(qtbot, org_db):
    """Every form with an editable combo box: saved untouched, none stores the hint."""
    from ui.screens.records_collectives import CollectiveDialog

    dialog = CollectiveDialog(org_db, None)
    qtbot.addWidget(dialog)
    type_text(dialog.fields["name"], "Chi hội Phụ nữ khu 3")
    _save(dialog)
    with org_db.read() as s:
        assert s.get(Collective, dialog.saved_id).kind is None
    from ui.widgets.form import combo, combo_value

    for items in ([], ["văn hóa"], [(1, "Trường học")]):
        box = combo(items, editable=True)
        qtbot.addWidget(box)
        assert combo_value(box) is None


def test_migration_0007_cleans_stored_hints(tmp_path):
    """A database at the previous head holding the hint in every column it reached."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from db.engine import Database
    from db.migrate import alembic_config, open_database

    cfg = alembic_config()
    previous = ScriptDirectory.from_config(cfg).get_revision(
        "0007_workplace_placeholder").down_revision  # whatever it is chained after
    path = tmp_path / "cũ.sqlite"
    old = Database(path)
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, previous)
        sql = conn.exec_driver_sql
        now = "'2025-01-01 00:00:00'"
        sql(f"INSERT INTO subject (id, type, name, name_folded, sort_key, created_at, updated_at) "
            f"VALUES (1, 'person', 'A', 'a', 'a', {now}, {now}), "
            f"(2, 'person', 'B', 'b', 'b', {now}, {now}), "
            f"(3, 'collective', 'C', 'c', 'c', {now}, {now}), "
            f"(4, 'person', 'D', 'd', 'd', {now}, {now})")
        sql(f"INSERT INTO person (id, position, workplace_text) VALUES (1, 'Giáo viên', "
            f"'{PLACEHOLDER}'), (2, NULL, 'Hợp tác xã'), (4, NULL, ' {PLACEHOLDER} ')")
        sql(f"INSERT INTO collective (id, kind) VALUES (3, '{PLACEHOLDER}')")
        sql(f"INSERT INTO initiative (id, year, title, title_folded, scope, recognized, field, "
            f"created_at, updated_at) VALUES (1, 2025, 'S', 's', 'co_so', 0, '{PLACEHOLDER}', "
            f"{now}, {now}), (2, 2025, 'K', 'k', 'co_so', 0, 'Giáo dục', {now}, {now})")
        sql(f"INSERT INTO role_model (id, subject_id, year, field, created_at, updated_at) "
            f"VALUES (1, 1, 2025, '{PLACEHOLDER}', {now}, {now})")
        sql(f"INSERT INTO award_kind (id, code, name, category, subject_types, level, "
            f"awarded_here, vote_base, secret_ballot, annual, active, sort_order, created_at, "
            f"updated_at) VALUES (1, 'LDTT', 'Lao động tiên tiến', 'danh_hieu', 'person', 'xa', "
            f"1, 'present', 0, 1, 1, 1, {now}, {now})")
        sql(f"INSERT INTO decision (id, year, symbol, kind, title, level, external, status, "
            f"total_money, created_at, updated_at) VALUES (1, 2025, 'QĐ-UBND', 'khen_thuong', "
            f"'T', 'xa', 0, 'draft', 0, {now}, {now})")
        sql(f"INSERT INTO decision_line (id, decision_id, subject_id, award_kind_id, "
            f"achievement_year, printed_name, position_line, money, sort_order) VALUES "
            f"(1, 1, 1, 1, 2025, 'A', 'Giáo viên, {PLACEHOLDER}', 0, 1), "
            f"(2, 1, 4, 1, 2025, 'D', '{PLACEHOLDER}', 0, 2)")
    old.dispose()

    db = open_database(path)  # upgrades to the head
    with db.read() as s:
        sql = s.connection().exec_driver_sql
        assert sql("SELECT id, workplace_text FROM person ORDER BY id").all() == [
            (1, None), (2, "Hợp tác xã"), (4, None)]
        assert sql("SELECT kind FROM collective").all() == [(None,)]
        assert sql("SELECT field FROM initiative ORDER BY id").all() == [(None,), ("Giáo dục",)]
        assert sql("SELECT field FROM role_model").all() == [(None,)]
        assert sql("SELECT position_line FROM decision_line ORDER BY id").all() == [
            ("Giáo viên",), (None,)]
        assert s.scalars(select(Person.id)).all() == [1, 2, 4]
    db.dispose()


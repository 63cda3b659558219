"""Renaming an award kind (allowed, for future decisions) never changes what was issued: the
register list, its export and printed book, certificates, the history certificate, the public
list, the decision's reprint and the revoke dialog all keep the name of the day of issue."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from app.reports import history, public_list
from app.services.awards import award_kinds, award_ui_support, certificates, register
from app.services.rounds import batches, council, decision_issue, decisions, paperwork
from tests.awards.awards_world import build_world

OLD = "Lao động tiên tiến"
NEW = "Lao động tiên tiến (tên mới theo Nghị định năm 2030)"


def _issue(db, did, number, day):
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        number, day, d.title, d.bases, d.articles, d.recipients, d.signer_name, d.signer_title,
        d.sign_mode))
    return decision_issue.issue_decision(db, did)


@pytest.fixture
def issued(db):
    world = build_world(db)
    assert award_kinds.get_award_kind(db, code="LDTT").name == OLD
    bid = batches.create_batch(db, "Tổng kết năm 2025", 2025)
    added = batches.add_candidates(db, bid, world.persons[:2], world.kinds["LDTT"]).added
    mid = council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "UBND", world.members)
    council.record_tallies(db, mid, [(c, 9, 9, 9) for c in added])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2025, 12, 5))
    result = _issue(db, did, 10, date(2025, 12, 5))
    kind = award_kinds.get_award_kind(db, code="LDTT")
    award_kinds.save_award_kind(db, replace(kind, name=NEW))  # years later, a new decree
    return db, world, did, result


def test_register_list_export_and_book_keep_the_name_of_the_day(issued, tmp_path):
    db, world, _did, _result = issued
    src = register.register_source(db)
    rows = src.rows(src.ids("", {}, None))
    assert {r[4] for r in rows} == {OLD}
    assert {h.award_name for h in register.subject_history(db, world.persons[0])} == {OLD}
    out = tmp_path / "sổ.xlsx"
    register.export_xlsx(db, out, year=2025)
    cells = {c.value for row in load_workbook(out).active.iter_rows() for c in row}
    assert OLD in cells and NEW not in cells
    book = register.register_book(db, 2025)
    table = next(b for b in book.blocks if hasattr(b, "rows"))
    assert {row[3] for row in table.rows} == {OLD}


def test_certificate_reprint_keeps_the_name_of_the_day(issued):
    db, _world, did, _result = issued
    assert {c.award_name for c in certificates.gather(db, did)} == {OLD}
    assert {ln.award_name for ln in certificates.decision_lines(db, did)} == {OLD}


def test_history_certificate_public_list_and_decision_reprint_keep_it(issued):
    db, world, did, _result = issued
    assert [ln.award for ln in history.subject_history(db, world.persons[0]).lines] == [OLD]
    assert {ln.award for ln in public_list.decision_list(db, did).lines} == {OLD}
    with db.read() as s:
        assert {e.award_name for e in paperwork.decision_data(s, did).entries} == {OLD}
    src = register.register_source(db)
    first = src.ids("", {}, None)[0]
    assert award_ui_support.record_info(db, first).award_name == OLD


def test_revocation_of_an_old_entry_names_the_award_as_it_was_given(issued):
    db, _world, _did, _result = issued
    src = register.register_source(db)
    rid = src.ids("", {}, None)[0]
    rv = decision_issue.draft_revocation(db, [rid], "Kê khai không đúng", date(2026, 3, 2))
    with db.read() as s:  # a draft list already names the entry's award as printed
        assert {e.award_name for e in paperwork.decision_data(s, rv).entries} == {OLD}
    _issue(db, rv, 11, date(2026, 3, 2))
    with db.read() as s:
        assert {e.award_name for e in paperwork.decision_data(s, rv).entries} == {OLD}


def test_a_new_decision_uses_the_new_name(issued):
    db, world, _did, _result = issued
    bid = batches.create_batch(db, "Tổng kết năm 2031", 2031)
    added = batches.add_candidates(db, bid, world.persons[2:3], world.kinds["LDTT"]).added
    mid = council.create_meeting(db, bid, datetime(2031, 12, 1, 8), "UBND", world.members)
    council.record_tallies(db, mid, [(c, 9, 9, 9) for c in added])
    did = decisions.draft_from_batch(db, bid, signed_on=date(2031, 12, 5))
    _issue(db, did, 3, date(2031, 12, 5))
    assert {c.award_name for c in certificates.gather(db, did)} == {NEW}
    src = register.register_source(db)
    assert sorted(r[4] for r in src.rows(src.ids("", {}, None))) == [OLD, OLD, NEW]

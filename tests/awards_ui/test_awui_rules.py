"""Quy định đang áp dụng, the rule pack consent dialog at start-up, and the ND 152 Điều 4
fields on the record forms (issue 11), used as an officer would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from app.rules import apply, store
from app.services.awards import award_kinds
from app.services.records import records
from tests.ui.helpers import type_text
from ui import dialogs


def _lines(page, words: str):
    return [x for x in page.model.items if all(w in f"{x.name} {x.value}" for w in words.split("|"))]


def test_rules_screen_lists_rules_with_source_dates_and_the_wards_edits(qtbot, window,
                                                                        when_dialog):
    from ui.screens.rules_in_force import RuleItemDialog

    page = window.show_screen("rules_in_force")
    page.day.setText("01/07/2026")
    page.reload()
    salary = [x for x in page.model.items if x.topic == "base_salary"]
    assert [x.value for x in salary] == ["2.530.000 đ"]
    assert "161/2026/NĐ-CP" in salary[0].source and salary[0].verify
    assert salary[0].period == "từ 01/07/2026"
    page.day.setText("30/06/2026")
    page.reload()
    assert [x.value for x in page.model.items if x.topic == "base_salary"] == ["2.340.000 đ"]
    assert _lines(page, "Chiến sĩ thi đua cơ sở — người quyết định|cấp huyện") == []
    deciders = _lines(page, "Chiến sĩ thi đua cơ sở — người quyết định|cấp xã")
    assert deciders and "Điều 59 Nghị định 129/2025/NĐ-CP" in deciders[0].source
    type_text(page.search, "ho gia dinh")
    assert page.model.items and len(page.model.items) < len(page.lines)  # folded search
    home = [x for x in page.model.items if x.topic == "coefficient"
            and x.name == "Giấy khen của Chủ tịch Ủy ban nhân dân — hệ số hộ gia đình"]
    assert [(x.value, x.period) for x in home] == [("hệ số 0,45", "từ 01/07/2025")]
    assert not home[0].edited

    row = page.model.items.index(home[0])
    page.table.selectRow(row)
    assert "Điều 54" in page.details.toPlainText()

    def edit(d: RuleItemDialog):
        d.fields["value"].setText("0,5")
        d.fields["verify_note"].setPlainText("Theo công văn của tỉnh")
        d.buttons.button(d.buttons.StandardButton.Save).click()

    when_dialog(RuleItemDialog, edit)
    page.edit_rule()
    edited = [x for x in page.model.items if x.name == home[0].name]
    assert [(x.value, x.edited) for x in edited] == [("hệ số 0,5", True)]
    with window.db.read() as s:
        gk = award_kinds.get_award_kind(window.db, code="GK_CT").id
        from app.services.awards import money

        assert money.coefficient_on(s, gk, "household", date(2026, 7, 1)) == 0.5


def test_choosing_the_province_pack_asks_first_and_applies_what_is_ticked(qtbot, window,
                                                                        monkeypatch):
    shown = []

    def review(parent, plan):
        shown.append(plan)
        return {c.key for c in plan.shown if "Lao động tiên tiến" in c.label}

    monkeypatch.setattr(dialogs, "review_rule_update", review)
    monkeypatch.setattr(dialogs, "info", lambda *a, **k: None)
    page = window.show_screen("rules_in_force")
    page.province.setCurrentIndex(page.province.findData("bac_ninh"))
    page.choose_province()
    assert shown and "Bắc Ninh" in shown[0].to_label
    ldtt = award_kinds.get_award_kind(window.db, code="LDTT")
    gk = award_kinds.get_award_kind(window.db, code="GK_CT")
    assert ldtt.vote_strict and "Công nhân, nông dân" in ldtt.criteria  # ticked
    assert not gk.vote_strict and "đất đai" not in gk.criteria  # not ticked: kept
    with window.db.read() as s:
        assert store.province(s) == "bac_ninh"
    assert "Bắc Ninh" in page.installed.text()


def test_consent_dialog_shows_edits_unticked_next_to_both_pack_values(qtbot, org_db):
    from ui.screens.rule_update_dialog import RuleUpdateDialog

    apply.apply_update(org_db, province="bac_ninh")
    gk = award_kinds.get_award_kind(org_db, code="GK_CT")
    award_kinds.save_award_kind(org_db, replace(gk, criteria="Tiêu chí riêng của phường"))
    plan = apply.check_update(org_db, "mac_dinh")
    dialog = RuleUpdateDialog(plan)
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = {table.item(r, 1).text() + "|" + table.item(r, 2).text(): r
            for r in range(table.rowCount())}
    own = rows["Giấy khen của Chủ tịch Ủy ban nhân dân|Tiêu chuẩn"]
    assert table.item(own, 0).checkState() == Qt.Unchecked
    assert table.item(own, 3).text().startswith("Tiêu chí riêng của phường")
    assert "đất đai" in table.item(own, 4).text()  # what the Bắc Ninh pack had delivered
    assert "đất đai" not in table.item(own, 5).text()  # the neutral pack's criteria
    assert dialog.accepted_keys() == plan.default_accept
    assert plan.conflicts and all(c.key not in dialog.accepted_keys() for c in plan.conflicts)
    dialog.findChild(type(dialog.apply_button), None)
    for button in dialog.findChildren(type(dialog.apply_button)):
        if button.text() == "Chọn tất cả":
            button.click()
    assert dialog.accepted_keys() == {c.key for c in plan.shown}


def test_newer_pack_is_offered_after_the_window_shows(qtbot, org_db, monkeypatch):
    from sqlalchemy import select

    from db.models import AwardKind, Setting
    from ui.main_window import MainWindow
    from ui.screens.rules_hooks import offer_rule_update

    with org_db.session() as s:  # the database received an older pack with other criteria
        s.get(Setting, store.INSTALLED_KEY).value = {
            "national": "2025.1", "province": "mac_dinh", "province_version": "2026.1"}
        ldtt = s.scalar(select(AwardKind).where(AwardKind.code == "LDTT"))
        ldtt.criteria = "Tiêu chuẩn của gói cũ"
        ldtt.pack_values = {**ldtt.pack_values, "criteria": "Tiêu chuẩn của gói cũ"}
    seen = []

    def review(parent, plan):
        seen.append((parent.isVisible(), [c.previous for c in plan.shown]))
        return set()  # the officer unticks everything: nothing changes, not asked again

    monkeypatch.setattr(dialogs, "review_rule_update", review)
    monkeypatch.setattr(dialogs, "info", lambda *a, **k: None)
    win = MainWindow(org_db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.show()
    offer_rule_update(win, org_db)
    assert seen == []  # queued: the window is shown first
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(True, ["Tiêu chuẩn của gói cũ"])]
    with org_db.read() as s:
        assert store.installed(s)["national"] == "2026.1"
    assert apply.check_update(org_db) is None
    assert award_kinds.get_award_kind(org_db, code="LDTT").criteria == "Tiêu chuẩn của gói cũ"


def test_record_forms_take_the_nd_152_dieu_4_fields(qtbot, window, ward, when_dialog):
    from ui.screens.records_collectives import CollectiveDialog
    from ui.screens.records_persons import PersonDialog

    def person(d: PersonDialog):
        d.fields["under_discipline"].setChecked(True)
        type_text(d.fields["hold_note"], "Quyết định xem xét kỷ luật số 12")
        type_text(d.fields["maternity_from"], "01/02/2025")
        type_text(d.fields["maternity_to"], "31/07/2025")
        d.buttons.button(d.buttons.StandardButton.Save).click()

    when_dialog(PersonDialog, person)
    PersonDialog(window.db, ward.persons[0], window).exec()
    p = records.get_person(window.db, ward.persons[0])
    assert p.under_discipline and p.hold_note == "Quyết định xem xét kỷ luật số 12"
    assert (p.maternity_from, p.maternity_to) == (date(2025, 2, 1), date(2025, 7, 31))

    school = records.save_collective(window.db, records.CollectiveData("Trường Mầm non Hoa Sen"))

    def collective(d: CollectiveDialog):
        type_text(d.fields["members_total"], "20")
        type_text(d.fields["women_members"], "25")
        d.buttons.button(d.buttons.StandardButton.Save).click()
        assert "lớn hơn tổng số thành viên" in d.error_label.text()
        d.fields["women_members"].setText("18")
        d.buttons.button(d.buttons.StandardButton.Save).click()

    when_dialog(CollectiveDialog, collective)
    CollectiveDialog(window.db, school, window).exec()
    c = records.get_collective(window.db, school)
    assert (c.members_total, c.women_members) == (20, 18)


def test_tally_table_says_more_than_for_a_strict_rule(qtbot):
    from decimal import Decimal

    from app.services.rounds.council import TallyRow
    from ui.screens.batch_tally import threshold_text

    row = TallyRow(1, "Nguyễn Thị Ánh", "LDTT", "Lao động tiên tiến", 8, 8, 4, 8,
                   Decimal("50.0"), Decimal(50), False, True, vote_base="present", strict=True)
    assert threshold_text(row) == "trên 50%"
    assert threshold_text(TallyRow(**{**row.__dict__, "strict": False})) == "50%"
    assert row.rule_label == "trên 50% thành viên có mặt (8 người)"


def test_start_up_offers_the_newer_pack_once_the_file_is_checked(qtbot, org_db, monkeypatch):
    from sqlalchemy import select

    from db.models import AwardKind, Setting
    from tests.ui.helpers import DialogRecorder
    from ui import app as gui

    with org_db.session() as s:  # a database that received the previous pack
        s.get(Setting, store.INSTALLED_KEY).value = {
            "national": "2025.1", "province": "mac_dinh", "province_version": "2026.1"}
        ldtt = s.scalar(select(AwardKind).where(AwardKind.code == "LDTT"))
        ldtt.criteria = "Tiêu chuẩn của gói cũ"
        ldtt.pack_values = {**ldtt.pack_values, "criteria": "Tiêu chuẩn của gói cũ"}
    DialogRecorder(monkeypatch, confirm=False)
    seen = []

    def review(parent, plan):
        seen.append((parent.check_label.text(), parent.db.writes_allowed))
        return plan.default_accept

    monkeypatch.setattr(dialogs, "review_rule_update", review)
    startup = gui.start_gui(str(org_db.path))
    try:
        qtbot.waitUntil(lambda: bool(seen), timeout=15_000)
        assert seen == [("Dữ liệu đã kiểm tra: tốt", True)]  # after the window and the check
        qtbot.waitUntil(lambda: award_kinds.get_award_kind(
            startup.window.db, code="LDTT").criteria.startswith("Hoàn thành tốt"),
            timeout=5000)
    finally:
        startup.window.skip_exit_backup = True
        startup.window.close()
        startup.window.db.close()

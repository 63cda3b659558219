"""Quỹ thi đua: a new line's date follows the chosen year; a date of another year is refused
with a message on the form."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from app.services.awards import fund
from tests.ui.helpers import type_text
from ui.screens.fund import FundLineDialog


def test_new_line_is_dated_in_the_chosen_year(qtbot, window, when_dialog):
    page = window.show_screen("fund")
    past = date.today().year - 2
    page.year.setValue(past)
    seen = {}

    def budget(d: FundLineDialog):
        f = d.fields
        seen["default"] = f["on_date"].text()
        f["year"].setValue(date.today().year)
        seen["this_year"] = f["on_date"].text()
        f["year"].setValue(past)
        type_text(f["amount"], "80.000.000")
        type_text(f["description"], "Dự toán được giao")
        f["on_date"].setText("")
        type_text(f["on_date"], f"05/01/{past + 1}")
        d.buttons.button(QDialogButtonBox.Save).click()
        seen["error"] = d.error_label.text()
        f["year"].setValue(past + 1)  # a date the user typed in the new year stays
        seen["kept"] = f["on_date"].text()
        f["year"].setValue(past)
        d.buttons.button(QDialogButtonBox.Save).click()

    when_dialog(FundLineDialog, budget)
    page.action_new()
    assert seen["default"] == f"31/12/{past}"
    assert seen["this_year"] == date.today().strftime("%d/%m/%Y")
    assert f"không thuộc năm {past}" in seen["error"]
    assert seen["kept"] == f"05/01/{past + 1}"
    assert [x.on_date for x in fund.list_lines(window.db, past)] == [date(past, 12, 31)]
    assert page.year.value() == past and "còn lại 80.000.000 đồng" in page.balance.text()


def test_carry_over_asks_then_adds_one_line(qtbot, window, org_db, dialogs):
    fund.add_line(org_db, 2025, "du_toan", 80_000_000, "Dự toán năm 2025", date(2025, 1, 15))
    page = window.show_screen("fund")
    page.year.setValue(2026)
    page.carry_button.click()
    assert dialogs.messages[0][:2] == ("confirm", "Chuyển số dư năm trước")
    assert "80.000.000 đồng" in dialogs.texts("confirm")[0]
    assert [x.group_label for x in page.model.items] == ["Số dư năm trước chuyển sang"]
    assert page.model.index(0, 5).data() == "Chuyển từ năm trước"  # not "Nhập tay"
    assert page.balance.text().startswith("Năm 2026: số dư năm trước 80.000.000 đồng — thu 0 đồng")
    assert "còn lại 80.000.000 đồng" in page.balance.text()
    page.carry_button.click()  # twice: refused with the reason, nothing added
    assert "đã có dòng số dư năm 2025 chuyển sang" in dialogs.texts("warn")[-1]
    assert len(fund.list_lines(org_db, 2026)) == 1

    fund.add_line(org_db, 2025, "chi_khac", 500_000, "Khung giấy khen", date(2025, 12, 30))
    page.reload()
    assert ("Số dư năm 2025 đã thay đổi sau khi chuyển sang: nay còn 79.500.000 đồng"
            in page.balance.text())

"""Buttons for the ward's yearly papers on their own screens: the fund report (Quỹ thi đua,
khen thưởng), the kiện toàn decision with its quy chế (council members), a movement's plan
or launching decision (Phong trào thi đua)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QPushButton

from ui import dialogs
from ui.screens.document_menu import menu_button, preview


def fund_report_button(page) -> QPushButton:
    """"In báo cáo quỹ…" for the year the fund screen shows (``page.year``)."""
    button = QPushButton("In báo cáo quỹ…", page)
    button.setObjectName("fund_report")
    button.clicked.connect(lambda: preview(page, "fund_report", page.year.value(), date.today(),
                                           suffix=str(page.year.value())))
    return button


def council_setup_button(dialog) -> QPushButton:
    """"In quyết định kiện toàn…" on the council members' window."""
    def run() -> None:
        from app.services.rounds import council_setup
        from ui.screens.document_forms import NumberDateDialog

        year = date.today().year
        form = NumberDateDialog(dialog.db, "Quyết định kiện toàn Hội đồng Thi đua - Khen thưởng",
                                council_setup.input_key(year), "",
                                "Danh sách thành viên lấy theo ngày ký (để trống: hôm nay); tỷ lệ "
                                "họp và biểu quyết lấy từ Danh hiệu và mức thưởng.",
                                replaces=True, parent=dialog)
        if form.exec():
            preview(dialog, "council_setup", year)

    button = QPushButton("In quyết định kiện toàn…", dialog)
    button.setObjectName("council_setup")
    button.clicked.connect(run)
    return button


def movement_button(page):
    """"In văn bản ▾" on the movements list: the plan, or the decision launching it."""
    def run(with_decision: bool) -> None:
        from ui.screens.document_forms import MovementPlanDialog

        mid = page.selected_id()
        if mid is None:
            dialogs.info(page, "Chưa chọn", "Hãy chọn một phong trào.")
            return
        if MovementPlanDialog(page.db, mid, with_decision, page).exec():
            preview(page, "movement_decision" if with_decision else "movement_plan", mid,
                    suffix=str(mid))

    return menu_button(page, [("Kế hoạch phát động phong trào…", lambda: run(False)),
                              ("Quyết định phát động, kèm kế hoạch…", lambda: run(True))],
                       name="movement_documents")
